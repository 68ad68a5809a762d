// The retry policy shared by every HTTP call: what is worth another attempt, and how long
// to wait first. Pure functions plus an injectable clock, so tests never wait for real.

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
}

export interface RetryPolicy {
  maxAttempts: number
  /**
   * The longest one attempt of a read (GET, DELETE) may take before it is cut off and sent again;
   * unset, an attempt may take whatever the deadline has left. Writes are never cut short: their
   * outcome would be unknown.
   */
  readAttemptMs?: number
  /** First backoff ceiling; it doubles with every attempt up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'maxAttempts'> = { baseDelayMs: 500, maxDelayMs: 15_000 }

/**
 * How long one attempt of a read may take: a quarter of timeout-seconds, 5 s at least. Adobe's
 * reads answer in seconds; a hung connection must not use the whole budget, and a workflow whose
 * reads are slow (a large file's preview) raises timeout-seconds, which raises this too.
 */
export function readAttemptMs(timeoutSeconds: number): number {
  return Math.max(5_000, (timeoutSeconds * 1000) / 4)
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504])

// Failures of the connection itself: the request may be sent again. DNS failures other than
// EAI_AGAIN are configuration mistakes and would only fail again.
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ERR_STREAM_PREMATURE_CLOSE'
])

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status)
}

export function isRetryableNetworkError(error: Error & { code?: string }): boolean {
  if (error.code !== undefined) return RETRYABLE_NETWORK_CODES.has(error.code)
  // Node reports some hang-ups without a code.
  return /socket hang up|aborted/i.test(error.message)
}

/** Full jitter: uniformly random in [0, min(maxDelay, base * 2^(attempt-1))]. */
export function backoffDelay(attempt: number, policy: Omit<RetryPolicy, 'maxAttempts'>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * ceiling)
}

/** Retry-After in delta-seconds or as an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  if (!/[a-z]/i.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string }

/**
 * What an attempt needs at least after its wait to be worth making: one that would start in the
 * deadline's last moments would only time out, and the message would name the timeout instead of
 * the failure that was retried.
 */
export const MIN_ATTEMPT_MS = 250

/**
 * Whether attempt number `attempt` (1-based) may be followed by another, and after how long.
 * The wait honours Retry-After but leaves the next attempt MIN_ATTEMPT_MS before the deadline:
 * a retry that could not be made in time is not worth waiting for.
 */
export function decideRetry(input: {
  attempt: number
  policy: RetryPolicy
  remainingMs: number
  retryAfterMs?: number
  random?: () => number
}): RetryDecision {
  const { attempt, policy, remainingMs } = input
  if (attempt >= policy.maxAttempts) {
    return { retry: false, reason: policy.maxAttempts === 1 ? 'max-attempts is 1' : `all ${policy.maxAttempts} attempts used` }
  }
  const delayMs = input.retryAfterMs ?? backoffDelay(attempt, policy, input.random)
  if (delayMs + MIN_ATTEMPT_MS > remainingMs) {
    const wait =
      input.retryAfterMs !== undefined
        ? `the server asked to wait ${formatSeconds(delayMs)}`
        : `the next backoff is ${formatSeconds(delayMs)}`
    return {
      retry: false,
      reason: `${wait}, leaving no time for another attempt in the ${formatSeconds(remainingMs)} left before timeout-seconds`
    }
  }
  return { retry: true, delayMs }
}

/**
 * The wait before look number `look + 1` at something that takes its time (a file to land, a run
 * to end): 2 s, doubling to 30 s, never past the end of the wait (`leftMs`).
 */
export function pollDelayMs(look: number, leftMs: number): number {
  return Math.max(0, Math.min(2000 * 2 ** (look - 1), 30_000, leftMs))
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** The one budget of the whole step (timeout-seconds): every wait and every request is cut to what is left. */
export class Deadline {
  private readonly endsAt: number
  constructor(
    /** The step's whole budget, as the inputs gave it (what a timeout message names). */
    readonly totalMs: number,
    private readonly clock: Pick<Clock, 'now'> = systemClock,
    endsAt?: number,
    /** Which inputs make the budget: 'timeout-seconds', or 'timeout-seconds + wait-seconds'. */
    readonly budget = 'timeout-seconds'
  ) {
    this.endsAt = endsAt ?? clock.now() + totalMs
  }
  remainingMs(): number {
    return Math.max(0, this.endsAt - this.clock.now())
  }
  /**
   * The same budget less `reserveMs` at its end: the work runs under it, so that the clean-up
   * after a failure or a timeout (deleting what the run made) still has time within the step's.
   */
  withReserve(reserveMs: number): Deadline {
    return new Deadline(this.totalMs, this.clock, this.endsAt - reserveMs, this.budget)
  }
}
