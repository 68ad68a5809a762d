// The routes of the dataflow's parts, typed: Catalog (the dataset's schema), Data Prep (mapping
// sets) and Flow Service (source and target connections, dataflows, runs). Every answer is
// checked before use; values may come back as strings where the docs show numbers.

import type { Call, PlatformApi } from '../platform/api.js'
import { ApiError, UnexpectedResponseError, type Service } from '../platform/errors.js'
import { isObject, type JsonObject } from '../platform/json.js'
import { continuationOf, followPage, listAll, type Continuation, type Page } from '../platform/paging.js'
import type { Clock } from '../platform/retry.js'
import { isEtag, isId, readEtag, readId } from '../platform/server-values.js'
import { isRecovered, type Response } from '../platform/transport/transport.js'
import type { Frequency } from './inputs.js'
import { readServiceMappings } from './mapping.js'
import * as req from './requests.js'

export interface Written {
  id: string
  etag: string
}

export interface Dataset {
  id: string
  name: string
  schemaId: string
}

export interface ExistingFlow {
  id: string
  etag: string
  name: string
  description?: string
  state: string
  sourceConnectionId?: string
  targetConnectionId?: string
  /** The Mapping transformation: its index among the transformations, and what it points at. */
  mapping?: { index: number; id: string; version: number }
  schedule: { frequency?: Frequency; interval?: number; startTime?: number; backfill?: boolean }
  options: { partialIngestionPercent?: number; errorDiagnosticsEnabled?: boolean }
  createdAt?: number
}

export interface ExistingSource {
  id: string
  baseConnectionId: string
  format: string
  properties: Record<string, string>
  path: string
  recursive: boolean
  createdAt?: number
}

export interface ExistingTarget {
  id: string
  datasetId: string
  schemaId: string
}

export interface ExistingMapping {
  id: string
  version: number
  mappings: { sourceType: string; source: string; destination: string }[]
}

export interface Run {
  id: string
  /** Epoch ms: when the run started (or was created). */
  startedAt?: number
  completedAt?: number
  status: string
  recordsRead?: number
  recordsWritten?: number
  recordsFailed?: number
  errors: string[]
}

export interface ValidationProblem {
  source?: string
  destination?: string
  message: string
}

const FREQUENCIES: readonly Frequency[] = ['once', 'minute', 'hour', 'day', 'week']
/** Adobe's "the flow is busy" codes: retried with backoff, up to this many times. */
const BUSY = new Set(['FLOW-1420-400', 'FLOW-1421-400'])
const BUSY_ATTEMPTS = 6

export class DataflowClient {
  constructor(
    private readonly api: PlatformApi,
    private readonly clock: Clock
  ) {}

  over(api: PlatformApi): DataflowClient {
    return new DataflowClient(api, this.clock)
  }

  async dataset(datasetId: string): Promise<Dataset> {
    const call = req.datasetCall(datasetId)
    const body = object(await this.api.send(call), call)
    // Catalog answers an object keyed by the dataset id.
    const entry = body[datasetId] ?? Object.values(body)[0]
    if (!isObject(entry) || !isObject(entry.schemaRef)) throw unexpected(call, `no "schemaRef" for dataset ${datasetId}`)
    return {
      id: datasetId,
      name: typeof entry.name === 'string' ? entry.name : datasetId,
      schemaId: readSchemaId(entry.schemaRef.id, call)
    }
  }

  /** Every dataflow with exactly this name and the CloudStorageToAEP spec, across all pages. */
  findFlows(name: string): Promise<ExistingFlow[]> {
    return this.list(req.flowLookupCall(name), (value, call) => {
      if (!isObject(value) || value.name !== name || !isObject(value.flowSpec) || value.flowSpec.id !== req.FLOW_SPEC.id) return undefined
      return readFlow(value, call)
    })
  }

  /** The dataflow, or undefined once it is gone (404, or a listing without it). */
  async getFlow(flowId: string): Promise<ExistingFlow | undefined> {
    const call = req.getFlowCall(flowId)
    const res = await this.api.send(call)
    if (res.status === 404) return undefined
    const item = firstItem(res, call)
    return item === undefined ? undefined : readFlow(item, call)
  }

  async getSource(sourceId: string): Promise<ExistingSource> {
    const call = req.getSourceCall(sourceId)
    const item = firstItem(await this.api.send(call), call)
    if (item === undefined) throw unexpected(call, 'no source connection in "items"')
    return readSource(item, call)
  }

