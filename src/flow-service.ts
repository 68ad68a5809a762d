// A typed client for the Flow Service routes this action uses. It knows Adobe's paths,
// headers and bodies; the transport below it knows retries; the logic above it knows why.

import { UnexpectedResponseError } from './errors.js'
import { isObject } from './json.js'
import { isRecovered, type Method, type Recovered, type Response, type Transport } from './http.js'

export interface FlowServiceSession {
  baseUrl: string
  clientId: string
  imsOrgId: string
  sandboxName: string
  accessToken: string
}

export interface ConnectionSpecRef {
  id: string
  version: string
}

export interface Auth {
  specName: string
  params: Record<string, string>
}

export interface ConnectionItem {
  id: string
  name: string
  description?: string
  connectionSpec: ConnectionSpecRef
  auth?: { specName?: string }
  /** Listed items normally carry it; when one does not, read the connection for it. */
  etag?: string
}

export interface NewConnection {
  name: string
  description: string
  auth: Auth
  connectionSpec: ConnectionSpecRef
}

export interface WriteResult {
  id: string
  etag: string
}

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove'
  path: string
  value?: unknown
}

export interface ExploreEntry {
  type: string
  name: string
  path?: string
}

// A runaway continuation chain must not spin until the deadline.
const MAX_PAGES = 1000
// Asked for explicitly: Adobe documents continuation tokens for requests with a limit.
const PAGE_LIMIT = 100

export class FlowServiceClient {
  constructor(
    private readonly transport: Transport,
    private readonly session: FlowServiceSession
  ) {}

  /** Every connection in the sandbox with exactly this name and connection spec, across all pages. */
  async findConnections(name: string, specId: string): Promise<ConnectionItem[]> {
    const found: ConnectionItem[] = []
    let token: string | undefined
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await this.call('GET', `/connections?${lookupQuery(name, specId, token)}`, 'GET /connections')
      const list = asObject(res.json, 'GET /connections', 'a JSON object')
      const items = list.items
      if (!Array.isArray(items)) throw unexpected('GET /connections', 'no "items" array')
      // The service's filter syntax is loose (a comma means OR): keep exact matches only.
      for (const item of items) {
        const connection = toConnectionItem(item)
        if (connection !== undefined && connection.name === name && sameId(connection.connectionSpec.id, specId)) found.push(connection)
      }
      const next = continuationToken(list)
      if (next === undefined) return found
      if (next === token) throw unexpected('GET /connections', 'the same continuation token was returned twice')
      token = next
    }
    throw unexpected('GET /connections', `more than ${MAX_PAGES} pages`)
  }

  async getConnection(id: string): Promise<ConnectionItem> {
    const label = 'GET /connections/{id}'
    const res = await this.call('GET', `/connections/${encodeURIComponent(id)}`, label)
    const items = asObject(res.json, label, 'a JSON object').items
    const item = Array.isArray(items) ? toConnectionItem(items[0]) : undefined
    if (item === undefined) throw unexpected(label, 'no connection in "items"')
    return item
  }

  /** Creates a connection; `recover` is asked, after an attempt with an unknown outcome, whether it was created anyway. */
  async createConnection(
    body: NewConnection,
    recover: () => Promise<WriteResult | undefined>
  ): Promise<WriteResult | Recovered<WriteResult>> {
    const label = 'POST /connections'
    const res = await this.transport.requestOrRecover(this.request('POST', '/connections', label, body), recover)
    return isRecovered(res) ? res : toWriteResult(res, label)
  }

  /** Applies a JSON Patch guarded by the etag; 'stale' when the connection changed since that etag was read. */
  async patchConnection(id: string, etag: string, operations: PatchOperation[]): Promise<WriteResult | 'stale'> {
    const label = 'PATCH /connections/{id}'
    const req = this.request('PATCH', `/connections/${encodeURIComponent(id)}`, label, operations)
    const res = await this.transport.request({ ...req, headers: { ...req.headers, 'If-Match': etag }, accept: [412] })
    return res.status === 412 ? 'stale' : toWriteResult(res, label)
  }

  /** Lists the root of the bucket through the connection, as the Platform UI's explore does. */
  async exploreRoot(id: string): Promise<ExploreEntry[]> {
    const label = 'GET /connections/{id}/explore'
    const res = await this.call('GET', `/connections/${encodeURIComponent(id)}/explore?objectType=root`, label)
    if (!Array.isArray(res.json)) throw unexpected(label, 'not a JSON array')
    return res.json.filter(isExploreEntry)
  }

  private call(method: Method, path: string, label: string): Promise<Response> {
    return this.transport.request(this.request(method, path, label))
  }

  private request(method: Method, path: string, label: string, body?: unknown) {
    const { baseUrl, clientId, imsOrgId, sandboxName, accessToken } = this.session
    return {
      service: 'Flow Service' as const,
      method,
      url: `${baseUrl}${path}`,
      label,
      headers: {
        Authorization: `Bearer ${accessToken}`,
        'x-api-key': clientId,
        'x-gw-ims-org-id': imsOrgId,
        'x-sandbox-name': sandboxName,
        ...(body !== undefined && { 'Content-Type': 'application/json' })
      },
      ...(body !== undefined && { body: JSON.stringify(body) })
    }
  }
}

