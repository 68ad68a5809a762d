import type { ExistingFlow, Run } from '../../../src/dataflow/model.js'
import {
  clockTime,
  covers,
  endOf,
  FIRST_RUN_GRACE_S,
  NoRunError,
  RunFailedError,
  runOrder,
  runPlanOf,
  startedRunIn,
  waitForRun,
  windowOf
} from '../../../src/dataflow/runs.js'
import { fakeSleepClock } from '../../helpers/platform.js'

const NOW = Date.parse('2026-12-05T12:00:00Z')
const S = NOW / 1000

const run = (id: string, status: string, extra: Partial<Run> = {}): Run => ({ id, status, errors: [], ...extra })
const flow = (schedule: ExistingFlow['schedule'], lastRun?: ExistingFlow['lastRun']): Pick<ExistingFlow, 'schedule' | 'lastRun'> => ({
  schedule,
  ...(lastRun !== undefined && { lastRun })
})

describe('which run is the step’s', () => {
  const once = flow({ frequency: 'once', startTime: S - 86_400 }, { id: 'r-1', state: 'success' })
  it('a dataflow this step created or replaced: its first run, on its own (run-now starts no other)', () => {
    expect(runPlanOf('created', true, undefined, NOW)).toEqual({ kind: 'first' })
    expect(runPlanOf('replaced', false, flow({ frequency: 'day', startTime: S + 60 }), NOW)).toEqual({ kind: 'first', startTime: S + 60 })
  })
  it('one whose first run has not come yet: that first run, not a second one over the same files', () => {
    expect(runPlanOf('reused', true, flow({ frequency: 'once', startTime: S - 60 }), NOW)).toEqual({ kind: 'first', startTime: S - 60 })
    expect(runPlanOf('reused', true, flow({ frequency: 'once', startTime: S - FIRST_RUN_GRACE_S - 1 }), NOW)).toEqual({ kind: 'start' })
  })
  it('run-now on one that has run: an on-demand run', () => {
    expect(runPlanOf('updated', true, once, NOW)).toEqual({ kind: 'start' })
  })
  it('run-now on one that runs on a schedule (the frequency once could not be applied): refused, saying why and what to do', () => {
    const daily = flow({ frequency: 'day', interval: 1, startTime: S - 86_400 }, { id: 'r', state: 'success' })
    expect(runPlanOf('updated', true, daily, NOW)).toEqual({
      kind: 'refused',
      why: expect.stringMatching(
        /^it runs every day, and Adobe starts on-demand runs \(run-now\) only for a dataflow scheduled once, .* Give another dataflow-name/
      )
    })
  })
  it('no run-now: none, and why', () => {
    expect(runPlanOf('reused', false, once, NOW)).toMatchObject({ kind: 'none', why: expect.stringContaining('runs once, and it has') })
    expect(
      runPlanOf('updated', false, flow({ frequency: 'hour', interval: 2, startTime: S - 7200 }, { id: 'r', state: 'success' }), NOW)
    ).toEqual({
      kind: 'none',
      why: 'the dataflow runs on its schedule (every 2 hours), and this step started none'
    })
  })
})

describe('a run another step started covers this step', () => {
  const began = NOW + 400 // within second S
  it('when its window ends in or after the second this step began', () => {
    expect(covers(run('r', 'inProgress', { window: { start: S - 600, end: S } }), began)).toBe(true)
    expect(covers(run('r', 'inProgress', { window: { start: S - 600, end: S + 5 } }), began)).toBe(true)
    expect(covers(run('r', 'success', { window: { start: S - 600, end: S - 1 } }), began)).toBe(false)
  })
  it('without a window, when it was made in or after that second', () => {
    expect(covers(run('r', 'inProgress', { createdAt: NOW + 10 }), began)).toBe(true)
    expect(covers(run('r', 'success', { createdAt: NOW - 1 }), began)).toBe(false)
    expect(covers(run('r', 'success'), began)).toBe(false)
  })
})

describe('the run a start whose answer was lost made', () => {
  const window = { start: S - 600, end: S }
  it('is the newest run when it is not the one read before the start, whatever the clocks say', () => {
    expect(startedRunIn(run('new', 'inProgress', { createdAt: NOW - 3_600_000 }), 'old', window)).toBe('new')
    expect(startedRunIn(run('new', 'inProgress'), undefined, window)).toBe('new')
  })
  it('is none when the newest is still the one read before (the start did not take effect, or the list lags)', () => {
    expect(startedRunIn(run('OLD', 'success'), 'old', window)).toBeUndefined()
    expect(startedRunIn(undefined, 'old', window)).toBeUndefined()
  })
  it('is none when the newest shows another window than the one asked for', () => {
    expect(startedRunIn(run('new', 'inProgress', { window: { start: S - 600, end: S - 1 } }), 'old', window)).toBeUndefined()
    expect(startedRunIn(run('new', 'inProgress', { window }), 'old', window)).toBe('new')
  })
})

