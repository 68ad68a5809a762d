// A hostile or broken server on loopback, standing where IMS and Platform would be (a proxy, a
// compromised endpoint or a faulty gateway can send any of this). Each route answers as a
// well-behaved service by default; a test replaces the answer of a route with one of the
// hostile answers below, and checks what the action makes of it.

import { randomUUID } from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import net, { type Server, type Socket } from 'node:net'

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void

export interface Recorded {
  method: string
  path: string
  body: string
}

/** A valid id and etag, for answers that are hostile elsewhere. */
export const GOOD_ID = '4cb0c374-d3bb-4557-b139-5712880adc55'
export const GOOD_ETAG = '"1700d77b-0000-0200-0000-5e3b41a10000"'
export const TOKEN = 'hostile-server-access-token-000000000000000000'
const SPEC = { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' }

export class HostileServer {
  readonly requests: Recorded[] = []
  /** What the well-behaved create made, so that the well-behaved list shows it. */
  readonly created: string[] = []
  private readonly routes = new Map<string, Handler>()
  private readonly sockets = new Set<Socket>()

  private readonly server: http.Server
  private origin_ = ''

  private constructor() {
    this.server = http.createServer((req, res) => {
      this.handle(req, res)
    })
    this.server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  static async start(): Promise<HostileServer> {
    const instance = new HostileServer()
    instance.origin_ = `http://127.0.0.1:${await listen(instance.server)}`
    return instance
  }

  get origin(): string {
    return this.origin_
  }

  get platformUrl(): string {
    return this.origin
  }

  get flowServiceUrl(): string {
    return `${this.origin}/data/foundation/flowservice`
  }

  /**
   * Answers `route` ('POST /connections', 'GET /connections/*', 'GET /connections/*\/explore') with
   * `handler`, for the next `times` requests (all of them by default), then as a good service would.
   */
  on(route: string, handler: Handler, times = Infinity): void {
    let left = times
    this.routes.set(route, (req, res, body) => {
      left -= 1
      if (left <= 0) this.routes.delete(route)
      handler(req, res, body)
    })
  }

  /** Back to well-behaved answers, and an empty request log. */
  reset(): void {
    this.routes.clear()
    this.requests.length = 0
    this.created.length = 0
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise((resolve) => this.server.close(resolve))
  }

  private wellBehaved(route: string): Handler | undefined {
    if (route === 'GET /connections') return json(200, { items: this.created.map((id) => connection(id)) })
    if (route === 'POST /connections') {
      return (req, res, body) => {
        const id = randomUUID()
        this.created.push(id)
        json(201, { id, etag: GOOD_ETAG })(req, res, body)
      }
    }
    return DEFAULTS[route]
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const path = req.url ?? '/'
      this.requests.push({ method: req.method ?? 'GET', path, body })
      const route = routeOf(req.method ?? 'GET', path)
      ;(this.routes.get(route) ?? this.wellBehaved(route) ?? json(404, { error_code: '404', message: `no route ${route}` }))(req, res, body)
    })
  }
}

/** 'GET /connections/{uuid}/explore?x' -> 'GET /connections/*\/explore'. */
function routeOf(method: string, url: string): string {
  const path = url.split('?')[0] ?? ''
  if (path.startsWith('/ims/')) return `${method} ${path}`
  const relative = path.replace(/^\/data\/foundation\/(flowservice|catalog|conversion)/, '')
  const segments = relative.split('/').filter((s) => s !== '')
  const shape = segments.map((s, i) => (i % 2 === 1 ? '*' : s))
  return `${method} /${shape.join('/')}`
}

const connection = (id: string, name = 'S3 Connection') => ({
  id,
  name,
  connectionSpec: SPEC,
  auth: { specName: 'Access Key', params: {} },
  etag: GOOD_ETAG,
  createdAt: 1
})

const DEFAULTS: Record<string, Handler> = {
  'POST /ims/token/v3': json(200, { access_token: TOKEN, token_type: 'bearer', expires_in: 86399 }),
  'GET /connections/*': (req, res) => json(200, { items: [connection(idOf(req))] })(req, res, ''),
  'PATCH /connections/*': (req, res) => json(200, { id: idOf(req), etag: GOOD_ETAG })(req, res, ''),
  'DELETE /connections/*': (_req, res) => res.writeHead(204).end(),
  'GET /connections/*/explore': json(200, [{ type: 'folder', name: 'bucket', path: '/bucket/' }]),
  // The dataflow's parts: none named after it at first, and every confirmation (its mark taken out) answered.
  'GET /sourceConnections': json(200, { items: [] }),
  'GET /targetConnections': json(200, { items: [] }),
  'PATCH /sourceConnections/*': (req, res) => json(200, { id: idOf(req), etag: GOOD_ETAG })(req, res, ''),
  'PATCH /targetConnections/*': (req, res) => json(200, { id: idOf(req), etag: GOOD_ETAG })(req, res, ''),
  'PATCH /flows/*': (req, res) => json(200, { id: idOf(req), etag: GOOD_ETAG })(req, res, '')
}

function idOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?')[0]?.split('/')[5] ?? GOOD_ID
}

// ---- answers ---------------------------------------------------------------------------------

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers }).end(text)
  }
}

/** No answer at all, ever: the request is left hanging (until the server closes). */
export function hang(): Handler {
  return () => undefined
}

/** A 200 whose Content-Length promises more than is sent; then the socket closes. */
export function cutShort(declaredBytes = 5000): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': declaredBytes })
    res.write('{"items":[{"id":"')
    setTimeout(() => res.socket?.destroy(), 50)
  }
}

