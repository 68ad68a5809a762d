// Every request the dataflow action sends, as pure descriptions (Calls) shared by the real run,
// the plan and the dry run; and the bodies of what it creates.

import type { Call, PatchOperation } from '../platform/api.js'
import { S3_SPEC_ID } from '../platform/base-connection.js'
import type { Config, Schedule, SourceSpec } from './inputs.js'
import type { Mapping } from './mapping.js'
import type { PartKind } from './model.js'
import { pathTypeOf, type PathType } from './source-look.js'

/** CloudStorageToAEP: cloud storage sources into the Data Lake. */
export const FLOW_SPEC = { id: '9753525b-82c7-4dce-8a9b-5ccfce2b9876', version: '1.0' } as const
export const SOURCE_SPEC = { id: S3_SPEC_ID, version: '1.0' } as const
/** The Data Lake target. */
export const TARGET_SPEC = { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' } as const
/** Always this string, whatever the dataset's own contentType says (Adobe's advice). */
export const SCHEMA_VERSION = 'application/vnd.adobe.xed-full+json;version=1'
export const PAGE_LIMIT = 100

const FLOW = 'Flow Service' as const
const id = (value: string): string => encodeURIComponent(value)

// ---- reads ------------------------------------------------------------------------------------

export function datasetCall(datasetId: string): Call {
  return { service: 'Catalog', method: 'GET', path: `/dataSets/${id(datasetId)}?properties=schemaRef,name`, label: 'GET /dataSets/{id}' }
}

/** The dataset's schema, resolved whole (its fields, to tell a mapping's near-miss destination): the Schema Registry API's read. */
export function schemaCall(schemaId: string): Call {
  return {
    service: 'Schema Registry',
    method: 'GET',
    path: `/tenant/schemas/${id(schemaId)}`,
    label: 'GET /tenant/schemas/{id}',
    mediaType: SCHEMA_VERSION
  }
}

/** The dataflows named so, of the CloudStorageToAEP spec (a comma in the name is matched on the client only). */
export function flowLookupCall(name: string): Call {
  const filters = [...(name.includes(',') ? [] : [`property=name==${encodeURIComponent(name)}`]), `property=flowSpec.id==${FLOW_SPEC.id}`]
  return { service: FLOW, method: 'GET', path: `/flows?${[...filters, `limit=${PAGE_LIMIT}`].join('&')}`, label: 'GET /flows' }
}

export function getFlowCall(flowId: string): Call {
  return { service: FLOW, method: 'GET', path: `/flows/${id(flowId)}`, label: 'GET /flows/{id}', accept: [404] }
}

const PARTS = {
  source: { path: '/sourceConnections', spec: SOURCE_SPEC },
  target: { path: '/targetConnections', spec: TARGET_SPEC }
} as const

export function getPartCall(kind: PartKind, partId: string): Call {
  const { path } = PARTS[kind]
  return { service: FLOW, method: 'GET', path: `${path}/${id(partId)}`, label: `GET ${path}/{id}`, accept: [404] }
}

/**
 * The connections of this kind named so, wherever they point: a run's own (after a lost answer),
 * and what earlier runs left. A comma in the name is matched on the client only: the spec narrows.
 */
export function partLookupCall(kind: PartKind, name: string): Call {
  const { path, spec } = PARTS[kind]
  const filter = name.includes(',') ? `property=connectionSpec.id==${spec.id}` : `property=name==${encodeURIComponent(name)}`
  return { service: FLOW, method: 'GET', path: `${path}?${filter}&limit=${PAGE_LIMIT}`, label: `GET ${path}` }
}

/** A mapping set, at a version when one is given (the latest otherwise). */
export function getMappingCall(mappingId: string, version?: number): Call {
  return {
    service: 'Data Prep',
    method: 'GET',
    path: `/mappingSets/${id(mappingId)}${version !== undefined ? `?version=${version}` : ''}`,
    label: 'GET /mappingSets/{id}'
  }
}

/**
 * The dataflow's newest (or, for its first, oldest) run: one page, sorted by the service
 * (`orderby`, documented in sort-and-filter), never every run of a dataflow that may have
 * thousands. The client picks the one it wants from the page all the same.
 */
export function runsCall(flowId: string, order: 'newest' | 'oldest'): Call {
  const orderby = order === 'newest' ? '-createdAt' : 'createdAt'
  return {
    service: FLOW,
    method: 'GET',
    path: `/runs?property=flowId==${id(flowId)}&orderby=${orderby}&limit=${RUNS_PAGE}`,
    label: 'GET /runs'
  }
}

/** Runs read at once when looking for the newest or the first: the service sorts, so a few are plenty. */
export const RUNS_PAGE = 10

export function getRunCall(runId: string): Call {
  return { service: FLOW, method: 'GET', path: `/runs/${id(runId)}`, label: 'GET /runs/{id}' }
}

/** What an on-demand run reads: the files whose time is within the window (unix seconds). */
export interface RunWindow {
  start: number
  end: number
}

export interface StartRunBody {
  flowId: string
  params: { startTime: string; windowStartTime: string; windowEndTime: string }
}

/**
 * An on-demand run (on-demand ingestion page, file-based sources): unix seconds as strings, as
 * the page sends them (the OpenAPI file types them as integers: the page is what clients send).
 */
export function startRunBody(flowId: string, startTime: number, window: RunWindow): StartRunBody {
  return { flowId, params: { startTime: String(startTime), windowStartTime: String(window.start), windowEndTime: String(window.end) } }
}

export function startRunCall(body: StartRunBody): Call {
  return { service: FLOW, method: 'POST', path: '/runs', label: 'POST /runs', body }
}

// ---- writes -----------------------------------------------------------------------------------

export function validateMappingCall(body: MappingSetBody): Call {
  return { service: 'Data Prep', method: 'POST', path: '/mappingSets/validate', label: 'POST /mappingSets/validate', body, accept: [400] }
}

export function createMappingCall(body: MappingSetBody): Call {
  return { service: 'Data Prep', method: 'POST', path: '/mappingSets', label: 'POST /mappingSets', body }
}

/** A new version of the mapping set (Data Prep has no If-Match on PUT). */
export function putMappingCall(mappingId: string, body: MappingSetBody): Call {
  return { service: 'Data Prep', method: 'PUT', path: `/mappingSets/${id(mappingId)}`, label: 'PUT /mappingSets/{id}', body }
}

export function createPartCall(kind: PartKind, body: SourceBody | TargetBody): Call {
  const { path } = PARTS[kind]
  return { service: FLOW, method: 'POST', path, label: `POST ${path}`, body }
}

/** A PATCH of a connection (its description: a run's mark taken out), guarded by its etag. */
export function patchPartCall(kind: PartKind, partId: string, etag: string, operations: PatchOperation[]): Call {
  const { path } = PARTS[kind]
  return {
    service: FLOW,
    method: 'PATCH',
    path: `${path}/${id(partId)}`,
    label: `PATCH ${path}/{id}`,
    body: operations,
    ifMatch: etag,
    accept: [412]
  }
}

/** `rebuild` makes the body again for each attempt (its start time must not have passed). */
export function createFlowCall(body: FlowBody, rebuild?: () => FlowBody): Call {
  return { service: FLOW, method: 'POST', path: '/flows', label: 'POST /flows', body, ...(rebuild !== undefined && { rebuild }) }
}

/** A PATCH guarded by the etag; 412 is the update logic's (read again, retry once). */
export function patchFlowCall(flowId: string, etag: string, operations: PatchOperation[]): Call {
  return {
    service: FLOW,
    method: 'PATCH',
    path: `/flows/${id(flowId)}`,
    label: 'PATCH /flows/{id}',
    body: operations,
    ifMatch: etag,
    accept: [412]
  }
}

export function flowActionCall(flowId: string, op: 'enable' | 'disable'): Call {
  return { service: FLOW, method: 'POST', path: `/flows/${id(flowId)}/action?op=${op}`, label: 'POST /flows/{id}/action' }
}

export function deleteFlowCall(flowId: string): Call {
  return { service: FLOW, method: 'DELETE', path: `/flows/${id(flowId)}`, label: 'DELETE /flows/{id}', accept: [404] }
}

export function deletePartCall(kind: PartKind, partId: string): Call {
  const { path } = PARTS[kind]
  return { service: FLOW, method: 'DELETE', path: `${path}/${id(partId)}`, label: `DELETE ${path}/{id}`, accept: [404] }
}

// ---- bodies -----------------------------------------------------------------------------------

export interface MappingSetBody {
  outputSchema: { schemaRef: { id: string; contentType: string } }
  mappings: { sourceType: string; source: string; destination: string }[]
}

export function mappingSetBody(schemaId: string, mappings: readonly Mapping[]): MappingSetBody {
  return {
    outputSchema: { schemaRef: { id: schemaId, contentType: SCHEMA_VERSION } },
    mappings: mappings.map((m) => ({ sourceType: m.sourceType, source: m.source, destination: m.destination }))
  }
}

export interface SourceBody {
  name: string
  description: string
  baseConnectionId: string
  data: { format: string; properties?: Record<string, string> }
  params: { path: string; type: PathType; recursive: boolean }
  connectionSpec: { id: string; version: string }
}

/** `type` is what a listing showed at the path; without one (the dry run), what the path alone tells. */
export function sourceBody(
  source: SourceSpec,
  baseConnectionId: string,
  name: string,
  description: string,
  type: PathType = pathTypeOf(source.path)
): SourceBody {
  return {
    name,
    description,
    baseConnectionId,
    data: { format: source.format, ...(Object.keys(fileProperties(source)).length > 0 && { properties: fileProperties(source) }) },
    params: { path: source.path, type, recursive: source.recursive },
    connectionSpec: { ...SOURCE_SPEC }
  }
}

/** The file properties a source connection carries: only those that apply to its format. */
export function fileProperties(source: SourceSpec): Record<string, string> {
  return {
    ...(source.columnDelimiter !== undefined && { columnDelimiter: source.columnDelimiter }),
    ...(source.encoding !== undefined && { encoding: source.encoding }),
    ...(source.compressionType !== undefined && { compressionType: source.compressionType })
  }
}

export interface TargetBody {
  name: string
  description: string
  data: { schema: { id: string; version: string } }
  params: { dataSetId: string }
  connectionSpec: { id: string; version: string }
}

export function targetBody(datasetId: string, schemaId: string, name: string, description: string): TargetBody {
  return {
    name,
    description,
    data: { schema: { id: schemaId, version: SCHEMA_VERSION } },
    params: { dataSetId: datasetId },
    connectionSpec: { ...TARGET_SPEC }
  }
}

export interface FlowBody {
  name: string
  description: string
  flowSpec: { id: string; version: string }
  sourceConnectionIds: string[]
  targetConnectionIds: string[]
  transformations: { name: 'Mapping'; params: { mappingId: string; mappingVersion: string } }[]
  scheduleParams: { startTime: number; frequency: string; interval?: number; backfill?: boolean }
  options?: { partialIngestionPercent?: number; errorDiagnosticsEnabled?: boolean }
}

export function flowBody(
  config: Pick<Config, 'name' | 'partialIngestionPercent' | 'errorDiagnostics'>,
  description: string,
  ids: { source: string; target: string; mapping?: { id: string; version: number } },
  schedule: Schedule & { startTime: number }
): FlowBody {
  const options = optionsOf(config)
  return {
    name: config.name,
    description,
    flowSpec: { ...FLOW_SPEC },
    sourceConnectionIds: [ids.source],
    targetConnectionIds: [ids.target],
    transformations: ids.mapping === undefined ? [] : [mappingTransformation(ids.mapping)],
    scheduleParams: {
      startTime: schedule.startTime,
      frequency: schedule.frequency,
      ...(schedule.interval !== undefined && { interval: schedule.interval }),
      ...(schedule.backfill !== undefined && { backfill: schedule.backfill })
    },
    ...(Object.keys(options).length > 0 && { options })
  }
}

export function mappingTransformation(mapping: { id: string; version: number }): FlowBody['transformations'][number] {
  return { name: 'Mapping', params: { mappingId: mapping.id, mappingVersion: String(mapping.version) } }
}

/** The options the inputs ask for: partial ingestion when a threshold is given, diagnostics when on. */
export function optionsOf(config: Pick<Config, 'partialIngestionPercent' | 'errorDiagnostics'>): {
  partialIngestionPercent?: number
  errorDiagnosticsEnabled?: boolean
} {
  return {
    ...(config.partialIngestionPercent !== undefined && { partialIngestionPercent: config.partialIngestionPercent }),
    ...(config.errorDiagnostics && { errorDiagnosticsEnabled: true })
  }
}

/** Names of the objects made for a dataflow: a person in the Platform UI sees what belongs together. */
export function partNames(dataflowName: string): { source: string; target: string } {
  return { source: `${dataflowName}: source`, target: `${dataflowName}: target` }
}
