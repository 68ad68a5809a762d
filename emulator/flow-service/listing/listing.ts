import { badRequest, flow, type AdobeError } from '../../http/errors.js'
import { rawQueryParam } from '../../http/io.js'
import { failure, ok, type Incoming, type Reply } from '../../http/reply.js'
import { fieldValues, matchesAll, parseFilter, type PropertyFilter } from './filters.js'
import { decodeToken, encodeToken, filtersDigest, parseLimit, takePage, type TokenStyle } from './paging.js'

// A Flow Service listing, the same for every collection: `property` filters, `orderby`, `count`,
// `limit` and continuation tokens over items in creation order (or in the order asked for).

export interface Listed {
  // Creation sequence number: what a continuation token's cursor counts.
  seq: number
  item: Record<string, unknown>
}

export interface ListConfig {
  pageSize: number
  tokens: TokenStyle
  // The collection's path, for `_links.next.href`: '/connections'.
  path: string
}

export function listReply(req: Incoming, entries: readonly Listed[], config: ListConfig): Reply {
  const properties = req.query.getAll('property')
  const filters = parseFilters(properties)
  if (!Array.isArray(filters)) return failure(filters)
  const limit = parseLimit(req.query.get('limit') ?? undefined)
  if (typeof limit === 'object') return failure(badRequest(limit.error))
  const counting = req.query.get('count') === 'true'
  if (counting && limit !== undefined) {
    return failure(flow('1401-400', 'Bad Request', 'The limit and count parameters cannot be used together.'))
  }
  const orderby = req.query.get('orderby') ?? undefined
  const ordered = orderEntries(
    entries.filter((e) => matchesAll(e.item, filters)),
    orderby
  )
  if (typeof ordered === 'string') return failure(badRequest(ordered))
  const matching = ordered
  if (counting) return ok({ count: matching.length })
  // A token is bound to the filters and the order it was issued for.
  const bound = orderby === undefined ? properties : [...properties, `orderby:${orderby}`]
  // Read raw: form decoding would turn a '+' of the token into a space.
  const after = startAfter(rawQueryParam(req.rawQuery, 'continuationToken'), bound)
  if (typeof after !== 'number') return failure(after)
  // pageSize is the server's cap: a larger limit still gets pages of pageSize, with a token.
  const page = takePage(matching, after, Math.min(limit ?? config.pageSize, config.pageSize))
  if (page.nextAfter === undefined) return ok({ items: page.items })
  const token = encodeToken({ after: page.nextAfter, filters: filtersDigest(bound) }, config.tokens)
  return ok({ items: page.items, _links: { next: { href: `${config.path}?continuationToken=${token}` } } })
}

/**
 * `orderby=field` ascending, `orderby=-field` descending (`+field` too), by a field path such as
 * `createdAt` or `metrics.durationSummary.startedAtUTC`: numbers as numbers, the rest as text, an
 * item without the field last. The items are renumbered in that order, so that a token's cursor
 * counts positions in it. Sorting is documented (sort-and-filter); the tie rule is an assumption:
 * creation order, reversed with the sort, so that `-createdAt` is newest first even for items
 * made within the same millisecond.
 */
export function orderEntries(entries: readonly Listed[], orderby: string | undefined): Listed[] | string {
  if (orderby === undefined) return [...entries]
  const match = /^([+-]?)([A-Za-z_$][\w$]*(?:\.[\w$]+)*)$/.exec(orderby)
  if (match === null) return `Invalid orderby '${orderby}': give a field, with '-' in front to sort descending.`
  const descending = match[1] === '-'
  const field = match[2] ?? ''
  const key = (e: Listed): string | number | undefined => {
    const value = fieldValues(e.item, field)[0]
    return typeof value === 'number' || typeof value === 'string' ? value : undefined
  }
  const direction = descending ? -1 : 1
  const sorted = [...entries].sort((a, b) => {
    const x = key(a)
    const y = key(b)
    const tie = direction * (a.seq - b.seq)
    if (x === undefined || y === undefined) return x === y ? tie : x === undefined ? 1 : -1
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0
    return direction * order || tie
  })
  return sorted.map((e, i) => ({ seq: i + 1, item: e.item }))
}

function parseFilters(properties: readonly string[]): PropertyFilter[] | AdobeError {
  const filters: PropertyFilter[] = []
  for (const p of properties) {
    const parsed = parseFilter(p)
    if ('error' in parsed) return badRequest(`Invalid property filter: ${parsed.error}.`)
    filters.push(parsed)
  }
  return filters
}

function startAfter(token: string | null, properties: readonly string[]): number | AdobeError {
  if (token === null) return 0
  const cursor = decodeToken(token)
  if (!cursor) return badRequest('The continuationToken is not valid.')
  if (cursor.filters !== filtersDigest(properties)) {
    return badRequest('The continuationToken was issued for other property filters; send the same filters with it.')
  }
  return cursor.after
}