/** A chunked 200 that stops after one chunk; then the socket closes. */
export function chunkedThenClose(): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.write('{"items":[')
    setTimeout(() => res.socket?.destroy(), 50)
  }
}

/** What became of one body `huge` streamed: the bytes written, and whether all were before its connection closed. */
export interface Streamed {
  written: number
  complete: boolean
}

/**
 * A body of `bytes` bytes of one JSON string, streamed as fast as the client reads it, without
 * holding it in memory. `streamed()` tells, once each connection it answered has closed, how far
 * it got: a client that hangs up leaves the body incomplete, one that reads it whole does not.
 */
export function huge(bytes: number, withLength: boolean): Handler & { streamed(): Promise<Streamed[]> } {
  const closed: Promise<Streamed>[] = []
  const handler: Handler = (_req, res) => {
    let written = 0
    closed.push(new Promise((resolve) => res.on('close', () => resolve({ written, complete: res.writableFinished }))))
    res.writeHead(200, { 'content-type': 'application/json', ...(withLength && { 'content-length': bytes }) })
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const write = (data: Buffer | string): boolean => {
      written += Buffer.byteLength(data)
      return res.write(data)
    }
    const pump = (): void => {
      while (written < bytes - 2) {
        if (!write(chunk.subarray(0, Math.min(chunk.length, bytes - 2 - written)))) {
          res.once('drain', pump)
          return
        }
      }
      written += 2
      res.end('"]')
    }
    write('["')
    pump()
    res.on('error', () => undefined)
  }
  return Object.assign(handler, { streamed: () => Promise.all(closed) })
}

/** Pages of `perPage` matching connections, each with a fresh continuation token, forever. */
export function endlessPages(perPage = 100): Handler {
  return (_req, res) => {
    const items = Array.from({ length: perPage }, () => connection(randomUUID()))
    json(200, { items, _links: { next: { href: `/connections?continuationToken=${randomUUID()}` } } })(_req, res, '')
  }
}

/** Tokens that go A, B, A, B, ...: a loop. */
export function tokenLoop(): Handler {
  let n = 0
  return (req, res) => {
    const token = n++ % 2 === 0 ? 'A' : 'B'
    json(200, { items: [], _links: { next: { href: `/connections?continuationToken=${token}` } } })(req, res, '')
  }
}

/** `total` matching connections, `perPage` a page, then the end. */
export function manyMatching(total: number, perPage = 100): Handler {
  const ids = Array.from({ length: total }, () => randomUUID())
  return (req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('continuationToken')
    const from = token === null ? 0 : Number(token)
    const items = ids.slice(from, from + perPage).map((id) => connection(id))
    const next = from + perPage < total ? { _links: { next: { href: `/connections?continuationToken=${from + perPage}` } } } : {}
    json(200, { items, ...next })(req, res, '')
  }
}

/** The same connection on page 1 and page 2. */
export function sameIdOnTwoPages(): Handler {
  return (req, res) => {
    const second = (req.url ?? '').includes('continuationToken=2')
    const next = second ? {} : { _links: { next: { href: '/connections?continuationToken=2' } } }
    json(200, { items: [connection(GOOD_ID)], ...next })(req, res, '')
  }
}

/**
 * An error answer that echoes `secret` in the encodings a server might use; `pick` finds the
 * secret in the request's body (the S3 secret key of a create, say).
 */
export function echoSecret(pick: (body: string) => string): Handler {
  return (req, res, body) => {
    const secret = pick(body)
    const lines = [
      `raw ${secret}`,
      `html ${secret.replace(/[&<>"'+/=]/g, (c) => `&#${c.charCodeAt(0)};`)}`,
      `percent-lower ${encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase())}`,
      `json-slash ${JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/')}`,
      `json-u ${secret.replace(/[+/=]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`,
      `base64 ${Buffer.from(secret).toString('base64')}`
    ]
    const message = `${'x'.repeat(280)} ${lines.join(' | ')}`
    json(400, {
      type: 'https://ns.adobe.com/aep/errors/FLOW-1400-400',
      title: 'Bad Request',
      status: 400,
      report: { 'detailed-message': message },
      errorMessage: message
    })(req, res, body)
  }
}

/** A raw (non-JSON) error body that holds the secret across the 300th character. */
export function rawEchoAcrossTheCut(pick: (body: string) => string): Handler {
  return (_req, res, body) => {
    const text = `${'y'.repeat(290)}${pick(body)} end`
    res.writeHead(400, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(text) }).end(text)
  }
}

/** The values a hostile server injects: a workflow command after a newline, and Markdown that breaks out of a table. */
export const INJECTIONS = {
  command: 'x\n::error::injected command',
  setOutput: 'x\r\n::set-output name=connection-id::attacker',
  markdown: 'x\n\n## Injected heading [link](https://evil.example)'
}

/** A proxy that refuses every CONNECT with 407, as one does when its credentials are wrong. */
export async function startRefusingProxy(): Promise<{ url: string; connects: string[]; close(): Promise<void> }> {
  const connects: string[] = []
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined)
    socket.once('data', (data) => {
      connects.push(data.toString('latin1').split('\r\n')[0] ?? '')
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\nContent-Length: 0\r\n\r\n')
    })
  })
  const port = await listen(server)
  return { url: `http://127.0.0.1:${port}`, connects, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return typeof address === 'object' && address !== null ? address.port : 0
}
