import { createHash } from 'node:crypto'
import { FLOW_BASE_PATH, S3_SPEC_ID } from './demo.js'
import { badRequest, connectionNotFound, flow, generic, notFoundRoute, type AdobeError } from './errors.js'
import { explore, type ExploreAnswer, type S3World } from './explore.js'
import { matchesAll, parseFilter, type PropertyFilter } from './filters.js'
import { admit, type Caller, type GatewayConfig } from './gateway.js'
import { decodeToken, encodeToken, filtersDigest, parseLimit, rawQueryParam, takePage, type TokenStyle } from './paging.js'
import { applyPatch } from './patch.js'
import { failure, ok, type Incoming, type Reply } from './reply.js'
import {
  checkAuthParams,
  checkAuthSpecName,
  checkSpecRef,
  findAuthSpec,
  findSpec,
  IAM_ROLE_ARN,
  isRecord,
  maskParams,
  specView,
  type Checked
} from './specs.js'
import type { MemoryStore } from './store.js'
import type { PreviewShape, StoredConnection } from './types.js'

export interface FlowDeps {
  store: MemoryStore
  gateway: GatewayConfig
  s3(): S3World
  pageSize: number
  flowServiceUrl: string
  tokens: TokenStyle
  previewShape: PreviewShape
  legacyEntryTypes: boolean
}

interface Call {
  req: Incoming
  caller: Caller
  deps: FlowDeps
  id: string
}

type Handler = (call: Call) => Reply

// Route templates as RecordedRequest.route shows them, with the handlers per method.
const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  '/connections': { GET: listConnections, POST: createConnection },
  '/connections/{id}': { GET: getConnection, PATCH: patchConnection, DELETE: deleteConnection },
  '/connections/{id}/explore': { GET: exploreConnection },
  '/connections/{id}/test': { GET: testConnection },
  '/connectionSpecs/{id}': { GET: getSpec },
  '/connectionSpecs/{id}/configs': { GET: getSpecConfigs }
}

export function flowRoute(segments: readonly string[]): string {
  const [collection, id, sub, ...extra] = segments
  if (collection === undefined) return '/'
  if (id === undefined || extra.length > 0) return `/${segments.join('/')}`
  const template = sub === undefined ? `/${collection}/{id}` : `/${collection}/{id}/${sub}`
  return template in ROUTES ? template : `/${segments.join('/')}`
}

export function handleFlow(req: Incoming, deps: FlowDeps): Reply {
  const admitted = admit(req.headers, req.body, deps.gateway)
  if (!admitted.ok) return failure(admitted.error)
  const route = flowRoute(req.segments)
  const methods = ROUTES[route]
  if (!methods) return failure(notFoundRoute(req.path))
  const handler = methods[req.method]
  if (!handler) {
    return failure(generic(405, 'MethodNotAllowedError', `${req.method} is not supported on ${FLOW_BASE_PATH}${route}`))
  }
  return handler({ req, caller: admitted.value, deps, id: decodeSegment(req.segments[1]) })
}

