import { SCHEMA_CONTENT_TYPE } from '../../catalog/xdm.js'
import { badRequest, flow, refuse, type AdobeError, type Checked } from '../../http/errors.js'
import { failure, ok, type Reply } from '../../http/reply.js'
import { isRecord } from '../../json.js'
import { FILE_FORMATS, isOneCharacter } from '../../s3/files.js'
import { COMPRESSIONS, ENCODINGS } from '../../s3/tree.js'
import type { SourceConnection, TargetConnection } from '../../types.js'
import {
  baseView,
  created,
  deleteHandler,
  getHandler,
  ifMatchProblem,
  listHandler,
  readName,
  save,
  withRow,
  type FlowCall,
  type FlowDeps,
  type FlowRoutes,
  type Resource,
  stamped
} from '../collection.js'
import { DATA_LAKE_SPEC_ID, S3_SPEC_ID } from '../connections/specs.js'
import { patchDocument } from '../json-patch.js'
import { readBoolean } from './schedule.js'
import { touched, type Row } from './store.js'

// Source connections (what a dataflow reads: files of an S3 base connection, with their format)
// and target connections (where it writes: a Data Lake dataset, with its schema).

type SourceFields = Omit<SourceConnection, 'id' | 'etag' | 'sandboxName' | 'state' | 'createdAt' | 'updatedAt'>
type TargetFields = Omit<TargetConnection, 'id' | 'etag' | 'sandboxName' | 'state' | 'createdAt' | 'updatedAt'>

export const SOURCES: Resource<SourceConnection> = {
  noun: 'source connection',
  path: '/sourceConnections',
  table: (deps) => deps.dataflows.sources,
  view: (row, deps) => sourceView(row, deps.gateway.orgId),
  usedBy: (deps, id) => deps.dataflows.flowUsingSource(id)
}

export const TARGETS: Resource<TargetConnection> = {
  noun: 'target connection',
  path: '/targetConnections',
  table: (deps) => deps.dataflows.targets,
  view: (row, deps) => targetView(row, deps.gateway.orgId),
  usedBy: (deps, id) => deps.dataflows.flowUsingTarget(id)
}

// What a PATCH may change. Adobe advises against patching the source of a live dataflow (it does
// not pick the change up); the emulator allows it, as the API does.
const SOURCE_PATCHES = [
  '/name',
  '/description',
  '/data/format',
  '/data/properties',
  '/data/properties/*',
  '/params/path',
  '/params/type',
  '/params/recursive'
]
const TARGET_PATCHES = ['/name', '/description']

export const SOURCE_TARGET_ROUTES: FlowRoutes = {
  '/sourceConnections': { GET: listHandler(SOURCES), POST: createSource },
  '/sourceConnections/{id}': {
    GET: getHandler(SOURCES),
    PATCH: patchHandler(SOURCES, sourceBody, SOURCE_PATCHES, readSource),
    DELETE: deleteHandler(SOURCES)
  },
  '/targetConnections': { GET: listHandler(TARGETS), POST: createTarget },
  '/targetConnections/{id}': {
    GET: getHandler(TARGETS),
    PATCH: patchHandler(TARGETS, targetBody, TARGET_PATCHES, readTarget),
    DELETE: deleteHandler(TARGETS)
  }
}

// ---- source connections --------------------------------------------------------------------------

function createSource(call: FlowCall): Reply {
  const fields = readSource(call.caller.json, call.deps, call.caller.sandboxName)
  if (!fields.ok) return failure(fields.error)
  const now = Date.now()
  const item: SourceConnection = stamped(call, fields.value, now)
  call.deps.dataflows.sources.insert(item, call.caller.clientId)
  return created(call.deps, SOURCES.path, item)
}

function readSource(body: unknown, deps: FlowDeps, sandboxName: string): Checked<SourceFields> {
  if (!isRecord(body)) return refuse(badRequest('The request body must be a JSON object.'))
  const named = readName(body)
  if (!named.ok) return named
  const spec = body['connectionSpec']
  if (!isRecord(spec) || spec['id'] !== S3_SPEC_ID || spec['version'] !== '1.0') {
    return refuse(
      flow('1413-400', 'Invalid connection spec', `connectionSpec must be {"id": "${S3_SPEC_ID}", "version": "1.0"} (Amazon S3).`)
    )
  }
  const baseId = body['baseConnectionId']
  const base = typeof baseId === 'string' ? deps.store.find(baseId, sandboxName) : undefined
  if (typeof baseId !== 'string' || base?.connectionSpec.id !== S3_SPEC_ID) {
    return refuse(badRequest(`baseConnectionId '${String(baseId)}' is not an Amazon S3 base connection in this sandbox.`))
  }
  const data = readData(body['data'])
  if (!data.ok) return data
  const params = readParams(body['params'])
  if (!params.ok) return params
  return {
    ok: true,
    value: {
      ...named.value,
      baseConnectionId: baseId,
      data: data.value,
      params: params.value,
      connectionSpec: { id: S3_SPEC_ID, version: '1.0' }
    }
  }
}

