import { badRequest, flow, type AdobeError } from '../../http/errors.js'
import { failure, ok, type Reply } from '../../http/reply.js'
import { isRecord } from '../../json.js'
import type { Dataflow, DataflowRun } from '../../types.js'
import {
  baseView,
  created,
  getHandler,
  ifMatchProblem,
  listHandler,
  notFound,
  save,
  withRow,
  type FlowCall,
  type FlowDeps,
  type FlowRoutes,
  type Resource,
  stamped
} from '../collection.js'
import { DATA_LAKE_SPEC_ID, FLOW_SPEC_ID, GCS_SPEC_ID, S3_SPEC_ID } from '../connections/specs.js'
import { patchDocument, pointerSegments } from '../json-patch.js'
import { listReply } from '../listing/listing.js'
import { editableBody, FLOW_SPEC_VERSION, readFlowBody, type FlowContext, type FlowFields } from './body.js'
import { FREQUENCIES } from './schedule.js'
import { touched, type Row } from './store.js'

// Dataflows (CloudStorageToAEP: a source connection, a target connection, a mapping, a schedule)
// and their flow spec. Their runs are in ../runs/.

export const FLOWS: Resource<Dataflow> = {
  noun: 'dataflow',
  path: '/flows',
  table: (deps) => deps.dataflows.flows,
  view: (row, deps) => flowView(row, deps),
  // Being deleted: readable by id, no longer listed.
  hidden: (item) => item.state === 'delete-finalizing'
}

export const DATAFLOW_ROUTES: FlowRoutes = {
  '/flows': { GET: listHandler(FLOWS), POST: createFlow },
  '/flows/{id}': { GET: getHandler(FLOWS), PATCH: patchFlow, DELETE: deleteFlow },
  '/flows/{id}/action': { POST: flowAction },
  '/flowSpecs': { GET: listFlowSpecs },
  '/flowSpecs/{id}': { GET: getFlowSpec }
}

function context(call: FlowCall, previous?: Dataflow): FlowContext {
  const { dataflows, mappingSets } = call.deps
  const sandbox = call.caller.sandboxName
  return {
    nowMs: Date.now(),
    source: (id) => dataflows.sources.find(id, sandbox)?.item,
    target: (id) => dataflows.targets.find(id, sandbox)?.item,
    mappingSet: (id, version) => mappingSets.get(id, sandbox, version),
    ...(previous ? { previous } : {})
  }
}

// ---- create, patch, act, delete ------------------------------------------------------------------

function createFlow(call: FlowCall): Reply {
  const fields = readFlowBody(call.caller.json, context(call))
  if (!fields.ok) return failure(fields.error)
  const now = Date.now()
  const item: Dataflow = stamped(call, fields.value, now)
  call.deps.dataflows.flows.insert(item, call.caller.clientId)
  call.deps.scheduler.created(item, now)
  return created(call.deps, FLOWS.path, item)
}

const FLOW_PATCHES = [
  '/name',
  '/description',
  '/scheduleParams/frequency',
  '/scheduleParams/interval',
  '/scheduleParams/startTime',
  '/scheduleParams/backfill',
  '/transformations',
  '/transformations/*',
  '/options',
  '/options/*'
]

function patchFlow(call: FlowCall): Reply {
  return changing(call, (row) => {
    const problem = ifMatchProblem(call, row.item.etag, FLOWS.noun)
    if (problem) return failure(problem)
    if (patchesState(call.caller.json))
      return failure(flow('1410-400', 'Bad Request', 'state cannot be patched: use POST /flows/{id}/action?op=enable|disable.'))
    const patched = patchDocument(editableBody(row.item), call.caller.json, FLOW_PATCHES)
    if (!patched.ok) return failure(badRequest(patched.message))
    const fields = readFlowBody(patched.value, context(call, row.item))
    if (!fields.ok) return failure(fields.error)
    const next = touched(withFields(row.item, fields.value), row.item)
    save(call, row, next)
    call.deps.scheduler.changed(next)
    return ok({ id: next.id, etag: next.etag })
  })
}

function patchesState(body: unknown): boolean {
  return (
    Array.isArray(body) && body.some((op) => isRecord(op) && typeof op['path'] === 'string' && pointerSegments(op['path'])?.[0] === 'state')
  )
}

// Optional fields a patch removed must not survive from the old item.
function withFields(item: Dataflow, fields: FlowFields): Dataflow {
  const next: Dataflow = { ...item, ...fields }
  if (fields.description === undefined) delete next.description
  if (fields.options === undefined) delete next.options
  return next
}

function flowAction(call: FlowCall): Reply {
  const op = call.req.query.get('op')?.toLowerCase()
  if (op !== 'enable' && op !== 'disable') return failure(badRequest("The op parameter must be 'enable' or 'disable'."))
  return changing(call, (row) => {
    const state: Dataflow['state'] = op === 'enable' ? 'enabled' : 'disabled'
    // Asking for the state it is in changes nothing, so the etag stays.
    if (row.item.state === state) return ok({ id: row.item.id, etag: row.item.etag })
    const next = touched({ ...row.item, state }, row.item)
    save(call, row, next)
    call.deps.scheduler.changed(next)
    return ok({ id: next.id, etag: next.etag })
  })
}

