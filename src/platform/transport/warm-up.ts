// The one warm-up mechanism: a connection to each host a run will talk to is opened as early as
// possible, so that its TCP and TLS handshakes (a round trip or two each on a real network)
// overlap other work, and the first request to that host then uses it.
//
// An action's entry chunk calls warmUpFromEnv() before it loads the rest of the action; the
// transport calls warmUp() for hosts known later. Either way the socket waits here as one of the
// origin's "spares" until the origin's agent (pool.ts) asks spareFor() for a connection. Nothing
// is sent on a spare until the inputs are validated and a request is made.
// This module is part of the entry chunk: it imports nothing it does not need for that.

import { connect as netConnect, isIP, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { SESSION_DEFAULTS } from '../defaults.js'
import { isLoopback, isProxied } from '../url-rules.js'

/** Per origin, the connections opened early that no request has taken yet. */
const spares = new Map<string, Socket[]>()

/** A host a run will talk to, and how many requests it sends there at once at the start. */
export interface Target {
  url: string
  connections?: number
}

/** Longest wait for DNS at start-up before the rest of the action is loaded anyway. */
const DIAL_WAIT_MS = 50

/**
 * Reads an input from the environment as the runner passes it (INPUT_<NAME>, hyphens kept), as
 * @actions/core's getInput does: the dial must start before @actions/core is loaded, since loading
 * it and the rest of the action is the work the handshakes overlap.
 */
export type EnvInput = (name: string) => string

/** A boolean input's true, as @actions/core's getBooleanInput reads it (YAML 1.2). */
export function isTrue(value: string): boolean {
  return /^(true|True|TRUE)$/.test(value)
}

export function envInput(env: NodeJS.ProcessEnv): EnvInput {
  return (name) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim()
}

/**
 * The hosts a run will talk to, from the raw inputs: the action's services (`services` returns
 * their base URLs, with how many requests go to each at once) and IMS when a client secret will
 * be exchanged. None on a dry run or outside a run; a URL the inputs will reject is skipped.
 */
export function startupTargets(env: NodeJS.ProcessEnv, services: (input: EnvInput) => Target[]): { url: URL; connections: number }[] {
  const input = envInput(env)
  if (input('client-id') === '' || isTrue(input('dry-run'))) return []
  const targets = services(input)
  if (input('client-secret') !== '') targets.push({ url: input('ims-url') || SESSION_DEFAULTS['ims-url'] })
  return targets.flatMap((target) => {
    const url = parse(target.url)
    return url !== undefined && isDialable(url) ? [{ url, connections: Math.max(1, target.connections ?? 1) }] : []
  })
}

/** Dials the run's hosts and resolves once each is being dialled (or after DIAL_WAIT_MS). */
export async function warmUpFromEnv(env: NodeJS.ProcessEnv, services: (input: EnvInput) => Target[]): Promise<void> {
  const dialling = startupTargets(env, services).flatMap(({ url, connections }) =>
    dial(url, connections).flatMap((socket) =>
      // Node issues the connect only from the event loop, after DNS for a host name; loading the
      // rest of the action blocks that loop, so the caller waits for this before loading it.
      isIP(hostOf(url)) !== 0 ? [] : [new Promise<void>((resolve) => socket.once('lookup', () => resolve()).once('close', () => resolve()))]
    )
  )
  let timer: NodeJS.Timeout | undefined
  const capped = new Promise<void>((resolve) => (timer = setTimeout(resolve, DIAL_WAIT_MS)))
  // One turn of the event loop, so that connects queued for the next tick are issued.
  await Promise.race([Promise.all([...dialling, new Promise((resolve) => setImmediate(resolve))]), capped])
  clearTimeout(timer)
}

/** Opens the origin's spare connection now, unless one is open or the origin is reached through a proxy. */
export function warmUp(url: URL): void {
  if (isDialable(url)) dial(url, 1)
}

/** A spare connection to `origin` for a connection an agent is asked to make to `target`, if they are the same host and port. */
export function spareFor(origin: URL, target: { host?: string | null; port?: number | string | null }): Socket | undefined {
  return target.host === hostOf(origin) && Number(target.port) === portOf(origin) ? takeSpare(origin.origin) : undefined
}

/** Closes every spare no request took, so that nothing keeps the process alive. */
export function releaseSpares(): void {
  for (const sockets of spares.values()) for (const socket of sockets) socket.destroy()
  spares.clear()
}

/** One of the origin's spare connections that is still alive, now the request's to keep. */
export function takeSpare(origin: string): Socket | undefined {
  const sockets = spares.get(origin) ?? []
  for (let socket = sockets.shift(); socket !== undefined; socket = sockets.shift()) {
    if (socket.destroyed) continue
    socket.ref()
    return socket
  }
  return undefined
}

/** Opens connections to the origin until it has `count` spares; returns the ones opened now. */
function dial(url: URL, count: number): Socket[] {
  const sockets = spares.get(url.origin) ?? []
  spares.set(url.origin, sockets)
  const opened: Socket[] = []
  while (sockets.length < count) {
    const host = hostOf(url)
    const port = portOf(url)
    const socket =
      url.protocol === 'https:'
        ? // As Node's Agent does: SNI only for host names, never for IP addresses.
          tlsConnect({ host, port, ...(isIP(host) === 0 && { servername: host }) })
        : netConnect({ host, port })
    // Until a request takes it, it must not keep the process alive, nor crash it by failing: the
    // request that would have used it opens its own and reports what goes wrong.
    socket.unref()
    socket.on('error', () => socket.destroy())
    sockets.push(socket)
    opened.push(socket)
  }
  return opened
}

function isDialable(url: URL): boolean {
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))
  // Through a proxy, @actions/http-client's agent opens a tunnel per request; nothing to warm.
  return allowed && !isProxied(url)
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}

function portOf(url: URL): number {
  return Number(url.port) || (url.protocol === 'https:' ? 443 : 80)
}

function parse(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}
