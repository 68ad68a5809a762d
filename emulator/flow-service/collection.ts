import { randomUUID } from 'node:crypto'
import type { CatalogStore } from '../catalog/store.js'
import type { MappingSetStore } from '../data-prep/mapping-sets.js'
import { badRequest, flow, refuse, type AdobeError, type Checked } from '../http/errors.js'
import { failure, ok, type Reply } from '../http/reply.js'
import type { Call, Handler, Routes } from '../http/routing.js'
import type { GatewayConfig } from '../ims/gateway.js'
import type { S3World } from '../s3/world.js'
import type { PreviewShape } from '../types.js'
import { auditFields } from './audit.js'
import type { MemoryStore } from './connections/store.js'
import type { DataflowStore, Row, Table } from './dataflows/store.js'
import { newEtag } from './etag.js'
import { listReply } from './listing/listing.js'
import type { TokenStyle } from './listing/paging.js'
import type { Scheduler } from './runs/scheduler.js'

// What Flow Service's routes work with: every store, the S3 world, the scheduler and the settings.
export interface FlowDeps {
  store: MemoryStore
  gateway: GatewayConfig
  s3(): S3World
  pageSize: number
  flowServiceUrl: string
  tokens: TokenStyle
  previewShape: PreviewShape
  legacyEntryTypes: boolean
  catalog: CatalogStore
  mappingSets: MappingSetStore
  dataflows: DataflowStore
  scheduler: Scheduler
}

export type FlowCall = Call<FlowDeps>
export type FlowHandler = Handler<FlowDeps>
export type FlowRoutes = Routes<FlowDeps>

type Any = { id: string; sandboxName: string }

// What every Flow Service collection beyond base connections does alike: read by id (wrapped in
// `items`), list (filters, paging), delete unless a dataflow uses it, and the If-Match rules.

export interface Resource<T extends Any> {
  /** 'source connection': how messages name one. */
  noun: string
  /** '/sourceConnections': the collection's path. */
  path: string
  table(deps: FlowDeps): Table<T>
  view(row: Row<T>, deps: FlowDeps): Record<string, unknown>
  /** Rows a listing leaves out (a dataflow being deleted). */
  hidden?(item: T): boolean
  /** The dataflow that keeps it from being deleted, if any. */
  usedBy?(deps: FlowDeps, id: string): string | undefined
}

export function notFound(noun: string, id: string): AdobeError {
  return flow('1010-404', 'Resource not found', `${capitalised(noun)} with id '${id}' was not found in this sandbox.`)
}

export function withRow<T extends Any>(r: Resource<T>, call: FlowCall, then: (row: Row<T>) => Reply): Reply {
  const row = r.table(call.deps).find(call.id, call.caller.sandboxName)
  return row ? then(row) : failure(notFound(r.noun, call.id))
}

export function getHandler<T extends Any>(r: Resource<T>): FlowHandler {
  return (call) => withRow(r, call, (row) => ok({ items: [r.view(row, call.deps)] }))
}

export function listHandler<T extends Any>(r: Resource<T>): FlowHandler {
  return (call) => {
    const rows = r
      .table(call.deps)
      .all(call.caller.sandboxName)
      .filter((row) => !r.hidden?.(row.item))
    const entries = rows.map((row) => ({ seq: row.seq, item: r.view(row, call.deps) }))
    return listReply(call.req, entries, { pageSize: call.deps.pageSize, tokens: call.deps.tokens, path: r.path })
  }
}

export function deleteHandler<T extends Any>(r: Resource<T>): FlowHandler {
  return (call) =>
    withRow(r, call, (row) => {
      const flowId = r.usedBy?.(call.deps, row.item.id)
      if (flowId !== undefined) return failure(inUse(r.noun, flowId))
      r.table(call.deps).remove(row.item.id)
      return { status: 204 }
    })
}

export function inUse(noun: string, flowId: string): AdobeError {
  return flow('1418-400', 'Bad Request', `The ${noun} is used by dataflow ${flowId} and cannot be deleted; delete the dataflow first.`)
}

/** `If-Match` must be sent (1403-400) and be the current etag, compared literally (1404-412). */
export function ifMatchProblem(call: FlowCall, etag: string, noun: string): AdobeError | undefined {
  const ifMatch = call.req.headers['if-match']
  if (!ifMatch) return flow('1403-400', 'Bad Request', `The If-Match header is required: send the etag of the ${noun}.`)
  if (ifMatch !== etag)
    return flow('1404-412', 'Precondition Failed', `The If-Match etag is not the current etag of the ${noun}; read it again.`)
  return undefined
}

/** What Flow Service gives every item it creates: an id and an etag, the caller's sandbox, enabled, created now. */
export function stamped<F extends object>(
  call: FlowCall,
  fields: F,
  now: number
): F & { id: string; etag: string; sandboxName: string; state: 'enabled'; createdAt: number; updatedAt: number } {
  return {
    id: randomUUID(),
    etag: newEtag(),
    sandboxName: call.caller.sandboxName,
    ...fields,
    state: 'enabled',
    createdAt: now,
    updatedAt: now
  }
}

/** `201 {id, etag}` with the item's `Location`. */
export function created(deps: FlowDeps, path: string, item: { id: string; etag: string }): Reply {
  return ok({ id: item.id, etag: item.etag }, 201, { location: `${deps.flowServiceUrl}${path}/${item.id}` })
}

/** A changed item in place, changed by the caller. */
export function save<T extends Any>(call: FlowCall, row: Row<T>, item: T): void {
  row.item = item
  row.updatedClient = call.caller.clientId
}

/** `name` (not blank) and an optional `description`, as every create body has them. */
export function readName(body: Record<string, unknown>): Checked<{ name: string; description?: string }> {
  const { name, description } = body
  if (typeof name !== 'string' || name.trim() === '') return refuse(badRequest('name is required and must be a non-empty string.'))
  if (description !== undefined && typeof description !== 'string') return refuse(badRequest('description must be a string.'))
  return { ok: true, value: description === undefined ? { name } : { name, description } }
}

/** The audit fields, name, description, state and etag every item shows. */
export function baseView<
  T extends Any & { createdAt: number; updatedAt: number; etag: string; name: string; description?: string; state: string }
>(row: Row<T>, orgId: string): Record<string, unknown> {
  const { item } = row
  return {
    id: item.id,
    ...auditFields({ ...item, createdClient: row.createdClient, updatedClient: row.updatedClient, orgId }),
    name: item.name,
    ...(item.description !== undefined ? { description: item.description } : {}),
    state: item.state,
    version: item.etag,
    etag: item.etag
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
