import { createHash } from 'node:crypto'
import { isRecord } from '../../json.js'

// A continuation token carries a cursor (the creation sequence number of the last item served),
// not an offset, so that deleting an item between two pages neither skips nor repeats one.
// It also carries a digest of the filters: a client must re-send its `property` filters with
// the token, and one that does not is told so instead of silently getting unfiltered pages.
export interface PageCursor {
  after: number
  filters: string
}

export function filtersDigest(properties: readonly string[]): string {
  const canonical = JSON.stringify([...properties].sort())
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16)
}

/**
 * `base64url` (the default) or `opaque`: standard base64 that always holds '+', '/' and '=', so
 * that a client which decodes '+' as a space, or re-encodes the token, is caught.
 */
export type TokenStyle = 'base64url' | 'opaque'

// Three bytes that encode to '++//' on their own, in front of the cursor; and the cursor padded
// with spaces (JSON ignores them) to a length that ends the encoding with '=='.
const OPAQUE_MARKER = Buffer.from([0xfb, 0xef, 0xff])
const OPAQUE_PREFIX = OPAQUE_MARKER.toString('base64')

export function encodeToken(cursor: PageCursor, style: TokenStyle = 'base64url'): string {
  const json = JSON.stringify({ a: cursor.after, f: cursor.filters })
  if (style === 'base64url') return Buffer.from(json).toString('base64url')
  let padded = json
  while ((OPAQUE_MARKER.length + padded.length) % 3 !== 1) padded += ' '
  return Buffer.concat([OPAQUE_MARKER, Buffer.from(padded)]).toString('base64')
}

// Either style, strictly: a token must be exactly what encodeToken wrote (Buffer's own decoder
// skips characters outside the alphabet, which would let an altered token through).
export function decodeToken(token: string): PageCursor | undefined {
  const opaque = token.startsWith(OPAQUE_PREFIX)
  const alphabet = opaque ? /^[A-Za-z0-9+/]+={0,2}$/ : /^[A-Za-z0-9_-]+$/
  if (!alphabet.test(token)) return undefined
  const bytes = Buffer.from(token, opaque ? 'base64' : 'base64url')
  if (bytes.toString(opaque ? 'base64' : 'base64url') !== token) return undefined
  return parseCursor((opaque ? bytes.subarray(OPAQUE_MARKER.length) : bytes).toString('utf8'))
}

function parseCursor(json: string): PageCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(json)
    if (!isRecord(parsed)) return undefined
    const { a, f } = parsed
    if (typeof a !== 'number' || !Number.isInteger(a) || typeof f !== 'string') return undefined
    return { after: a, filters: f }
  } catch {
    return undefined
  }
}

export interface Page<T> {
  items: T[]
  nextAfter?: number
}

// `entries` must be in creation order; `seq` is each entry's creation sequence number.
export function takePage<T>(entries: readonly { seq: number; item: T }[], after: number, limit: number): Page<T> {
  const rest = entries.filter((e) => e.seq > after)
  const page = rest.slice(0, limit)
  const last = page[page.length - 1]
  const more = rest.length > page.length && last !== undefined
  return more ? { items: page.map((e) => e.item), nextAfter: last.seq } : { items: page.map((e) => e.item) }
}

export function parseLimit(raw: string | undefined): number | undefined | { error: string } {
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw) || Number(raw) < 1) return { error: `limit must be a positive integer, got '${raw}'` }
  return Number(raw)
}
