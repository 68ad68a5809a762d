// One attempt of a request: sent on the origin's agent, its answer read in full (bounded), all
// under the time the step has left. Whatever happens, it settles with one Exchange.

import http, { type Agent, type IncomingHttpHeaders } from 'node:http'
import https from 'node:https'
import { toError } from '../errors.js'
import { BodyTooLargeError, readBody } from './body.js'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A request as it goes on the wire. */
export interface WireRequest {
  method: Method
  url: URL
  headers: Record<string, string>
  body?: string
}

export type Exchange =
  | { kind: 'answer'; status: number; headers: IncomingHttpHeaders; body: string }
  | { kind: 'too-large'; status: number; error: BodyTooLargeError }
  | { kind: 'no-answer'; error: Error & { code?: string } }
  | { kind: 'expired' }

export function attempt(agent: Agent, req: WireRequest, timeoutMs: number, maxBodyBytes: number, signal?: AbortSignal): Promise<Exchange> {
  return new Promise((resolve) => {
    const send = req.url.protocol === 'https:' ? https.request : http.request
    const headers = { ...req.headers, ...(req.body !== undefined && { 'content-length': String(Buffer.byteLength(req.body)) }) }
    const request = send(req.url, { method: req.method, headers, agent, ...(signal !== undefined && { signal }) })
    let settled = false
    const settle = (exchange: Exchange): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(exchange)
    }
    // Cut off when the step's time is up: destroying the request frees its socket, so nothing
    // is left to keep the process alive.
    const timer = setTimeout(() => {
      settle({ kind: 'expired' })
      request.destroy()
    }, timeoutMs)
    request.on('error', (error) => settle({ kind: 'no-answer', error: toError(error) }))
    request.on('response', (message) => {
      const status = message.statusCode ?? 0
      readBody(message, maxBodyBytes).then(
        (body) => settle({ kind: 'answer', status, headers: message.headers, body: body.toString('utf8') }),
        (error: unknown) =>
          settle(error instanceof BodyTooLargeError ? { kind: 'too-large', status, error } : { kind: 'no-answer', error: toError(error) })
      )
    })
    request.end(req.body)
  })
}
