import fc from 'fast-check'
import {
  backoffDelay,
  Deadline,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryableNetworkError,
  isRetryableStatus,
  MIN_ATTEMPT_MS,
  parseRetryAfter,
  pollDelayMs
} from '../../../src/platform/retry.js'

const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 5 }

function errno(code: string, message = code): Error {
  return Object.assign(new Error(message), { code })
}

describe('what is retryable', () => {
  it.each([429, 500, 502, 503, 504])('retries HTTP %i', (status) => expect(isRetryableStatus(status)).toBe(true))
  it.each([400, 401, 403, 404, 409, 412, 422, 501, 505])('never retries HTTP %i', (status) => expect(isRetryableStatus(status)).toBe(false))

  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'EHOSTUNREACH'])('retries network error %s', (code) => {
    expect(isRetryableNetworkError(errno(code))).toBe(true)
  })
  it('retries socket hang-ups and aborted answers, which Node reports without a code', () => {
    expect(isRetryableNetworkError(new Error('socket hang up'))).toBe(true)
    expect(isRetryableNetworkError(new Error('aborted'))).toBe(true)
  })
  it('retries a body cut short by the connection closing', () => {
    expect(isRetryableNetworkError(errno('ERR_STREAM_PREMATURE_CLOSE', 'the connection closed'))).toBe(true)
  })
  it('does not retry a host that does not exist or a TLS failure', () => {
    expect(isRetryableNetworkError(errno('ENOTFOUND'))).toBe(false)
    expect(isRetryableNetworkError(errno('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe(false)
  })
})

describe('backoffDelay: exponential with full jitter', () => {
  it('grows the ceiling from the base delay and caps it', () => {
    expect(backoffDelay(1, policy, () => 0.999999)).toBe(499)
    expect(backoffDelay(3, policy, () => 0.999999)).toBe(1999)
    expect(backoffDelay(30, policy, () => 0.999999)).toBe(14999)
    expect(backoffDelay(4, policy, () => 0)).toBe(0)
  })

  it('stays within [0, min(max, base * 2^(attempt-1))] for any attempt and random draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, policy, () => r)
        const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
        return Number.isInteger(delay) && delay >= 0 && delay <= ceiling
      })
    )
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-27T12:00:00Z')
  it('reads delta-seconds', () => expect(parseRetryAfter('1', now)).toBe(1000))
  it('reads an HTTP date', () => expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:03 GMT', now)).toBe(3000))
  it('treats a date in the past as no wait', () => expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0))
  it.each([undefined, '', 'soon', '-1', '1.5'])('ignores %j', (value) => expect(parseRetryAfter(value, now)).toBeUndefined())
  it('never throws and never returns a negative or non-finite wait', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const ms = parseRetryAfter(value, now)
        return ms === undefined || (Number.isFinite(ms) && ms >= 0)
      })
    )
  })
})

describe('decideRetry', () => {
  it('stops when every attempt is used', () => {
    expect(decideRetry({ attempt: 5, policy, remainingMs: 60_000 })).toEqual({ retry: false, reason: 'all 5 attempts used' })
  })
  it('honours Retry-After over the backoff', () => {
    expect(decideRetry({ attempt: 1, policy, remainingMs: 60_000, retryAfterMs: 1000, random: () => 0.5 })).toEqual({
      retry: true,
      delayMs: 1000
    })
  })
  it('gives up at once when Retry-After reaches past the deadline', () => {
    const decision = decideRetry({ attempt: 1, policy, remainingMs: 5_000, retryAfterMs: 30_000 })
    expect(decision).toEqual({
      retry: false,
      reason: 'the server asked to wait 30.0 s, leaving no time for another attempt in the 5.0 s left before timeout-seconds'
    })
  })
  it('gives up when the wait would leave the next attempt less than MIN_ATTEMPT_MS before the deadline', () => {
    const at = (delayMs: number) => decideRetry({ attempt: 1, policy, remainingMs: 3000, retryAfterMs: delayMs })
    expect(at(3000 - MIN_ATTEMPT_MS)).toEqual({ retry: true, delayMs: 3000 - MIN_ATTEMPT_MS })
    expect(at(3000 - MIN_ATTEMPT_MS + 1)).toMatchObject({ retry: false })
  })
  it('never waits past the deadline nor beyond the policy, and stops after maxAttempts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, maxAttempts, remainingMs, retryAfterMs, r) => {
          const decision = decideRetry({
            attempt,
            policy: { ...policy, maxAttempts },
            remainingMs,
            random: () => r,
            ...(retryAfterMs !== undefined && { retryAfterMs })
          })
          if (attempt >= maxAttempts) return !decision.retry
          if (!decision.retry) return true
          const bound = retryAfterMs ?? policy.maxDelayMs
          return decision.delayMs >= 0 && decision.delayMs + MIN_ATTEMPT_MS <= remainingMs && decision.delayMs <= bound
        }
      )
    )
  })
})

describe('Deadline', () => {
  it('counts down on the injected clock and stops at zero', () => {
    let now = 1000
    const deadline = new Deadline(500, { now: () => now })
    expect(deadline.remainingMs()).toBe(500)
    now = 1400
    expect(deadline.remainingMs()).toBe(100)
    now = 1600
    expect(deadline.remainingMs()).toBe(0)
  })
})

describe('pollDelayMs', () => {
  it('looks again after 2 s, doubling to 30 s, never past the end of the wait', () => {
    expect([1, 2, 3, 4, 5, 6].map((look) => pollDelayMs(look, 600_000))).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000])
    expect(pollDelayMs(5, 1234)).toBe(1234)
    expect(pollDelayMs(1, -5)).toBe(0)
  })
})
