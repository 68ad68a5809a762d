import { readDatasetInput, readSchemaInput } from './catalog/store.js'
import { readRule } from './faults/rules.js'
import { readSeed } from './flow-service/connections/store.js'
import { rawQueryParam } from './http/io.js'
import { ok, type Reply } from './http/reply.js'
import { isRecord } from './json.js'
import { readS3File } from './s3/tree.js'
import { readS3Options } from './s3/world.js'
import type { Emulator, FaultRule, RunClock } from './types.js'

// The control API (`/__emulator/...`): the TypeScript API over HTTP, for the CLI's users and for
// workflows on a real runner, where a test cannot call startEmulator()'s handle.
export interface ControlRequest {
  method: string
  // The path below /__emulator/, e.g. 's3/files'.
  name: string
  rawQuery: string
  body: string
}

type ControlHandler = (emu: Emulator, body: unknown, rawQuery: string) => Reply

const HANDLERS: Record<string, ControlHandler> = {
  'GET health': () => ok({ ok: true }),
  'GET requests': (emu) => ok(emu.requests()),
  'DELETE requests': (emu) => done(() => emu.clearRequests()),
  'GET connections': (emu) => ok(emu.store.list()),
  'POST connections': seedConnection,
  'GET faults': (emu) => ok(emu.faults.pending().map(serializeRule)),
  'POST faults': addFault,
  'DELETE faults': (emu) => done(() => emu.faults.clear()),
  'GET stats': (emu) => ok(emu.stats()),
  'PUT s3': setS3,
  'POST s3/files': putFile,
  'DELETE s3/files': removeFile,
  'GET schemas': (emu) => ok(emu.catalog.schemas()),
  'POST schemas': addSchema,
  'GET datasets': (emu) => ok(emu.catalog.datasets()),
  'POST datasets': addDataset,
  'GET records': datasetRecords,
  'GET mapping-sets': (emu) => ok(emu.dataPrep.mappingSets()),
  'GET dataflows': (emu) =>
    ok({
      sourceConnections: emu.dataflows.sourceConnections(),
      targetConnections: emu.dataflows.targetConnections(),
      flows: emu.dataflows.flows()
    }),
  'GET runs': listRuns,
  'POST runs': runNow,
  'POST runs/check': (emu) => {
    emu.dataflows.checkSchedule()
    return ok(emu.dataflows.runs())
  },
  'GET run-clock': (emu) => ok(emu.dataflows.runClock()),
  'PUT run-clock': setRunClock,
  'POST busy': markBusy,
  'POST reset': (emu) => done(() => emu.reset())
}

export function handleControl(emu: Emulator, req: ControlRequest): Reply {
  const handler = HANDLERS[`${req.method} ${req.name}`]
  if (!handler) return controlError(404, `No control endpoint ${req.method} /__emulator/${req.name}`)
  let json: unknown
  try {
    json = req.body === '' ? undefined : JSON.parse(req.body)
  } catch {
    return controlError(400, 'The body is not valid JSON')
  }
  return handler(emu, json, req.rawQuery)
}

function done(action: () => void): Reply {
  action()
  return { status: 204 }
}

function controlError(status: number, error: string): Reply {
  return { status, json: { error } }
}

function seedConnection(emu: Emulator, body: unknown): Reply {
  const seed = readSeed(body)
  if (typeof seed === 'string') return controlError(400, seed)
  return ok(emu.store.seed(seed), 201)
}

// JSON has no Infinity: "always" stands for it on the way in and out.
export function parseRule(body: unknown): FaultRule | string {
  return readRule(isRecord(body) && body['times'] === 'always' ? { ...body, times: Infinity } : body)
}

function serializeRule(rule: FaultRule): unknown {
  return rule.times === Infinity ? { ...rule, times: 'always' } : rule
}

function addFault(emu: Emulator, body: unknown): Reply {
  const rule = parseRule(body)
  if (typeof rule === 'string') return controlError(400, `Invalid fault rule: ${rule}`)
  emu.faults.add(rule)
  return ok(emu.faults.pending().map(serializeRule), 201)
}

function setS3(emu: Emulator, body: unknown): Reply {
  const s3 = readS3Options(body)
  if (typeof s3 === 'string') return controlError(400, `The body must be S3Options {"accessKey","secretKey","buckets"}: ${s3}`)
  try {
    emu.setS3(s3)
  } catch (err) {
    return controlError(400, err instanceof Error ? err.message : String(err))
  }
  return { status: 204 }
}

