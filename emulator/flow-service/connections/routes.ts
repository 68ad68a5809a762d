import { badRequest, connectionNotFound, flow, type AdobeError, type Checked } from '../../http/errors.js'
import { failure, ok, type Reply } from '../../http/reply.js'
import { isRecord } from '../../json.js'
import type { StoredConnection } from '../../types.js'
import { auditFields } from '../audit.js'
import { created, ifMatchProblem, inUse, type FlowCall, type FlowRoutes } from '../collection.js'
import { patchDocument } from '../json-patch.js'
import { listReply } from '../listing/listing.js'
import { explore, type ExploreAnswer } from './explore.js'
import {
  checkAuthParams,
  checkAuthSpecName,
  checkSpecRef,
  findAuthSpec,
  findSpec,
  IAM_ROLE_ARN,
  maskParams,
  S3_SPEC_ID,
  specView
} from './specs.js'
import type { ConnectionChange, MemoryStore } from './store.js'

type Call = FlowCall

// Base connections (an S3 bucket and its keys), what they hold (explore, test) and their specs.
export const BASE_CONNECTION_ROUTES: FlowRoutes = {
  '/connections': { GET: listConnections, POST: createConnection },
  '/connections/{id}': { GET: getConnection, PATCH: patchConnection, DELETE: deleteConnection },
  '/connections/{id}/explore': { GET: exploreConnection },
  '/connections/{id}/test': { GET: testConnection },
  '/connectionSpecs/{id}': { GET: getSpec },
  '/connectionSpecs/{id}/configs': { GET: getSpecConfigs }
}

// ---- views -------------------------------------------------------------------------------------

// A connection as Flow Service shows it: secrets masked, audit fields filled in.
export function connectionView(conn: StoredConnection, store: MemoryStore): Record<string, unknown> {
  const clients = store.clients(conn.id) ?? { createdClient: 'unknown', updatedClient: 'unknown' }
  const view: Record<string, unknown> = {
    id: conn.id,
    ...auditFields({ ...conn, ...clients }),
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
  const entries = deps.store.listed(caller.sandboxName).map(({ seq, conn }) => ({ seq, item: connectionView(conn, deps.store) }))
  return listReply(req, entries, { pageSize: deps.pageSize, tokens: deps.tokens, path: '/connections' })
}

function createConnection({ caller, deps }: Call): Reply {
  const input = readCreate(caller.json)
  if (!input.ok) return failure(input.error)
  const conn = deps.store.create({ ...input.value, sandboxName: caller.sandboxName, clientId: caller.clientId })
  return created(deps, '/connections', conn)
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

// What a PATCH may change: the name, the description and the auth params (whole or one key).
// Removing an absent description or param is a no-op, so that a client need not know what the UI
// left unset (an assumption: RFC 6902 refuses it, and so does every other collection here).
const CONNECTION_PATCHES = ['/name', '/description', '/auth/params', '/auth/params/*']
const LENIENT_REMOVES = ['/description', '/auth/params/*']

function patchConnection(call: Call): Reply {
  return withConnection(call, (conn) => {
    const stale = ifMatchProblem(call, conn.etag, 'connection')
    if (stale) return failure(stale)
    const patched = patchDocument(connectionBody(conn), call.caller.json, CONNECTION_PATCHES, LENIENT_REMOVES)
    if (!patched.ok) return failure(badRequest(patched.message))
    const change = readChange(patched.value)
    if (!change.ok) return failure(change.error)
    const problem = paramsProblem(conn, change.value.params)
    if (problem) return failure(problem)
    const updated = call.deps.store.update(conn.id, change.value, call.caller.clientId)
    return updated ? ok({ id: updated.id, etag: updated.etag }) : failure(connectionNotFound(conn.id))
  })
}

// The part of a connection a patch works on, as a JSON document.
function connectionBody(conn: StoredConnection): Record<string, unknown> {
  return {
    name: conn.name,
    ...(conn.description !== undefined ? { description: conn.description } : {}),
    auth: { params: { ...conn.auth.params } }
  }
}

// The patched document, checked before the params are checked against their auth spec.
function readChange(body: Record<string, unknown>): Checked<ConnectionChange> {
  const { name, description, auth } = body
  if (typeof name !== 'string' || name === '') return invalid('the name must be a non-empty string.')
  if (description !== undefined && typeof description !== 'string') return invalid('the description must be a string.')
  const params = isRecord(auth) ? auth['params'] : undefined
  if (!isRecord(params)) return invalid('auth.params must be a JSON object.')
  return { ok: true, value: { name, params, ...(description !== undefined ? { description } : {}) } }
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
    // A dataflow holds on to its base connection until it is fully deleted (delete-finalizing included).
    const flowId = call.deps.dataflows.flowUsingBase(conn.id)
    if (flowId !== undefined) return failure(inUse('connection', flowId))
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
