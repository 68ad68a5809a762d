import { isRecord } from '../../json.js'

// `property=<field><op><value>` filters of Flow Service listings, as Flow Service reads them.

export type FilterOp = '==' | '!=' | '>=' | '<=' | '>' | '<' | '~'

export interface PropertyFilter {
  field: string
  op: FilterOp
  values: string[]
}

// Two-character operators first, so that `>=` is not read as `>` followed by a value `=...`.
const OPS: readonly FilterOp[] = ['==', '!=', '>=', '<=', '>', '<', '~']
// A segment may end with `[]`: an array field, matched when any of its elements matches.
const FIELD = /^[A-Za-z_$][\w$]*(?:\[\])?(?:\.[\w$]+(?:\[\])?)*/

// The operator is whatever follows the field, so `name==a==b` means: name equals `a==b`.
// A comma inside the value means OR (Adobe's rule): a value holding a comma cannot be matched
// as itself, which the action must cope with by checking names exactly on its side.
export function parseFilter(text: string): PropertyFilter | { error: string } {
  const field = FIELD.exec(text)?.[0]
  if (!field) return { error: `property filter '${text}' does not start with a field name` }
  const rest = text.slice(field.length)
  const op = OPS.find((o) => rest.startsWith(o))
  if (!op) return { error: `property filter '${text}' has no operator (==, !=, >=, <=, >, <, ~)` }
  return { field, op, values: rest.slice(op.length).split(',') }
}

/** The values a field path reaches: one, or each element of the arrays its `[]` segments name. */
export function fieldValues(item: unknown, field: string): unknown[] {
  let current: unknown[] = [item]
  for (const part of field.split('.')) {
    const many = part.endsWith('[]')
    const key = many ? part.slice(0, -2) : part
    current = current.flatMap((node): unknown[] => {
      const value = isRecord(node) ? node[key] : undefined
      if (!many) return [value]
      const elements: unknown[] = Array.isArray(value) ? value : []
      return elements
    })
  }
  return current
}

export function matchesFilter(item: unknown, filter: PropertyFilter): boolean {
  const actual = fieldValues(item, filter.field)
  // `!=` with a list means "none of these"; reading it as an OR of `!=` would match everything.
  if (filter.op === '!=') return !filter.values.some((v) => actual.some((a) => equals(a, v)))
  return filter.values.some((v) => actual.some((a) => compare(a, filter.op, v)))
}

export function matchesAll(item: unknown, filters: readonly PropertyFilter[]): boolean {
  return filters.every((f) => matchesFilter(item, f))
}

// Adobe's docs quote some values (`name=="CloudStorageToAEP"`): a quoted value also matches its text.
function equals(actual: unknown, expected: string): boolean {
  if (!isScalar(actual)) return false
  const text = String(actual)
  return text === expected || (expected.length >= 2 && expected.startsWith('"') && expected.endsWith('"') && text === expected.slice(1, -1))
}

function compare(actual: unknown, op: FilterOp, expected: string): boolean {
  if (op === '==') return equals(actual, expected)
  if (!isScalar(actual)) return false
  if (op === '~') return String(actual).includes(expected)
  const order = ordering(actual, expected)
  if (op === '>') return order > 0
  if (op === '<') return order < 0
  if (op === '>=') return order >= 0
  return order <= 0
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
}

// Numbers (createdAt, updatedAt) compare numerically; everything else as text.
function ordering(actual: string | number | boolean, expected: string): number {
  const n = Number(expected)
  if (typeof actual === 'number' && expected.trim() !== '' && !Number.isNaN(n)) return actual - n
  const a = String(actual)
  return a < expected ? -1 : a > expected ? 1 : 0
}