// {"path": "/bucket/folder/name.csv", ...file fields}: adds or replaces that file.
function putFile(emu: Emulator, body: unknown): Reply {
  const path = isRecord(body) ? body['path'] : undefined
  if (typeof path !== 'string') return controlError(400, 'The body needs {"path": "/bucket/folder/name", ...file fields}')
  const file = readS3File(body)
  if (typeof file === 'string') return controlError(400, file)
  try {
    emu.putFile(path, file)
  } catch (err) {
    return controlError(400, err instanceof Error ? err.message : String(err))
  }
  return ok({ path }, 201)
}

// ?path=/bucket/folder/name.csv, percent-encoded ('+' is a plus, as in S3 keys).
function removeFile(emu: Emulator, _body: unknown, rawQuery: string): Reply {
  const path = rawQueryParam(rawQuery, 'path')
  if (path === null) return controlError(400, 'Name the file: DELETE /__emulator/s3/files?path=/bucket/folder/name')
  return emu.removeFile(path) ? { status: 204 } : controlError(404, `No file at '${path}'`)
}

// ---- Catalog and dataflows --------------------------------------------------------------------

// The TypeScript API throws on what it refuses; over HTTP that is a 400 saying why.
function attempt(action: () => unknown, status = 201): Reply {
  try {
    return ok(action(), status)
  } catch (err) {
    return controlError(400, err instanceof Error ? err.message : String(err))
  }
}

function addSchema(emu: Emulator, body: unknown): Reply {
  const input = readSchemaInput(body)
  return typeof input === 'string' ? controlError(400, input) : attempt(() => emu.catalog.addSchema(input))
}

function addDataset(emu: Emulator, body: unknown): Reply {
  const input = readDatasetInput(body)
  return typeof input === 'string' ? controlError(400, input) : attempt(() => emu.catalog.addDataset(input))
}

function datasetRecords(emu: Emulator, _body: unknown, rawQuery: string): Reply {
  const id = rawQueryParam(rawQuery, 'dataSetId')
  if (id === null) return controlError(400, 'Name the dataset: GET /__emulator/records?dataSetId=<id>')
  return ok(emu.catalog.records(id))
}

function listRuns(emu: Emulator, _body: unknown, rawQuery: string): Reply {
  return ok(emu.dataflows.runs(rawQueryParam(rawQuery, 'flowId') ?? undefined))
}

function runNow(emu: Emulator, body: unknown): Reply {
  const flowId = isRecord(body) ? body['flowId'] : undefined
  if (typeof flowId !== 'string') return controlError(400, 'The body needs {"flowId": "<dataflow id>"}')
  return attempt(() => emu.dataflows.runNow(flowId))
}

function setRunClock(emu: Emulator, body: unknown): Reply {
  const clock = readRunClock(body)
  if (typeof clock === 'string') return controlError(400, clock)
  return attempt(() => {
    emu.dataflows.setRunClock(clock)
    return emu.dataflows.runClock()
  }, 200)
}

export function readRunClock(body: unknown): RunClock | string {
  if (!isRecord(body)) return 'The body must be a RunClock {"startDelayMs", "durationMs", "timeScale"}'
  const clock: RunClock = {}
  for (const key of ['startDelayMs', 'durationMs', 'timeScale'] as const) {
    const value = body[key]
    if (value === undefined) continue
    if (typeof value !== 'number') return `${key} must be a number`
    clock[key] = value
  }
  return clock
}

// {"flowId", "requests"?: n | "always"}: the next changes of that dataflow answer 1421-400.
function markBusy(emu: Emulator, body: unknown): Reply {
  const flowId = isRecord(body) ? body['flowId'] : undefined
  const requests = isRecord(body) ? body['requests'] : undefined
  if (typeof flowId !== 'string') return controlError(400, 'The body needs {"flowId": "<dataflow id>", "requests"?: <n> | "always"}')
  if (requests !== undefined && requests !== 'always' && typeof requests !== 'number')
    return controlError(400, 'requests must be a number or "always"')
  const count = requests === 'always' ? Infinity : requests
  return attempt(() => {
    emu.dataflows.markBusy(flowId, count)
  }, 204)
}