  async getTarget(targetId: string): Promise<ExistingTarget> {
    const call = req.getTargetCall(targetId)
    const item = firstItem(await this.api.send(call), call)
    if (item === undefined) throw unexpected(call, 'no target connection in "items"')
    const data = isObject(item.data) ? item.data : {}
    const schema = isObject(data.schema) ? data.schema : {}
    const params = isObject(item.params) ? item.params : {}
    return { id: readId(item.id, 'id', origin(call)), datasetId: str(params.dataSetId), schemaId: str(schema.id) }
  }

  async getMapping(mappingId: string, version: number): Promise<ExistingMapping> {
    const call = req.getMappingCall(mappingId, version)
    const body = object(await this.api.send(call), call)
    return {
      id: readId(body.id ?? mappingId, 'id', origin(call)),
      version: readVersion(body.version ?? version, call),
      mappings: readServiceMappings(body.mappings)
    }
  }

  /** Data Prep's verdict on a mapping set: every failing mapping, named by its source and destination. */
  async validate(body: req.MappingSetBody): Promise<ValidationProblem[]> {
    const call = req.validateMappingCall(body)
    const res = await this.api.send(call)
    const json = res.json
    const entries = isObject(json) && Array.isArray(json.validationResponse) ? json.validationResponse : []
    const problems = entries.flatMap((entry: unknown) => {
      if (!isObject(entry)) return []
      const errors = Array.isArray(entry.errors) ? entry.errors : []
      const failed = typeof entry.status === 'string' && entry.status.toUpperCase() === 'FAILED'
      return errors
        .filter(isObject)
        .map((e) => problemOf(e))
        .concat(failed && errors.length === 0 ? [{ message: 'failed, without details' }] : [])
    })
    if (res.status === 400 && problems.length === 0)
      problems.push({ message: errorText(json) ?? 'Data Prep refused the mapping set (HTTP 400)' })
    return problems
  }

  async createMapping(body: req.MappingSetBody): Promise<{ id: string; version: number }> {
    const call = req.createMappingCall(body)
    const json = object(await this.api.send(call), call)
    return { id: readId(json.id, 'id', origin(call)), version: readVersion(json.version ?? 0, call) }
  }

  async putMapping(mappingId: string, body: req.MappingSetBody): Promise<{ id: string; version: number }> {
    const call = req.putMappingCall(mappingId, body)
    const json = object(await this.api.send(call), call)
    return { id: readId(json.id ?? mappingId, 'id', origin(call)), version: readVersion(json.version, call) }
  }

  createSource(body: req.SourceBody, recover: () => Promise<string | undefined>): Promise<Made> {
    return this.create(req.createSourceCall(body), recover)
  }

  createTarget(body: req.TargetBody, recover: () => Promise<string | undefined>): Promise<Made> {
    return this.create(req.createTargetCall(body), recover)
  }

  createFlow(body: req.FlowBody, recover: () => Promise<string | undefined>): Promise<Made> {
    return this.create(req.createFlowCall(body), recover)
  }

  /** Ids of the source connections of this name on this base connection (where a lost create is looked for). */
  async findSources(name: string, baseConnectionId: string): Promise<{ id: string; createdAt?: number }[]> {
    return this.list(req.sourceLookupCall(name, baseConnectionId), (value, call) =>
      isObject(value) && value.name === name ? { id: readId(value.id, 'id', origin(call)), ...createdAtOf(value) } : undefined
    )
  }

  async findTargets(name: string, datasetId: string): Promise<{ id: string; createdAt?: number }[]> {
    return this.list(req.targetLookupCall(name, datasetId), (value, call) =>
      isObject(value) && value.name === name ? { id: readId(value.id, 'id', origin(call)), ...createdAtOf(value) } : undefined
    )
  }

  /** A PATCH with If-Match; 'stale' on 412; a busy flow (1420/1421) is asked again with backoff. */
  async patchFlow(flowId: string, etag: string, operations: req.PatchOperation[]): Promise<Written | 'stale'> {
    const call = req.patchFlowCall(flowId, etag, operations)
    const res = await this.whenNotBusy(() => this.api.send(call))
    return res.status === 412 ? 'stale' : written(res, call)
  }

  async setEnabled(flowId: string, enabled: boolean): Promise<Written> {
    const call = req.flowActionCall(flowId, enabled ? 'enable' : 'disable')
    return written(await this.whenNotBusy(() => this.api.send(call)), call)
  }