function readData(data: unknown): Checked<SourceFields['data']> {
  const format =
    isRecord(data) && typeof data['format'] === 'string' ? FILE_FORMATS.find((f) => f === String(data['format']).toLowerCase()) : undefined
  if (!isRecord(data) || format === undefined) return refuse(badRequest(`data.format must be one of ${FILE_FORMATS.join(', ')}.`))
  const raw = data['properties'] ?? {}
  if (!isRecord(raw)) return refuse(badRequest('data.properties must be an object {columnDelimiter, encoding, compressionType}.'))
  const properties: SourceFields['data']['properties'] = {}
  for (const [key, value] of Object.entries(raw)) {
    const problem = readProperty(properties, key, value)
    if (problem) return refuse(problem)
  }
  return { ok: true, value: { format, properties } }
}

function readProperty(into: SourceFields['data']['properties'], key: string, value: unknown): AdobeError | undefined {
  const text = typeof value === 'string' ? value : undefined
  if (key === 'columnDelimiter') {
    if (text === undefined || !isOneCharacter(text)) {
      return flow(
        '1331-400',
        'Bad Request',
        `Column Delimiter must be exactly one character, got ${JSON.stringify(value)}. Please provide valid column delimiter and try again.`
      )
    }
    into.columnDelimiter = text
  } else if (key === 'encoding') {
    const known = ENCODINGS.find((e) => e.toLowerCase() === text?.toLowerCase())
    if (!known) return badRequest(`data.properties.encoding must be one of ${ENCODINGS.join(', ')}.`)
    into.encoding = known
  } else if (key === 'compressionType') {
    const known = COMPRESSIONS.find((c) => c.toLowerCase() === text?.toLowerCase())
    if (!known) return badRequest(`data.properties.compressionType must be one of ${COMPRESSIONS.join(', ')}.`)
    into.compressionType = known
  } else return badRequest(`data.properties.${key} is not a property the emulator knows (columnDelimiter, encoding, compressionType).`)
  return undefined
}

function readParams(params: unknown): Checked<SourceFields['params']> {
  const path = isRecord(params) ? params['path'] : undefined
  if (!isRecord(params) || typeof path !== 'string' || !path.startsWith('/')) {
    return refuse(
      badRequest('params.path is required: an absolute path such as /bucket/folder/name.csv, /bucket/folder/ or /bucket/folder/*.csv.')
    )
  }
  const { type } = params
  if (type !== undefined && type !== 'file' && type !== 'folder') return refuse(badRequest("params.type must be 'file' or 'folder'."))
  const recursive = params['recursive'] === undefined ? false : readBoolean(params['recursive'])
  if (recursive === undefined) return refuse(badRequest('params.recursive must be true or false.'))
  // Adobe's S3 source page: a path "cannot end with a forward slash (/). If provided, it will be
  // automatically removed". Stored, listed and read back without it.
  const stored = path.length > 1 ? path.replace(/\/+$/, '') : path
  return { ok: true, value: { path: stored, recursive, ...(type !== undefined ? { type } : {}) } }
}

function sourceBody(s: SourceConnection): Record<string, unknown> {
  return {
    name: s.name,
    ...(s.description !== undefined ? { description: s.description } : {}),
    baseConnectionId: s.baseConnectionId,
    data: structuredClone(s.data),
    params: { ...s.params },
    connectionSpec: { ...s.connectionSpec }
  }
}

function sourceView(row: Row<SourceConnection>, orgId: string): Record<string, unknown> {
  const s = row.item
  return {
    ...baseView(row, orgId),
    baseConnectionId: s.baseConnectionId,
    data: structuredClone(s.data),
    params: { ...s.params },
    connectionSpec: { ...s.connectionSpec }
  }
}

// ---- target connections --------------------------------------------------------------------------

