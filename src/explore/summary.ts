// The explore action's job summary: the listing (first 100 entries) and the preview (its columns,
// and the sample rows asked for), as tables whose every cell is escaped: a file name cannot break
// a table or add markup.

import { MAX_PREVIEW_ROWS, type ExploreEntry, type Preview } from '../platform/explore.js'
import { Summary } from '../platform/summary.js'

export const SUMMARY_ENTRIES = 100

export interface ExploreFacts {
  listed: string
  entries?: readonly ExploreEntry[]
  expect?: string
  matches?: readonly string[]
  /** With if-missing: skip, when nothing matched: what was listed and expected, and that the step stopped there. */
  missing?: string
  /** The preview as read, its rows already kept to the `rowsAsked` the workflow asked for. */
  preview?: { file: string; result: Preview; rowsAsked: number }
  dryRun?: boolean
  error?: string
  runUrl?: string
}

export async function writeSummary(facts: ExploreFacts): Promise<void> {
  const summary = new Summary().heading(`Explore ${facts.listed}`)
  if (facts.entries !== undefined) {
    const shown = facts.entries.slice(0, SUMMARY_ENTRIES)
    summary.table(
      ['Type', 'Name', 'Path'],
      shown.map((e) => [e.type, e.name, e.path]),
      { codeColumns: [2] }
    )
    if (facts.entries.length > shown.length) summary.paragraph(`${shown.length} of ${facts.entries.length} entries shown.`)
  }
  if (facts.expect !== undefined && facts.matches !== undefined) {
    summary.paragraph(`${facts.matches.length} entr${facts.matches.length === 1 ? 'y matches' : 'ies match'} ${facts.expect}`, 'Expected:')
  }
  if (facts.missing !== undefined) summary.paragraph(facts.missing, 'Nothing matched:')
  if (facts.preview !== undefined) {
    const { columns, rows } = facts.preview.result
    summary.paragraph(facts.preview.file, 'Preview of')
    summary.table(
      columns.map((c) => `${c.name} (${c.type})`),
      rows.map((row) => columns.map((c) => cellText(row[c.name])))
    )
    if (facts.preview.rowsAsked === 0)
      summary.paragraph(
        `columns only; set preview-rows (up to ${MAX_PREVIEW_ROWS}) to show sample rows here and in the rows output.`,
        'Rows:'
      )
  }
  if (facts.dryRun === true) summary.dryRun()
  if (facts.error !== undefined) summary.paragraph(facts.error, 'Failed:')
  if (facts.runUrl !== undefined) summary.link('Workflow run', facts.runUrl)
  await summary.write()
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}
