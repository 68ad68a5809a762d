import http from 'node:http'
import https from 'node:https'
import net from 'node:net'

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void

export interface ListenerOptions {
  host: string
  port: number
  tls?: { key: string; cert: string }
  connectLatencyMs: number
  handler: RequestHandler
}

// One TCP listener in front of an HTTP or HTTPS server. TCP is accepted here, paused, and handed
// to the HTTP(S) server only after `connectLatencyMs`: the delay thus precedes the TLS handshake,
// as a network round trip would. Every socket is tracked so that close() can end hung requests.
export class Listener {
  connections = 0
  readonly origin: string
  private readonly sockets = new Map<string, net.Socket>()
  private readonly timers = new Set<NodeJS.Timeout>()

  private constructor(
    private readonly server: net.Server,
    private readonly opts: ListenerOptions,
    port: number
  ) {
    this.origin = `${opts.tls ? 'https' : 'http'}://${originHost(opts.host)}:${port}`
  }

  static async open(opts: ListenerOptions): Promise<Listener> {
    const app = opts.tls ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, opts.handler) : http.createServer(opts.handler)
    const server = net.createServer({ pauseOnConnect: true })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(opts.port, opts.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : opts.port
    const listener = new Listener(server, opts, port)
    server.on('connection', (socket) => listener.accept(socket, app))
    return listener
  }

  // The TCP socket under a request's socket (which is a TLSSocket when serving HTTPS).
  rawSocket(socket: net.Socket): net.Socket | undefined {
    return this.sockets.get(socketKey(socket))
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const s of this.sockets.values()) s.destroy()
    await closed
  }

  private accept(socket: net.Socket, app: http.Server): void {
    this.connections += 1
    const key = socketKey(socket)
    this.sockets.set(key, socket)
    socket.on('close', () => this.sockets.delete(key))
    // A client may reset while the socket waits for its hand-off; nothing listens for errors yet.
    socket.on('error', () => undefined)
    const handOff = (): void => {
      if (socket.destroyed) return
      app.emit('connection', socket)
      // The TLS server reads through its own wrapper; the plain HTTP server needs the socket
      // un-paused, else requests sit unread (verified: both work with and without latency).
      if (!this.opts.tls) socket.resume()
    }
    if (this.opts.connectLatencyMs <= 0) return handOff()
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      handOff()
    }, this.opts.connectLatencyMs)
    this.timers.add(timer)
  }
}

function socketKey(socket: net.Socket): string {
  return `${socket.remoteAddress ?? ''}|${socket.remotePort ?? ''}`
}

// URLs must name a host a client can dial: a wildcard bind address is reached through loopback.
export function originHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return net.isIPv6(host) ? `[${host}]` : host
}
