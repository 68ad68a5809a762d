// Values a server hands back that the actions reuse: in a later request's path or header, or as
// a step output that later jobs receive. Each is checked against the shape Adobe issues before
// it is used; anything else stops the step with an error naming the field, never an output.

import { UnexpectedResponseError, type Service } from './errors.js'
import { quoted } from './text.js'

// Adobe's ids: UUIDs (connections, flows, runs), 24 hex digits (Catalog datasets) or 32 hex
// digits (Data Prep mapping sets), in either case.
const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24}|[0-9a-f]{32})$/i

// An entity tag (RFC 9110): optionally weak, quoted, printable ASCII without quotes or spaces.
// Adobe's look like "1700d77b-0000-0200-0000-5e3b41a10000"; 128 characters is ample.
const ETAG = /^(?:W\/)?"[\x21\x23-\x7e]{1,128}"$/

export interface Origin {
  service: Service
  /** The request whose answer held the value: 'POST /connections'. */
  label: string
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value)
}

/** Adobe's ids are hex, and may come back in either case: the same id, whatever the case. */
export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

export function isEtag(value: unknown): value is string {
  return typeof value === 'string' && ETAG.test(value)
}

/** The id in `field`, or an error naming the field; never a value that could break a path or an output. */
export function readId(value: unknown, field: string, origin: Origin): string {
  if (isId(value)) return value
  throw badValue(value, field, 'an id (a UUID, or 24 or 32 hex digits)', origin)
}

export function readEtag(value: unknown, field: string, origin: Origin): string {
  if (isEtag(value)) return value
  throw badValue(value, field, 'an etag (a short quoted token)', origin)
}

function badValue(value: unknown, field: string, expected: string, origin: Origin): UnexpectedResponseError {
  const got = value === undefined ? 'nothing' : typeof value === 'string' ? quoted(value, 80) : `a ${typeof value}`
  return new UnexpectedResponseError(origin.service, origin.label, `"${field}" is not ${expected}: got ${got}`)
}

/**
 * A count or a time in epoch ms as the service writes it: a number, or its decimal text
 * ("interval": "15"). Only a non-negative safe integer is one: anything else (a 400-digit number,
 * -5, 1.5) is not used, and never reaches an output.
 */
export function wholeNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,16}$/.test(value.trim()) ? Number(value) : undefined
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined
}

/** An item's creation time (epoch ms), when it has a usable one. */
export function createdAtOf(item: Readonly<Record<string, unknown>>): { createdAt?: number } {
  const createdAt = wholeNumber(item.createdAt)
  return createdAt === undefined ? {} : { createdAt }
}