// 204; the dataflow stays readable as `delete-finalizing` for deleteFinalizeMs, then is gone.
function deleteFlow(call: FlowCall): Reply {
  return withRow(FLOWS, call, (row) => {
    if (row.item.state === 'delete-finalizing') return { status: 204 }
    const busy = call.deps.scheduler.busy(row.item.id)
    if (busy) return failure(busyError(busy))
    save(call, row, { ...row.item, state: 'delete-finalizing' })
    call.deps.scheduler.deleted(row.item.id)
    return { status: 204 }
  })
}

// A change of a dataflow being deleted, or busy, is refused before anything else is looked at.
function changing(call: FlowCall, then: (row: Row<Dataflow>) => Reply): Reply {
  return withRow(FLOWS, call, (row) => {
    if (row.item.state === 'delete-finalizing') return failure(badRequest(`The dataflow ${row.item.id} is being deleted.`))
    const busy = call.deps.scheduler.busy(row.item.id)
    return busy ? failure(busyError(busy)) : then(row)
  })
}

function busyError(code: '1420-400' | '1421-400'): AdobeError {
  const why = code === '1420-400' ? 'a run of the dataflow is in progress' : 'the dataflow is busy with another operation'
  return flow(code, 'Bad Request', `The dataflow cannot be changed now: ${why}. Try again later.`)
}

// ---- views ---------------------------------------------------------------------------------------

// As Flow Service shows a dataflow: schedule values and the mapping version as text.
function flowView(row: Row<Dataflow>, deps: FlowDeps): Record<string, unknown> {
  const f = row.item
  const { startTime, frequency, interval, backfill } = f.scheduleParams
  const last = deps.dataflows.runs
    .all()
    .filter((r) => r.item.flowId === f.id)
    .at(-1)?.item
  return {
    ...baseView(row, deps.gateway.orgId),
    flowSpec: { ...f.flowSpec },
    sourceConnectionIds: [...f.sourceConnectionIds],
    targetConnectionIds: [...f.targetConnectionIds],
    inheritedAttributes: inherited(f, deps),
    transformations: f.transformations.map((t) => ({
      name: t.name,
      params: { mappingId: t.params.mappingId, mappingVersion: String(t.params.mappingVersion) }
    })),
    scheduleParams: {
      startTime: String(startTime),
      frequency,
      ...(interval !== undefined ? { interval: String(interval) } : {}),
      ...(backfill !== undefined ? { backfill: String(backfill) } : {})
    },
    ...(f.options !== undefined ? { options: { ...f.options } } : {}),
    runs: `/runs?property=flowId==${f.id}`,
    ...(last ? { lastRunDetails: lastRunDetails(last) } : {})
  }
}

function inherited(f: Dataflow, deps: FlowDeps): Record<string, unknown> {
  const sources = f.sourceConnectionIds.map((id) => {
    const s = deps.dataflows.sources.get(id)?.item
    const base = s && deps.store.get(s.baseConnectionId)
    return {
      id,
      connectionSpec: { id: S3_SPEC_ID, version: '1.0' },
      ...(base ? { baseConnection: { id: base.id, connectionSpec: { ...base.connectionSpec } } } : {})
    }
  })
  const targets = f.targetConnectionIds.map((id) => ({ id, connectionSpec: { id: DATA_LAKE_SPEC_ID, version: '1.0' } }))
  return { sourceConnections: sources, targetConnections: targets }
}

function lastRunDetails(run: DataflowRun): Record<string, unknown> {
  return {
    id: run.id,
    state: run.status,
    ...(run.startedAt !== undefined ? { startedAtUTC: run.startedAt } : {}),
    ...(run.completedAt !== undefined ? { completedAtUTC: run.completedAt } : {})
  }
}

// ---- flow specs ----------------------------------------------------------------------------------

function listFlowSpecs(call: FlowCall): Reply {
  return listReply(call.req, [{ seq: 1, item: flowSpecView() }], {
    pageSize: call.deps.pageSize,
    tokens: call.deps.tokens,
    path: '/flowSpecs'
  })
}

function getFlowSpec(call: FlowCall): Reply {
  if (call.id !== FLOW_SPEC_ID) return failure(notFound('flow spec', call.id))
  return ok({ items: [flowSpecView()] })
}

// CloudStorageToAEP, reduced to what a client reads: its specs and the schema of its schedule.
function flowSpecView(): Record<string, unknown> {
  return {
    id: FLOW_SPEC_ID,
    name: 'CloudStorageToAEP',
    providerId: '0ed90a81-07f4-4586-8190-b40eccef1c5a',
    version: FLOW_SPEC_VERSION,
    sourceConnectionSpecIds: [S3_SPEC_ID, GCS_SPEC_ID],
    targetConnectionSpecIds: [DATA_LAKE_SPEC_ID],
    transformationSpecs: [
      {
        name: 'Mapping',
        spec: {
          type: 'object',
          properties: { mappingId: { type: 'string' }, mappingVersion: { type: 'string' } },
          required: ['mappingId', 'mappingVersion']
        }
      }
    ],
    scheduleSpec: {
      name: 'PeriodicSchedule',
      type: 'Periodic',
      spec: {
        type: 'object',
        properties: {
          startTime: { type: 'integer', description: 'epoch seconds, not in the past' },
          frequency: { type: 'string', enum: FREQUENCIES },
          interval: { type: 'integer', description: 'at least 15 for minute, 1 otherwise; not with once' },
          backfill: { type: 'boolean', description: 'not with once' }
        },
        required: ['startTime', 'frequency']
      }
    }
  }
}
