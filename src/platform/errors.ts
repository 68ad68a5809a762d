// Adobe answers errors in three shapes (Flow Service, API gateway, generic) and IMS in a
// fourth; this turns any of them into one readable sentence with status, code and request id.
// Every part that came from the server is printed through oneLine: it cannot start a line.

import { isObject, own, type JsonObject } from './json.js'
import { formatSeconds } from './retry.js'
import { oneLine } from './text.js'

export type Service = 'Flow Service' | 'IMS' | 'Catalog' | 'Data Prep' | 'Schema Registry'

/** What is read of a thrown value: a message, and an errno code and a stack when it has them. */
interface ErrorLike {
  message: string
  code?: unknown
  stack?: unknown
}

// Errors are recognised by shape, not instanceof: Node's own errors can come from another realm
// (a test runner's VM context), where instanceof Error is false.
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string'
}

/** Any thrown value as an Error of this realm, its errno code kept (when it is a string) and the value as its cause. */
export function toError(value: unknown): Error & { code?: string } {
  if (!isErrorLike(value)) return new Error(String(value))
  const error: Error & { code?: string } = new Error(value.message, { cause: value })
  if (typeof value.code === 'string') error.code = value.code
  if (typeof value.stack === 'string') error.stack = value.stack
  return error
}

export function errorMessage(value: unknown): string {
  return isErrorLike(value) ? value.message : String(value)
}

export function errorStack(value: unknown): string | undefined {
  return isErrorLike(value) && typeof value.stack === 'string' ? value.stack : undefined
}

export interface AdobeError {
  code?: string
  message?: string
  requestId?: string
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** Longest raw (non-JSON) error body quoted in a message. */
const RAW_BODY_CHARS = 300

/**
 * Reads whichever of Adobe's error shapes the body holds; falls back to the raw text. The body
 * must already be redacted: the fallback cuts it, and a cut must never split a secret.
 */
export function decodeAdobeError(body: string, requestIdHeader?: string): AdobeError {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    json = undefined
  }
  const fromBody = isObject(json) ? decodeShape(json) : { message: str(oneLine(body, RAW_BODY_CHARS)) }
  const requestId = fromBody.requestId ?? str(requestIdHeader)
  return {
    ...(fromBody.code !== undefined && { code: fromBody.code }),
    ...(fromBody.message !== undefined && { message: fromBody.message }),
    ...(requestId !== undefined && { requestId })
  }
}

function decodeShape(json: JsonObject): AdobeError {
  const report = isObject(json.report) ? json.report : {}
  const requestId = str(report['request-id']) ?? str(json['request-id']) ?? str(json.requestId)
  const withId = (e: AdobeError): AdobeError => (requestId !== undefined ? { ...e, requestId } : e)

  // Flow Service: {"type": ".../errors/FLOW-1415-400", "title", "report": {"detailed-message"}, "errorMessage"}
  const type = str(json.type)
  // Only the end is searched: the pattern, anchored at the end, backtracks over a long type.
  const flowCode = type?.slice(-48).match(/([A-Z]+-\d+-\d{3})$/)?.[1]
  if (flowCode !== undefined || isObject(json.report)) {
    const message = str(report['detailed-message']) ?? str(json.errorMessage) ?? str(json.title) ?? str(json.detail)
    return withId({ ...(flowCode !== undefined && { code: flowCode }), ...(message !== undefined && { message }) })
  }
  // API gateway: {"error_code": "401013", "message": "Oauth token is not valid"}
  const gatewayCode = str(json.error_code) ?? (typeof json.error_code === 'number' ? String(json.error_code) : undefined)
  if (gatewayCode !== undefined) {
    const message = str(json.message)
    return withId({ code: gatewayCode, ...(message !== undefined && { message }) })
  }
  // IMS: {"error": "invalid_client", "error_description": "invalid client_secret parameter"}
  const imsCode = str(json.error)
  if (imsCode !== undefined) {
    const message = str(json.error_description)
    return withId({ code: imsCode, ...(message !== undefined && { message }) })
  }
  // Generic: {"type", "status", "title": "BadRequestError", "detail": "A valid content-type must be specified"}
  const title = str(json.title)
  const detail = str(json.detail) ?? str(json.message)
  const code = title !== undefined && /^[A-Za-z]+$/.test(title) ? title : undefined
  const message = detail ?? title
  return withId({ ...(code !== undefined && { code }), ...(message !== undefined && { message }) })
}

/** Hints keyed by the code Adobe sends: what to do about an error. */
export type Hints = Readonly<Record<string, string>>

/** What to do about the errors every action meets: credentials, organization, sandbox, permissions. */
const SESSION_HINTS: Hints = {
  '401013': "the access token is not valid or has expired; check 'client-id'/'client-secret', or mint a fresh 'access-token'",
  '403010': 'no access token was sent',
  '403000': "the API key is missing; check 'client-id'",
  '403003': "the API key is not valid; check 'client-id' (the Client ID of the Developer Console project)",
  '429050': 'Adobe is throttling this integration; retry later',
  'FLOW-2001-401': "check 'ims-org-id'",
  'FLOW-2002-401': "check 'ims-org-id'",
  'FLOW-2121-403': "the organization does not match the credentials; check 'ims-org-id'",
  'FLOW-2105-400': "check 'sandbox-name'",
  'FLOW-2100-404': "no such sandbox; check 'sandbox-name'",
  'FLOW-2118-403': 'the Developer Console project lacks the Sources permission for this sandbox',
  'FLOW-2120-403': 'the Developer Console project lacks the Sources permission for this sandbox',
  invalid_client: "check 'client-id' and 'client-secret'",
  invalid_scope: "check 'scopes' against the APIs of the Developer Console project"
}

