// The one place requests are made: JSON in and out, one keep-alive client per origin, the
// step's deadline, retries, and decoding of error answers. Everything above it sees typed
// results or one ApiError / TimeoutError with a message a person can act on.

import type { IncomingHttpHeaders } from 'node:http'
import { HttpClient, getProxyUrl } from '@actions/http-client'
import { ApiError, TimeoutError, decodeAdobeError, errorMessage, toError, type AdobeError, type Service } from './errors.js'
import { takeEarlyConnection } from './early-connect.js'
import { preconnect } from './preconnect.js'
import {
  decideRetry,
  formatSeconds,
  isRetryableNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  systemClock,
  type Clock,
  type Deadline,
  type RetryPolicy
} from './retry.js'

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

export interface Request {
  service: Service
  method: Method
  url: string
  /** How the request is named in logs and errors: method and route, never a query or a secret. */
  label: string
  headers?: Record<string, string>
  body?: string
  /** Non-2xx statuses handed back to the caller instead of failing (412 belongs to the update logic). */
  accept?: number[]
}

export interface Response {
  status: number
  headers: IncomingHttpHeaders
  /** Parsed JSON body; undefined for an empty body. */
  json: unknown
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
  /** Progress a user should see (a retry and why). */
  info?: (message: string) => void
  debug?: (message: string) => void
}

type Exchange = { kind: 'answer'; status: number; headers: IncomingHttpHeaders; body: string } | { kind: 'no-answer'; error: Error }

interface Failure {
  status?: number
  adobe?: AdobeError
  networkError?: string
  retryable: boolean
  /** The request may have taken effect although no success came back. */
  uncertain: boolean
  retryAfterMs?: number
}

export class Transport {
  private readonly clients = new Map<string, HttpClient>()
  private readonly spares: (() => void)[] = []
  private readonly clock: Clock

  constructor(private readonly options: TransportOptions) {
    this.clock = options.clock ?? systemClock
  }

  /** Sends a request, retrying what is retryable; fails with ApiError or TimeoutError. */
  async request(req: Request): Promise<Response> {
    const result = await this.send<never>(req)
    return result as Response
  }

  /**
   * For a request that is not idempotent (a create): when an attempt's outcome is unknown (no
   * answer, a 5xx, an unreadable 2xx), asks `recover` whether it took effect before sending again.
   */
  async requestOrRecover<T>(req: Request, recover: () => Promise<T | undefined>): Promise<Response | Recovered<T>> {
    return this.send(req, recover)
  }

  /** Has each origin's first request use a connection opened now (or at start-up), so that handshakes overlap. */
  warmUp(...urls: string[]): void {
    for (const url of urls) {
      // Through a proxy, @actions/http-client tunnels each request itself; nothing to warm.
      if (getProxyUrl(url) !== '') continue
      const parsed = new URL(url)
      this.spares.push(preconnect(this.clientFor(url).getAgent(url), parsed, takeEarlyConnection(parsed.origin)))
    }
  }

  /** Closes every connection, so that the process can exit as soon as the run is over. */
  close(): void {
    for (const closeSpare of this.spares) closeSpare()
    for (const client of this.clients.values()) client.dispose()
    this.clients.clear()
  }

  private async send<T>(req: Request, recover?: () => Promise<T | undefined>): Promise<Response | Recovered<T>> {
    const { policy, deadline } = this.options
    const started = this.clock.now()
    for (let attempt = 1; ; attempt++) {
      const exchange = await this.exchange(req, attempt, recover !== undefined)
      const outcome = this.judge(req, exchange)
      if ('json' in outcome) return outcome
      const elapsedMs = this.clock.now() - started
      this.options.debug?.(`${req.label}: attempt ${attempt} failed: ${describe(outcome)}`)
      const fail = (gaveUp?: string): ApiError =>
        new ApiError({
          service: req.service,
          label: req.label,
          attempts: attempt,
          elapsedMs,
          ...(outcome.status !== undefined && { status: outcome.status }),
          ...(outcome.adobe !== undefined && { adobe: outcome.adobe }),
          ...(outcome.networkError !== undefined && { networkError: outcome.networkError }),
          ...(gaveUp !== undefined && { gaveUp })
        })
      if (!outcome.retryable) throw fail()
      const decision = decideRetry({
        attempt,
        policy,
        remainingMs: deadline.remainingMs(),
        ...(outcome.retryAfterMs !== undefined && { retryAfterMs: outcome.retryAfterMs }),
        ...(this.options.random !== undefined && { random: this.options.random })
      })
      if (decision.retry) {
        this.options.info?.(
          `${req.service} ${req.label}: ${describe(outcome)}; retrying in ${formatSeconds(decision.delayMs)} (attempt ${attempt + 1} of ${policy.maxAttempts}).`
        )
        await this.clock.sleep(decision.delayMs)
      }
      // Asked after the wait, not before: a create still being saved behind a 5xx has had time to show.
      if (recover !== undefined && outcome.uncertain) {
        const recovered = await this.tryRecover(recover, fail)
        if (recovered !== undefined) return { recovered }
      }
      if (!decision.retry) throw fail(decision.reason)
    }
  }