function createTarget(call: FlowCall): Reply {
  const fields = readTarget(call.caller.json, call.deps, call.caller.sandboxName)
  if (!fields.ok) return failure(fields.error)
  const now = Date.now()
  const item: TargetConnection = stamped(call, fields.value, now)
  call.deps.dataflows.targets.insert(item, call.caller.clientId)
  return created(call.deps, TARGETS.path, item)
}

function readTarget(body: unknown, deps: FlowDeps, sandboxName: string): Checked<TargetFields> {
  if (!isRecord(body)) return refuse(badRequest('The request body must be a JSON object.'))
  const named = readName(body)
  if (!named.ok) return named
  const spec = body['connectionSpec']
  if (!isRecord(spec) || spec['id'] !== DATA_LAKE_SPEC_ID || spec['version'] !== '1.0') {
    return refuse(
      flow('1307-400', 'Bad Request', `connectionSpec must be the Data Lake target spec {"id": "${DATA_LAKE_SPEC_ID}", "version": "1.0"}.`)
    )
  }
  const params = body['params']
  const dataSetId = isRecord(params) ? params['dataSetId'] : undefined
  if (typeof dataSetId !== 'string' || dataSetId === '')
    return refuse(flow('1325-400', 'Bad Request', 'params.dataSetId is required: the id of the dataset to write to.'))
  const dataset = deps.catalog.dataset(dataSetId, sandboxName)
  if (!dataset) return refuse(badRequest(`Dataset '${dataSetId}' was not found in this sandbox.`))
  const data = body['data']
  const schema = isRecord(data) ? data['schema'] : undefined
  if (!isRecord(schema) || typeof schema['id'] !== 'string' || schema['version'] !== SCHEMA_CONTENT_TYPE) {
    return refuse(badRequest(`data.schema must be {"id": "<the dataset's schema $id>", "version": "${SCHEMA_CONTENT_TYPE}"}.`))
  }
  if (schema['id'] !== dataset.schemaId) {
    return refuse(badRequest(`data.schema.id '${schema['id']}' is not the schema of dataset ${dataSetId} ('${dataset.schemaId}').`))
  }
  return {
    ok: true,
    value: {
      ...named.value,
      schema: { id: dataset.schemaId, version: SCHEMA_CONTENT_TYPE },
      dataSetId,
      connectionSpec: { id: DATA_LAKE_SPEC_ID, version: '1.0' }
    }
  }
}

function targetBody(t: TargetConnection): Record<string, unknown> {
  return {
    name: t.name,
    ...(t.description !== undefined ? { description: t.description } : {}),
    data: { schema: { ...t.schema } },
    params: { dataSetId: t.dataSetId },
    connectionSpec: { ...t.connectionSpec }
  }
}

function targetView(row: Row<TargetConnection>, orgId: string): Record<string, unknown> {
  const t = row.item
  return {
    ...baseView(row, orgId),
    data: { schema: { ...t.schema } },
    params: { dataSetId: t.dataSetId },
    connectionSpec: { ...t.connectionSpec }
  }
}

// ---- shared --------------------------------------------------------------------------------------

/**
 * PATCH of a source or target connection: If-Match, the JSON Patch applied to the create body as
 * it would be sent (only at `allowed` paths), that body read again as a create reads it, then a
 * new etag.
 */
function patchHandler<T extends SourceConnection | TargetConnection, F>(
  resource: Resource<T>,
  bodyOf: (item: T) => Record<string, unknown>,
  allowed: readonly string[],
  read: (body: unknown, deps: FlowDeps, sandboxName: string) => Checked<F>
): (call: FlowCall) => Reply {
  return (call) =>
    withRow(resource, call, (row) => {
      const problem = ifMatchProblem(call, row.item.etag, resource.noun)
      if (problem) return failure(problem)
      const patched = patchDocument(bodyOf(row.item), call.caller.json, allowed)
      if (!patched.ok) return failure(badRequest(patched.message))
      const fields = read(patched.value, call.deps, call.caller.sandboxName)
      if (!fields.ok) return failure(fields.error)
      const item = touched({ ...withoutDescription(row.item), ...fields.value }, row.item)
      save(call, row, item)
      return ok({ id: item.id, etag: item.etag })
    })
}

// A patch that removed the description must not keep the old one.
function withoutDescription<T extends { description?: string }>(item: T): T {
  const copy = { ...item }
  delete copy.description
  return copy
}