/**
 * The lookup's query: `property` filters with URL-encoded values, a page size, and the page's token.
 * A comma inside a value means OR to the service, so a name that holds one cannot be filtered on:
 * those names are matched on the client only.
 */
export function lookupQuery(name: string, specId: string, continuationToken?: string): string {
  const filters = [`property=connectionSpec.id==${encodeURIComponent(specId)}`]
  if (!name.includes(',')) filters.unshift(`property=name==${encodeURIComponent(name)}`)
  filters.push(`limit=${PAGE_LIMIT}`)
  if (continuationToken !== undefined) filters.push(`continuationToken=${encodeURIComponent(continuationToken)}`)
  return filters.join('&')
}

/** The next page's token, from `_links.next.href` (relative, per Adobe) or a top-level field. */
export function continuationToken(list: Record<string, unknown>): string | undefined {
  const links = list._links
  const next = isObject(links) && isObject(links.next) ? links.next.href : undefined
  if (typeof next === 'string' && next !== '') {
    const token = new URL(next, 'http://relative.invalid').searchParams.get('continuationToken')
    if (token !== null && token !== '') return token
  }
  return typeof list.continuationToken === 'string' && list.continuationToken !== '' ? list.continuationToken : undefined
}

function toConnectionItem(value: unknown): ConnectionItem | undefined {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return undefined
  const spec = value.connectionSpec
  if (!isObject(spec) || typeof spec.id !== 'string') return undefined
  const auth = isObject(value.auth) && typeof value.auth.specName === 'string' ? { specName: value.auth.specName } : undefined
  return {
    id: value.id,
    name: value.name,
    connectionSpec: { id: spec.id, version: typeof spec.version === 'string' ? spec.version : '' },
    ...(typeof value.description === 'string' && { description: value.description }),
    ...(auth !== undefined && { auth }),
    ...(typeof value.etag === 'string' && value.etag !== '' && { etag: value.etag })
  }
}

/** Adobe's ids are UUIDs: the same id may be written in either case. */
function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

function toWriteResult(res: Response, label: string): WriteResult {
  const body = asObject(res.json, label, 'a JSON object')
  if (typeof body.id !== 'string' || body.id === '') throw unexpected(label, 'no "id"')
  if (typeof body.etag !== 'string' || body.etag === '') throw unexpected(label, 'no "etag"')
  return { id: body.id, etag: body.etag }
}

function isExploreEntry(value: unknown): value is ExploreEntry {
  return isObject(value) && typeof value.type === 'string' && typeof value.name === 'string'
}

function asObject(value: unknown, label: string, expected: string): Record<string, unknown> {
  if (!isObject(value)) throw unexpected(label, `not ${expected}`)
  return value
}

function unexpected(label: string, problem: string): UnexpectedResponseError {
  return new UnexpectedResponseError('Flow Service', label, problem)
}
