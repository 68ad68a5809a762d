import { badRequest, flow, refuse, type AdobeError, type Checked } from '../../http/errors.js'
import { isRecord } from '../../json.js'
import type { Dataflow, FlowOptions, MappingSet, SourceConnection, TargetConnection } from '../../types.js'
import { readName } from '../collection.js'
import { FLOW_SPEC_ID } from '../connections/specs.js'
import { readBoolean, readSchedule, wholeNumber } from './schedule.js'

// A dataflow's body, read and checked as a create is; a patch produces a body and is checked the
// same way, with the schedule rules that apply once a dataflow has started.

export type FlowFields = Omit<Dataflow, 'id' | 'etag' | 'sandboxName' | 'state' | 'createdAt' | 'updatedAt'>

/** What a body refers to, as the request's sandbox sees it. */
export interface FlowContext {
  nowMs: number
  source(id: string): SourceConnection | undefined
  target(id: string): TargetConnection | undefined
  mappingSet(id: string, version: number): MappingSet | undefined
  /** The dataflow being patched. */
  previous?: Dataflow
}

export const FLOW_SPEC_VERSION = '1.0'

export function readFlowBody(body: unknown, ctx: FlowContext): Checked<FlowFields> {
  if (!isRecord(body)) return refuse(badRequest('The request body must be a JSON object.'))
  if ('state' in body)
    return refuse(flow('1410-400', 'Bad Request', 'state cannot be set here: use POST /flows/{id}/action?op=enable|disable.'))
  const named = readName(body)
  if (!named.ok) return named
  const spec = body['flowSpec']
  if (!isRecord(spec) || spec['id'] !== FLOW_SPEC_ID || spec['version'] !== FLOW_SPEC_VERSION) {
    return refuse(badRequest(`flowSpec must be {"id": "${FLOW_SPEC_ID}", "version": "${FLOW_SPEC_VERSION}"} (CloudStorageToAEP).`))
  }
  const parts = readParts(body, ctx)
  if (!parts.ok) return parts
  const schedule = readSchedule(body['scheduleParams'], ctx.nowMs, ctx.previous?.scheduleParams)
  if (!schedule.ok) return schedule
  const options = readOptions(body['options'])
  if (typeof options === 'object' && 'shape' in options) return refuse(options)
  const fields: FlowFields = {
    ...named.value,
    flowSpec: { id: FLOW_SPEC_ID, version: FLOW_SPEC_VERSION },
    ...parts.value,
    scheduleParams: schedule.value
  }
  if (options !== undefined) fields.options = options
  return { ok: true, value: fields }
}

type Parts = Pick<FlowFields, 'sourceConnectionIds' | 'targetConnectionIds' | 'transformations'>

// One source, one target, at most one Mapping whose output schema is the target's.
function readParts(body: Record<string, unknown>, ctx: FlowContext): Checked<Parts> {
  const sourceId = onlyId(body['sourceConnectionIds'], 'sourceConnectionIds')
  if (typeof sourceId !== 'string') return refuse(sourceId)
  if (!ctx.source(sourceId)) return refuse(badRequest(`Source connection '${sourceId}' was not found in this sandbox.`))
  const targetId = onlyId(body['targetConnectionIds'], 'targetConnectionIds')
  if (typeof targetId !== 'string') return refuse(targetId)
  const target = ctx.target(targetId)
  if (!target) return refuse(badRequest(`Target connection '${targetId}' was not found in this sandbox.`))
  const transformations = readTransformations(body['transformations'])
  if (!Array.isArray(transformations)) return refuse(transformations)
  for (const t of transformations) {
    const set = ctx.mappingSet(t.params.mappingId, t.params.mappingVersion)
    if (!set)
      return refuse(badRequest(`Mapping set '${t.params.mappingId}' version ${t.params.mappingVersion} was not found in this sandbox.`))
    if (set.schemaId !== target.schema.id) {
      return refuse(
        flow(
          '1425-400',
          'Bad Request',
          `The mapping set's output schema '${set.schemaId}' is not the target connection's schema '${target.schema.id}'.`
        )
      )
    }
  }
  return { ok: true, value: { sourceConnectionIds: [sourceId], targetConnectionIds: [targetId], transformations } }
}

function onlyId(value: unknown, field: string): string | AdobeError {
  if (!Array.isArray(value) || value.length !== 1 || typeof value[0] !== 'string') {
    return badRequest(`${field} must be an array holding one connection id.`)
  }
  return value[0]
}

function readTransformations(value: unknown): FlowFields['transformations'] | AdobeError {
  if (value === undefined) return []
  if (!Array.isArray(value)) return badRequest('transformations must be an array.')
  const out: FlowFields['transformations'] = []
  for (const [index, t] of value.entries()) {
    const params = isRecord(t) ? t['params'] : undefined
    if (!isRecord(t) || t['name'] !== 'Mapping' || !isRecord(params)) {
      return badRequest(
        `transformations[${index}] must be {"name": "Mapping", "params": {"mappingId", "mappingVersion"}}: the only transformation the emulator knows.`
      )
    }
    const mappingId = params['mappingId']
    const mappingVersion = wholeNumber(params['mappingVersion'])
    if (typeof mappingId !== 'string' || mappingVersion === undefined) {
      return badRequest(`transformations[${index}].params needs a mappingId and a mappingVersion (a whole number, or its text).`)
    }
    out.push({ name: 'Mapping', params: { mappingId, mappingVersion } })
  }
  return out.length > 1 ? badRequest('A dataflow takes one Mapping transformation.') : out
}

function readOptions(value: unknown): FlowOptions | undefined | AdobeError {
  if (value === undefined) return undefined
  if (!isRecord(value)) return badRequest('options must be an object {partialIngestionPercent, errorDiagnosticsEnabled}.')
  const options: FlowOptions = {}
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'partialIngestionPercent') {
      const percent = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
      if (typeof percent !== 'number' || !(percent >= 0 && percent <= 100))
        return badRequest('options.partialIngestionPercent must be a number from 0 to 100.')
      options.partialIngestionPercent = percent
    } else if (key === 'errorDiagnosticsEnabled') {
      const enabled = readBoolean(raw)
      if (enabled === undefined) return badRequest('options.errorDiagnosticsEnabled must be true or false.')
      options.errorDiagnosticsEnabled = enabled
    } else return badRequest(`options.${key} is not an option the emulator knows (partialIngestionPercent, errorDiagnosticsEnabled).`)
  }
  return options
}

/** What a patch may change, as a body: the schedule in numbers, the mapping version as text (as sent). */
export function editableBody(f: Dataflow): Record<string, unknown> {
  return {
    name: f.name,
    ...(f.description !== undefined ? { description: f.description } : {}),
    flowSpec: { ...f.flowSpec },
    sourceConnectionIds: [...f.sourceConnectionIds],
    targetConnectionIds: [...f.targetConnectionIds],
    transformations: f.transformations.map((t) => ({
      name: t.name,
      params: { mappingId: t.params.mappingId, mappingVersion: String(t.params.mappingVersion) }
    })),
    scheduleParams: { ...f.scheduleParams },
    ...(f.options !== undefined ? { options: { ...f.options } } : {})
  }
}
