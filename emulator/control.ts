import { readRule } from './faults.js'
import { rawQueryParam } from './paging.js'
import { ok, type Reply } from './reply.js'
import { readBucketEntry, readS3File } from './s3-tree.js'
import { isRecord } from './specs.js'
import { readSeed } from './store.js'
import type { BucketEntry, Emulator, FaultRule, S3Options } from './types.js'

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

export function readS3Options(body: unknown): S3Options | string {
  if (!isRecord(body)) return 'not an object'
  const { accessKey, secretKey, buckets } = body
  if (accessKey !== undefined && typeof accessKey !== 'string') return 'accessKey must be a string'
  if (secretKey !== undefined && typeof secretKey !== 'string') return 'secretKey must be a string'
  const keys = { ...(accessKey ? { accessKey } : {}), ...(secretKey ? { secretKey } : {}) }
  if (buckets === undefined) return keys
  if (!isRecord(buckets)) return 'buckets must map bucket names to entry arrays'
  const out: Record<string, BucketEntry[]> = {}
  for (const [name, entries] of Object.entries(buckets)) {
    if (!Array.isArray(entries)) return `buckets.${name} must be an array of {type, name, path}`
    const read = readEntries(entries)
    if (typeof read === 'string') return `buckets.${name}: ${read}`
    out[name] = read
  }
  return { ...keys, buckets: out }
}

function readEntries(entries: readonly unknown[]): BucketEntry[] | string {
  const out: BucketEntry[] = []
  for (const [index, value] of entries.entries()) {
    const entry = readBucketEntry(value)
    if (typeof entry === 'string') return `entry ${index}: ${entry}`
    out.push(entry)
  }
  return out
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
