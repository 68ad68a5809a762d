// The dataflow action's job summary: the dataflow and its parts, what changed, and its run.

import { Summary } from '../platform/summary.js'
import type { Run } from './model.js'
import type { Change } from './decide.js'

export interface DataflowFacts {
  name: string
  operation: string
  flowId?: string
  sourceId?: string
  targetId?: string
  mapping?: { id: string; version: number }
  changes: readonly Change[]
  run?: Run
  error?: string
  runUrl?: string
}

export async function writeSummary(facts: DataflowFacts): Promise<void> {
  const summary = new Summary().heading(`Dataflow ${facts.name}`).facts([
    ['Operation', facts.operation],
    ['Dataflow ID', facts.flowId ?? '-'],
    ['Source connection', facts.sourceId ?? '-'],
    ['Target connection', facts.targetId ?? '-'],
    ['Mapping set', facts.mapping !== undefined ? `${facts.mapping.id} version ${facts.mapping.version}` : '-']
  ])
  if (facts.changes.length > 0) {
    summary.table(
      ['Action', 'Object', 'Field', 'From', 'To', 'Note'],
      facts.changes.map((c) => [c.action, c.object, c.field ?? '', shown(c.from), shown(c.to), c.note ?? ''])
    )
  }
  if (facts.run !== undefined) {
    const { run } = facts
    summary.facts([
      ['Run', run.id],
      ['Status', run.status],
      ['Records read', String(run.recordsRead ?? '-')],
      ['Records written', String(run.recordsWritten ?? '-')],
      ['Records failed', String(run.recordsFailed ?? '-')]
    ])
  }
  if (facts.operation === 'dry-run') summary.dryRun()
  if (facts.error !== undefined) summary.paragraph(facts.error, 'Failed:')
  if (facts.runUrl !== undefined) summary.link('Workflow run', facts.runUrl)
  await summary.write()
}

function shown(value: unknown): string {
  return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
}
