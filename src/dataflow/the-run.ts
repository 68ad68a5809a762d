// The run this step caused, once the dataflow is in place: the one run-now starts, or the first
// run of a dataflow this step created (or replaced); waited for when asked, read by its id. A
// step that caused none says so, and does not wait: its run-* outputs describe the latest run.

import type { DataflowClient } from './client.js'
import type { Change } from './decide.js'
import type { Deps, Outcome } from './deps.js'
import type { ExistingFlow, Run } from './model.js'
import { startOnDemand } from './run-now.js'
import { iso, runPlanOf, waitForRun, type Awaited } from './runs.js'

export interface RunAsk {
  /** When the step began (epoch ms): a run another step started since then covers this one's. */
  startedAt: number
  runNow: boolean
  waitForRun: boolean
  waitMinutes: number
}

export interface TheRunDeps extends Deps {
  /** The same client under the wait's deadline (timeout-seconds left, plus wait-minutes). */
  waiting: DataflowClient
  notice: (message: string) => void
}

/** The run, as last read, whenever one is known; undefined when none is. Throws when the run waited for failed or did not end. */
export async function theRun(d: TheRunDeps, ask: RunAsk, outcome: Outcome): Promise<Run | undefined> {
  const { flowId } = outcome
  if (flowId === undefined) return undefined
  const plan = runPlanOf(outcome.operation, ask.runNow, known(outcome), d.clock.now())
  if (plan.kind === 'refused') throw new Error(`Dataflow ${flowId}: ${plan.why}.`)
  if (plan.kind === 'none') return latest(d, ask, outcome, flowId, `This step caused no run of dataflow ${flowId}: ${plan.why}`)
  let awaited: Awaited
  if (plan.kind === 'first') {
    const due = plan.startTime !== undefined ? `, due at ${iso(plan.startTime)}` : ''
    if (ask.runNow)
      d.notice(
        `Dataflow ${flowId} runs first on its own${due}: that run is this step's, and run-now starts no other (they would read the same files).`
      )
    awaited = { kind: 'first', flowId, ...(plan.startTime !== undefined && { startTime: plan.startTime }) }
  } else {
    const flow = outcome.flow ?? (await d.client.getFlow(flowId))
    if (flow === undefined) throw new Error(`Dataflow ${flowId} vanished before this step could start its run; run again.`)
    const started = await startOnDemand(d, flow, ask.startedAt)
    if (started.kind === 'nothing-new')
      return latest(
        d,
        ask,
        outcome,
        flowId,
        `This step started no run of dataflow ${flowId}: the latest run's window ends now (${iso(started.since)}), so nothing can have landed since`
      )
    awaited =
      started.kind === 'started'
        ? started
        : { kind: 'started', runId: started.runId, ...(started.window !== undefined && { window: started.window }), byAnotherStep: true }
  }
  const read = (client: DataflowClient) => (): Promise<Run | undefined> =>
    awaited.kind === 'started' ? client.getRun(awaited.runId) : client.latestRun(flowId, 'oldest')
  if (!ask.waitForRun) return read(d.client)()
  return waitForRun({ read: read(d.waiting), clock: d.clock, log: d.log }, awaited, flowId, ask.waitMinutes * 60_000)
}

/**
 * No run of this step's: said in a notice; the latest run, for the outputs: read in full when a
 * wait was asked for, else as the dataflow showed it (its id and state).
 */
async function latest(d: TheRunDeps, ask: RunAsk, outcome: Outcome, flowId: string, why: string): Promise<Run | undefined> {
  // A notice only where a run was asked for or awaited: a scheduled dataflow causing none is the rule.
  if (ask.waitForRun || ask.runNow)
    d.notice(`${why}.${ask.waitForRun ? ' wait-for-run waits for none; the run-* outputs describe the latest run.' : ''}`)
  else d.log(`${why}.`)
  if (ask.waitForRun) return d.client.latestRun(flowId)
  const last = outcome.flow?.lastRun
  return last === undefined
    ? undefined
    : { id: last.id, status: last.state, errors: [], ...(last.startedAt !== undefined && { startedAt: last.startedAt }) }
}

/** With plan: the run a real run would start (run-now on a dataflow that exists and has run), as a change. */
export function plannedRun(ask: Pick<RunAsk, 'runNow'>, outcome: Outcome, nowMs: number): Change | undefined {
  if (!ask.runNow) return undefined
  const creates = outcome.changes.some((c) => c.action === 'create' && c.object === 'dataflow')
  const plan = runPlanOf(creates ? 'created' : 'reused', true, known(outcome), nowMs)
  if (plan.kind === 'start')
    return { action: 'create', object: 'run', note: "on demand, of the files that landed since the latest run's window ended" }
  const note = plan.kind === 'first' ? "the dataflow runs first on its own: that run is the step's, and run-now starts no other" : plan.why
  return { action: 'not applied', object: 'run', note }
}

/** The dataflow's schedule and latest run as the run left them, for runPlanOf. */
function known(outcome: Outcome): Pick<ExistingFlow, 'schedule' | 'lastRun'> | undefined {
  const schedule = outcome.schedule ?? outcome.flow?.schedule
  const lastRun = outcome.flow?.lastRun
  return schedule === undefined ? undefined : { schedule, ...(lastRun !== undefined && { lastRun }) }
}
