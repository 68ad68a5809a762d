import { errorBody, errorStatus, type AdobeError } from './errors.js'

// What a handler decides; the server turns it into bytes, so that a fault can still decide to
// delay, drop or never send it.
export interface Reply {
  status: number
  headers?: Record<string, string>
  json?: unknown
  raw?: string
  error?: AdobeError
}

// The parts of a request handlers look at. `segments` is the path relative to the service base.
export interface Incoming {
  method: string
  path: string
  segments: string[]
  // Form-decoded, as most parameters are read; rawQuery for those read with percent-decoding only.
  query: URLSearchParams
  rawQuery: string
  headers: Record<string, string>
  body: string
}

export interface Rendered {
  status: number
  headers: Record<string, string>
  body: string
}

export const ok = (json: unknown, status = 200, headers?: Record<string, string>): Reply =>
  headers ? { status, json, headers } : { status, json }

export const failure = (error: AdobeError): Reply => ({ status: errorStatus(error), error })

export function render(reply: Reply, requestId: string): Rendered {
  const headers: Record<string, string> = { 'x-request-id': requestId }
  let body = ''
  if (reply.error) {
    body = JSON.stringify(errorBody(reply.error, requestId))
    headers['content-type'] = 'application/json'
  } else if (reply.raw !== undefined) {
    body = reply.raw
    headers['content-type'] = 'text/plain; charset=utf-8'
  } else if (reply.json !== undefined) {
    body = JSON.stringify(reply.json)
    headers['content-type'] = 'application/json'
  }
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value
  if (reply.status === 204 || reply.status === 304) body = ''
  return { status: reply.status, headers, body }
}

export function isMediaType(header: string | undefined, type: string): boolean {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() === type
}
