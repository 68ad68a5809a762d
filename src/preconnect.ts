// Opens the connection to a host before the first request to it is ready, so that its TCP and
// TLS handshakes overlap other work (the IMS token request). Node's Agent has no preconnect;
// its documented extension point createConnection() hands the early socket to the first request.

import type { Agent, ClientRequestArgs } from 'node:http'
import { isIP } from 'node:net'
import type { Duplex } from 'node:stream'

type CreateConnection = Agent['createConnection']

/**
 * Makes the first request to `url`'s host through `agent` use `early` (a socket opened before) or
 * a socket started now; returns a function that closes it if no request took it.
 */
export function preconnect(agent: Agent, url: URL, early?: Duplex): () => void {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80)
  const original: CreateConnection = agent.createConnection.bind(agent)
  const agentOptions = (agent as Agent & { options?: ClientRequestArgs }).options ?? {}

  let spare: Duplex | null | undefined =
    early ??
    original({
      ...agentOptions,
      host,
      port,
      // As Node's Agent does: SNI only for host names, never for IP addresses.
      ...(url.protocol === 'https:' && { servername: isIP(host) === 0 ? host : '' })
    })
  // An early failure is not ours to report: the request that would have used it opens its own.
  spare?.on('error', () => spare?.destroy())

  agent.createConnection = (options, callback) => {
    const matches = options.host === host && Number(options.port) === port
    if (matches && spare && !spare.destroyed) {
      const socket = spare
      spare = undefined
      return socket
    }
    return original(options, callback)
  }
  return () => {
    spare?.destroy()
    spare = undefined
  }
}
