import type { Run } from '../../../src/dataflow/model.js'
import { endOf, firstRunAfter, nextLookMs, NoRunError, RunFailedError, waitForRun } from '../../../src/dataflow/runs.js'
import { fakeSleepClock } from '../../helpers/platform.js'

const run = (id: string, startedAt: number | undefined, status: string, extra: Partial<Run> = {}): Run => ({
  id,
  status,
  errors: [],
  ...(startedAt !== undefined && { startedAt }),
  ...extra
})

describe('which run, and whether it ended', () => {
  it('is the earliest run started after the write (a few seconds of clock skew allowed)', () => {
    const runs = [run('old', 1000, 'success'), run('b', 20_000, 'inProgress'), run('a', 12_000, 'success'), run('c', undefined, 'queued')]
    expect(firstRunAfter(runs, 10_000)?.id).toBe('a')
    expect(firstRunAfter(runs, 14_000)?.id).toBe('a')
    expect(firstRunAfter(runs, 30_000)).toBeUndefined()
  })
  it('reads success and failed in any case; anything else is still running', () => {
    expect(['SUCCESS', 'success', 'Failed', 'inProgress', 'scheduled', ''].map((s) => endOf(run('x', 0, s)))).toEqual([
      'success',
      'success',
      'failed',
      undefined,
      undefined,
      undefined
    ])
  })
  it('looks again after 2 s, doubling to a minute, never past the end of the wait', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => nextLookMs(n, 600_000))).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000])
    expect(nextLookMs(3, 1500)).toBe(1500)
  })
})

describe('waitForRun', () => {
  it('waits until the run after the write ends well, and returns it', async () => {
    const { clock, waits } = fakeSleepClock()
    const since = clock.now()
    const answers: Run[][] = [[], [run('r', since + 10, 'inProgress')], [run('r', since + 10, 'success', { recordsWritten: 9 })]]
    let n = 0
    const log: string[] = []
    const ended = await waitForRun({ runs: () => Promise.resolve(answers[n++] ?? []), clock, log: (m) => log.push(m) }, 'f', since, 600_000)
    expect(ended).toMatchObject({ id: 'r', recordsWritten: 9 })
    expect(waits).toEqual([2000, 4000])
    expect(log).toEqual(['No run of the dataflow yet; looking again in 2.0 s.', 'Run r is inProgress; looking again in 4.0 s.'])
  })
  it('fails on a failed run, with its errors and counts', async () => {
    const { clock } = fakeSleepClock()
    const failed = run('r', clock.now(), 'failed', {
      recordsRead: 10,
      recordsWritten: 0,
      recordsFailed: 10,
      errors: ['CONNECTOR-2001: bad row\n::error::x']
    })
    const error = await waitForRun({ runs: () => Promise.resolve([failed]), clock, log: () => undefined }, 'f', clock.now(), 60_000).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(RunFailedError)
    expect(String(error)).toContain(
      'Run r of dataflow f failed (10 records read, 0 written, 10 failed): CONNECTOR-2001: bad row\\n::error::x.'
    )
  })
  it('fails when no run ended in time, saying what it saw', async () => {
    const { clock } = fakeSleepClock()
    const error = await waitForRun({ runs: () => Promise.resolve([]), clock, log: () => undefined }, 'f', clock.now(), 30_000).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(NoRunError)
    expect(String(error)).toMatch(/No run of dataflow f ended within 30\.0 s \(wait-minutes\) after the write: no run had started/)
  })
})
