import { badRequest } from '../../http/errors.js'
import { failure, ok, type Reply } from '../../http/reply.js'
import { isRecord } from '../../json.js'
import type { DataflowRun } from '../../types.js'
import { auditFields } from '../audit.js'
import { getHandler, listHandler, notFound, type FlowCall, type FlowRoutes, type Resource } from '../collection.js'
import { FLOW_SPEC_ID } from '../connections/specs.js'
import { newEtag } from '../etag.js'
import { FLOW_SPEC_VERSION } from '../dataflows/body.js'
import { FLOWS } from '../dataflows/routes.js'
import type { Row } from '../dataflows/store.js'

// A dataflow's runs as Flow Service shows them (the scheduler makes them), and runs asked for on
// demand.

const RUNS: Resource<DataflowRun> = {
  noun: 'run',
  path: '/runs',
  table: (deps) => deps.dataflows.runs,
  view: (row, deps) => runView(row, deps.gateway.orgId)
}

export const RUN_ROUTES: FlowRoutes = {
  '/runs': { GET: listHandler(RUNS), POST: createRun },
  '/runs/{id}': { GET: getHandler(RUNS) }
}

/**
 * POST /runs (on-demand ingestion): `{flowId, params: {startTime, windowStartTime, windowEndTime}}`,
 * unix seconds as the docs send them (strings) or as the OpenAPI file types them (integers); only
 * for an enabled dataflow scheduled once. Answers `201 {items: [{id, etag}]}` as the docs show.
 * The codes of its refusals are assumptions.
 */
function createRun(call: FlowCall): Reply {
  const body = call.caller.json
  const flowId = isRecord(body) ? body['flowId'] : undefined
  const params = isRecord(body) && isRecord(body['params']) ? body['params'] : undefined
  if (typeof flowId !== 'string' || params === undefined)
    return failure(badRequest('flowId and params {startTime, windowStartTime, windowEndTime} are required.'))
  const seconds = (key: string): number | undefined => {
    const value = params[key]
    const text = typeof value === 'number' ? String(value) : value
    return typeof text === 'string' && /^\d{1,11}$/.test(text) ? Number(text) : undefined
  }
  const startTime = seconds('startTime')
  const start = seconds('windowStartTime')
  const end = seconds('windowEndTime')
  if (startTime === undefined || start === undefined || end === undefined)
    return failure(badRequest('params.startTime, params.windowStartTime and params.windowEndTime must be unix seconds.'))
  if (start >= end) return failure(badRequest('params.windowStartTime must be before params.windowEndTime.'))
  const flow = call.deps.dataflows.flows.find(flowId, call.caller.sandboxName)
  if (!flow || flow.item.state === 'delete-finalizing') return failure(notFound(FLOWS.noun, flowId))
  try {
    const run = call.deps.scheduler.requestRun(flowId, startTime, { start, end })
    return ok({ items: [{ id: run.id, etag: newEtag() }] }, 201)
  } catch (error) {
    return failure(badRequest(error instanceof Error ? error.message : String(error)))
  }
}

// ---- views ---------------------------------------------------------------------------------------

function runView(row: Row<DataflowRun>, orgId: string): Record<string, unknown> {
  const r = row.item
  return {
    id: r.id,
    flowId: r.flowId,
    flowSpec: { id: FLOW_SPEC_ID, version: FLOW_SPEC_VERSION },
    ...auditFields({
      ...r,
      createdAt: r.createdAt,
      updatedAt: r.completedAt ?? r.startedAt ?? r.createdAt,
      createdClient: row.createdClient,
      updatedClient: row.updatedClient,
      orgId
    }),
    metrics: {
      durationSummary: {
        ...(r.startedAt !== undefined ? { startedAtUTC: r.startedAt } : {}),
        ...(r.completedAt !== undefined ? { completedAtUTC: r.completedAt } : {})
      },
      sizeSummary: { inputBytes: r.inputBytes },
      recordSummary: { inputRecordCount: r.recordsRead, outputRecordCount: r.recordsWritten, failedRecordCount: r.recordsFailed },
      fileSummary: { inputFileCount: r.files.length, failedFileCount: r.filesFailed },
      statusSummary: { status: r.status, errors: r.errors.map((e) => ({ ...e })) }
    },
    // An on-demand run's parameters, as it was asked for (an assumption: Adobe documents no run field for them).
    ...(r.window !== undefined
      ? {
          params: {
            startTime: String(Math.floor(r.scheduledAt / 1000)),
            windowStartTime: String(r.window.start),
            windowEndTime: String(r.window.end)
          }
        }
      : {}),
    activities: []
  }
}