  /** Deletes the dataflow and waits for the deletion to finish (a 404), so that what it used can go next. */
  async deleteFlow(flowId: string): Promise<void> {
    await this.whenNotBusy(() => this.api.send(req.deleteFlowCall(flowId)))
    for (let look = 1; ; look++) {
      if ((await this.getFlow(flowId)) === undefined) return
      const wait = Math.min(500 * 2 ** (look - 1), 5000)
      if (this.api.remainingMs() < wait + 1000)
        throw new UnexpectedResponseError(
          'Flow Service',
          'DELETE /flows/{id}',
          `dataflow ${flowId} was still being deleted when time ran out`
        )
      await this.clock.sleep(wait)
    }
  }

  async deleteSource(sourceId: string): Promise<void> {
    await this.api.send(req.deleteSourceCall(sourceId))
  }

  async deleteTarget(targetId: string): Promise<void> {
    await this.api.send(req.deleteTargetCall(targetId))
  }

  async runs(flowId: string): Promise<Run[]> {
    return this.list(req.runsCall(flowId), (value, call) => (isObject(value) ? readRun(value, call) : undefined))
  }

  private async create(call: Call, recover: () => Promise<string | undefined>): Promise<Made> {
    const res = await this.api.sendOrRecover(call, recover)
    if (isRecovered(res)) return { kind: 'adopted', id: res.recovered }
    const body = object(res, call)
    return { kind: 'created', id: readId(body.id, 'id', origin(call)), ...(isEtag(body.etag) && { etag: body.etag }) }
  }

  private async whenNotBusy(send: () => Promise<Response>): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send()
      } catch (error) {
        const busy = error instanceof ApiError && error.code !== undefined && BUSY.has(error.code)
        const wait = Math.min(1000 * 2 ** (attempt - 1), 15_000)
        if (!busy || attempt >= BUSY_ATTEMPTS || this.api.remainingMs() < wait + 1000) throw error
        await this.clock.sleep(wait)
      }
    }
  }

  private list<T extends { id: string }>(first: Call, read: (value: unknown, call: Call) => T | undefined): Promise<T[]> {
    const baseUrl = this.api.target.baseUrls[first.service]
    const page = async (next: Continuation | undefined): Promise<Page<T>> => {
      const res = await this.api.send(followPage(first, next, baseUrl))
      const list = isObject(res.json) ? res.json : undefined
      if (list === undefined || !Array.isArray(list.items)) throw unexpected(first, 'no "items" array')
      const items = list.items.flatMap((value: unknown) => {
        const item = read(value, first)
        return item === undefined ? [] : [item]
      })
      const following = continuationOf(list)
      return following === undefined ? { items } : { items, next: following }
    }
    return listAll(page, (item) => item.id.toLowerCase(), { service: first.service, label: first.label })
  }
}

/** What a create left: this run's object (its etag when the answer had one), or one adopted after a lost answer. */
export type Made = { kind: 'created'; id: string; etag?: string } | { kind: 'adopted'; id: string }

// ---- readers ----------------------------------------------------------------------------------

function readFlow(item: JsonObject, call: Call): ExistingFlow {
  const o = origin(call)
  const schedule = isObject(item.scheduleParams) ? item.scheduleParams : {}
  const options = isObject(item.options) ? item.options : {}
  const transformations: unknown[] = Array.isArray(item.transformations) ? item.transformations : []
  const index = transformations.findIndex((t) => isObject(t) && t.name === 'Mapping')
  const mapping = transformations[index]
  const params = isObject(mapping) && isObject(mapping.params) ? mapping.params : undefined
  const frequency = FREQUENCIES.find((f) => f === schedule.frequency)
  const interval = numberOf(schedule.interval)
  const startTime = numberOf(schedule.startTime)
  const backfill = booleanOf(schedule.backfill)
  const partial = numberOf(options.partialIngestionPercent)
  const diagnostics = booleanOf(options.errorDiagnosticsEnabled)
  return {
    id: readId(item.id, 'id', o),
    etag: readEtag(item.etag, 'etag', o),
    name: str(item.name),
    ...(typeof item.description === 'string' && { description: item.description }),
    state: str(item.state),
    ...(firstId(item.sourceConnectionIds) !== undefined && { sourceConnectionId: firstId(item.sourceConnectionIds) }),
    ...(firstId(item.targetConnectionIds) !== undefined && { targetConnectionId: firstId(item.targetConnectionIds) }),
    ...(params !== undefined &&
      isId(params.mappingId) && { mapping: { index, id: params.mappingId, version: readVersion(params.mappingVersion ?? 0, call) } }),
    schedule: {
      ...(frequency !== undefined && { frequency }),
      ...(interval !== undefined && { interval }),
      ...(startTime !== undefined && { startTime }),
      ...(backfill !== undefined && { backfill })
    },
    options: {
      ...(partial !== undefined && { partialIngestionPercent: partial }),
      ...(diagnostics !== undefined && { errorDiagnosticsEnabled: diagnostics })
    },
    ...createdAtOf(item)
  }
}

