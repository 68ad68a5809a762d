// The job summary, built from parts that escape every value: a server's text can neither break
// out of its table cell nor add markup. Writing it never decides a run's outcome.

import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { summaryText } from './text.js'

/**
 * GitHub takes 1 MiB of job summary per step at most, and drops all of it beyond: a summary stays
 * well under, cutting its tables with a note that says so.
 */
export const MAX_SUMMARY_BYTES = 900 * 1024

/** Columns a table shows at most: wider ones (a preview of a 1000-column file) are cut, with a note. */
export const MAX_COLUMNS = 100

/** A table cell: text, or text that links somewhere (only https URLs the action builds itself are linked). */
export type Cell = string | { text: string; href: string }

export class Summary {
  private readonly parts: string[] = []
  private bytes = 0

  constructor(private readonly maxBytes = MAX_SUMMARY_BYTES) {}

  heading(text: string): this {
    return this.add(`<h3>${summaryText(text)}</h3>`)
  }

  /** A two-column table of facts; values in code style, each a link when it carries one. */
  facts(rows: readonly (readonly [string, Cell])[]): this {
    return this.table(['Field', 'Value'], rows, { codeColumns: [1] })
  }

  /** A table; every cell is escaped. Rows (and columns beyond MAX_COLUMNS) that do not fit are left out, and a note says how many. */
  table(header: readonly string[], rows: readonly (readonly Cell[])[], options: { codeColumns?: readonly number[] } = {}): this {
    const code = new Set(options.codeColumns ?? [])
    const columns = Math.min(header.length, MAX_COLUMNS)
    const head = `<tr>${header
      .slice(0, columns)
      .map((h) => `<th>${summaryText(h)}</th>`)
      .join('')}</tr>`
    // Room kept for the note, should one be needed.
    let left = this.maxBytes - this.bytes - utf8(head) - 400
    const body: string[] = []
    for (const row of rows) {
      const html = `<tr>${row
        .slice(0, columns)
        .map((value, column) => `<td>${cellHtml(value, code.has(column))}</td>`)
        .join('')}</tr>`
      if (utf8(html) > left) break
      body.push(html)
      left -= utf8(html)
    }
    if (left < 0) return this.note('A table was left out: the job summary of a step holds 1 MiB at most.')
    this.add(`<table>${head}${body.join('')}</table>`)
    const cut = [
      ...(body.length < rows.length ? [`${body.length} of ${rows.length} rows`] : []),
      ...(columns < header.length ? [`${columns} of ${header.length} columns`] : [])
    ]
    return cut.length > 0 ? this.note(`The table above shows ${cut.join(' and ')}: the job summary of a step holds 1 MiB at most.`) : this
  }

  /** What every action's dry run says in its summary. */
  dryRun(): this {
    return this.paragraph(
      'the inputs are valid; no token was requested and nothing was sent. The step log lists the requests a real run would send.',
      'Dry run:'
    )
  }

  paragraph(text: string, label?: string): this {
    return this.add(`<p>${label !== undefined ? `<strong>${summaryText(label)}</strong> ` : ''}${summaryText(text, 2000)}</p>`)
  }

  link(text: string, url: string): this {
    // Only URLs the action builds itself are linked (https only); they are escaped all the same.
    return /^https:\/\//.test(url) ? this.add(`<p><a href="${summaryText(url)}">${summaryText(text)}</a></p>`) : this
  }

  /** The summary as it would be written. */
  html(): string {
    return this.parts.join('\n')
  }

  private note(text: string): this {
    return this.add(`<p><em>${summaryText(text)}</em></p>`)
  }

  /** A part, if it fits in what is left of the budget: a summary over it would be dropped whole. */
  private add(part: string): this {
    const size = utf8(part) + 1
    if (this.bytes + size > this.maxBytes) return this
    this.parts.push(part)
    this.bytes += size
    return this
  }

  /** Appends to the step's summary file; outside a runner there is none, and nothing is written. */
  async write(): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return
    try {
      await core.summary.addRaw(this.html(), true).write()
    } catch (error) {
      // The summary decorates the run; it never decides its outcome.
      core.warning(`Could not write the job summary: ${errorMessage(error)}`)
    } finally {
      core.summary.emptyBuffer()
    }
  }
}

function utf8(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function cellHtml(cell: Cell, code: boolean): string {
  const text = typeof cell === 'string' ? cell : cell.text
  const inner = code ? `<code>${summaryText(text)}</code>` : summaryText(text)
  return typeof cell !== 'string' && /^https:\/\//.test(cell.href) ? `<a href="${summaryText(cell.href, 2000)}">${inner}</a>` : inner
}
