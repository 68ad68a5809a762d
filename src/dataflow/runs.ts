// The run a step caused, and waiting for it: the run run-now started (read by its id), or the
// first run of a dataflow the step created (or replaced). A step that caused no run does not wait.

import { compareIds } from '../platform/converge.js'
import { formatSeconds, pollDelayMs, type Clock } from '../platform/retry.js'
import { sameId } from '../platform/server-values.js'
import { oneLine } from '../platform/text.js'
import { isoUtc } from '../platform/time.js'
import type { ExistingFlow, Run } from './model.js'
import type { RunWindow } from './requests.js'

/** A run's status has no authoritative list: success ends well, failed ends badly, anything else is still going. */
export function endOf(run: Run): 'success' | 'failed' | undefined {
  const status = run.status.toLowerCase()
  return status === 'success' ? 'success' : status === 'failed' ? 'failed' : undefined
}

/**
 * Oldest first, as a total order: by when each run was made, then where its window ended, then
 * by id. A page the service sorted is sorted again with this, so that runs made within the same
 * millisecond (the service's tie rule is not documented) always give the same newest.
 */
export function runOrder(a: Run, b: Run): number {
  const made = (r: Run): number => r.createdAt ?? r.startedAt ?? 0
  return made(a) - made(b) || (a.window?.end ?? 0) - (b.window?.end ?? 0) || compareIds(a.id, b.id)
}

/** What a dataflow's schedule and runs say a step's run is, after the dataflow is in place. */
export type RunPlan =
  /** The dataflow is new: its first run, on its schedule, is this step's. */
  | { kind: 'first'; startTime?: number }
  /** run-now: an on-demand run over what landed since the latest run. */
  | { kind: 'start' }
  /** This step causes no run: why, for the notice. */
  | { kind: 'none'; why: string }
  /** run-now was asked of a dataflow that cannot run on demand: why, for the failure. */
  | { kind: 'refused'; why: string }

/** A once-scheduled dataflow whose first run has not come yet, this long after its start time, still waits for it. */
export const FIRST_RUN_GRACE_S = 10 * 60

/**
 * Which run is this step's. A dataflow this step created (or replaced) runs first on its own:
 * that run is this step's, and run-now starts no other (they would read the same files). So does
 * one whose first run has not come yet. Otherwise run-now starts one; without it, none.
 */
export function runPlanOf(
  operation: string,
  runNow: boolean,
  flow: Pick<ExistingFlow, 'schedule' | 'lastRun'> | undefined,
  nowMs: number
): RunPlan {
  const startTime = flow?.schedule.startTime
  if (operation === 'created' || operation === 'replaced') return { kind: 'first', ...(startTime !== undefined && { startTime }) }
  const firstToCome =
    flow !== undefined && flow.lastRun === undefined && startTime !== undefined && nowMs / 1000 < startTime + FIRST_RUN_GRACE_S
  if (firstToCome) return { kind: 'first', startTime }
  const schedule = flow?.schedule
  const scheduled = schedule?.frequency !== undefined && schedule.frequency !== 'once'
  const every = scheduled
    ? `every ${(schedule.interval ?? 1) > 1 ? `${schedule.interval ?? 1} ${schedule.frequency}s` : schedule.frequency}`
    : ''
  if (runNow && scheduled) {
    return {
      kind: 'refused',
      why: `it runs ${every}, and Adobe starts on-demand runs (run-now) only for a dataflow scheduled once, which a scheduled one cannot become. Give another dataflow-name to make one that runs once, or remove run-now`
    }
  }
  if (runNow) return { kind: 'start' }
  const why = scheduled
    ? `the dataflow runs on its schedule (${every}), and this step started none`
    : 'the dataflow runs once, and it has: set run-now to start a run of what landed since'
  return { kind: 'none', why }
}

/**
 * The window of an on-demand run: from where the latest run's window ended (its params, when the
 * service shows them), or else from the second after it started (it read what had landed by
 * then: a file of that same second is not read twice), or from the dataflow's start when it never
 * ran; up to now. Undefined when that is empty.
 */
export function windowOf(latest: Run | undefined, flowStartTime: number | undefined, nowMs: number): RunWindow | undefined {
  const read = latest?.startedAt ?? latest?.createdAt
  const start = latest?.window?.end ?? (read !== undefined ? Math.ceil(read / 1000) : flowStartTime)
  const end = Math.floor(nowMs / 1000)
  return start === undefined || start >= end ? undefined : { start, end }
}

/**
 * Whether `latest`, found while this step holds the claim, is a run another step started since
 * this one began (a concurrent tag): it reads what this step's run would, so it is this step's
 * too. Windows are whole seconds: one that ends in the second this step began covers it. A run
 * that shows no window is judged by when it was made.
 */
export function covers(latest: Run, stepStartedAt: number): boolean {
  const end = latest.window !== undefined ? latest.window.end * 1000 : (latest.createdAt ?? latest.startedAt)
  return end !== undefined && end >= Math.floor(stepStartedAt / 1000) * 1000
}

/**
 * After an on-demand start whose answer was lost: the id of the run it made, when the newest run
 * is it. While this step's claim holds no other step starts a run, and a dataflow scheduled once
 * runs on no schedule, so a run newer than the one read before the start is this step's; its
 * window, when the service shows it, must be the one asked for. Ids, not times: the runner's clock
 * and Adobe's may differ.
 */
