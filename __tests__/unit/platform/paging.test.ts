import { continuationOf, followPage, listAll, nextPagePath, rawQueryValue, type Page } from '../../../src/platform/paging.js'

const listing = { service: 'Flow Service' as const, label: 'GET /connections' }
const BASE = 'https://platform.adobe.io/data/foundation/flowservice'

describe('continuationOf', () => {
  it('takes the token of the next link byte for byte: + / = stay as the service wrote them', () => {
    expect(continuationOf({ _links: { next: { href: '/connections?limit=2&continuationToken=ab+c/d==&x=1' } } })).toEqual({
      kind: 'token',
      raw: 'ab+c/d=='
    })
    expect(continuationOf({ _links: { next: { href: '/connections?continuationToken=abc%3D%3D' } } })).toEqual({
      kind: 'token',
      raw: 'abc%3D%3D'
    })
  })
  it('encodes a top-level token, which is a plain value', () => {
    expect(continuationOf({ continuationToken: 'a+b/c=' })).toEqual({ kind: 'token', raw: 'a%2Bb%2Fc%3D' })
  })
  it('follows a next link without a token as given', () => {
    expect(continuationOf({ _links: { next: { href: '/connections?start=100' } } })).toEqual({
      kind: 'href',
      href: '/connections?start=100'
    })
  })
  it('ends the list without a next link', () => {
    expect(continuationOf({ items: [] })).toBeUndefined()
    expect(continuationOf({ _links: { next: { href: '' } } })).toBeUndefined()
  })
  it('reads a raw query value without decoding it', () => {
    expect(rawQueryValue('/x?a=1&b=%2B+', 'b')).toBe('%2B+')
    expect(rawQueryValue('/x', 'b')).toBeUndefined()
  })
})

describe('nextPagePath', () => {
  const query = '/connections?property=name==a&limit=100'
  it('adds the raw token to the caller’s own query', () => {
    expect(nextPagePath(query, { kind: 'token', raw: 'ab+c/d==' }, BASE, listing)).toBe(`${query}&continuationToken=ab+c/d==`)
  })
  it('encodes only what cannot stand in a URL', () => {
    expect(nextPagePath(query, { kind: 'token', raw: 'a b#c' }, BASE, listing)).toBe(`${query}&continuationToken=a%20b%23c`)
  })
  it('resolves a relative href against the service base', () => {
    expect(nextPagePath(query, { kind: 'href', href: '/connections?start=2' }, BASE, listing)).toBe('/connections?start=2')
    expect(nextPagePath(query, { kind: 'href', href: `${BASE}/connections?start=2` }, BASE, listing)).toBe('/connections?start=2')
  })
  it('never follows a link to another host: the bearer token goes only where the inputs said', () => {
    expect(() => nextPagePath(query, { kind: 'href', href: 'https://evil.example/connections' }, BASE, listing)).toThrow(
      /outside the service/
    )
    expect(() => nextPagePath(query, { kind: 'href', href: '//evil.example/connections' }, BASE, listing)).toThrow(/outside the service/)
  })
  it('keeps the first page as it is', () => {
    const call = { service: 'Flow Service' as const, method: 'GET' as const, path: query, label: 'GET /connections' }
    expect(followPage(call, undefined, BASE)).toBe(call)
  })
})

describe('listAll', () => {
  function pages(items: number[][]): (next: unknown) => Promise<Page<number>> {
    let n = 0
    return () => {
      const page = items[n] ?? []
      n += 1
      return Promise.resolve(n < items.length ? { items: page, next: { kind: 'token', raw: `t${n}` } } : { items: page })
    }
  }
  it('reads every page, each item once', async () => {
    expect(await listAll(pages([[1, 2], [2, 3], [4]]), String, listing)).toEqual([1, 2, 3, 4])
  })
  it('stops an endless listing at the page limit with a clear error', async () => {
    const endless = (): Promise<Page<number>> => Promise.resolve({ items: [1], next: { kind: 'token', raw: String(Math.random()) } })
    await expect(listAll(endless, String, listing, { maxPages: 5, maxItems: 1000 })).rejects.toThrow(
      'Flow Service GET /connections returned an unexpected response: the listing did not end within 5 pages or 1000 items (5 read); stopped.'
    )
  })
  it('stops at the item limit, however few the pages', async () => {
    let page = 0
    const big = (): Promise<Page<number>> =>
      Promise.resolve({ items: Array.from({ length: 600 }, (_, i) => page * 600 + i), next: { kind: 'token', raw: String(++page) } })
    await expect(listAll(big, String, listing, { maxPages: 100, maxItems: 1000 })).rejects.toThrow(
      /within 100 pages or 1000 items \(1200 read\)/
    )
  })
  it('stops at a continuation it has seen before', async () => {
    const tokens = ['A', 'B', 'A']
    let n = 0
    const loop = (): Promise<Page<number>> => Promise.resolve({ items: [], next: { kind: 'token', raw: tokens[n++] ?? 'A' } })
    await expect(listAll(loop, String, listing)).rejects.toThrow(/page 3 pointed back to a page already read/)
  })
})
