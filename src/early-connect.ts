// Run first (index.ts, before it loads main.js): opens the connections the run will need while
// the rest of the code is still being loaded, so that the TCP and TLS handshakes (a round trip
// or two each on a real network) overlap start-up instead of following it. Nothing is sent on them until the inputs are validated and a request is made;
// a run that never uses them closes them (see releaseEarlyConnections).

import { connect as netConnect, isIP, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { DEFAULTS, isLoopback } from './inputs.js'

const sockets = new Map<string, Socket>()

/** The hosts a run will talk to, read from the raw inputs; none when nothing will be sent. */
export function earlyTargets(env: NodeJS.ProcessEnv): URL[] {
  const input = (name: string): string => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim()
  // Not a run of the action (or one that will fail validation), or one that sends nothing.
  if (input('client-id') === '' || /^(true|True|TRUE)$/.test(input('dry-run'))) return []
  // Through a proxy the tunnel is opened per request by @actions/http-client; leave it alone.
  if (['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => (env[name] ?? '') !== '')) return []
  const urls = [input('flow-service-url') || DEFAULTS['flow-service-url']]
  if (input('client-secret') !== '') urls.push(input('ims-url') || DEFAULTS['ims-url'])
  return urls.flatMap((value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)) ? [url] : []
    } catch {
      // Invalid: the input validation will say so; nothing to open.
      return []
    }
  })
}

/** Longest wait for DNS before the rest of the action is loaded anyway. */
const DIAL_WAIT_MS = 50

/**
 * Starts the connections and resolves once each is being dialled. Node issues the connect only
 * from the event loop (after DNS, or on the next tick for an IP address), and loading the rest
 * of the action blocks that loop; so the caller waits for this before loading it.
 */
export async function openEarlyConnections(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const dialling: Promise<void>[] = []
  for (const url of earlyTargets(env)) {
    if (sockets.has(url.origin)) continue
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80)
    const socket =
      url.protocol === 'https:' ? tlsConnect({ host, port, ...(isIP(host) === 0 && { servername: host }) }) : netConnect({ host, port })
    // Until a request takes it, it must not keep the process alive, nor crash it by failing.
    socket.unref()
    socket.on('error', () => socket.destroy())
    sockets.set(url.origin, socket)
    dialling.push(
      isIP(host) === 0 ? new Promise((resolve) => socket.once('lookup', () => resolve()).once('close', () => resolve())) : Promise.resolve()
    )
  }
  if (dialling.length === 0) return
  let timer: NodeJS.Timeout | undefined
  const capped = new Promise<void>((resolve) => (timer = setTimeout(resolve, DIAL_WAIT_MS)))
  // One turn of the event loop, so that connects queued for the next tick are issued.
  await Promise.race([Promise.all([...dialling, new Promise((resolve) => setImmediate(resolve))]), capped])
  clearTimeout(timer)
}

/** Hands over the early connection to `origin`, if one was opened and is still alive. */
export function takeEarlyConnection(origin: string): Socket | undefined {
  const socket = sockets.get(origin)
  sockets.delete(origin)
  if (socket === undefined || socket.destroyed) return undefined
  socket.ref()
  return socket
}

export function releaseEarlyConnections(): void {
  for (const socket of sockets.values()) socket.destroy()
  sockets.clear()
}