export function startedRunIn(newest: Run | undefined, before: string | undefined, window: RunWindow): string | undefined {
  if (newest === undefined || (before !== undefined && sameId(newest.id, before))) return undefined
  const asked = newest.window === undefined || (newest.window.start === window.start && newest.window.end === window.end)
  return asked ? newest.id : undefined
}

export class RunFailedError extends Error {
  constructor(
    readonly run: Run,
    message: string
  ) {
    super(message)
    this.name = 'RunFailedError'
  }
}

/** No run ended within the wait: the run as last read, when there was one. */
export class NoRunError extends Error {
  constructor(
    message: string,
    readonly run?: Run
  ) {
    super(message)
    this.name = 'NoRunError'
  }
}

/** Which run is waited for, and how to read it. */
export type Awaited =
  /** An on-demand run (started by this step, or by another that began since, whose window covers this one's). */
  | { kind: 'started'; runId: string; window?: RunWindow; startTime?: number; byAnotherStep?: boolean }
  | { kind: 'first'; flowId: string; startTime?: number }

export interface WaitDeps {
  /** The run waited for, as it is now; undefined until it exists. */
  read: () => Promise<Run | undefined>
  clock: Clock
  log: (message: string) => void
}

/** Reads the run with backoff until it ends, within `waitMs`: success returns it, failed throws. */
export async function waitForRun(d: WaitDeps, awaited: Awaited, flowId: string, waitMs: number): Promise<Run> {
  const started = d.clock.now()
  const progress = new Progress(d.log, awaited)
  for (let look = 1; ; look++) {
    const run = await d.read()
    const elapsed = d.clock.now() - started
    const end = run !== undefined ? endOf(run) : undefined
    if (run !== undefined && end === 'failed') {
      const errors = run.errors.length > 0 ? `: ${run.errors.map((e) => oneLine(e, 300).replace(/\.+$/, '')).join('; ')}` : ''
      throw new RunFailedError(run, `Run ${run.id} of dataflow ${flowId} failed (${counts(run)})${errors}.`)
    }
    if (run !== undefined && end === 'success') return run
    const leftMs = waitMs - elapsed
    if (leftMs <= 0) {
      const state = run === undefined ? 'it had not started' : `run ${run.id} was still ${oneLine(run.status || 'pending', 40)}`
      throw new NoRunError(
        `The run this step caused did not end within ${formatSeconds(waitMs)} (wait-minutes): ${state}. Runs start about 2 to 3 minutes after their start time; raise wait-minutes, or follow the run in the Platform UI.`,
        run
      )
    }
    progress.look(run, elapsed)
    await d.clock.sleep(pollDelayMs(look, leftMs))
  }
}

/** What the log says while waiting: a line when the run's state changes, and otherwise at growing intervals, never the same line each time. */
class Progress {
  private state: string | undefined
  private quietLooks = 0

  constructor(
    private readonly log: (message: string) => void,
    private readonly awaited: Awaited
  ) {}

  look(run: Run | undefined, elapsedMs: number): void {
    const state = run === undefined ? 'not started' : oneLine(run.status || 'pending', 40)
    const after = `after ${clockTime(elapsedMs)}`
    if (this.state === undefined) this.log(`${this.what(run)}: ${state} ${after}; ${this.expected()}.`)
    else if (state !== this.state) this.log(`${run !== undefined ? `Run ${run.id}` : 'The run'} is ${state} ${after}.`)
    else if (isPowerOfTwo(++this.quietLooks)) this.log(`${run !== undefined ? `Run ${run.id}` : 'The run'} is still ${state} ${after}.`)
    if (state !== this.state) this.quietLooks = 0
    this.state = state
  }

  private what(run: Run | undefined): string {
    const { awaited } = this
    if (awaited.kind === 'first') return `Waiting for the first run of the new dataflow${run !== undefined ? ` (${run.id})` : ''}`
    const files =
      awaited.window !== undefined ? `, of the files that landed from ${iso(awaited.window.start)} to ${iso(awaited.window.end)}` : ''
    return `Waiting for run ${awaited.runId}, on demand${awaited.byAnotherStep === true ? ', started by another step' : ''}${files}`
  }

  private expected(): string {
    const start = this.awaited.startTime
    return start === undefined
      ? 'runs start about 2 to 3 minutes after their start time'
      : `it is due to start about 2 to 3 minutes after ${iso(start)}`
  }
}

function isPowerOfTwo(n: number): boolean {
  return (n & (n - 1)) === 0
}

/** 'm:ss' (or 'h:mm:ss'): how long the wait has taken. */
export function clockTime(ms: number): string {
  const s = Math.floor(ms / 1000)
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60]
  const two = (n: number): string => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`
}

/** Epoch seconds as ISO 8601 UTC, to the second. */
export function iso(seconds: number): string {
  return isoUtc(seconds * 1000)
}

export function counts(run: Run): string {
  return `${run.recordsRead ?? '?'} records read, ${run.recordsWritten ?? '?'} written, ${run.recordsFailed ?? '?'} failed`
}
