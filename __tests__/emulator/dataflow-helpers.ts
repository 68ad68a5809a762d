// Bodies and creates for the dataflow chain: base connection -> source connection, target
// connection, mapping set -> dataflow. Each create throws unless it succeeded.
import {
  DATA_LAKE_SPEC_ID,
  DEMO_DATASET_ID,
  DEMO_MAPPING,
  DEMO_SCHEMA_ID,
  FLOW_SPEC_ID,
  S3_SPEC_ID,
  type Emulator
} from '../../emulator/index.js'
import { createS3, dataPrep, flow, type Response } from './helpers.js'

export const CONTENT_TYPE = 'application/vnd.adobe.xed-full+json;version=1'
export const DAILY_EXPORT = '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv'

export function sourceBody(baseConnectionId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Daily CRM: source',
    description: 'made by a test',
    baseConnectionId,
    data: { format: 'delimited', properties: { columnDelimiter: ',' } },
    params: { path: DAILY_EXPORT, type: 'file', recursive: false },
    connectionSpec: { id: S3_SPEC_ID, version: '1.0' },
    ...overrides
  }
}

export function targetBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Daily CRM: target',
    description: 'made by a test',
    data: { schema: { id: DEMO_SCHEMA_ID, version: CONTENT_TYPE } },
    params: { dataSetId: DEMO_DATASET_ID },
    connectionSpec: { id: DATA_LAKE_SPEC_ID, version: '1.0' },
    ...overrides
  }
}

export function mappingBody(mappings: readonly unknown[] = DEMO_MAPPING, schemaId = DEMO_SCHEMA_ID): Record<string, unknown> {
  return { outputSchema: { schemaRef: { id: schemaId, contentType: CONTENT_TYPE } }, mappings }
}

export interface Parts {
  source: string
  target: string
  mapping?: { id: string; version: number }
}

/** Epoch seconds from now. */
export function inSeconds(seconds: number): number {
  return Math.floor(Date.now() / 1000) + seconds
}

export function flowBody(parts: Parts, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Daily CRM',
    description: 'made by a test',
    flowSpec: { id: FLOW_SPEC_ID, version: '1.0' },
    sourceConnectionIds: [parts.source],
    targetConnectionIds: [parts.target],
    transformations: parts.mapping
      ? [{ name: 'Mapping', params: { mappingId: parts.mapping.id, mappingVersion: String(parts.mapping.version) } }]
      : [],
    scheduleParams: { startTime: inSeconds(60), frequency: 'minute', interval: 15, backfill: true },
    ...overrides
  }
}

async function created(res: Promise<Response>, what: string, status = 201): Promise<{ id: string; etag: string }> {
  const answer = await res
  if (answer.status !== status) throw new Error(`${what} failed: ${answer.status} ${answer.text}`)
  return answer.json()
}

export async function createSource(
  emu: Emulator,
  baseConnectionId: string,
  overrides?: Record<string, unknown>
): Promise<{ id: string; etag: string }> {
  return created(flow(emu, 'POST', '/sourceConnections', { body: sourceBody(baseConnectionId, overrides) }), 'POST /sourceConnections')
}

export async function createTarget(emu: Emulator, overrides?: Record<string, unknown>): Promise<{ id: string; etag: string }> {
  return created(flow(emu, 'POST', '/targetConnections', { body: targetBody(overrides) }), 'POST /targetConnections')
}

export async function createMappingSet(emu: Emulator, mappings?: readonly unknown[]): Promise<{ id: string; version: number }> {
  const res = await dataPrep(emu, 'POST', '/mappingSets', { body: mappingBody(mappings) })
  if (res.status !== 200) throw new Error(`POST /mappingSets failed: ${res.status} ${res.text}`)
  return res.json()
}

export async function createFlow(emu: Emulator, body: Record<string, unknown>): Promise<{ id: string; etag: string }> {
  return created(flow(emu, 'POST', '/flows', { body }), 'POST /flows')
}

export interface Chain extends Parts {
  base: string
  mapping: { id: string; version: number }
}

/** A base connection, source and target connections and a mapping set: all a dataflow needs. */
export async function chainParts(emu: Emulator, source?: Record<string, unknown>, mappings?: readonly unknown[]): Promise<Chain> {
  const base = (await createS3(emu, 'S3 for dataflows')).id
  const [src, target, mapping] = await Promise.all([createSource(emu, base, source), createTarget(emu), createMappingSet(emu, mappings)])
  return { base, source: src.id, target: target.id, mapping }
}
