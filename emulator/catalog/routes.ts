import { generic } from '../http/errors.js'
import { failure, ok, type Incoming, type Reply } from '../http/reply.js'
import { dispatch, routeTemplate, type Call, type Routes } from '../http/routing.js'
import type { GatewayConfig } from '../ims/gateway.js'
import { CATALOG_BASE_PATH } from '../paths.js'
import type { CatalogDataset } from '../types.js'
import type { CatalogStore } from './store.js'
import { SCHEMA_CONTENT_TYPE } from './xdm.js'

// Catalog's datasets under /data/foundation/catalog: what the dataflow action reads to learn a
// dataset's schema. Catalog documents no error body: its errors here are the generic shape.

export interface CatalogDeps {
  gateway: GatewayConfig
  catalog: CatalogStore
}

const ROUTES: Routes<CatalogDeps> = {
  '/dataSets/{id}': { GET: getDataset }
}

export function catalogRoute(segments: readonly string[]): string {
  return routeTemplate(segments, ROUTES)
}

export function handleCatalog(req: Incoming, deps: CatalogDeps): Reply {
  return dispatch(req, deps, ROUTES, CATALOG_BASE_PATH)
}

// An object keyed by the id; `properties=a,b` narrows each dataset to those properties.
function getDataset(call: Call<CatalogDeps>): Reply {
  const dataset = call.deps.catalog.dataset(call.id, call.caller.sandboxName)
  if (!dataset) return failure(generic(404, 'NotFoundError', `Dataset '${call.id}' was not found in sandbox '${call.caller.sandboxName}'.`))
  const view = datasetView(dataset, call.deps.gateway.orgId)
  const wanted = (call.req.query.get('properties') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const shown = wanted.length === 0 ? view : Object.fromEntries(Object.entries(view).filter(([key]) => wanted.includes(key)))
  return ok({ [dataset.id]: shown })
}

function datasetView(d: CatalogDataset, orgId: string): Record<string, unknown> {
  return {
    name: d.name,
    ...(d.description !== undefined ? { description: d.description } : {}),
    imsOrg: orgId,
    sandboxName: d.sandboxName,
    version: '1.0.0',
    created: d.createdAt,
    updated: d.createdAt,
    createdClient: 'emulator-seed',
    schemaRef: { id: d.schemaId, contentType: SCHEMA_CONTENT_TYPE }
  }
}
