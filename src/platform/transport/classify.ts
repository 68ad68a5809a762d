// What an attempt's outcome means: a usable answer, or a failure that may be retried and that
// may have taken effect. Pure: the retry loop decides what to do with it.

import type { IncomingHttpHeaders } from 'node:http'
import { decodeAdobeError, type AdobeError } from '../errors.js'
import { isRetryableNetworkError, isRetryableStatus, parseRetryAfter } from '../retry.js'
import type { Exchange } from './attempt.js'

export interface Answer {
  status: number
  headers: IncomingHttpHeaders
  /** Parsed JSON body; undefined for an empty body. */
  json: unknown
}

export interface Failure {
  status?: number
  adobe?: AdobeError
  networkError?: string
  retryable: boolean
  /** The request may have taken effect although no success came back. */
  uncertain: boolean
  retryAfterMs?: number
}

export interface Expectation {
  /** Non-2xx statuses handed back to the caller instead of failing (412 belongs to update logic). */
  accept?: readonly number[]
}

// The tunnelling agent reports a proxy's refusal of the CONNECT as an error, not as an answer.
const PROXY_REFUSED = /statusCode=407/

/**
 * `redact` is applied to every body before anything reads it, so that no later cut (of an error
 * message, say) can split a secret the server echoed.
 */
export function classify(
  exchange: Exclude<Exchange, { kind: 'expired' }>,
  expect: Expectation,
  nowMs: number,
  redact: (text: string) => string
): Answer | Failure {
  if (exchange.kind === 'no-answer') return noAnswer(exchange.error)
  if (exchange.kind === 'too-large') {
    // Reading on would only exhaust memory; sending again would get the same.
    return { status: exchange.status, networkError: exchange.error.message, retryable: false, uncertain: isSuccess(exchange.status) }
  }
  const { status, headers } = exchange
  const body = redact(exchange.body)
  if (isSuccess(status) || expect.accept?.includes(status)) {
    try {
      return { status, headers, json: body.trim() === '' ? undefined : JSON.parse(body) }
    } catch {
      // An accepted error status speaks through its status alone, whatever its body.
      if (!isSuccess(status)) return { status, headers, json: undefined }
      // A 2xx mangled on the way: as good as no answer.
      return { status, networkError: 'the response body is not valid JSON', retryable: true, uncertain: true }
    }
  }
  const retryAfterMs = parseRetryAfter(single(headers['retry-after']), nowMs)
  // Redacted whole, before any cut: a header may echo a secret as well as a body.
  const requestId = single(headers['x-request-id'])
  return {
    status,
    adobe: decodeAdobeError(body, requestId === undefined ? undefined : redact(requestId)),
    // 407: the proxy refused the run's credentials; asking again cannot change that.
    retryable: status !== 407 && isRetryableStatus(status),
    // A 429 was refused at the door; a 5xx may have been processed before it failed.
    uncertain: status >= 500,
    ...(retryAfterMs !== undefined && { retryAfterMs })
  }
}

function noAnswer(error: Error & { code?: string }): Failure {
  if (PROXY_REFUSED.test(error.message)) {
    return { status: 407, networkError: 'the proxy refused the CONNECT request', retryable: false, uncertain: false }
  }
  const { code } = error
  return {
    networkError: code !== undefined && !error.message.includes(code) ? `${code} (${error.message})` : error.message,
    retryable: isRetryableNetworkError(error),
    // A refused connection proves nothing was sent.
    uncertain: code !== 'ECONNREFUSED'
  }
}

export function isAnswer(outcome: Answer | Failure): outcome is Answer {
  return 'json' in outcome
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
