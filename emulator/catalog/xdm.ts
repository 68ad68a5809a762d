import { randomBytes } from 'node:crypto'
import { isRecord } from '../json.js'
import type { XdmFieldType } from '../types.js'

// XDM as the emulator needs it: schema ids, field paths and their types, and turning a source
// value into a field's type the way ingestion does (or saying why it cannot). Pure.

export const FIELD_TYPES: readonly XdmFieldType[] = ['string', 'integer', 'number', 'boolean', 'date', 'date-time']

/** The `version` of a schema reference that target connections and mapping sets send. */
export const SCHEMA_CONTENT_TYPE = 'application/vnd.adobe.xed-full+json;version=1'

export const SCHEMA_ID = /^https:\/\/ns\.adobe\.com\/([a-z0-9_-]+)\/schemas\/([0-9a-f]{32})$/
export const DATASET_ID = /^[0-9a-f]{24}$/

// Segments of an XDM field path: `_emulator.customerId`, `person.name.firstName`.
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/

export function newSchemaId(tenant = 'emulator'): string {
  return `https://ns.adobe.com/${tenant}/schemas/${randomBytes(16).toString('hex')}`
}

export function newDatasetId(): string {
  return randomBytes(12).toString('hex')
}

/** Older mapping-set bodies name a schema as `_{tenant}.schemas.{hex}`; the rest of the API uses its `$id`. */
export function schemaIdOf(reference: string): string {
  const dotted = /^_([a-z0-9_-]+)\.schemas\.([0-9a-f]{32})$/.exec(reference)
  return dotted ? `https://ns.adobe.com/${dotted[1] ?? ''}/schemas/${dotted[2] ?? ''}` : reference
}

export function isFieldPath(path: string): boolean {
  return FIELD_PATH.test(path)
}

/** Why a schema's fields cannot be, if they cannot: a bad path or type, or a field that is also an object. */
export function fieldsProblem(fields: Record<string, unknown>): string | undefined {
  const paths = Object.keys(fields)
  if (paths.length === 0) return 'a schema needs at least one field'
  for (const [path, type] of Object.entries(fields)) {
    if (!isFieldPath(path)) return `'${path}' is not a field path such as person.name.firstName`
    if (!FIELD_TYPES.some((t) => t === type)) return `the type of '${path}' must be one of ${FIELD_TYPES.join(', ')}`
    const parent = paths.find((other) => other.startsWith(`${path}.`))
    if (parent !== undefined) return `'${path}' cannot be a field and hold '${parent}' too`
  }
  return undefined
}

export type Converted = { ok: true; value: string | number | boolean } | { ok: false; reason: string }

const INTEGER = /^[+-]?\d+$/
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/

/** A present value (not null) as the field's type: text is parsed, numbers and booleans are kept or written out. */
export function convert(value: unknown, type: XdmFieldType): Converted {
  if (typeof value === 'object' || typeof value === 'undefined') return cannot(value, type)
  if (type === 'string')
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? done(String(value)) : cannot(value, type)
  const text = typeof value === 'string' ? value.trim() : undefined
  switch (type) {
    case 'integer':
      if (typeof value === 'number') return Number.isSafeInteger(value) ? done(value) : cannot(value, type)
      return text !== undefined && INTEGER.test(text) && Number.isSafeInteger(Number(text)) ? done(Number(text)) : cannot(value, type)
    case 'number':
      if (typeof value === 'number') return Number.isFinite(value) ? done(value) : cannot(value, type)
      return text !== undefined && NUMBER.test(text) ? done(Number(text)) : cannot(value, type)
    case 'boolean':
      if (typeof value === 'boolean') return done(value)
      return text === 'true' || text === 'false' ? done(text === 'true') : cannot(value, type)
    case 'date':
      return text !== undefined && isCalendarDate(text) ? done(text) : cannot(value, type)
    case 'date-time':
      return text !== undefined && DATE_TIME.test(text) && !Number.isNaN(Date.parse(text))
        ? done(new Date(text).toISOString())
        : cannot(value, type)
  }
}

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function done(value: string | number | boolean): Converted {
  return { ok: true, value }
}

const EXPECTED: Record<XdmFieldType, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date-time (ISO 8601 with a zone)'
}

function cannot(value: unknown, type: XdmFieldType): Converted {
  const shown = typeof value === 'string' ? `'${value}'` : value === undefined ? 'nothing' : JSON.stringify(value)
  const expected = EXPECTED[type]
  return { ok: false, reason: `${shown} is not ${expected}` }
}

/** Sets `a.b.c` in a nested record, making the objects on the way. */
export function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.')
  const leaf = segments.pop() ?? path
  let node = record
  for (const segment of segments) {
    const next = node[segment]
    const child = isRecord(next) ? next : {}
    node[segment] = child
    node = child
  }
  node[leaf] = value
}
