// One keep-alive agent per origin, requests going out on it one by one. Its first connections are
// the ones opened at start-up (warm-up.ts); through a proxy, @actions/http-client's tunnelling
// agent instead, which opens a tunnel per request, so there is nothing to warm.

import http, { type Agent, type ClientRequestArgs } from 'node:http'
import https from 'node:https'
import type { Duplex } from 'node:stream'
import { HttpClient } from '@actions/http-client'
import { isProxied } from '../url-rules.js'
import { releaseSpares, spareFor, warmUp } from './warm-up.js'

type OnConnection = (err: Error | null, stream: Duplex) => void

// Node's Agent has no preconnect, and createConnection is its documented extension point: an
// origin's first requests get the connections dialled while the action was still loading (their
// handshakes overlapped that: about 100 ms a step, measured by npm run bench), later ones a
// connection the agent makes as it always would.
class EarlyHttpsAgent extends https.Agent {
  constructor(private readonly origin: URL) {
    super({ keepAlive: true })
  }

  override createConnection(options: https.RequestOptions, onConnection?: OnConnection): Duplex | null | undefined {
    return spareFor(this.origin, options) ?? super.createConnection(options, onConnection)
  }
}

class EarlyHttpAgent extends http.Agent {
  constructor(private readonly origin: URL) {
    super({ keepAlive: true })
  }

  override createConnection(options: ClientRequestArgs, onConnection?: OnConnection): Duplex | null | undefined {
    return spareFor(this.origin, options) ?? super.createConnection(options, onConnection)
  }
}

interface Held {
  agent: Agent
  close(): void
}

export class Pool {
  private readonly held = new Map<string, Held>()

  /** The origin's agent; its first requests take the origin's connections opened early, if any are. */
  agentFor(url: URL): Agent {
    const known = this.held.get(url.origin)
    if (known !== undefined) return known.agent
    const made = isProxied(url) ? tunnelling(url) : early(url)
    this.held.set(url.origin, made)
    return made.agent
  }

  /** Opens the origin's connection now, so that its handshake overlaps other work. */
  warmUp(url: URL): void {
    warmUp(url)
  }

  /** Closes every connection, so that the process can exit as soon as the run is over. */
  close(): void {
    releaseSpares()
    for (const held of this.held.values()) held.close()
    this.held.clear()
  }
}

function early(url: URL): Held {
  const agent = url.protocol === 'https:' ? new EarlyHttpsAgent(url) : new EarlyHttpAgent(url)
  return { agent, close: () => agent.destroy() }
}

/** @actions/http-client's agent for a proxied URL: the one proxy rule, and its tunnels. */
function tunnelling(url: URL): Held {
  const client = new HttpClient(undefined, [], { keepAlive: true })
  return { agent: client.getAgent(url.href), close: () => client.dispose() }
}
