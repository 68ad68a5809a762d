// Walking a paged listing, bounded: by pages and items (an endless listing ends with a clear
// error instead of exhausting memory), by the step's deadline (every page is a request under
// it), and by its own continuations (one seen before is a loop). Items are de-duplicated by key.

import { baseUrlOf, type Call, type PlatformApi } from './api.js'
import { UnexpectedResponseError, type Service } from './errors.js'
import { isObject, type JsonObject } from './json.js'

export interface PageLimits {
  maxPages: number
  maxItems: number
}

/** 100 pages of 100: far more same-named objects than any sandbox holds. */
export const DEFAULT_PAGE_LIMITS: PageLimits = { maxPages: 100, maxItems: 10_000 }

/**
 * Where the next page is. A continuation token is sent byte for byte as the service wrote it
 * in `_links.next.href` (a token holding `+`, `/` or `=` must reach it unchanged), or encoded
 * from a top-level `continuationToken` field; an href without a token is followed as given.
 */
export type Continuation = { kind: 'token'; raw: string } | { kind: 'href'; href: string }

export interface Page<T> {
  items: T[]
  next?: Continuation
}

export interface Listing {
  service: Service
  label: string
}

export async function listAll<T>(
  fetchPage: (next: Continuation | undefined) => Promise<Page<T>>,
  key: (item: T) => string,
  listing: Listing,
  limits: PageLimits = DEFAULT_PAGE_LIMITS
): Promise<T[]> {
  const found = new Map<string, T>()
  const seen = new Set<string>()
  let seenItems = 0
  let next: Continuation | undefined
  for (let page = 1; ; page++) {
    const { items, next: following } = await fetchPage(next)
    seenItems += items.length
    for (const item of items) if (!found.has(key(item))) found.set(key(item), item)
    if (following === undefined) return [...found.values()]
    const mark = following.kind === 'token' ? `t:${following.raw}` : `h:${following.href}`
    if (seen.has(mark)) throw bad(listing, `page ${page} pointed back to a page already read (a continuation loop); stopped`)
    if (page >= limits.maxPages || seenItems >= limits.maxItems) {
      throw bad(listing, `the listing did not end within ${limits.maxPages} pages or ${limits.maxItems} items (${seenItems} read); stopped`)
    }
    seen.add(mark)
    next = following
  }
}

/** The next page of a Flow Service listing answer, if any. */
export function continuationOf(list: JsonObject): Continuation | undefined {
  const links = list._links
  const href = isObject(links) && isObject(links.next) ? links.next.href : undefined
  if (typeof href === 'string' && href !== '') {
    const raw = rawQueryValue(href, 'continuationToken')
    if (raw !== undefined && raw !== '') return { kind: 'token', raw }
  }
  if (typeof list.continuationToken === 'string' && list.continuationToken !== '') {
    return { kind: 'token', raw: encodeURIComponent(list.continuationToken) }
  }
  return typeof href === 'string' && href !== '' ? { kind: 'href', href } : undefined
}

/** A query parameter's value exactly as written in the URL: no decoding, so '+' stays '+'. */
export function rawQueryValue(url: string, name: string): string | undefined {
  const query = url.slice(url.indexOf('?') + 1).split('#')[0] ?? ''
  if (!url.includes('?')) return undefined
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=')
    if (eq !== -1 && pair.slice(0, eq) === name) return pair.slice(eq + 1)
  }
  return undefined
}

/**
 * The URL of the next page. A token joins the caller's own query (its filters and page size);
 * an href is resolved against the service's base URL and must stay on its origin: a bearer token
 * is never sent to a host the inputs did not name.
 */
export function nextPagePath(query: string, next: Continuation, baseUrl: string, listing: Listing): string {
  if (next.kind === 'token') return `${query}&continuationToken=${encodeUnsafe(next.raw)}`
  const base = new URL(baseUrl)
  const resolved =
    next.href.startsWith('/') && !next.href.startsWith('//') ? new URL(`${base.href}${next.href}`) : new URL(next.href, `${base.href}/`)
  if (resolved.origin !== base.origin || !resolved.pathname.startsWith(base.pathname)) {
    throw bad(listing, 'the next page link points outside the service; not followed')
  }
  return `${resolved.pathname.slice(base.pathname.length)}${resolved.search}`
}

/** The Call for the page after `first`'s: the same filters and size, the next continuation. */
export function followPage(first: Call, next: Continuation | undefined, baseUrl: string): Call {
  return next === undefined ? first : { ...first, path: nextPagePath(first.path, next, baseUrl, first) }
}

/** Keeps a raw token as written, except characters that cannot stand in a URL at all. */
function encodeUnsafe(raw: string): string {
  return raw.replace(/[^A-Za-z0-9\-._~!$'()*+,;=:@/?%]/g, (c) => encodeURIComponent(c))
}

function bad(listing: Listing, problem: string): UnexpectedResponseError {
  return new UnexpectedResponseError(listing.service, listing.label, problem)
}

/**
 * Every item of a Flow Service listing, across all its pages: `read` checks each item and keeps
 * the ones the caller uses (undefined drops it); items are de-duplicated by id, case-insensitively.
 */
export function listEvery<T extends { id: string }>(
  api: Pick<PlatformApi, 'send' | 'target'>,
  first: Call,
  read: (value: unknown) => T | undefined,
  limits: PageLimits = DEFAULT_PAGE_LIMITS
): Promise<T[]> {
  const baseUrl = baseUrlOf(api.target, first.service)
  const listing = { service: first.service, label: first.label }
  const page = async (next: Continuation | undefined): Promise<Page<T>> => {
    const res = await api.send(followPage(first, next, baseUrl))
    const list = isObject(res.json) ? res.json : undefined
    if (list === undefined || !Array.isArray(list.items)) throw bad(listing, 'no "items" array')
    const items = list.items.flatMap((value: unknown) => {
      const item = read(value)
      return item === undefined ? [] : [item]
    })
    const following = continuationOf(list)
    return following === undefined ? { items } : { items, next: following }
  }
  return listAll(page, (item) => item.id.toLowerCase(), listing, limits)
}
