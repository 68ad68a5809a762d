// Requests to Platform's services, described as data first. An action's request builders are
// pure functions returning Calls; the same Call is what a real run sends and what a dry run
// prints, so the two can never disagree.

import type { Service } from './errors.js'
import type { Recovered, Request, Response, Transport } from './transport/transport.js'
import type { Method } from './transport/attempt.js'

export type PlatformService = Exclude<Service, 'IMS'>

export interface Call {
  service: PlatformService
  method: Method
  /** Relative to the service's base URL, query included and already encoded: '/connections?limit=100'. */
  path: string
  /** Method and route for logs and errors: never the query, which can hold names. */
  label: string
  /** A JSON body. */
  body?: unknown
  /**
   * The body built again for every attempt, when it holds a time that must not have passed by the
   * time it is sent (a dataflow's start time, after backoff and Retry-After). `body` shows it.
   */
  rebuild?: () => unknown
  ifMatch?: string
  /** The media type asked for, where a service answers in several (a schema's `xed-full` form); JSON otherwise. */
  mediaType?: string
  /** Non-2xx statuses handed back instead of failing. */
  accept?: readonly number[]
}

/** One JSON Patch operation, as Flow Service's PATCH takes them (in an array). */
export interface PatchOperation {
  op: 'add' | 'replace' | 'remove'
  path: string
  value?: unknown
}

/** What a write answered: the item, and its etag after the write (for the next If-Match). */
export interface Written {
  id: string
  etag: string
}

/** Who calls, and where each service lives. */
export interface Target {
  clientId: string
  imsOrgId: string
  sandboxName: string
  /** The services the action calls; a call to another is a defect, said as such. */
  baseUrls: Readonly<Partial<Record<PlatformService, string>>>
}

/** The base URLs of an action that calls Flow Service alone. */
export function flowServiceOnly(flowServiceUrl: string): Target['baseUrls'] {
  return { 'Flow Service': flowServiceUrl }
}

export function baseUrlOf(target: Target, service: PlatformService): string {
  const url = target.baseUrls[service]
  if (url === undefined) throw new Error(`No base URL for ${service}: this action was not set up to call it.`)
  return url
}

/** The Call as it goes on the wire, with Adobe's headers. */
export function toRequest(call: Call, target: Target, accessToken: string): Request {
  return {
    service: call.service,
    method: call.method,
    url: `${baseUrlOf(target, call.service)}${call.path}`,
    label: call.label,
    headers: {
      Authorization: `Bearer ${accessToken}`,
      'x-api-key': target.clientId,
      'x-gw-ims-org-id': target.imsOrgId,
      'x-sandbox-name': target.sandboxName,
      ...(call.body !== undefined && { 'Content-Type': 'application/json' }),
      ...(call.ifMatch !== undefined && { 'If-Match': call.ifMatch }),
      ...(call.mediaType !== undefined && { accept: call.mediaType })
    },
    ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
    ...(call.rebuild !== undefined && { rebuild: () => JSON.stringify(call.rebuild?.()) }),
    ...(call.accept !== undefined && { accept: call.accept })
  }
}

/** The Call as a dry run prints it: the request line, the headers (no token) and the pretty body. */
export function describeCall(call: Call, target: Target): string[] {
  const req = toRequest(call, target, '***')
  const headers = Object.entries(req.headers ?? {}).map(([name, value]) => `${name}: ${value}`)
  const body = call.body === undefined ? [] : ['', ...JSON.stringify(call.body, null, 2).split('\n')]
  return [`${req.method} ${req.url}`, ...headers, ...body]
}

/** Sends Calls for one session: the token is fixed once obtained. */
export class PlatformApi {
  constructor(
    readonly transport: Transport,
    readonly target: Target,
    private readonly accessToken: string
  ) {}

  send(call: Call): Promise<Response> {
    return this.transport.request(toRequest(call, this.target, this.accessToken))
  }

  /** For a create: `recover` is asked, after an attempt with an unknown outcome, whether it took effect. */
  sendOrRecover<T>(call: Call, recover: () => Promise<T | undefined>): Promise<Response | Recovered<T>> {
    return this.transport.requestOrRecover(toRequest(call, this.target, this.accessToken), recover)
  }

  remainingMs(): number {
    return this.transport.remainingMs()
  }

  /** The same session over another transport (the clean-up's, under the whole step's deadline). */
  over(transport: Transport): PlatformApi {
    return new PlatformApi(transport, this.target, this.accessToken)
  }
}
