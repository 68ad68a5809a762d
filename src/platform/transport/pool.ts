// One keep-alive agent per origin. @actions/http-client makes the agents (a plain keep-alive
// agent, or a tunnelling one when the proxy rule says so); requests go out on them one by one.

import type { Agent } from 'node:http'
import { HttpClient } from '@actions/http-client'
import { isProxied } from '../url-rules.js'
import { handSpare, releaseSpares, warmUp } from './warm-up.js'

export class Pool {
  private readonly clients = new Map<string, { client: HttpClient; agent: Agent }>()

  constructor(private readonly userAgent: string) {}

  /** The origin's agent; its first request takes the origin's spare connection, if one was opened. */
  agentFor(url: URL): Agent {
    const known = this.clients.get(url.origin)
    if (known !== undefined) return known.agent
    // One client per origin: an HttpClient keeps one agent, made for the scheme of its first URL.
    const client = new HttpClient(this.userAgent, [], { keepAlive: true })
    const agent = client.getAgent(url.href)
    // A tunnelling agent opens its own connection through the proxy, per request.
    if (!isProxied(url)) handSpare(agent, url)
    this.clients.set(url.origin, { client, agent })
    return agent
  }

  /** Opens the origin's connection now, so that its handshake overlaps other work. */
  warmUp(url: URL): void {
    warmUp(url)
    this.agentFor(url)
  }

  /** Closes every connection, so that the process can exit as soon as the run is over. */
  close(): void {
    releaseSpares()
    for (const { client } of this.clients.values()) client.dispose()
    this.clients.clear()
  }
}
