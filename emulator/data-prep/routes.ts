import type { CatalogStore } from '../catalog/store.js'
import { SCHEMA_CONTENT_TYPE } from '../catalog/xdm.js'
import { generic, type AdobeError } from '../http/errors.js'
import { failure, ok, type Incoming, type Reply } from '../http/reply.js'
import { dispatch, routeTemplate, type Call, type Routes } from '../http/routing.js'
import type { GatewayConfig } from '../ims/gateway.js'
import { DATAPREP_BASE_PATH } from '../paths.js'
import { checkRules, SOURCE_TYPE_FORMS, type MappingCheck, type RulesChecked } from './mapping.js'
import { readMappingSetBody, type MappingSetStore, type NewVersion, type StoredVersion } from './mapping-sets.js'

// Data Prep's mapping sets under /data/foundation/conversion. Data Prep documents no error body:
// its errors here are the generic shape ({type, status, title, detail}).

export interface DataPrepDeps {
  gateway: GatewayConfig
  catalog: CatalogStore
  mappingSets: MappingSetStore
}

type DataPrepCall = Call<DataPrepDeps>

const ROUTES: Routes<DataPrepDeps> = {
  '/mappingSets': { POST: createMappingSet },
  '/mappingSets/validate': { POST: validateMappingSet },
  '/mappingSets/{id}': { GET: getMappingSet, PUT: putMappingSet }
}

export function dataPrepRoute(segments: readonly string[]): string {
  return routeTemplate(segments, ROUTES)
}

export function handleDataPrep(req: Incoming, deps: DataPrepDeps): Reply {
  return dispatch(req, deps, ROUTES, DATAPREP_BASE_PATH)
}

const invalid = (detail: string): AdobeError => generic(400, 'BadRequestError', detail)
const notFound = (detail: string): AdobeError => generic(404, 'NotFoundError', detail)

interface Checked {
  draft: NewVersion
  result: RulesChecked
}

// The body read and every mapping checked against the output schema, which must exist.
function check(call: DataPrepCall): Checked | AdobeError {
  const body = readMappingSetBody(call.caller.json)
  if (typeof body === 'string') return invalid(body)
  const schema = call.deps.catalog.schema(body.schemaId, call.caller.sandboxName)
  if (!schema) return invalid(`The output schema '${body.schemaId}' does not exist in sandbox '${call.caller.sandboxName}'.`)
  const result = checkRules(body.drafts, schema.fields, body.input)
  const draft: NewVersion = { schemaId: schema.id, mappings: result.rules, ...(body.input ? { input: body.input } : {}) }
  return { draft, result }
}

function validateMappingSet(call: DataPrepCall): Reply {
  const checked = check(call)
  if ('shape' in checked) return failure(checked)
  return ok({ validationResponse: checked.result.checks.map((c, i) => validationEntry(c, checked.draft.mappings[i])) })
}

function validationEntry(check: MappingCheck, rule: NewVersion['mappings'][number] | undefined): unknown {
  return { sourceType: rule?.sourceType, source: rule?.source, destination: rule?.destination, status: check.status, errors: check.errors }
}

// A set that does not validate is not stored: the answer names each failing mapping.
function writable(call: DataPrepCall): NewVersion | AdobeError {
  const checked = check(call)
  if ('shape' in checked) return checked
  const failures = checked.result.checks.flatMap((c, i) =>
    c.errors.map((e) => `mapping ${i} (${e.source} -> ${e.destination}): ${e.exception}`)
  )
  return failures.length === 0 ? checked.draft : invalid(`The mapping set is not valid: ${failures.join(' ')}`)
}

function createMappingSet(call: DataPrepCall): Reply {
  const draft = writable(call)
  if ('shape' in draft) return failure(draft)
  return ok(summary(call.deps.mappingSets.create(call.caller.sandboxName, draft, call.caller.clientId)))
}

function putMappingSet(call: DataPrepCall): Reply {
  if (!call.deps.mappingSets.get(call.id, call.caller.sandboxName)) return failure(setNotFound(call.id))
  const draft = writable(call)
  if ('shape' in draft) return failure(draft)
  const stored = call.deps.mappingSets.put(call.id, call.caller.sandboxName, draft, call.caller.clientId)
  return stored ? ok(summary(stored)) : failure(setNotFound(call.id))
}

function getMappingSet(call: DataPrepCall): Reply {
  const raw = call.req.query.get('version')
  if (raw !== null && !/^\d+$/.test(raw)) return failure(invalid(`version must be a whole number, got '${raw}'.`))
  const version = raw === null ? undefined : Number(raw)
  const stored = call.deps.mappingSets.get(call.id, call.caller.sandboxName, version)
  if (!stored)
    return failure(version === undefined ? setNotFound(call.id) : notFound(`Mapping set '${call.id}' has no version ${version}.`))
  return ok(fullView(stored))
}

function setNotFound(id: string): AdobeError {
  return notFound(`Mapping set '${id}' was not found in this sandbox.`)
}

function summary(v: StoredVersion): Record<string, unknown> {
  return {
    id: v.id,
    version: v.version,
    createdDate: v.createdAt,
    modifiedDate: v.modifiedAt,
    createdBy: `${v.createdClient}@AdobeID`,
    modifiedBy: `${v.modifiedClient}@AdobeID`
  }
}

// As Data Prep reads a set back: source types normalised, each mapping with its own id and fields.
function fullView(v: StoredVersion): Record<string, unknown> {
  return {
    ...summary(v),
    inputSchema: v.input ? { properties: v.input } : null,
    outputSchema: { schemaRef: { id: v.schemaId, contentType: SCHEMA_CONTENT_TYPE } },
    mappings: v.mappings.map((m, i) => ({
      id: v.mappingIds[i],
      version: v.version,
      createdDate: v.createdAt,
      modifiedDate: v.modifiedAt,
      sourceType: SOURCE_TYPE_FORMS[m.sourceType],
      source: m.source,
      destination: m.destination,
      identity: false,
      primaryIdentity: false,
      identityGroup: null,
      namespaceCode: null,
      name: m.source,
      description: null
    }))
  }
}
