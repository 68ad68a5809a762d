// The one place requests are made: retries with backoff, one deadline for the whole step, and
// error answers decoded. Everything above it sees typed answers or one ApiError / TimeoutError
// with a message a person can act on. Its parts: pool (one keep-alive agent per origin),
// attempt (one try under the deadline), classify (what the outcome means), retry (the policy).

import { ApiError, CancelledError, TimeoutError, errorMessage, requestName, type Hints, type Service } from '../errors.js'
import { decideRetry, formatSeconds, systemClock, type Clock, type Deadline, type RetryPolicy } from '../retry.js'
import { attempt, type Method } from './attempt.js'
import { MAX_BODY_BYTES } from './body.js'
import { classify, isAnswer, type Answer, type Expectation, type Failure } from './classify.js'
import { Pool } from './pool.js'
import { oneLine } from '../text.js'

export type { Method } from './attempt.js'
export type Response = Answer

/** What may be sent again after an attempt that hung: HTTP's idempotent methods the actions use. */
const IDEMPOTENT: ReadonlySet<Method> = new Set(['GET', 'DELETE'])

export interface Request extends Expectation {
  service: Service
  method: Method
  url: string
  /** How the request is named in logs and errors: method and route, never a query or a secret. */
  label: string
  headers?: Record<string, string>
  body?: string
  /** The body for each attempt, built when it is sent (see Call.rebuild). */
  rebuild?: () => string
}

export interface Recovered<T> {
  recovered: T
}

export interface TransportOptions {
  userAgent: string
  policy: RetryPolicy
  deadline: Deadline
  clock?: Clock
  random?: () => number
  /** Applied to every answer's body before anything reads it. */
  redact?: (text: string) => string
  /** The action's hints for Adobe's error codes. */
  hints?: Hints
  maxBodyBytes?: number
  /** Aborts the work (the job was cancelled): requests in flight end, and no new one starts. */
  signal?: AbortSignal
  /** Progress a user should see (a retry and why). */
  info?: (message: string) => void
  debug?: (message: string) => void
}

export class Transport {
  private readonly clock: Clock

  constructor(
    private readonly options: TransportOptions,
    private readonly pool: Pool = new Pool()
  ) {
    this.clock = options.clock ?? systemClock
  }

  /**
   * The same connections and settings under another deadline, and not cancellable: clean-up
   * runs under the whole step's deadline, after the work was cut off.
   */
  under(deadline: Deadline): Transport {
    return new Transport({ ...this.options, deadline, signal: undefined }, this.pool)
  }

  /** The same connections and settings, cancellable as ever, under another deadline: for a wait after the work. */
  until(deadline: Deadline): Transport {
    return new Transport({ ...this.options, deadline }, this.pool)
  }

  /** Sends a request, retrying what is retryable; fails with ApiError or TimeoutError. */
  request(req: Request): Promise<Response> {
    return this.send(req, (res) => res)
  }

  /**
   * For a request that is not idempotent (a create): when an attempt's outcome is unknown (no
   * answer, a 5xx, an unreadable 2xx), asks `recover` whether it took effect before sending again.
   */
  requestOrRecover<T>(req: Request, recover: () => Promise<T | undefined>): Promise<Response | Recovered<T>> {
    return this.send<Response | Recovered<T>>(
      req,
      (res) => res,
      async () => {
        const found = await recover()
        return found === undefined ? undefined : { recovered: found }
      }
    )
  }

  /** Time left before this transport's deadline. */
  remainingMs(): number {
    return this.options.deadline.remainingMs()
  }

  /** Opens each origin's connection now, so that its handshake overlaps other work. */
  warmUp(...urls: string[]): void {
    for (const url of urls) this.pool.warmUp(new URL(url))
  }

  close(): void {
    this.pool.close()
  }

