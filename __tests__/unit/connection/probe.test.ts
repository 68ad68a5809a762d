import type { Found } from '../../../src/connection/client.js'
import { isLeftover, isProbeOf, PROBE_MAX_AGE_MS, probeName, probeOwner } from '../../../src/connection/probe.js'
import { CLOCK_SKEW_MS, withMark } from '../../../src/platform/ownership.js'

const RUN = { repository: 'octo-org/pipeline', runId: 4242, runAttempt: 2 }
const NOW = Date.parse('2026-11-28T12:00:00Z')

function probe(name: string, createdAt = NOW - 1000, description?: string): Found {
  return { id: 'p-1', name, spec: { id: 's', version: '1.0' }, createdAt, ...(description !== undefined && { description }) }
}

/** A probe's description, marked by a run whose requests end at `until`. */
const markedUntil = (until: number): string => withMark('Verification probe', { token: 'feed0001', until }, 1024)

describe('probeName', () => {
  it('says what it is and which run made it', () => {
    expect(probeName('S3 Connection', RUN, NOW, 'ab12cd34')).toBe(
      'S3 Connection (verify probe: octo-org/pipeline run 4242 attempt 2, ab12cd34)'
    )
  })
  it('says when, for a run outside GitHub Actions', () => {
    expect(probeName('S3', {}, NOW, 'ab12cd34')).toBe(
      'S3 (verify probe: a run outside GitHub Actions at 2026-11-28T12:00:00.000Z, ab12cd34)'
    )
  })
  it('is recognised as a probe of its connection, and its run read back from it', () => {
    const name = probeName('S3 Connection', RUN, NOW, 'ab12cd34')
    expect(isProbeOf('S3 Connection', name)).toBe(true)
    expect(isProbeOf('S3', name)).toBe(false)
    expect(isProbeOf('S3 Connection', 'S3 Connection')).toBe(false)
    expect(probeOwner('S3 Connection', name)).toEqual(RUN)
  })
})

describe('isLeftover: which probes a run deletes', () => {
  const name = (attempt: number, runId = 4242) => probeName('S3', { ...RUN, runId, runAttempt: attempt }, NOW, '00ff00ff')
  it("one whose run's time is over, by its mark, however young", () => {
    expect(isLeftover(probe(name(1, 9999), NOW - 1000, markedUntil(NOW - CLOCK_SKEW_MS - 1000)), 'S3', RUN, NOW)).toBe(true)
  })
  it("never one whose run's time is not over, by its mark, however old", () => {
    expect(isLeftover(probe(name(1, 9999), NOW - PROBE_MAX_AGE_MS - 1, markedUntil(NOW)), 'S3', RUN, NOW)).toBe(false)
  })
  it('one without a mark, older than any run can last', () => {
    expect(isLeftover(probe(name(1, 1), NOW - PROBE_MAX_AGE_MS - 1), 'S3', RUN, NOW)).toBe(true)
  })
  it('one of an earlier attempt of this very run, which has ended', () => {
    expect(isLeftover(probe(name(1)), 'S3', RUN, NOW)).toBe(true)
  })
  it('never a recent one of another run, which may be in use right now', () => {
    expect(isLeftover(probe(name(1, 9999)), 'S3', RUN, NOW)).toBe(false)
  })
  it('never one of this attempt (a matrix job beside this one)', () => {
    expect(isLeftover(probe(name(2)), 'S3', RUN, NOW)).toBe(false)
  })
  it('never a recent one whose name it cannot read', () => {
    expect(isLeftover(probe('S3 (verify probe: hand-made)'), 'S3', RUN, NOW)).toBe(false)
  })
})
