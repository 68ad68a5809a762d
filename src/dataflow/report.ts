// What a dataflow step says of its outcome and its run: the log (each change on a line, what
// could not be applied as a warning), the outputs, and the facts the job summary is written from.

import { setOutputs, type Runtime } from '../platform/runtime.js'
import type { Change } from './decide.js'
import type { Outcome } from './deps.js'
import type { Run } from './model.js'
import { counts } from './runs.js'
import type { DataflowFacts } from './summary.js'

/** What the summary is written from, as the step learns it. */
export type Facts = Partial<DataflowFacts>

/** The outcome in the log and the outputs. */
export function report(rt: Runtime, facts: Facts, outcome: Outcome): void {
  Object.assign(facts, factsOf(outcome))
  const { changes } = outcome
  rt.info(`Dataflow ${outcome.flowId ?? '(none yet)'}: ${outcome.operation}; ${changes.length} change(s)${changes.length > 0 ? ':' : '.'}`)
  for (const change of changes) rt.info(`  - ${describeChange(change)}`)
  // What the inputs ask and the run could not do is said where a reader looks: a warning.
  for (const change of changes.filter((c) => c.action === 'not applied' && c.note !== 'if-exists is reuse'))
    rt.warning(`Not applied: ${describeChange(change)}`)
  for (const warning of outcome.warnings ?? []) rt.warning(warning)
  setOutputs(outputsOf(outcome))
}

function outputsOf(outcome: Outcome): Record<string, string> {
  return {
    'dataflow-id': outcome.flowId ?? '',
    etag: outcome.etag ?? '',
    'source-connection-id': outcome.sourceId ?? '',
    'target-connection-id': outcome.targetId ?? '',
    'mapping-set-id': outcome.mapping?.id ?? '',
    'mapping-version': outcome.mapping !== undefined ? String(outcome.mapping.version) : '',
    operation: outcome.operation,
    changes: JSON.stringify(outcome.changes)
  }
}

function runOutputs(ran: Run): Record<string, string> {
  const count = (n: number | undefined): string => (n === undefined ? '' : String(n))
  return {
    'run-id': ran.id,
    'run-status': ran.status,
    'records-read': count(ran.recordsRead),
    'records-written': count(ran.recordsWritten),
    'records-failed': count(ran.recordsFailed)
  }
}

/** The run in the log, the facts and the outputs; its end said only when it was waited for. */
export function reportRun(rt: Runtime, facts: Facts, run: Run, ended: boolean): void {
  facts.run = run
  setOutputs(runOutputs(run))
  if (!ended) return
  rt.info(`Run ${run.id} ended: ${run.status} (${counts(run)}).`)
  // A success may still have dropped records (partial ingestion): said, not failed.
  if ((run.recordsFailed ?? 0) > 0)
    rt.warning(
      `Run ${run.id} succeeded with ${run.recordsFailed ?? 0} failed record(s) (partial ingestion); see the dataflow's run in the Platform UI.`
    )
}

export function describeChange(c: Change): string {
  const what = [c.object, c.field].filter((p) => p !== undefined).join(' ')
  const values = c.from !== undefined || c.to !== undefined ? `: ${JSON.stringify(c.from ?? null)} -> ${JSON.stringify(c.to ?? null)}` : ''
  return `${c.action} ${what}${values}${c.note !== undefined ? ` (${c.note})` : ''}`
}

function factsOf(outcome: Outcome): Facts {
  return {
    operation: outcome.operation,
    changes: outcome.changes,
    ...(outcome.flowId !== undefined && { flowId: outcome.flowId }),
    ...(outcome.sourceId !== undefined && { sourceId: outcome.sourceId }),
    ...(outcome.targetId !== undefined && { targetId: outcome.targetId }),
    ...(outcome.mapping !== undefined && { mapping: outcome.mapping }),
    ...(outcome.schedule !== undefined && { schedule: outcome.schedule })
  }
}