  private async send<R>(req: Request, onAnswer: (res: Response) => R, recover?: () => Promise<R | undefined>): Promise<R> {
    const { policy, deadline } = this.options
    const started = this.clock.now()
    for (let n = 1; ; n++) {
      const outcome = await this.once(req, n, recover !== undefined)
      if (isAnswer(outcome)) return onAnswer(outcome)
      const elapsedMs = this.clock.now() - started
      this.options.debug?.(`${req.label}: attempt ${n} failed: ${describe(outcome)}`)
      const fail = (gaveUp?: string): ApiError => this.failure(req, outcome, n, elapsedMs, gaveUp)
      if (!outcome.retryable) {
        // Not worth sending again, yet it may have taken effect (a 2xx whose body could not be
        // read): the caller learns of what it made rather than of a failure.
        const recovered = recover !== undefined && outcome.uncertain ? await this.tryRecover(recover, fail) : undefined
        if (recovered !== undefined) return recovered
        throw fail()
      }
      const decision = decideRetry({
        attempt: n,
        policy,
        remainingMs: deadline.remainingMs(),
        ...(outcome.retryAfterMs !== undefined && { retryAfterMs: outcome.retryAfterMs }),
        ...(this.options.random !== undefined && { random: this.options.random })
      })
      if (decision.retry) {
        this.options.info?.(
          `${requestName(req.service, req.label)}: ${describe(outcome)}; retrying in ${formatSeconds(decision.delayMs)} (attempt ${n + 1} of ${policy.maxAttempts}).`
        )
        await this.sleep(decision.delayMs)
      }
      // Asked after the wait, not before: a create still being saved behind a 5xx has had time to show.
      if (recover !== undefined && outcome.uncertain) {
        const recovered = await this.tryRecover(recover, fail)
        if (recovered !== undefined) return recovered
      }
      if (!decision.retry) throw fail(decision.reason)
    }
  }

  /** One attempt under the time left; a timeout ends the whole request. */
  private async once(req: Request, n: number, mayTakeEffect: boolean): Promise<Answer | Failure> {
    const { deadline, policy } = this.options
    const remaining = deadline.remainingMs()
    const timeout = (): TimeoutError =>
      new TimeoutError(
        deadline.totalMs,
        requestName(req.service, req.label),
        n,
        policy.maxAttempts,
        mayTakeEffect ? 'It may have taken effect even so.' : undefined,
        deadline.budget
      )
    if (remaining <= 0) throw timeout()
    this.throwIfCancelled()
    const url = new URL(req.url)
    const headers = { accept: 'application/json', 'user-agent': this.options.userAgent, ...req.headers }
    const body = req.rebuild?.() ?? req.body
    const wire = { method: req.method, url, headers, ...(body !== undefined && { body }) }
    // A read (or a delete: sent again, it finds the thing gone) that hangs is one failed attempt,
    // not the end of the step: it is cut off well before the step's deadline and sent again.
    const cap = IDEMPOTENT.has(req.method) ? (policy.readAttemptMs ?? Infinity) : Infinity
    const exchange = await attempt(
      this.pool.agentFor(url),
      wire,
      Math.min(remaining, cap),
      this.options.maxBodyBytes ?? MAX_BODY_BYTES,
      this.options.signal
    )
    if (exchange.kind === 'expired') {
      if (remaining <= cap) throw timeout()
      return { networkError: `no answer within ${formatSeconds(cap)}`, retryable: true, uncertain: true }
    }
    this.throwIfCancelled()
    return classify(exchange, req, this.clock.now(), this.options.redact ?? ((text) => text))
  }

  /** A backoff wait that a cancellation cuts short. */
  private async sleep(ms: number): Promise<void> {
    const { signal } = this.options
    if (signal === undefined) return this.clock.sleep(ms)
    await new Promise<void>((resolve) => {
      const done = (): void => {
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done, { once: true })
      void this.clock.sleep(ms).then(done)
    })
    this.throwIfCancelled()
  }

  private throwIfCancelled(): void {
    if (this.options.signal?.aborted === true) throw new CancelledError()
  }

  private async tryRecover<R>(recover: () => Promise<R | undefined>, fail: (gaveUp: string) => ApiError): Promise<R | undefined> {
    try {
      return await recover()
    } catch (error) {
      // Without knowing whether the first attempt took effect, sending again could duplicate it.
      throw fail(`could not check whether the request took effect (${errorMessage(error)})`)
    }
  }

  private failure(req: Request, outcome: Failure, attempts: number, elapsedMs: number, gaveUp?: string): ApiError {
    return new ApiError({
      service: req.service,
      label: req.label,
      attempts,
      elapsedMs,
      ...(outcome.status !== undefined && { status: outcome.status }),
      ...(outcome.adobe !== undefined && { adobe: outcome.adobe }),
      ...(outcome.networkError !== undefined && { networkError: outcome.networkError }),
      ...(gaveUp !== undefined && { gaveUp }),
      ...(this.options.hints !== undefined && { hints: this.options.hints })
    })
  }
}

/** One line for the log; every part that came from the server goes through oneLine. */
function describe(f: Failure): string {
  const networkError = f.networkError !== undefined ? oneLine(f.networkError) : undefined
  if (f.status === undefined) return `network error: ${networkError ?? 'no answer'}`
  const code = f.adobe?.code !== undefined ? ` ${oneLine(f.adobe.code, 60)}` : ''
  return `HTTP ${f.status}${code}${networkError !== undefined ? ` (${networkError})` : ''}`
}

export function isRecovered<T>(value: object | Recovered<T>): value is Recovered<T> {
  return 'recovered' in value
}
