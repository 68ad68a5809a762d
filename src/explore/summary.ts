// The explore action's job summary: the listing (first 100 entries) and the preview, as tables
// whose every cell is escaped: a file name cannot break a table or add markup.

import type { ExploreEntry } from '../platform/explore.js'
import { Summary } from '../platform/summary.js'
import type { Preview } from '../platform/explore.js'

export const SUMMARY_ENTRIES = 100

export interface ExploreFacts {
  listed: string
  entries?: readonly ExploreEntry[]
  expect?: string
  matches?: readonly string[]
  preview?: { file: string; result: Preview }
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
  if (facts.preview !== undefined) {
    const { columns, rows } = facts.preview.result
    summary.paragraph(facts.preview.file, 'Preview of')
    summary.table(
      columns.map((c) => `${c.name} (${c.type})`),
      rows.map((row) => columns.map((c) => cellText(row[c.name])))
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
