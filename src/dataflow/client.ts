// The routes of the dataflow's parts, typed: Catalog (the dataset's schema), Data Prep (mapping
// sets) and Flow Service (source and target connections, dataflows, runs). Every answer is
// checked before use; values may come back as strings where the docs show numbers. What the run
// creates and deletes is written in its ledger here, where it happens.

import type { Call, PatchOperation, PlatformApi, Written } from '../platform/api.js'
import { readBaseConnection, type BaseConnection } from '../platform/base-connection.js'
import { listCall, previewCall, readListing, readPreview, type ExploreEntry, type Preview } from '../platform/explore.js'
import type { FileFormat } from '../platform/file-format.js'
import { InputError } from '../platform/input-reader.js'
import { flowsUsing, type User } from '../platform/usage.js'
import { quoted } from '../platform/text.js'
import { ApiError, isNotFound, mayHaveTakenEffect, UnexpectedResponseError, type Service } from '../platform/errors.js'
import { isObject, type JsonObject } from '../platform/json.js'
import type { Ledger } from '../platform/ledger.js'
import { listEvery } from '../platform/paging.js'
import type { Clock } from '../platform/retry.js'
import { createdAtOf, isEtag, isId, readEtag, readId, wholeNumber } from '../platform/server-values.js'
import { isRecovered, type Recovered, type Response } from '../platform/transport/transport.js'
import { FREQUENCIES } from './inputs.js'
import { readServiceMappings } from './mapping.js'
import {
  PART_NAMES,
  type Dataset,
  type ExistingFlow,
  type ExistingMapping,
  type ExistingPart,
  type ExistingSource,
  type ExistingTarget,
  type Made,
  type PartKind,
  type Run,
  type ValidationProblem
} from './model.js'
import * as req from './requests.js'
import { runOrder } from './runs.js'
import { readSchemaFields, type SchemaFields } from './schema.js'

/** Adobe's "the flow is busy" codes: retried with backoff, up to this many times. */
const BUSY = new Set(['FLOW-1420-400', 'FLOW-1421-400'])
const BUSY_ATTEMPTS = 6

export class DataflowClient {
  constructor(
    private readonly api: PlatformApi,
    private readonly clock: Clock,
    private readonly ledger: Ledger
  ) {}

  /** The same client over another session (the clean-up's), writing in the same ledger. */
  over(api: PlatformApi): DataflowClient {
    return new DataflowClient(api, this.clock, this.ledger)
  }

  /** The sandbox every call is sent to. */
  get sandboxName(): string {
    return this.api.target.sandboxName
  }

  async dataset(datasetId: string): Promise<Dataset> {
    const call = req.datasetCall(datasetId)
    let res: Response
    try {
      res = await this.api.send(call)
    } catch (error) {
      throw datasetRefusal(error, datasetId, this.sandboxName)
    }
    const body = object(res, call)
    // Catalog answers an object keyed by the dataset id.
    const entry = body[datasetId] ?? Object.values(body)[0]
    if (!isObject(entry) || !isObject(entry.schemaRef)) throw unexpected(call, `no "schemaRef" for dataset ${datasetId}`)
    return {
      id: datasetId,
      name: typeof entry.name === 'string' ? entry.name : datasetId,
      schemaId: readSchemaId(entry.schemaRef.id, call)
    }
  }

  /** The dataset's schema, its field paths as the Schema Registry resolves them. */
  async schemaFields(schemaId: string): Promise<SchemaFields> {
    return readSchemaFields((await this.api.send(req.schemaCall(schemaId))).json)
  }

  // ---- what the base connection sees ------------------------------------------------------------

  /** The base connection, or undefined when this sandbox has none with that id. */
  baseConnection(id: string): Promise<BaseConnection | undefined> {
    return readBaseConnection(this.api, id)
  }

  /** The entries of a folder (the root when undefined), as the connection lists them. */
  async list(connectionId: string, folder: string | undefined): Promise<ExploreEntry[]> {
    return readListing((await this.api.send(listCall(connectionId, folder))).json)
  }