describe('the order of runs', () => {
  const newest = (runs: Run[]): string | undefined => [...runs].sort(runOrder).at(-1)?.id

  it('puts the run made last newest, whatever order the page gave', () => {
    const runs = [run('b', 'success', { createdAt: NOW }), run('a', 'success', { createdAt: NOW - 1 })]
    expect(newest(runs)).toBe('b')
    expect(newest([...runs].reverse())).toBe('b')
  })
  it('breaks a tie of the same millisecond by where the window ended, then by id, the same for either page order', () => {
    const byWindow = [
      run('z', 'success', { createdAt: NOW, window: { start: S - 60, end: S - 30 } }),
      run('a', 'success', { createdAt: NOW, window: { start: S - 30, end: S } })
    ]
    expect(newest(byWindow)).toBe('a')
    expect(newest([...byWindow].reverse())).toBe('a')
    const byId = [run('B', 'success', { createdAt: NOW }), run('a', 'success', { createdAt: NOW })]
    expect(newest(byId)).toBe('B')
    expect(newest([...byId].reverse())).toBe('B')
  })
  it('reads when a run started when the service gives no creation time', () => {
    expect(newest([run('late', 'success', { startedAt: NOW }), run('early', 'success', { createdAt: NOW - 5 })])).toBe('late')
  })
})

describe('the window of an on-demand run', () => {
  it("starts where the latest run's window ended, as it shows its params, and ends now", () => {
    expect(windowOf(run('r', 'success', { window: { start: S - 900, end: S - 300 }, createdAt: NOW - 200_000 }), S - 86_400, NOW)).toEqual({
      start: S - 300,
      end: S
    })
  })
  it('else from the second after the latest run started (it read what had landed by then, that second included)', () => {
    expect(windowOf(run('r', 'success', { createdAt: NOW - 90_000, startedAt: NOW - 60_500 }), S - 86_400, NOW)).toEqual({
      start: S - 60,
      end: S
    })
  })
  it("else at the dataflow's start; empty when it would start now", () => {
    expect(windowOf(undefined, S - 86_400, NOW)).toEqual({ start: S - 86_400, end: S })
    expect(windowOf(run('r', 'success', { window: { start: S - 10, end: S } }), S - 86_400, NOW)).toBeUndefined()
  })
})

describe('waiting for the run', () => {
  it('reads success and failed in any case; anything else is still running', () => {
    expect(['SUCCESS', 'success', 'Failed', 'inProgress', 'scheduled', ''].map((s) => endOf(run('x', s)))).toEqual([
      'success',
      'success',
      'failed',
      undefined,
      undefined,
      undefined
    ])
  })
  it('says what it waits for once, then each change of state, and otherwise at growing intervals; never the same line each time', async () => {
    const { clock } = fakeSleepClock()
    const states = ['scheduled', 'scheduled', 'scheduled', 'scheduled', 'scheduled', 'inProgress', 'inProgress', 'success']
    const log: string[] = []
    const awaited = { kind: 'started' as const, runId: 'r-1', window: { start: S - 600, end: S }, startTime: S }
    const ended = await waitForRun(
      { read: () => Promise.resolve(run('r-1', states.shift() ?? 'success')), clock, log: (m) => log.push(m) },
      awaited,
      'f-1',
      3_600_000
    )
    expect(ended.status).toBe('success')
    expect(log.map((l) => l.replace(/after \d+:\d\d/, 'after T'))).toEqual([
      'Waiting for run r-1, on demand, of the files that landed from 2026-12-05T11:50:00Z to 2026-12-05T12:00:00Z: scheduled after T; it is due to start about 2 to 3 minutes after 2026-12-05T12:00:00Z.',
      // Quiet looks 1, 2 and 4 (of 4): growing intervals.
      'Run r-1 is still scheduled after T.',
      'Run r-1 is still scheduled after T.',
      'Run r-1 is still scheduled after T.',
      'Run r-1 is inProgress after T.',
      'Run r-1 is still inProgress after T.'
    ])
  })
  it('throws the failed run with its errors; and, when time is up, the run as last read', async () => {
    const { clock } = fakeSleepClock()
    const failed = run('r-2', 'failed', { errors: ['CONNECTOR-1001: no access.'], recordsRead: 3, recordsWritten: 0, recordsFailed: 3 })
    const first = { kind: 'first' as const, flowId: 'f-1' }
    const error = await waitForRun({ read: () => Promise.resolve(failed), clock, log: () => undefined }, first, 'f-1', 60_000).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(RunFailedError)
    expect(String(error)).toContain('Run r-2 of dataflow f-1 failed (3 records read, 0 written, 3 failed): CONNECTOR-1001: no access.')
    const pending = run('r-3', 'inProgress')
    const late = await waitForRun({ read: () => Promise.resolve(pending), clock, log: () => undefined }, first, 'f-1', 10_000).catch(
      (e: unknown) => e
    )
    expect(late).toBeInstanceOf(NoRunError)
    expect(late instanceof NoRunError && late.run).toBe(pending)
    expect(String(late)).toContain('run r-3 was still inProgress')
  })
  it('shows how long as m:ss, or h:mm:ss', () => {
    expect([0, 65_000, 3_725_000].map(clockTime)).toEqual(['0:00', '1:05', '1:02:05'])
  })
})
