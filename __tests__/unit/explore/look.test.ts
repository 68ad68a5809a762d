import { lookUntilMatch, NothingMatchedError } from '../../../src/explore/look.js'
import { fakeSleepClock } from '../../helpers/platform.js'

const entry = (name: string) => ({ type: 'file', name, path: `/b/${name}` })

describe('lookUntilMatch', () => {
  it('lists once without expect, or when a match is there at once', async () => {
    const { clock, waits } = fakeSleepClock()
    const list = () => Promise.resolve([entry('a.csv')])
    expect(await lookUntilMatch({ list, clock, log: () => undefined }, '/b/', undefined, 0)).toMatchObject({
      looks: 1,
      matches: ['/b/a.csv']
    })
    expect(await lookUntilMatch({ list, clock, log: () => undefined }, '/b/', '*.csv', 60_000)).toMatchObject({ looks: 1 })
    expect(waits).toEqual([])
  })

  it('lists again with backoff until the file lands', async () => {
    const { clock, waits } = fakeSleepClock()
    let n = 0
    const list = () => Promise.resolve(++n < 4 ? [entry('old.json')] : [entry('old.json'), entry('export.csv')])
    const log: string[] = []
    const looked = await lookUntilMatch({ list, clock, log: (m) => log.push(m) }, '/b/', '*.csv', 600_000)
    expect(looked).toMatchObject({ looks: 4, matches: ['/b/export.csv'] })
    expect(waits).toEqual([2000, 4000, 8000])
    expect(log[0]).toBe('Nothing in /b/ matches "*.csv" yet (1 entries listed); looking again in 2.0 s.')
  })

  it('fails when nothing matched in time, saying what was listed and what was expected', async () => {
    const { clock } = fakeSleepClock()
    const list = () => Promise.resolve(Array.from({ length: 12 }, (_, i) => entry(`f${i}.json`)))
    const error = await lookUntilMatch({ list, clock, log: () => undefined }, '/b/', '*.csv', 10_000).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NothingMatchedError)
    expect(String(error)).toMatch(
      /No entry in \/b\/ matches "\*\.csv" within 10\.0 s \(listed \d times\); the last listing held 12: "f0\.json", .*"f9\.json" and 2 more\. Check 'path' and 'expect', or raise 'wait-seconds'/
    )
  })

  it('fails at once without a wait, on an empty folder', async () => {
    const { clock } = fakeSleepClock()
    const error = await lookUntilMatch({ list: () => Promise.resolve([]), clock, log: () => undefined }, 'the root', 'x', 0).catch(
      (e: unknown) => e
    )
    expect(String(error)).toContain('No entry in the root matches "x"; the last listing was empty.')
  })
})