function decodeSegment(segment: string | undefined): string {
  if (segment === undefined) return ''
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

// ---- views -------------------------------------------------------------------------------------

function sandboxId(name: string): string {
  const h = createHash('sha1').update(`sandbox:${name}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

// A connection as Flow Service shows it: secrets masked, audit fields filled in.
export function connectionView(conn: StoredConnection, store: MemoryStore): Record<string, unknown> {
  const clients = store.clients(conn.id) ?? { createdClient: 'unknown', updatedClient: 'unknown' }
  const view: Record<string, unknown> = {
    id: conn.id,
    createdAt: conn.createdAt,
    updatedAt: conn.updatedAt,
    createdBy: `${clients.createdClient}@AdobeID`,
    updatedBy: `${clients.updatedClient}@AdobeID`,
    createdClient: clients.createdClient,
    updatedClient: clients.updatedClient,
    sandboxId: sandboxId(conn.sandboxName),
    sandboxName: conn.sandboxName,
    imsOrgId: conn.orgId,
    name: conn.name,
    connectionSpec: { ...conn.connectionSpec },
    state: conn.state,
    auth: { specName: conn.auth.specName, params: maskParams(conn.auth.params) },
    version: conn.etag,
    etag: conn.etag
  }
  if (conn.description !== undefined) view['description'] = conn.description
  return view
}

// ---- /connections ------------------------------------------------------------------------------

function listConnections({ req, caller, deps }: Call): Reply {
  const properties = req.query.getAll('property')
  const filters = parseFilters(properties)
  if (!Array.isArray(filters)) return failure(filters)
  const limit = parseLimit(req.query.get('limit') ?? undefined)
  if (typeof limit === 'object') return failure(badRequest(limit.error))
  const counting = req.query.get('count') === 'true'
  if (counting && limit !== undefined) {
    return failure(flow('1401-400', 'Bad Request', 'The limit and count parameters cannot be used together.'))
  }
  const matching = deps.store
    .listed(caller.sandboxName)
    .map(({ seq, conn }) => ({ seq, item: connectionView(conn, deps.store) }))
    .filter((e) => matchesAll(e.item, filters))
  if (counting) return ok({ count: matching.length })
  // Read raw: form decoding would turn a '+' of the token into a space.
  const after = startAfter(rawQueryParam(req.rawQuery, 'continuationToken'), properties)
  if (typeof after !== 'number') return failure(after)
  // pageSize is the server's cap: a larger limit still gets pages of pageSize, with a token.
  const page = takePage(matching, after, Math.min(limit ?? deps.pageSize, deps.pageSize))
  if (page.nextAfter === undefined) return ok({ items: page.items })
  const token = encodeToken({ after: page.nextAfter, filters: filtersDigest(properties) }, deps.tokens)
  return ok({ items: page.items, _links: { next: { href: `/connections?continuationToken=${token}` } } })
}

function parseFilters(properties: readonly string[]): PropertyFilter[] | AdobeError {
  const filters: PropertyFilter[] = []
  for (const p of properties) {
    const parsed = parseFilter(p)
    if ('error' in parsed) return badRequest(`Invalid property filter: ${parsed.error}.`)
    filters.push(parsed)
  }
  return filters
}

function startAfter(token: string | null, properties: readonly string[]): number | AdobeError {
  if (token === null) return 0
  const cursor = decodeToken(token)
  if (!cursor) return badRequest('The continuationToken is not valid.')
  if (cursor.filters !== filtersDigest(properties)) {
    return badRequest('The continuationToken was issued for other property filters; send the same filters with it.')
  }
  return cursor.after
}

function createConnection({ caller, deps }: Call): Reply {
  const input = readCreate(caller.json)
  if (!input.ok) return failure(input.error)
  const conn = deps.store.create({ ...input.value, sandboxName: caller.sandboxName, clientId: caller.clientId })
  return ok({ id: conn.id, etag: conn.etag }, 201, { location: `${deps.flowServiceUrl}/connections/${conn.id}` })
}

interface CreateInput {
  name: string
  description?: string
  connectionSpec: { id: string; version: string }
  auth: { specName: string; params: Record<string, string> }
}

function readCreate(body: unknown): Checked<CreateInput> {
  if (!isRecord(body)) return invalid('The request body must be a JSON object.')
  const { name, description } = body
  if (typeof name !== 'string' || name.trim() === '') return invalid('name is required and must be a non-empty string.')
  if (description !== undefined && typeof description !== 'string') return invalid('description must be a string.')
  const spec = checkSpecRef(body['connectionSpec'])
  if (!spec.ok) return spec
  const auth = body['auth']
  if (!isRecord(auth)) return invalid('auth is required: {"specName": ..., "params": {...}}.')
  const authSpec = checkAuthSpecName(spec.value, auth['specName'])
  if (!authSpec.ok) return authSpec
  const params = checkAuthParams(authSpec.value, auth['params'])
  if (!params.ok) return params
  const input: CreateInput = {
    name,
    connectionSpec: { id: spec.value.id, version: spec.value.version },
    auth: { specName: authSpec.value.name, params: params.value }
  }
  if (description !== undefined) input.description = description
  return { ok: true, value: input }
}

function invalid<T>(message: string): Checked<T> {
  return { ok: false, error: badRequest(message) }
}

// ---- /connections/{id} -------------------------------------------------------------------------

function withConnection(call: Call, then: (conn: StoredConnection) => Reply): Reply {
  const conn = call.deps.store.find(call.id, call.caller.sandboxName)
  return conn ? then(conn) : failure(connectionNotFound(call.id))
}

function getConnection(call: Call): Reply {
  return withConnection(call, (conn) => ok({ items: [connectionView(conn, call.deps.store)] }))
}

function patchConnection(call: Call): Reply {
  return withConnection(call, (conn) => {
    const ifMatch = call.req.headers['if-match']
    if (!ifMatch) {
      return failure(flow('1403-400', 'Bad Request', 'The If-Match header is required: send the etag of the connection.'))
    }
    if (ifMatch !== conn.etag) {
      return failure(flow('1404-412', 'Precondition Failed', 'The If-Match etag is not the current etag of the connection; read it again.'))
    }
    const current = {
      name: conn.name,
      params: conn.auth.params,
      ...(conn.description !== undefined ? { description: conn.description } : {})
    }
    const patched = applyPatch(current, call.caller.json)
    if (!patched.ok) return failure(badRequest(patched.message))
    const problem = paramsProblem(conn, patched.value.params)
    if (problem) return failure(problem)
    const updated = call.deps.store.update(conn.id, patched.value, call.caller.clientId)
    return updated ? ok({ id: updated.id, etag: updated.etag }) : failure(connectionNotFound(conn.id))
  })
}

// Seeded connections may use specs the emulator does not know; those are not validated.
function paramsProblem(conn: StoredConnection, params: Record<string, unknown>): AdobeError | undefined {
  const spec = findSpec(conn.connectionSpec.id)
  const authSpec = spec && findAuthSpec(spec, conn.auth.specName)
  if (!authSpec) return undefined
  const checked = checkAuthParams(authSpec, params)
  return checked.ok ? undefined : checked.error
}

function deleteConnection(call: Call): Reply {
  return withConnection(call, (conn) => {
    if (conn.inUse) {
      return failure(flow('1418-400', 'Bad Request', 'The connection is used by a dataflow and cannot be deleted.'))
    }
    call.deps.store.remove(conn.id)
    return { status: 204 }
  })
}

const EXPLORE_PARAMS = ['objectType', 'object', 'fileType', 'preview', 'columnDelimiter', 'compressionType', 'encoding'] as const

function exploreConnection(call: Call): Reply {
  return withConnection(call, (conn) => {
    const query = Object.fromEntries(EXPLORE_PARAMS.flatMap((name) => queryValue(call.req.query, name)))
    const result = explore(conn, call.deps.s3(), query, call.deps.previewShape)
    return result.ok ? ok(exploreBody(result.value, call.deps.legacyEntryTypes)) : failure(result.error)
  })
}

function queryValue(query: URLSearchParams, name: string): [string, string][] {
  const value = query.get(name)
  return value === null ? [] : [[name, value]]
}

// Older docs show listing types capitalised; legacyEntryTypes answers that way.
function exploreBody(answer: ExploreAnswer, legacyTypes: boolean): unknown {
  if (answer.kind === 'file') return answer.body
  if (!legacyTypes) return answer.entries
  return answer.entries.map((e) => ({ ...e, type: e.type === 'file' ? 'File' : 'Folder' }))
}

function testConnection(call: Call): Reply {
  return withConnection(call, (conn) => ok({ result: explore(conn, call.deps.s3(), { objectType: 'root' }).ok }))
}

// ---- /connectionSpecs --------------------------------------------------------------------------

function getSpec(call: Call): Reply {
  const spec = findSpec(call.id)
  return spec ? ok({ items: [specView(spec)] }) : failure(specNotFound(call.id))
}

function getSpecConfigs(call: Call): Reply {
  const spec = findSpec(call.id)
  if (!spec) return failure(specNotFound(call.id))
  const authType = call.req.query.get('authType')
  if (spec.id !== S3_SPEC_ID || authType !== 'IamBasedAuthentication') {
    return failure(badRequest(`No configs for authType '${authType ?? ''}' on connection spec ${spec.id}.`))
  }
  return ok({ configParams: { IAMRole: IAM_ROLE_ARN } })
}

function specNotFound(id: string): AdobeError {
  return flow('1012-404', 'Resource not found', `Connection spec '${id}' was not found.`)
}