  private async tryRecover<T>(recover: () => Promise<T | undefined>, fail: (gaveUp: string) => ApiError): Promise<T | undefined> {
    try {
      return await recover()
    } catch (error) {
      // Without knowing whether the first attempt took effect, sending again could duplicate it.
      throw fail(`could not check whether the request took effect (${errorMessage(error)})`)
    }
  }

  /** One attempt, cut off when the step's time runs out. */
  private async exchange(req: Request, attempt: number, mayTakeEffect: boolean): Promise<Exchange> {
    const { deadline, policy } = this.options
    const remaining = deadline.remainingMs()
    const note = mayTakeEffect ? 'It may have taken effect even so; the next run finds it by name instead of creating another.' : undefined
    const timeout = () => new TimeoutError(deadline.totalMs, `${req.service} ${req.label}`, attempt, policy.maxAttempts, note)
    if (remaining <= 0) throw timeout()
    const client = this.clientFor(req.url)
    const headers = { accept: 'application/json', ...req.headers }
    const exchange: Promise<Exchange> = client
      .request(req.method, req.url, req.body ?? null, headers)
      .then(async (res) => ({
        kind: 'answer' as const,
        status: res.message.statusCode ?? 0,
        headers: res.message.headers,
        body: await res.readBody()
      }))
      .catch((error: unknown) => ({ kind: 'no-answer' as const, error: toError(error) }))
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), remaining)
    })
    const winner = await Promise.race([exchange, expired])
    clearTimeout(timer)
    if (winner === 'expired') {
      // Destroying the sockets ends the hung request, so nothing keeps the process alive.
      const agent = client.getAgent(req.url) as { destroy?: () => void }
      agent.destroy?.()
      throw timeout()
    }
    return winner
  }

  private judge(req: Request, exchange: Exchange): Response | Failure {
    if (exchange.kind === 'no-answer') {
      const { code } = exchange.error as NodeJS.ErrnoException
      return {
        networkError:
          code !== undefined && !exchange.error.message.includes(code) ? `${code} (${exchange.error.message})` : exchange.error.message,
        retryable: isRetryableNetworkError(exchange.error),
        // A refused connection proves nothing was sent.
        uncertain: code !== 'ECONNREFUSED'
      }
    }
    const { status, headers, body } = exchange
    const success = status >= 200 && status < 300
    if (success || req.accept?.includes(status)) {
      try {
        return { status, headers, json: body.trim() === '' ? undefined : JSON.parse(body) }
      } catch {
        // An accepted error status speaks through its status alone, whatever its body.
        if (!success) return { status, headers, json: undefined }
        // A 2xx cut short or mangled on the way: as good as no answer.
        return { status, networkError: 'the response body is not valid JSON', retryable: true, uncertain: true }
      }
    }
    const requestId = headers['x-request-id']
    const retryAfterMs = parseRetryAfter(single(headers['retry-after']), this.clock.now())
    return {
      status,
      adobe: decodeAdobeError(body, single(requestId)),
      retryable: isRetryableStatus(status),
      // A 429 was refused at the door; a 5xx may have been processed before it failed.
      uncertain: status >= 500,
      ...(retryAfterMs !== undefined && { retryAfterMs })
    }
  }

  private clientFor(url: string): HttpClient {
    const origin = new URL(url).origin
    let client = this.clients.get(origin)
    if (client === undefined) {
      // One client per origin: @actions/http-client keeps one keep-alive agent per client,
      // made for the scheme of its first request.
      client = new HttpClient(this.options.userAgent, [], {
        keepAlive: true,
        allowRedirects: false,
        allowRetries: false,
        socketTimeout: this.options.deadline.totalMs
      })
      this.clients.set(origin, client)
    }
    return client
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function describe(f: Failure): string {
  if (f.status === undefined) return `network error: ${f.networkError ?? 'no answer'}`
  const code = f.adobe?.code !== undefined ? ` ${f.adobe.code}` : ''
  return `HTTP ${f.status}${code}${f.networkError !== undefined ? ` (${f.networkError})` : ''}`
}

export function isRecovered<T>(value: object): value is Recovered<T> {
  return 'recovered' in value
}