  async preview(connectionId: string, file: string, format: FileFormat): Promise<Preview> {
    return readPreview((await this.api.send(previewCall(connectionId, file, format))).json)
  }

  // ---- dataflows --------------------------------------------------------------------------------

  /** Every dataflow with exactly this name and the CloudStorageToAEP spec, across all pages. */
  findFlows(name: string): Promise<ExistingFlow[]> {
    const call = req.flowLookupCall(name)
    return listEvery(this.api, call, (value) => {
      if (!isObject(value) || value.name !== name || !isObject(value.flowSpec) || value.flowSpec.id !== req.FLOW_SPEC.id) return undefined
      return readFlow(value, call)
    })
  }

  /** The dataflow, or undefined once it is gone. */
  async getFlow(flowId: string): Promise<ExistingFlow | undefined> {
    const call = req.getFlowCall(flowId)
    const item = await this.readOne(call)
    return item === undefined ? undefined : readFlow(item, call)
  }

  /** The dataflows (of any name) that read through this source connection, or write through this target connection. */
  flowsUsing(kind: PartKind, id: string): Promise<User[]> {
    return flowsUsing(this.api, kind, id)
  }

  /** `body` is built again for each attempt: the start time it holds must not have passed when it arrives. */
  createFlow(body: () => req.FlowBody, recover: () => Promise<string | undefined>): Promise<Made> {
    return this.create('flow', req.createFlowCall(body(), body), recover)
  }

  /** A PATCH with If-Match; 'stale' on 412; a busy flow (1420/1421) is asked again with backoff. */
  async patchFlow(flowId: string, etag: string, operations: PatchOperation[]): Promise<Written | 'stale'> {
    const call = req.patchFlowCall(flowId, etag, operations)
    const res = await this.whenNotBusy(() => this.api.send(call))
    return res.status === 412 ? 'stale' : written(res, call)
  }

  async setEnabled(flowId: string, enabled: boolean): Promise<Written> {
    const call = req.flowActionCall(flowId, enabled ? 'enable' : 'disable')
    return written(await this.whenNotBusy(() => this.api.send(call)), call)
  }

  /** Deletes the dataflow and waits for the deletion to finish (gone), so that what it used can go next. */
  async deleteFlow(flowId: string): Promise<void> {
    await this.whenNotBusy(() => this.removal(req.deleteFlowCall(flowId)))
    for (let look = 1; ; look++) {
      if ((await this.getFlow(flowId)) === undefined) break
      const wait = Math.min(500 * 2 ** (look - 1), 5000)
      if (this.api.remainingMs() < wait + 1000)
        throw new UnexpectedResponseError(
          'Flow Service',
          'DELETE /flows/{id}',
          `dataflow ${flowId} was still being deleted when time ran out`
        )
      await this.clock.sleep(wait)
    }
    this.ledger.deleted(flowId)
  }

  // ---- source and target connections --------------------------------------------------------------

  /** Every connection of this kind with exactly this name, across all pages. */
  findParts(kind: 'source', name: string): Promise<ExistingSource[]>
  findParts(kind: 'target', name: string): Promise<ExistingTarget[]>
  findParts(kind: PartKind, name: string): Promise<ExistingPart[]> {
    const call = req.partLookupCall(kind, name)
    return listEvery(this.api, call, (value) => (isObject(value) && value.name === name ? readPart(kind, value, call) : undefined))
  }

  /** The connection, or undefined once it is gone. */
  async getPart(kind: 'source', id: string): Promise<ExistingSource | undefined>
  async getPart(kind: 'target', id: string): Promise<ExistingTarget | undefined>
  async getPart(kind: PartKind, id: string): Promise<ExistingPart | undefined> {
    const call = req.getPartCall(kind, id)
    const item = await this.readOne(call)
    return item === undefined ? undefined : readPart(kind, item, call)
  }

