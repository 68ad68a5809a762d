import { isRecord } from '../json.js'

// JSON Patch (RFC 6902: add, replace, remove; lower case) over a plain JSON document, limited to
// the paths a resource lets clients change: every PATCH of Flow Service (base, source and target
// connections, dataflows) goes through it. The resource then checks the patched document as it
// checks a create, so a patch can never leave what a create would refuse.

export type PatchOutcome = { ok: true; value: Record<string, unknown> } | { ok: false; message: string }

type Op = 'add' | 'replace' | 'remove'

interface Instruction {
  op: Op
  path: string
  segments: string[]
  value?: unknown
}

const OPS: readonly Op[] = ['add', 'replace', 'remove']

/**
 * `allowed`: pointer patterns a patch may touch, where `*` stands for one segment
 * (`/transformations/*`). `lenientRemove`: patterns where `remove` of an absent member is a no-op
 * instead of the error RFC 6902 asks for; base connections forgive it, so that a client need not
 * know which params the UI left unset.
 */
export function patchDocument(
  doc: Record<string, unknown>,
  body: unknown,
  allowed: readonly string[],
  lenientRemove: readonly string[] = []
): PatchOutcome {
  if (!Array.isArray(body) || body.length === 0) {
    return {
      ok: false,
      message: 'The request body must be a non-empty JSON Patch array, e.g. [{"op":"replace","path":"/name","value":"..."}].'
    }
  }
  const draft = structuredClone(doc)
  for (const [index, raw] of body.entries()) {
    const instruction = readInstruction(raw, index)
    if (typeof instruction === 'string') return { ok: false, message: instruction }
    if (!allowed.some((pattern) => matches(pattern, instruction.segments))) {
      return { ok: false, message: `Patch operation ${index}: path '${instruction.path}' cannot be patched; use ${allowed.join(', ')}.` }
    }
    const lenient = lenientRemove.some((pattern) => matches(pattern, instruction.segments))
    const problem = applyOne(draft, instruction, lenient)
    if (problem) return { ok: false, message: `Patch operation ${index}: ${problem}` }
  }
  return { ok: true, value: draft }
}

/** The pointer's segments, unescaped (`~1` is '/', `~0` is '~'); undefined when it is not a pointer. */
export function pointerSegments(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function readInstruction(raw: unknown, index: number): Instruction | string {
  if (!isRecord(raw)) return `Patch operation ${index} must be an object with op, path and value.`
  const { op, path, value } = raw
  const known = OPS.find((o) => o === op)
  if (known === undefined) return `Patch operation ${index}: op must be one of ${OPS.join(', ')} (lower case), got '${String(op)}'.`
  const segments = typeof path === 'string' ? pointerSegments(path) : undefined
  if (typeof path !== 'string' || segments === undefined) return `Patch operation ${index}: path must be a JSON pointer such as /name.`
  if (known !== 'remove' && !('value' in raw)) return `Patch operation ${index}: '${known}' needs a value.`
  return { op: known, path, segments, value: structuredClone(value) }
}

function matches(pattern: string, segments: readonly string[]): boolean {
  const parts = pointerSegments(pattern) ?? []
  return parts.length === segments.length && parts.every((p, i) => p === '*' || p === segments[i])
}

function applyOne(doc: Record<string, unknown>, ins: Instruction, lenientRemove: boolean): string | undefined {
  const parent = walk(doc, ins.segments.slice(0, -1))
  const key = ins.segments.at(-1) ?? ''
  if (Array.isArray(parent)) return applyToArray(parent, key, ins)
  if (!isRecord(parent)) return `'${ins.path}' is not inside an object or array that exists.`
  if (ins.op === 'remove' && lenientRemove && !(key in parent)) return undefined
  if (ins.op !== 'add' && !(key in parent))
    return `'${ins.op}' of '${ins.path}', which is not set${ins.op === 'replace' ? "; use 'add'" : ''}.`
  if (ins.op === 'remove') Reflect.deleteProperty(parent, key)
  else parent[key] = ins.value
  return undefined
}

// An array takes an index, or '-' (after the last element) for an add.
function applyToArray(array: unknown[], key: string, ins: Instruction): string | undefined {
  if (key === '-' && ins.op === 'add') {
    array.push(ins.value)
    return undefined
  }
  const index = /^(0|[1-9]\d*)$/.test(key) ? Number(key) : undefined
  const limit = ins.op === 'add' ? array.length : array.length - 1
  if (index === undefined || index > limit) return `'${ins.path}' is not an element of the array (it has ${array.length}).`
  if (ins.op === 'add') array.splice(index, 0, ins.value)
  else if (ins.op === 'replace') array[index] = ins.value
  else array.splice(index, 1)
  return undefined
}

function walk(doc: Record<string, unknown>, segments: readonly string[]): unknown {
  let node: unknown = doc
  for (const segment of segments) {
    if (Array.isArray(node)) node = /^\d+$/.test(segment) ? node[Number(segment)] : undefined
    else node = isRecord(node) ? node[segment] : undefined
  }
  return node
}
