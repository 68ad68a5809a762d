import { randomUUID } from 'node:crypto'
import type http from 'node:http'
import type net from 'node:net'
import type { FaultAction } from '../types.js'
import { defaultFaultError } from './errors.js'
import type { Listener } from './listener.js'
import { failure, render, type Reply } from './reply.js'

// Bytes in and out of one HTTP exchange (the URL, the body, the reply), and the socket-level faults.

const MAX_BODY_BYTES = 1024 * 1024
// Cut off mid-document: a client must survive a 2xx whose JSON does not parse.
const MALFORMED_BODY = '{"items":[{"id":"4cb0c374-d3bb-4557-b139-5712880adc55","name":"S3 conn'

export function splitUrl(url: string): { path: string; rawQuery: string } {
  const q = url.indexOf('?')
  return q === -1 ? { path: url, rawQuery: '' } : { path: url.slice(0, q), rawQuery: url.slice(q + 1) }
}

/** A URL path's segments, empty ones dropped: '/flows//x/' is ['flows', 'x']. */
export function pathSegments(path: string): string[] {
  return path.split('/').filter((s) => s !== '')
}

/**
 * A query parameter read from the raw query string with percent-decoding only (RFC 3986): a
 * literal '+' is a plus, not a space as form decoding would have it. null when absent; an
 * undecodable value is returned as sent, for the caller to refuse.
 */
export function rawQueryParam(rawQuery: string, name: string): string | null {
  for (const pair of rawQuery.split('&')) {
    const eq = pair.indexOf('=')
    const key = eq === -1 ? pair : pair.slice(0, eq)
    if (percentDecode(key) === name) return percentDecode(eq === -1 ? '' : pair.slice(eq + 1))
  }
  return null
}

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export function requestIdOf(req: http.IncomingMessage): string {
  const sent = req.headers['x-request-id']
  return typeof sent === 'string' && sent !== '' ? sent : randomUUID()
}

// Resolves undefined when the body exceeds MAX_BODY_BYTES; rejects when the client goes away.
export function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => {
      resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
    req.on('close', () => {
      if (!req.complete) reject(new Error('client closed the request'))
    })
  })
}

export function writeReply(res: http.ServerResponse, reply: Reply, requestId: string): void {
  if (res.destroyed || res.headersSent) return
  const rendered = render(reply, requestId)
  res.writeHead(rendered.status, { ...rendered.headers, 'content-length': Buffer.byteLength(rendered.body) })
  res.end(rendered.body)
}

export function statusFaultReply(fault: Extract<FaultAction, { type: 'status' }>): Reply {
  const headers = fault.headers ? { headers: fault.headers } : {}
  if (fault.body === undefined) return { ...failure(defaultFaultError(fault.status)), status: fault.status, ...headers }
  if (typeof fault.body === 'string') return { status: fault.status, raw: fault.body, ...headers }
  return { status: fault.status, json: fault.body, ...headers }
}

export function malformedReply(status: number): Reply {
  return { status, raw: MALFORMED_BODY, headers: { 'content-type': 'application/json' } }
}

// A TCP RST, as a crashed peer or a middlebox sends (checked: a raw client sees ECONNRESET over
// HTTP and HTTPS alike); falls back to a plain close if the handle cannot be reset.
export function resetSocket(socket: net.Socket, listener: Listener): void {
  const raw = listener.rawSocket(socket) ?? socket
  try {
    raw.resetAndDestroy()
  } catch {
    raw.destroy()
  }
  socket.destroy()
}

// A close without an answer (FIN): what a client sees when a proxy or the server dies mid-reply.
export function dropSocket(socket: net.Socket, listener: Listener): void {
  listener.rawSocket(socket)?.destroy()
  socket.destroy()
}
