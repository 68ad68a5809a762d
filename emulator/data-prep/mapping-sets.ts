import { randomBytes } from 'node:crypto'
import { schemaIdOf } from '../catalog/xdm.js'
import { isRecord } from '../json.js'
import type { DataPrepApi, MappingRule, MappingSet } from '../types.js'
import type { InputProperties, RuleDraft } from './mapping.js'

// Data Prep's mapping sets: versioned (a PUT adds a version, every version stays readable), in
// sandboxes, never deleted. And the two body forms a mapping set is sent in.

export interface StoredVersion extends MappingSet {
  input?: InputProperties
  // One id per mapping, as Data Prep gives each mapping its own.
  mappingIds: string[]
  createdClient: string
  modifiedClient: string
}

export interface NewVersion {
  schemaId: string
  mappings: MappingRule[]
  input?: InputProperties
}

export class MappingSetStore implements DataPrepApi {
  private readonly sets = new Map<string, StoredVersion[]>()

  create(sandboxName: string, v: NewVersion, clientId: string): StoredVersion {
    const id = randomBytes(16).toString('hex')
    const now = Date.now()
    const first = version({
      ...v,
      id,
      sandboxName,
      version: 0,
      createdAt: now,
      modifiedAt: now,
      createdClient: clientId,
      modifiedClient: clientId
    })
    this.sets.set(id, [first])
    return first
  }

  /** A new version of an existing set; undefined when the sandbox has no such set. */
  put(id: string, sandboxName: string, v: NewVersion, clientId: string): StoredVersion | undefined {
    const versions = this.versions(id, sandboxName)
    const latest = versions?.at(-1)
    if (!versions || !latest) return undefined
    const next = version({
      ...v,
      id,
      sandboxName,
      version: latest.version + 1,
      createdAt: latest.createdAt,
      // Strictly later than the version before, even within one millisecond.
      modifiedAt: Math.max(Date.now(), latest.modifiedAt + 1),
      createdClient: latest.createdClient,
      modifiedClient: clientId
    })
    versions.push(next)
    return next
  }

  /** One version (default: the latest) as the sandbox sees it. */
  get(id: string, sandboxName: string, versionNumber?: number): StoredVersion | undefined {
    const versions = this.versions(id, sandboxName)
    return versionNumber === undefined ? versions?.at(-1) : versions?.find((v) => v.version === versionNumber)
  }

  mappingSets(sandboxName?: string): MappingSet[] {
    return [...this.sets.values()]
      .flatMap((versions) => versions.slice(-1))
      .filter((v) => sandboxName === undefined || v.sandboxName === sandboxName)
      .map(publicView)
  }

  mappingSet(id: string, versionNumber?: number): MappingSet | undefined {
    const versions = this.sets.get(id)
    const found = versionNumber === undefined ? versions?.at(-1) : versions?.find((v) => v.version === versionNumber)
    return found && publicView(found)
  }

  clear(): void {
    this.sets.clear()
  }

  private versions(id: string, sandboxName: string): StoredVersion[] | undefined {
    const versions = this.sets.get(id)
    return versions?.[0]?.sandboxName === sandboxName ? versions : undefined
  }
}

function version(fields: Omit<StoredVersion, 'mappingIds'>): StoredVersion {
  return {
    ...fields,
    mappings: fields.mappings.map((m) => ({ ...m })),
    mappingIds: fields.mappings.map(() => randomBytes(16).toString('hex'))
  }
}

function publicView(v: StoredVersion): MappingSet {
  return {
    id: v.id,
    version: v.version,
    sandboxName: v.sandboxName,
    schemaId: v.schemaId,
    mappings: v.mappings.map((m) => ({ ...m })),
    createdAt: v.createdAt,
    modifiedAt: v.modifiedAt
  }
}

// ---- bodies ------------------------------------------------------------------------------------

/** A mapping-set body read for its structure; each mapping is checked later, on its own. */
export interface MappingSetDraft {
  schemaId: string
  input?: InputProperties
  drafts: RuleDraft[]
}

/**
 * The OpenAPI form `{outputSchema: {schemaRef: {id, contentType}}, mappings}` or the tutorials'
 * older `{version: 0, xdmSchema, xdmVersion: "1.0", mappings}`; or why the body is not one.
 */
export function readMappingSetBody(body: unknown): MappingSetDraft | string {
  if (!isRecord(body)) return 'The request body must be a JSON object.'
  const schemaId = outputSchemaId(body)
  if (schemaId === undefined)
    return 'outputSchema.schemaRef.id (or, in the older form, xdmSchema) is required: the $id of the output schema.'
  const { mappings } = body
  if (!Array.isArray(mappings) || mappings.length === 0) return 'mappings must be a non-empty array of {sourceType, source, destination}.'
  const drafts: RuleDraft[] = []
  for (const [index, mapping] of mappings.entries()) {
    if (!isRecord(mapping)) return `mappings[${index}] must be an object {sourceType, source, destination}.`
    drafts.push({ sourceType: mapping['sourceType'], source: mapping['source'], destination: mapping['destination'] })
  }
  const input = inputProperties(body['inputSchema'])
  return input ? { schemaId, input, drafts } : { schemaId, drafts }
}

function outputSchemaId(body: Record<string, unknown>): string | undefined {
  const output = body['outputSchema']
  const ref = isRecord(output) ? output['schemaRef'] : undefined
  const id = isRecord(ref) ? ref['id'] : undefined
  if (typeof id === 'string' && id !== '') return id
  const xdm = body['xdmSchema']
  return typeof xdm === 'string' && xdm !== '' ? schemaIdOf(xdm) : undefined
}

// `inputSchema: {properties}` or `inputSchema: {schema: {properties}}`; anything else checks nothing.
function inputProperties(input: unknown): InputProperties | undefined {
  if (!isRecord(input)) return undefined
  const schema = isRecord(input['schema']) ? input['schema'] : input
  const properties = schema['properties']
  return isRecord(properties) && Object.keys(properties).length > 0 ? properties : undefined
}
