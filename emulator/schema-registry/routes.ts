import type { CatalogStore } from '../catalog/store.js'
import { SCHEMA_CONTENT_TYPE } from '../catalog/xdm.js'
import { generic, notFoundRoute } from '../http/errors.js'
import { failure, ok, type Incoming, type Reply } from '../http/reply.js'
import { dispatch, routeTemplate, type Call, type Routes } from '../http/routing.js'
import type { GatewayConfig } from '../ims/gateway.js'
import { isRecord } from '../json.js'
import { SCHEMA_REGISTRY_BASE_PATH } from '../paths.js'
import type { XdmFieldType, XdmSchema } from '../types.js'

// Schema Registry under /data/foundation/schemaregistry: a schema read whole, as the dataflow
// action reads it to know the dataset's fields (to tell a mapping's near-miss destination). The
// route and the Accept header that asks for the resolved schema are the Schema Registry API's;
// its error bodies here are the generic shape (an assumption: the emulator's Catalog does the same).

export interface SchemaRegistryDeps {
  gateway: GatewayConfig
  catalog: CatalogStore
}

const ROUTES: Routes<SchemaRegistryDeps> = {
  '/schemas/{id}': { GET: getSchema }
}

// The tenant container is the only one the emulator keeps (Adobe's `global` holds its standard
// classes and field groups, which no action reads): routes are the tenant's, below `/tenant`.
const CONTAINER = 'tenant'

export function schemaRegistryRoute(segments: readonly string[]): string {
  const [container, ...rest] = segments
  return container === CONTAINER ? `/${CONTAINER}${routeTemplate(rest, ROUTES)}` : `/${segments.join('/')}`
}

export function handleSchemaRegistry(req: Incoming, deps: SchemaRegistryDeps): Reply {
  const [container, ...rest] = req.segments
  if (container !== CONTAINER) return failure(notFoundRoute(req.path))
  return dispatch({ ...req, segments: rest }, deps, ROUTES, `${SCHEMA_REGISTRY_BASE_PATH}/${CONTAINER}`)
}

/** The schema, its field paths as nested `properties`; it must be asked for as `xed-full` (406 otherwise: an assumption). */
function getSchema(call: Call<SchemaRegistryDeps>): Reply {
  const accept = call.req.headers['accept'] ?? ''
  if (!accept.includes('application/vnd.adobe.xed')) {
    return failure(generic(406, 'NotAcceptableError', `Accept must name the form of the schema, such as '${SCHEMA_CONTENT_TYPE}'.`))
  }
  const schema = call.deps.catalog.schema(call.id, call.caller.sandboxName)
  if (!schema) return failure(generic(404, 'NotFoundError', `Schema '${call.id}' was not found in sandbox '${call.caller.sandboxName}'.`))
  return ok(schemaView(schema))
}

function schemaView(schema: XdmSchema): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (const [path, type] of Object.entries(schema.fields)) place(properties, path.split('.'), type)
  return { $id: schema.id, 'meta:altId': altIdOf(schema.id), title: schema.title, type: 'object', properties }
}

function place(into: Record<string, unknown>, segments: readonly string[], type: XdmFieldType): void {
  const [head, ...rest] = segments
  if (head === undefined) return
  if (rest.length === 0) {
    into[head] = leaf(type)
    return
  }
  const node = into[head]
  const object = isRecord(node) && isRecord(node['properties']) ? node['properties'] : {}
  into[head] = { type: 'object', properties: object }
  place(object, rest, type)
}

function leaf(type: XdmFieldType): Record<string, unknown> {
  if (type === 'date' || type === 'date-time') return { type: 'string', format: type }
  return { type }
}

/** `https://ns.adobe.com/{tenant}/schemas/{hex}` is also `_{tenant}.schemas.{hex}`. */
function altIdOf(id: string): string {
  const match = /^https:\/\/ns\.adobe\.com\/([^/]+)\/schemas\/([0-9a-f]+)$/.exec(id)
  return match === null ? id : `_${match[1] ?? ''}.schemas.${match[2] ?? ''}`
}