function readSource(item: JsonObject, call: Call): ExistingSource {
  const data = isObject(item.data) ? item.data : {}
  const params = isObject(item.params) ? item.params : {}
  const properties = isObject(data.properties)
    ? Object.fromEntries(Object.entries(data.properties).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])))
    : {}
  return {
    id: readId(item.id, 'id', origin(call)),
    baseConnectionId: str(item.baseConnectionId),
    format: str(data.format),
    properties,
    path: str(params.path),
    recursive: booleanOf(params.recursive) ?? false,
    ...createdAtOf(item)
  }
}

function readRun(item: JsonObject, call: Call): Run {
  const metrics = isObject(item.metrics) ? item.metrics : {}
  const duration = isObject(metrics.durationSummary) ? metrics.durationSummary : {}
  const records = isObject(metrics.recordSummary) ? metrics.recordSummary : {}
  const status = isObject(metrics.statusSummary) ? metrics.statusSummary : {}
  const errors = Array.isArray(status.errors)
    ? status.errors.filter(isObject).map((e) => [str(e.code), str(e.message)].filter((p) => p !== '').join(': '))
    : []
  const startedAt = numberOf(duration.startedAtUTC) ?? numberOf(item.createdAt)
  const completedAt = numberOf(duration.completedAtUTC)
  const read = numberOf(records.inputRecordCount)
  const written = numberOf(records.outputRecordCount)
  const failed = numberOf(records.failedRecordCount)
  return {
    id: readId(item.id, 'id', origin(call)),
    status: str(status.status),
    errors,
    ...(startedAt !== undefined && { startedAt }),
    ...(completedAt !== undefined && { completedAt }),
    ...(read !== undefined && { recordsRead: read }),
    ...(written !== undefined && { recordsWritten: written }),
    ...(failed !== undefined && { recordsFailed: failed })
  }
}

function problemOf(e: JsonObject): ValidationProblem {
  const message = str(e.exception) || str(e.message) || str(e.errorMessage) || 'not valid'
  return {
    ...(typeof e.source === 'string' && { source: e.source }),
    ...(typeof e.destination === 'string' && { destination: e.destination }),
    message
  }
}

function errorText(json: unknown): string | undefined {
  if (!isObject(json)) return undefined
  const text = json.message ?? json.detail ?? json.title
  return typeof text === 'string' ? text : undefined
}

// A tenant schema's $id: https://ns.adobe.com/{tenant}/schemas/{hex}.
const SCHEMA_ID = /^https:\/\/ns\.adobe\.com\/[\w.\-/]{1,400}$/

function readSchemaId(value: unknown, call: Call): string {
  if (typeof value === 'string' && SCHEMA_ID.test(value)) return value
  throw new UnexpectedResponseError(call.service, call.label, `"schemaRef.id" is not an XDM schema id (https://ns.adobe.com/...)`)
}

function readVersion(value: unknown, call: Call): number {
  const n = numberOf(value)
  if (n !== undefined && Number.isInteger(n) && n >= 0 && n < 1_000_000) return n
  throw new UnexpectedResponseError(call.service, call.label, '"version" is not a mapping set version (a whole number)')
}

function written(res: Response, call: Call): Written {
  const body = object(res, call)
  return { id: readId(body.id, 'id', origin(call)), etag: readEtag(body.etag, 'etag', origin(call)) }
}

function firstItem(res: Response, call: Call): JsonObject | undefined {
  const items = object(res, call).items
  const first: unknown = Array.isArray(items) ? items[0] : undefined
  return isObject(first) ? first : undefined
}

function firstId(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : undefined
  return isId(first) ? first : undefined
}

function object(res: Response, call: Call): JsonObject {
  if (!isObject(res.json)) throw unexpected(call, 'not a JSON object')
  return res.json
}

/** Numbers the service may write as strings ("interval": "15"). */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value)
  return undefined
}

function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'false') return value === 'true'
  return undefined
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function createdAtOf(item: JsonObject): { createdAt?: number } {
  const createdAt = numberOf(item.createdAt)
  return createdAt === undefined ? {} : { createdAt }
}

function origin(call: Call): { service: Service; label: string } {
  return { service: call.service, label: call.label }
}

function unexpected(call: Call, problem: string): UnexpectedResponseError {
  return new UnexpectedResponseError(call.service, call.label, problem)
}
