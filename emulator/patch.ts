import { isRecord } from './specs.js'
import type { ConnectionChange } from './store.js'

// The JSON Patch subset Flow Service documents for base connections: lower-case ops on the
// name, the description and the auth params (whole or one key).
type Op = 'add' | 'replace' | 'remove'

interface Instruction {
  op: Op
  path: string
  value?: unknown
}

export type PatchResult = { ok: true; value: ConnectionChange } | { ok: false; message: string }

const OPS: readonly string[] = ['add', 'replace', 'remove']
const PARAM_PREFIX = '/auth/params/'

export function applyPatch(current: ConnectionChange, body: unknown): PatchResult {
  if (!Array.isArray(body) || body.length === 0) {
    return {
      ok: false,
      message: 'The request body must be a non-empty JSON Patch array, e.g. [{"op":"replace","path":"/auth/params","value":{...}}].'
    }
  }
  let draft: ConnectionChange = { ...current, params: { ...current.params } }
  for (const [index, raw] of body.entries()) {
    const instruction = readInstruction(raw, index)
    if (typeof instruction === 'string') return { ok: false, message: instruction }
    const next = applyOne(draft, instruction)
    if (typeof next === 'string') return { ok: false, message: `Patch operation ${index}: ${next}` }
    draft = next
  }
  return { ok: true, value: draft }
}

function readInstruction(raw: unknown, index: number): Instruction | string {
  if (!isRecord(raw)) return `Patch operation ${index} must be an object with op, path and value.`
  const { op, path, value } = raw
  if (typeof op !== 'string' || !OPS.includes(op)) {
    return `Patch operation ${index}: op must be one of ${OPS.join(', ')} (lower case), got '${String(op)}'.`
  }
  if (typeof path !== 'string') return `Patch operation ${index}: path must be a string.`
  if (op !== 'remove' && !('value' in raw)) return `Patch operation ${index}: '${op}' needs a value.`
  return { op: op as Op, path, value }
}

// As RFC 6902 says: `replace` needs the member to exist (`add` sets or replaces it); `remove` of
// an absent param is a no-op, so a client need not know what the UI left unset.
function applyOne(draft: ConnectionChange, ins: Instruction): ConnectionChange | string {
  if (ins.path === '/name') return setName(draft, ins)
  if (ins.path === '/description') return setDescription(draft, ins)
  if (ins.path === '/auth/params') return setParams(draft, ins)
  if (ins.path.startsWith(PARAM_PREFIX)) return setParam(draft, ins, ins.path.slice(PARAM_PREFIX.length))
  return `path '${ins.path}' cannot be patched; use /name, /description, /auth/params or /auth/params/<key>.`
}

function setName(draft: ConnectionChange, ins: Instruction): ConnectionChange | string {
  if (ins.op === 'remove') return 'the name cannot be removed.'
  if (typeof ins.value !== 'string' || ins.value === '') return 'the name must be a non-empty string.'
  return { ...draft, name: ins.value }
}

function setDescription(draft: ConnectionChange, ins: Instruction): ConnectionChange | string {
  if (ins.op === 'remove') {
    const rest = { ...draft }
    delete rest.description
    return rest
  }
  if (typeof ins.value !== 'string') return 'the description must be a string.'
  if (ins.op === 'replace' && draft.description === undefined) return "'replace' of /description, which is not set; use 'add'."
  return { ...draft, description: ins.value }
}

function setParams(draft: ConnectionChange, ins: Instruction): ConnectionChange | string {
  if (ins.op === 'remove') return 'auth.params cannot be removed.'
  if (!isRecord(ins.value)) return 'auth.params must be a JSON object.'
  return { ...draft, params: { ...ins.value } }
}

function setParam(draft: ConnectionChange, ins: Instruction, segment: string): ConnectionChange | string {
  if (segment === '' || segment.includes('/')) return `path '${ins.path}' does not name one auth param.`
  const key = unescapePointer(segment)
  if (ins.op === 'replace' && !(key in draft.params)) return `'replace' of auth param '${key}', which is not set; use 'add'.`
  const others = Object.entries(draft.params).filter(([k]) => k !== key)
  const params = Object.fromEntries(ins.op === 'remove' ? others : [...others, [key, ins.value]])
  return { ...draft, params }
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}
