import { createHash } from 'node:crypto'

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

export function encodeToken(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ a: cursor.after, f: cursor.filters })).toString('base64url')
}

export function decodeToken(token: string): PageCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
    if (typeof parsed !== 'object' || parsed === null) return undefined
    const { a, f } = parsed as { a?: unknown; f?: unknown }
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
