// The one warm-up mechanism: a connection to each host a run will talk to is opened as early as
// possible, so that its TCP and TLS handshakes (a round trip or two each on a real network)
// overlap other work, and the first request to that host then uses it.
//
// An action's entry chunk calls warmUpFromEnv() before it loads the rest of the action; the
// transport calls warmUp() for hosts known later. Either way the socket waits here as the
// origin's "spare" until handSpare() gives it to the keep-alive agent of the origin's first
// request. Nothing is sent on a spare until the inputs are validated and a request is made.
// This module is part of the entry chunk: it imports nothing it does not need for that.

import type { Agent } from 'node:http'
import { connect as netConnect, isIP, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { SESSION_DEFAULTS } from '../defaults.js'
import { isLoopback, isProxied } from '../url-rules.js'

const spares = new Map<string, Socket>()

/** Longest wait for DNS at start-up before the rest of the action is loaded anyway. */
const DIAL_WAIT_MS = 50

/** Reads an input from the environment as the runner passes it (INPUT_<NAME>, hyphens kept). */
export type EnvInput = (name: string) => string

export function envInput(env: NodeJS.ProcessEnv): EnvInput {
  return (name) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim()
}

/**
 * The hosts a run will talk to, from the raw inputs: the action's services (`services` returns
 * their base URLs) and IMS when a client secret will be exchanged. None on a dry run or outside
 * a run; a URL the inputs will reject is skipped (validation says why).
 */
export function startupTargets(env: NodeJS.ProcessEnv, services: (input: EnvInput) => string[]): URL[] {
  const input = envInput(env)
  if (input('client-id') === '' || /^(true|True|TRUE)$/.test(input('dry-run'))) return []
  const urls = services(input)
  if (input('client-secret') !== '') urls.push(input('ims-url') || SESSION_DEFAULTS['ims-url'])
  return urls.flatMap((value) => {
    const url = parse(value)
    return url !== undefined && isDialable(url) ? [url] : []
  })
}

/** Dials the run's hosts and resolves once each is being dialled (or after DIAL_WAIT_MS). */
export async function warmUpFromEnv(env: NodeJS.ProcessEnv, services: (input: EnvInput) => string[]): Promise<void> {
  const dialling = startupTargets(env, services).flatMap((url) => {
    const socket = dial(url)
    // Node issues the connect only from the event loop, after DNS for a host name; loading the
    // rest of the action blocks that loop, so the caller waits for this before loading it.
    return socket === undefined || isIP(hostOf(url)) !== 0
      ? []
      : [new Promise<void>((resolve) => socket.once('lookup', () => resolve()).once('close', () => resolve()))]
  })
  let timer: NodeJS.Timeout | undefined
  const capped = new Promise<void>((resolve) => (timer = setTimeout(resolve, DIAL_WAIT_MS)))
  // One turn of the event loop, so that connects queued for the next tick are issued.
  await Promise.race([Promise.all([...dialling, new Promise((resolve) => setImmediate(resolve))]), capped])
  clearTimeout(timer)
}

/** Opens the origin's spare connection now, unless one is open or the origin is reached through a proxy. */
export function warmUp(url: URL): void {
  if (isDialable(url)) dial(url)
}

/**
 * Makes the first request to `url`'s origin through `agent` use the origin's spare connection.
 * Node's Agent has no preconnect; its documented extension point createConnection() is where
 * the spare is handed over.
 */
export function handSpare(agent: Agent, url: URL): void {
  const host = hostOf(url)
  const port = portOf(url)
  const original = agent.createConnection.bind(agent)
  agent.createConnection = (options, callback) => {
    const spare = options.host === host && Number(options.port) === port ? takeSpare(url.origin) : undefined
    return spare ?? original(options, callback)
  }
}

/** Closes every spare no request took, so that nothing keeps the process alive. */
export function releaseSpares(): void {
  for (const socket of spares.values()) socket.destroy()
  spares.clear()
}

export function takeSpare(origin: string): Socket | undefined {
  const socket = spares.get(origin)
  spares.delete(origin)
  if (socket === undefined || socket.destroyed) return undefined
  socket.ref()
  return socket
}

function dial(url: URL): Socket | undefined {
  if (spares.has(url.origin)) return undefined
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
  spares.set(url.origin, socket)
  return socket
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
