// The dataflow action's job summary: what a reviewer needs of the dataflow (its dataset, the path
// it reads, its schedule and next run, linked to the Platform UI), what changed, and its run.

import { Summary, type Cell } from '../platform/summary.js'
import type { UiLinks } from '../platform/ui-links.js'
import type { Change } from './decide.js'
import type { ExistingFlow, Run } from './model.js'
import { iso } from './runs.js'

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
  /** What the inputs name: shown whatever the outcome (a teardown names only the connection, if given). */
  connectionId?: string
  datasetId?: string
  sourcePath?: string
  schedule?: ExistingFlow['schedule']
  links: UiLinks
}

export async function writeSummary(facts: DataflowFacts, nowMs: number): Promise<void> {
  const { links } = facts
  const link = (text: string | undefined, href: (id: string) => string): Cell => (text === undefined ? '-' : { text, href: href(text) })
  const summary = new Summary().heading(`Dataflow ${facts.name}`).facts([
    ['Operation', facts.operation],
    // A deleted dataflow has no page to link to.
    ['Dataflow', facts.operation === 'deleted' ? (facts.flowId ?? '-') : link(facts.flowId, links.dataflow)],
    ['Dataset', link(facts.datasetId, links.dataset)],
    ['Source path', facts.sourcePath ?? '-'],
    ['Connection', link(facts.connectionId, links.connection)],
    ['Schedule', facts.schedule !== undefined ? scheduleText(facts.schedule) : '-'],
    ['Next run', facts.schedule !== undefined ? nextRunText(facts.schedule, nowMs) : '-'],
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
      ['Run', facts.flowId !== undefined ? { text: run.id, href: links.run(facts.flowId, run.id) } : run.id],
      ['Status', run.status],
      ['Files read', count(run.filesRead)],
      ['Records read', count(run.recordsRead)],
      ['Records written', count(run.recordsWritten)],
      ['Records failed', count(run.recordsFailed)]
    ])
  }
  if (facts.operation === 'dry-run') summary.dryRun()
  if (facts.error !== undefined) summary.paragraph(facts.error, 'Failed:')
  if (facts.runUrl !== undefined) summary.link('Workflow run', facts.runUrl)
  await summary.write()
}

/** 'every 2 days from 2026-12-01T06:00:00Z', 'once, at 2026-12-01T06:00:00Z'. */
export function scheduleText(schedule: ExistingFlow['schedule']): string {
  const start = schedule.startTime !== undefined ? iso(schedule.startTime) : undefined
  if (schedule.frequency === undefined) return '-'
  if (schedule.frequency === 'once') return `once${start !== undefined ? `, at ${start}` : ''}; then on demand (run-now)`
  const interval = schedule.interval ?? 1
  return `every ${interval > 1 ? `${interval} ${schedule.frequency}s` : schedule.frequency}${start !== undefined ? ` from ${start}` : ''}`
}

const UNIT_S: Readonly<Record<string, number>> = { minute: 60, hour: 3600, day: 86_400, week: 604_800 }

/** When the next scheduled run is due (runs start 2 to 3 minutes after it). */
export function nextRunText(schedule: ExistingFlow['schedule'], nowMs: number): string {
  const { startTime, frequency } = schedule
  if (startTime === undefined || frequency === undefined) return '-'
  const now = Math.floor(nowMs / 1000)
  if (frequency === 'once') return startTime > now ? iso(startTime) : 'none scheduled (on demand)'
  const every = (schedule.interval ?? 1) * (UNIT_S[frequency] ?? 86_400)
  const next = startTime > now ? startTime : startTime + Math.ceil((now - startTime) / every) * every
  return iso(next)
}

function count(n: number | undefined): string {
  return n === undefined ? '-' : String(n)
}

function shown(value: unknown): string {
  return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
}
