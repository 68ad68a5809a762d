import { validateRule } from './faults.js'
import { ok, type Reply } from './reply.js'
import { isRecord } from './specs.js'
import type { Emulator, ExploreEntry, FaultRule, S3Options, SeedInput } from './types.js'

// The control API (`/__emulator/...`): the TypeScript API over HTTP, for the CLI's users and for
// workflows on a real runner, where a test cannot call startEmulator()'s handle.
type ControlHandler = (emu: Emulator, body: unknown) => Reply

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
  'POST reset': (emu) => done(() => emu.reset())
}

export function handleControl(emu: Emulator, method: string, name: string, body: string): Reply {
  const handler = HANDLERS[`${method} ${name}`]
  if (!handler) return controlError(404, `No control endpoint ${method} /__emulator/${name}`)
  let json: unknown
  try {
    json = body === '' ? undefined : JSON.parse(body)
  } catch {
    return controlError(400, 'The body is not valid JSON')
  }
  return handler(emu, json)
}

function done(action: () => void): Reply {
  action()
  return { status: 204 }
}

function controlError(status: number, error: string): Reply {
  return { status, json: { error } }
}

function seedConnection(emu: Emulator, body: unknown): Reply {
  if (!isRecord(body) || typeof body['name'] !== 'string') return controlError(400, 'A seed needs at least {"name": "..."}')
  return ok(emu.store.seed(body as unknown as SeedInput), 201)
}

// JSON has no Infinity: "always" stands for it on the way in and out.
export function parseRule(body: unknown): FaultRule | string {
  const rule = isRecord(body) && body['times'] === 'always' ? { ...body, times: Infinity } : body
  return validateRule(rule) ?? (rule as FaultRule)
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
  emu.setS3(s3)
  return { status: 204 }
}

export function readS3Options(body: unknown): S3Options | string {
  if (!isRecord(body)) return 'not an object'
  const { accessKey, secretKey, buckets } = body
  if (accessKey !== undefined && typeof accessKey !== 'string') return 'accessKey must be a string'
  if (secretKey !== undefined && typeof secretKey !== 'string') return 'secretKey must be a string'
  if (buckets === undefined) return { ...(accessKey ? { accessKey } : {}), ...(secretKey ? { secretKey } : {}) }
  if (!isRecord(buckets)) return 'buckets must map bucket names to entry arrays'
  for (const [name, entries] of Object.entries(buckets)) {
    if (!Array.isArray(entries) || !entries.every(isEntry)) return `buckets.${name} must be an array of {type, name, path}`
  }
  return { ...(accessKey ? { accessKey } : {}), ...(secretKey ? { secretKey } : {}), buckets: buckets as Record<string, ExploreEntry[]> }
}

function isEntry(e: unknown): e is ExploreEntry {
  return isRecord(e) && (e['type'] === 'folder' || e['type'] === 'file') && typeof e['name'] === 'string' && typeof e['path'] === 'string'
}
