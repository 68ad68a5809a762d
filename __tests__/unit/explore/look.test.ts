import { lookUntilMatch, NothingMatchedError } from '../../../src/explore/look.js'
import { fakeSleepClock } from '../../helpers/platform.js'

const entry = (name: string) => ({ type: 'file', name, path: `/b/${name}` })

describe('lookUntilMatch', () => {
  it('lists once without expect, or when a match is there at once', async () => {
    const { clock, waits } = fakeSleepClock()
    const list = () => Promise.resolve([entry('a.csv')])
    // Without expect nothing was expected: neither matched nor missing.
    expect(await lookUntilMatch({ list, clock, log: () => undefined }, '/b/', { ifMissing: 'fail', waitMs: 0 })).toEqual({
      entries: [entry('a.csv')],
      looks: 1,
      matches: ['/b/a.csv']
    })
    expect(
      await lookUntilMatch({ list, clock, log: () => undefined }, '/b/', { expect: '*.csv', ifMissing: 'fail', waitMs: 60_000 })
    ).toMatchObject({ looks: 1, matched: true })
    expect(waits).toEqual([])
  })

  it('lists again with backoff until the file lands', async () => {
    const { clock, waits } = fakeSleepClock()
    let n = 0
    const list = () => Promise.resolve(++n < 4 ? [entry('old.json')] : [entry('old.json'), entry('export.csv')])
    const log: string[] = []
    const looked = await lookUntilMatch({ list, clock, log: (m) => log.push(m) }, '/b/', {
      expect: '*.csv',
      ifMissing: 'fail',
      waitMs: 600_000
    })
    expect(looked).toEqual({ entries: [entry('old.json'), entry('export.csv')], looks: 4, matches: ['/b/export.csv'], matched: true })
    expect(waits).toEqual([2000, 4000, 8000])
    expect(log[0]).toBe('Nothing in /b/ matches "*.csv" yet (1 entries listed); looking again in 2.0 s.')
  })

  it('fails when nothing matched in time, saying what was listed and what was expected', async () => {
    const { clock } = fakeSleepClock()
    const list = () => Promise.resolve(Array.from({ length: 12 }, (_, i) => entry(`f${i}.json`)))
    const error = await lookUntilMatch({ list, clock, log: () => undefined }, '/b/', {
      expect: '*.csv',
      ifMissing: 'fail',
      waitMs: 10_000
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NothingMatchedError)
    expect(String(error)).toMatch(
      /No entry in \/b\/ matches "\*\.csv" within 10\.0 s \(listed \d times\); the last listing held 12: "f0\.json", .*"f9\.json" and 2 more\. Check 'path' and 'expect', or raise 'wait-seconds'/
    )
  })

  it('fails at once without a wait, on an empty folder', async () => {
    const { clock } = fakeSleepClock()
    const error = await lookUntilMatch({ list: () => Promise.resolve([]), clock, log: () => undefined }, 'the root', {
      expect: 'x',
      ifMissing: 'fail',
      waitMs: 0
    }).catch((e: unknown) => e)
    expect(String(error)).toContain('No entry in the root matches "x"; the last listing was empty.')
  })
})

describe('lookUntilMatch with if-missing: skip', () => {
  it('answers matched: false after the wait, with the last listing and a message that says the step reads no more', async () => {
    const { clock, waits } = fakeSleepClock()
    const list = () => Promise.resolve([entry('old.json')])
    const looked = await lookUntilMatch({ list, clock, log: () => undefined }, '/b/', {
      expect: '*.csv',
      ifMissing: 'skip',
      waitMs: 10_000
    })
    expect(looked).toMatchObject({ entries: [entry('old.json')], matches: [], matched: false })
    expect(looked.missing).toMatch(
      /^No entry in \/b\/ matches "\*\.csv" within 10\.0 s \(listed \d times\); the last listing held 1: "old\.json"\. Skipped \(if-missing: skip\): the step succeeds with matched=false and reads nothing more\.$/
    )
    expect(waits.length).toBeGreaterThan(0)
  })

  it('answers at once without a wait', async () => {
    const { clock, waits } = fakeSleepClock()
    const looked = await lookUntilMatch({ list: () => Promise.resolve([]), clock, log: () => undefined }, 'the root', {
      expect: 'x',
      ifMissing: 'skip',
      waitMs: 0
    })
    expect(looked).toMatchObject({ matched: false, looks: 1, missing: expect.stringContaining('the last listing was empty.') })
    expect(waits).toEqual([])
  })

  it('is matched: true, with nothing missing, when an entry matches', async () => {
    const { clock } = fakeSleepClock()
    const looked = await lookUntilMatch({ list: () => Promise.resolve([entry('a.csv')]), clock, log: () => undefined }, '/b/', {
      expect: '*.csv',
      ifMissing: 'skip',
      waitMs: 0
    })
    expect(looked).toEqual({ entries: [entry('a.csv')], matches: ['/b/a.csv'], looks: 1, matched: true })
  })
})
