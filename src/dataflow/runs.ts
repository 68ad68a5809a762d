// Waiting for a dataflow's first run after a write: which run that is, and whether it ended.

import { formatSeconds, type Clock } from '../platform/retry.js'
import { oneLine } from '../platform/text.js'
import type { Run } from './model.js'

/** A run's status has no authoritative list: success ends well, failed ends badly, anything else is still going. */
export function endOf(run: Run): 'success' | 'failed' | undefined {
  const status = run.status.toLowerCase()
  return status === 'success' ? 'success' : status === 'failed' ? 'failed' : undefined
}

/** Clocks differ: a run that started this long before the write may still be the write's. */
export const CLOCK_SKEW_MS = 5000

/** The earliest run that started after `sinceMs`. */
export function firstRunAfter(runs: readonly Run[], sinceMs: number): Run | undefined {
  return [...runs]
    .filter((r) => r.startedAt !== undefined && r.startedAt >= sinceMs - CLOCK_SKEW_MS)
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))[0]
}

/** Waits between looks at the runs: 2 s, doubling to a minute, never past the end of the wait. */
export function nextLookMs(look: number, leftMs: number): number {
  return Math.max(0, Math.min(2000 * 2 ** (look - 1), 60_000, leftMs))
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

export class NoRunError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NoRunError'
  }
}

export interface WaitDeps {
  runs: () => Promise<Run[]>
  clock: Clock
  log: (message: string) => void
}

/** Looks at the runs with backoff until the first run after `sinceMs` ends, within `waitMs`. */
export async function waitForRun(d: WaitDeps, flowId: string, sinceMs: number, waitMs: number): Promise<Run> {
  const started = d.clock.now()
  for (let look = 1; ; look++) {
    const run = firstRunAfter(await d.runs(), sinceMs)
    const end = run !== undefined ? endOf(run) : undefined
    if (run !== undefined && end === 'failed') {
      const errors = run.errors.length > 0 ? `: ${run.errors.map((e) => oneLine(e, 300).replace(/\.+$/, '')).join('; ')}` : ''
      throw new RunFailedError(run, `Run ${run.id} of dataflow ${flowId} failed (${counts(run)})${errors}.`)
    }
    if (run !== undefined && end === 'success') return run
    const leftMs = waitMs - (d.clock.now() - started)
    if (leftMs <= 0) {
      const state = run === undefined ? 'no run had started' : `run ${run.id} was still ${oneLine(run.status || 'pending', 40)}`
      throw new NoRunError(
        `No run of dataflow ${flowId} ended within ${formatSeconds(waitMs)} (wait-minutes) after the write: ${state}. Runs start about 2 to 3 minutes after the start time; raise wait-minutes, or look at the dataflow's runs in the Platform UI.`
      )
    }
    const delay = nextLookMs(look, leftMs)
    d.log(
      `${run === undefined ? 'No run of the dataflow yet' : `Run ${run.id} is ${oneLine(run.status || 'pending', 40)}`}; looking again in ${formatSeconds(delay)}.`
    )
    await d.clock.sleep(delay)
  }
}

export function counts(run: Run): string {
  return `${run.recordsRead ?? '?'} records read, ${run.recordsWritten ?? '?'} written, ${run.recordsFailed ?? '?'} failed`
}
