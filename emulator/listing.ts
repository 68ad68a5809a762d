import { badRequest, flow, type AdobeError } from './errors.js'
import { matchesAll, parseFilter, type PropertyFilter } from './filters.js'
import { decodeToken, encodeToken, filtersDigest, parseLimit, rawQueryParam, takePage, type TokenStyle } from './paging.js'
import { failure, ok, type Incoming, type Reply } from './reply.js'

// A Flow Service listing, the same for every collection: `property` filters, `count`, `limit`
// and continuation tokens over items in creation order.

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
  const matching = entries.filter((e) => matchesAll(e.item, filters))
  if (counting) return ok({ count: matching.length })
  // Read raw: form decoding would turn a '+' of the token into a space.
  const after = startAfter(rawQueryParam(req.rawQuery, 'continuationToken'), properties)
  if (typeof after !== 'number') return failure(after)
  // pageSize is the server's cap: a larger limit still gets pages of pageSize, with a token.
  const page = takePage(matching, after, Math.min(limit ?? config.pageSize, config.pageSize))
  if (page.nextAfter === undefined) return ok({ items: page.items })
  const token = encodeToken({ after: page.nextAfter, filters: filtersDigest(properties) }, config.tokens)
  return ok({ items: page.items, _links: { next: { href: `${config.path}?continuationToken=${token}` } } })
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