  createPart(kind: 'source', body: req.SourceBody, recover: () => Promise<string | undefined>): Promise<Made>
  createPart(kind: 'target', body: req.TargetBody, recover: () => Promise<string | undefined>): Promise<Made>
  createPart(kind: PartKind, body: req.SourceBody | req.TargetBody, recover: () => Promise<string | undefined>): Promise<Made> {
    return this.create(kind, req.createPartCall(kind, body), recover)
  }

  async patchPart(kind: PartKind, id: string, etag: string, operations: PatchOperation[]): Promise<Written | 'stale'> {
    const call = req.patchPartCall(kind, id, etag, operations)
    const res = await this.api.send(call)
    return res.status === 412 ? 'stale' : written(res, call)
  }

  /** Deletes the connection; one that is gone already is what was wanted. */
  async deletePart(kind: PartKind, id: string): Promise<void> {
    await this.removal(req.deletePartCall(kind, id))
    this.ledger.deleted(id)
  }

  // ---- mapping sets -------------------------------------------------------------------------------

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
    const made = { id: readId(json.id, 'id', origin(call)), version: readVersion(json.version ?? 0, call) }
    // Data Prep cannot delete a mapping set: once made, it stays, whatever happens to the run.
    this.ledger.undeletable(PART_NAMES.mapping, made.id)
    return made
  }

  async putMapping(mappingId: string, body: req.MappingSetBody): Promise<{ id: string; version: number }> {
    const call = req.putMappingCall(mappingId, body)
    const json = object(await this.api.send(call), call)
    return { id: readId(json.id ?? mappingId, 'id', origin(call)), version: readVersion(json.version, call) }
  }

  // ---- runs ---------------------------------------------------------------------------------------

  /** The dataflow's newest run (or its first, `oldest`), from one sorted page; undefined before its first. */
  async latestRun(flowId: string, order: 'newest' | 'oldest' = 'newest'): Promise<Run | undefined> {
    const call = req.runsCall(flowId, order)
    const res = await this.api.send(call)
    const items = object(res, call).items
    const runs = (Array.isArray(items) ? items : []).flatMap((value: unknown) => (isObject(value) ? [readRun(value, call)] : []))
    // Sorted again here: a page the service did not sort, or sorted ties its own way, still gives the same one.
    const sorted = [...runs].sort(runOrder)
    return order === 'newest' ? sorted.at(-1) : sorted[0]
  }

  /** One run, by its id; undefined when there is none (yet). */
  async getRun(runId: string): Promise<Run | undefined> {
    const call = req.getRunCall(runId)
    const item = await this.readOne(call)
    return item === undefined ? undefined : readRun(item, call)
  }

  /**
   * Starts an on-demand run; `recover` is asked, after an attempt whose outcome is unknown,
   * whether it started anyway. A run cannot be deleted: what is started stays.
   */
  async startRun(body: req.StartRunBody, recover: () => Promise<string | undefined>): Promise<string> {
    const call = req.startRunCall(body)
    const res = await this.api.sendOrRecover(call, recover)
    if (isRecovered(res)) return res.recovered
    // The page answers {items: [{id, etag}]}; a bare {id} is read too.
    const json = object(res, call)
    const first: unknown = Array.isArray(json.items) ? json.items[0] : json
    return readId(isObject(first) ? first.id : undefined, 'items[0].id', origin(call))
  }

  // ---- the plumbing -------------------------------------------------------------------------------

  private async create(what: PartKind | 'flow', call: Call, recover: () => Promise<string | undefined>): Promise<Made> {
    let res: Response | Recovered<string>
    try {
      res = await this.api.sendOrRecover<string>(call, recover)
    } catch (error) {
      // Sent, and its outcome never learnt: the thing may exist, carrying this run's mark.
      if (mayHaveTakenEffect(error)) this.ledger.uncertain(PART_NAMES[what])
      throw error
    }
    if (isRecovered(res)) {
      this.ledger.made(PART_NAMES[what], res.recovered)
      return { kind: 'recovered', id: res.recovered }
    }
    const body = object(res, call)
    const id = readId(body.id, 'id', origin(call))
    this.ledger.made(PART_NAMES[what], id)
    return { kind: 'created', id, ...(isEtag(body.etag) && { etag: body.etag }) }
  }

  /** A DELETE; what is not found (a 404, or Flow Service's 1439-400) is gone already, which is what was wanted. */
  private async removal(call: Call): Promise<Response> {
    try {
      return await this.api.send(call)
    } catch (error) {
      if (isNotFound(error)) return { status: 404, headers: {}, json: undefined }
      throw error
    }
  }

  /** The one item of a read by id (wrapped in "items"), or undefined when it does not exist. */
  private async readOne(call: Call): Promise<JsonObject | undefined> {
    let res: Response
    try {
      res = await this.api.send(call)
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
    if (res.status === 404) return undefined
    const items = object(res, call).items
    const first: unknown = Array.isArray(items) ? items[0] : undefined
    return isObject(first) ? first : undefined
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
}

// ---- readers ----------------------------------------------------------------------------------

function readFlow(item: JsonObject, call: Call): ExistingFlow {
  const o = origin(call)
  const schedule = isObject(item.scheduleParams) ? item.scheduleParams : {}
  const options = isObject(item.options) ? item.options : undefined
  const transformations: unknown[] = Array.isArray(item.transformations) ? item.transformations : []
  const index = transformations.findIndex((t) => isObject(t) && t.name === 'Mapping')
  const mapping = transformations[index]
  const params = isObject(mapping) && isObject(mapping.params) ? mapping.params : undefined
  const frequency = FREQUENCIES.find((f) => f === schedule.frequency)
  const interval = wholeNumber(schedule.interval)
  const startTime = wholeNumber(schedule.startTime)
  const backfill = booleanOf(schedule.backfill)
  const partial = wholeNumber(options?.partialIngestionPercent)
  const diagnostics = booleanOf(options?.errorDiagnosticsEnabled)
  const source = firstId(item.sourceConnectionIds)
  const target = firstId(item.targetConnectionIds)
  const last = isObject(item.lastRunDetails) ? item.lastRunDetails : undefined
  const lastStarted = last !== undefined ? wholeNumber(last.startedAtUTC) : undefined
  return {
    id: readId(item.id, 'id', o),
    etag: readEtag(item.etag, 'etag', o),
    name: str(item.name),
    ...(typeof item.description === 'string' && { description: item.description }),
    state: str(item.state),
    ...(source !== undefined && { sourceConnectionId: source }),
    ...(target !== undefined && { targetConnectionId: target }),
    ...(params !== undefined &&
      isId(params.mappingId) && { mapping: { index, id: params.mappingId, version: readVersion(params.mappingVersion ?? 0, call) } }),
    schedule: {
      ...(frequency !== undefined && { frequency }),
      ...(interval !== undefined && { interval }),
      ...(startTime !== undefined && { startTime }),
      ...(backfill !== undefined && { backfill })
    },
    ...(options !== undefined && {
      options: {
        ...(partial !== undefined && { partialIngestionPercent: partial }),
        ...(diagnostics !== undefined && { errorDiagnosticsEnabled: diagnostics })
      }
    }),
    ...createdAtOf(item),
    ...(last !== undefined &&
      isId(last.id) && { lastRun: { id: last.id, state: str(last.state), ...(lastStarted !== undefined && { startedAt: lastStarted }) } })
  }
}

function readPart(kind: PartKind, item: JsonObject, call: Call): ExistingPart {
  return kind === 'source' ? readSource(item, call) : readTarget(item, call)
}

/** What every connection shares: id, name, description, etag, creation time. */
function readCommon(item: JsonObject, call: Call): Pick<ExistingSource, 'id' | 'name' | 'description' | 'etag' | 'createdAt'> {
  const o = origin(call)
  const etag = item.etag === undefined ? undefined : readEtag(item.etag, 'etag', o)
  return {
    id: readId(item.id, 'id', o),
    name: str(item.name),
    ...(typeof item.description === 'string' && { description: item.description }),
    ...(etag !== undefined && { etag }),
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
    ...readCommon(item, call),
    baseConnectionId: str(item.baseConnectionId),
    format: str(data.format),
    properties,
    path: str(params.path),
    recursive: booleanOf(params.recursive) ?? false
  }
}

function readTarget(item: JsonObject, call: Call): ExistingTarget {
  const data = isObject(item.data) ? item.data : {}
  const schema = isObject(data.schema) ? data.schema : {}
  const params = isObject(item.params) ? item.params : {}
  return { ...readCommon(item, call), datasetId: str(params.dataSetId), schemaId: str(schema.id) }
}

function readRun(item: JsonObject, call: Call): Run {
  const metrics = isObject(item.metrics) ? item.metrics : {}
  const duration = isObject(metrics.durationSummary) ? metrics.durationSummary : {}
  const records = isObject(metrics.recordSummary) ? metrics.recordSummary : {}
  const status = isObject(metrics.statusSummary) ? metrics.statusSummary : {}
  const errors = Array.isArray(status.errors)
    ? status.errors.filter(isObject).map((e) => [str(e.code), str(e.message)].filter((p) => p !== '').join(': '))
    : []
  const files = isObject(metrics.fileSummary) ? metrics.fileSummary : {}
  const params = isObject(item.params) ? item.params : {}
  const createdAt = wholeNumber(item.createdAt)
  const startedAt = wholeNumber(duration.startedAtUTC)
  const completedAt = wholeNumber(duration.completedAtUTC)
  const read = wholeNumber(records.inputRecordCount)
  const written = wholeNumber(records.outputRecordCount)
  const failed = wholeNumber(records.failedRecordCount)
  const filesRead = wholeNumber(files.inputFileCount)
  const windowStart = wholeNumber(params.windowStartTime)
  const windowEnd = wholeNumber(params.windowEndTime)
  return {
    id: readId(item.id, 'id', origin(call)),
    status: str(status.status),
    errors,
    ...(createdAt !== undefined && { createdAt }),
    ...(startedAt !== undefined && { startedAt }),
    ...(windowStart !== undefined &&
      windowEnd !== undefined &&
      windowStart < windowEnd && { window: { start: windowStart, end: windowEnd } }),
    ...(filesRead !== undefined && { filesRead }),
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
  const n = wholeNumber(value)
  if (n !== undefined && n < 1_000_000) return n
  throw new UnexpectedResponseError(call.service, call.label, '"version" is not a mapping set version (a whole number)')
}

function written(res: Response, call: Call): Written {
  const body = object(res, call)
  return { id: readId(body.id, 'id', origin(call)), etag: readEtag(body.etag, 'etag', origin(call)) }
}

function firstId(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : undefined
  return isId(first) ? first : undefined
}

function object(res: Response, call: Call): JsonObject {
  if (!isObject(res.json)) throw unexpected(call, 'not a JSON object')
  return res.json
}

function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'false') return value === 'true'
  return undefined
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function origin(call: Call): { service: Service; label: string } {
  return { service: call.service, label: call.label }
}

function unexpected(call: Call, problem: string): UnexpectedResponseError {
  return new UnexpectedResponseError(call.service, call.label, problem)
}

/** A dataset this sandbox does not have is the input's mistake: said so, naming it (Catalog answers 404). */
function datasetRefusal(error: unknown, datasetId: string, sandboxName: string): unknown {
  if (!isNotFound(error)) return error
  return new InputError([
    `Input 'dataset-id': Catalog has no dataset ${datasetId} in sandbox ${quoted(sandboxName)}. Give the id of a dataset of this sandbox, as the Platform UI's Datasets page shows it (a dataset belongs to one sandbox: check 'sandbox-name' too).`
  ])
}
