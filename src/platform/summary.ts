// The job summary, built from parts that escape every value: a server's text can neither break
// out of its table cell nor add markup. Writing it never decides a run's outcome.

import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { summaryText } from './text.js'

export class Summary {
  private readonly parts: string[] = []

  heading(text: string): this {
    this.parts.push(`<h3>${summaryText(text)}</h3>`)
    return this
  }

  /** A two-column table of facts; values in code style. */
  facts(rows: readonly (readonly [string, string])[]): this {
    return this.table(
      ['Field', 'Value'],
      rows.map(([field, value]) => [field, value]),
      { codeColumns: [1] }
    )
  }

  /** A table; every cell is escaped. */
  table(header: readonly string[], rows: readonly (readonly string[])[], options: { codeColumns?: readonly number[] } = {}): this {
    const code = new Set(options.codeColumns ?? [])
    const cell = (value: string, column: number): string => (code.has(column) ? `<code>${summaryText(value)}</code>` : summaryText(value))
    const head = `<tr>${header.map((h) => `<th>${summaryText(h)}</th>`).join('')}</tr>`
    const body = rows.map((row) => `<tr>${row.map((value, column) => `<td>${cell(value, column)}</td>`).join('')}</tr>`)
    this.parts.push(`<table>${head}${body.join('')}</table>`)
    return this
  }

  /** What every action's dry run says in its summary. */
  dryRun(): this {
    return this.paragraph(
      'the inputs are valid; no token was requested and nothing was sent. The step log lists the requests a real run would send.',
      'Dry run:'
    )
  }

  paragraph(text: string, label?: string): this {
    this.parts.push(`<p>${label !== undefined ? `<strong>${summaryText(label)}</strong> ` : ''}${summaryText(text, 2000)}</p>`)
    return this
  }

  link(text: string, url: string): this {
    // Only the run's own URL (from the runner's environment) is linked; it is escaped all the same.
    if (/^https:\/\//.test(url)) this.parts.push(`<p><a href="${summaryText(url)}">${summaryText(text)}</a></p>`)
    return this
  }

  /** Appends to the step's summary file; outside a runner there is none, and nothing is written. */
  async write(): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return
    try {
      await core.summary.addRaw(this.parts.join('\n'), true).write()
    } catch (error) {
      // The summary decorates the run; it never decides its outcome.
      core.warning(`Could not write the job summary: ${errorMessage(error)}`)
    } finally {
      core.summary.emptyBuffer()
    }
  }
}
