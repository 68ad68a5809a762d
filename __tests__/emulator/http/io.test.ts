import { pathSegments, rawQueryParam, splitUrl } from '../../../emulator/http/io.js'

describe('reading a query parameter raw', () => {
  test('percent-decoding only: a literal + stays a plus, %2B is a plus, %20 a space', () => {
    expect(rawQueryParam('continuationToken=ab+c/d==&limit=2', 'continuationToken')).toBe('ab+c/d==')
    expect(rawQueryParam('limit=2&continuationToken=ab%2Bc%2Fd%3D%3D', 'continuationToken')).toBe('ab+c/d==')
    expect(rawQueryParam('continuationToken=ab%20c', 'continuationToken')).toBe('ab c')
  })

  test('the first occurrence wins; an absent name is null; a name without = has an empty value', () => {
    expect(rawQueryParam('a=1&a=2', 'a')).toBe('1')
    expect(rawQueryParam('a=1', 'b')).toBeNull()
    expect(rawQueryParam('', 'b')).toBeNull()
    expect(rawQueryParam('b&a=1', 'b')).toBe('')
    expect(rawQueryParam('%61=1', 'a')).toBe('1')
  })

  test('a value that does not percent-decode is returned as sent, for the caller to refuse', () => {
    expect(rawQueryParam('t=ab%zz', 't')).toBe('ab%zz')
  })
})

describe('splitting a URL', () => {
  test('the path and the raw query, at the first ?', () => {
    expect(splitUrl('/flows?limit=2&a=b?c')).toEqual({ path: '/flows', rawQuery: 'limit=2&a=b?c' })
    expect(splitUrl('/flows')).toEqual({ path: '/flows', rawQuery: '' })
  })

  test("a path's segments drop the empty ones, so a doubled or trailing slash routes the same", () => {
    expect(pathSegments('/flows//x/')).toEqual(['flows', 'x'])
    expect(pathSegments('/')).toEqual([])
  })
})