/** The proxy refused the run's credentials: retrying cannot help, and the fix is in HTTPS_PROXY. */
export const PROXY_REFUSED_HINT =
  'the proxy refused the credentials (407 Proxy Authentication Required); check the user and password in HTTPS_PROXY (or HTTP_PROXY), or whether NO_PROXY should cover this host'

const TLS_TRUST_ERROR = /SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY_LEAF)|CERT_UNTRUSTED|unable to verify/i

function hintFor(d: ApiErrorDetails): string {
  const code = d.adobe?.code
  const hint = code !== undefined ? (own(d.hints ?? {}, code) ?? own(SESSION_HINTS, code)) : undefined
  if (d.status === 407) return ` Hint: ${PROXY_REFUSED_HINT}.`
  if (hint !== undefined) return ` Hint: ${hint}.`
  const { networkError } = d
  if (networkError !== undefined && TLS_TRUST_ERROR.test(networkError)) {
    return ' Hint: the server certificate is not trusted; behind a TLS-inspecting proxy or a private CA, set NODE_EXTRA_CA_CERTS to its CA file.'
  }
  return ''
}

export interface ApiErrorDetails {
  service: Service
  /** Method and route, never the query (it can hold names) nor secrets: 'POST /connections'. */
  label: string
  status?: number
  adobe?: AdobeError
  networkError?: string
  attempts: number
  elapsedMs: number
  /** Why retrying stopped, when it was tried more than once. */
  gaveUp?: string
  /** The action's own hints, on top of the session's. */
  hints?: Hints
}

/** A request that failed for good: a non-retryable answer, or retries exhausted. */
export class ApiError extends Error {
  readonly details: ApiErrorDetails
  constructor(details: ApiErrorDetails) {
    super(formatApiError(details))
    this.name = 'ApiError'
    this.details = details
  }
  get status(): number | undefined {
    return this.details.status
  }
  get code(): string | undefined {
    return this.details.adobe?.code
  }
}

export function formatApiError(d: ApiErrorDetails): string {
  const what = requestName(d.service, d.label)
  const tries = d.attempts > 1 ? ` after ${d.attempts} attempts in ${formatSeconds(d.elapsedMs)}` : ''
  const networkError = d.networkError !== undefined ? oneLine(d.networkError) : undefined
  const cause =
    d.status !== undefined
      ? `HTTP ${d.status}${networkError !== undefined ? ` (${networkError})` : ''}`
      : `network error: ${networkError ?? 'no answer'}`
  const adobe = d.adobe ?? {}
  const code = adobe.code !== undefined ? ` ${oneLine(adobe.code, 60)}` : ''
  const message = adobe.message !== undefined ? `: ${oneLine(adobe.message)}` : ''
  const requestId = adobe.requestId !== undefined ? ` (request id ${oneLine(adobe.requestId, 100)})` : ''
  const hint = hintFor(d)
  const gaveUp = d.gaveUp !== undefined ? ` Gave up: ${d.gaveUp}.` : ''
  return `${what} failed${tries}: ${cause}${code}${message}${requestId}.${hint}${gaveUp}`
}

/**
 * Whether a request failed because what it names does not exist: a 404, or Flow Service's
 * `1439-400` "Resource not found", which its error list documents beside the 404.
 */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code === 'FLOW-1439-400')
}

/** Flow Service refused to delete a connection because a dataflow uses it (1418-400), read from its code alone. */
export function isInUse(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'FLOW-1418-400'
}

/**
 * Whether a write that failed may have taken effect all the same: no definite refusal came back
 * (a 5xx, no answer, a timeout, a cancellation while it was on the wire).
 */
export function mayHaveTakenEffect(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === undefined || error.status >= 500
}

/** The run cannot go on without a person deciding: what exists conflicts with what the inputs ask for. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConflictError'
  }
}

/** The whole step ran out of `timeout-seconds`. */
export class TimeoutError extends Error {
  constructor(timeoutMs: number, waitingFor: string, attempt: number, maxAttempts: number, note?: string, budget = 'timeout-seconds') {
    super(
      `Timed out after ${formatSeconds(timeoutMs)} (${budget}) waiting for ${waitingFor} (attempt ${attempt} of ${maxAttempts}). ` +
        (note !== undefined ? `${note} ` : '') +
        'Raise timeout-seconds, or check that the service is reachable from the runner.'
    )
    this.name = 'TimeoutError'
  }
}

/** The service answered 2xx with something this client cannot use. */
export class UnexpectedResponseError extends Error {
  constructor(service: Service, label: string, problem: string) {
    super(`${requestName(service, label)} returned an unexpected response: ${problem}.`)
    this.name = 'UnexpectedResponseError'
  }
}

/** How a request is named in messages: 'IMS token request', 'Flow Service POST /connections'. */
export function requestName(service: Service, label: string): string {
  return service === 'IMS' ? 'IMS token request' : `${service} ${label}`
}

/**
 * The job was cancelled while the step ran: the work stopped. What the clean-up did with what the
 * run had made is the action's to say (its ledger), never assumed here.
 */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled: the runner stopped the step (the job was cancelled or timed out).')
    this.name = 'CancelledError'
  }
}
