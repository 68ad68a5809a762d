import { decodeToken, encodeToken, filtersDigest, parseLimit, takePage } from '../../../../emulator/flow-service/listing/paging.js'

const entries = [1, 2, 3, 5, 8].map((seq) => ({ seq, item: `c${seq}` }))

describe('continuation tokens', () => {
  test('round-trip a cursor', () => {
    const cursor = { after: 42, filters: filtersDigest(['name==x']) }
    expect(decodeToken(encodeToken(cursor))).toEqual(cursor)
  })

  test('reject anything that is not a token the emulator made', () => {
    expect(decodeToken('not-a-token')).toBeUndefined()
    expect(decodeToken(Buffer.from('{"a":"1","f":"x"}').toString('base64url'))).toBeUndefined()
    expect(decodeToken('')).toBeUndefined()
    expect(decodeToken(Buffer.from('not json').toString('base64url'))).toBeUndefined()
    expect(decodeToken(Buffer.from('[1]').toString('base64url'))).toBeUndefined()
  })

  test('opaque tokens are standard base64 holding +, / and =, whatever the cursor, and round-trip', () => {
    for (let after = 0; after < 40; after++) {
      const cursor = { after, filters: filtersDigest(after % 2 === 0 ? [] : ['name==' + 'x'.repeat(after)]) }
      const token = encodeToken(cursor, 'opaque')
      expect(token).toMatch(/^[A-Za-z0-9+/]+={1,2}$/)
      for (const c of ['+', '/', '=']) expect(token).toContain(c)
      expect(decodeToken(token)).toEqual(cursor)
    }
  })

  test('default tokens are base64url and hold none of +, / and =', () => {
    expect(encodeToken({ after: 7, filters: filtersDigest([]) })).toMatch(/^[\w-]+$/)
  })

  test('a token altered on the way is refused: + read as a space, dropped padding, characters outside the alphabet', () => {
    const token = encodeToken({ after: 3, filters: filtersDigest([]) }, 'opaque')
    for (const altered of [token.replace(/\+/g, ' '), token.replace(/=+$/, ''), token.replace(/\//g, '_'), `${token}A`, `${token} `]) {
      expect(decodeToken(altered)).toBeUndefined()
    }
    const plain = encodeToken({ after: 3, filters: filtersDigest([]) })
    expect(decodeToken(`${plain}=`)).toBeUndefined()
    expect(decodeToken(`${plain} `)).toBeUndefined()
  })

  test('the filter digest ignores the order of the property filters but not their text', () => {
    expect(filtersDigest(['a==1', 'b==2'])).toBe(filtersDigest(['b==2', 'a==1']))
    expect(filtersDigest(['a==1'])).not.toBe(filtersDigest(['a==2']))
  })
})

describe('paging', () => {
  test('returns a cursor while items remain and none on the last page', () => {
    const first = takePage(entries, 0, 2)
    expect(first).toEqual({ items: ['c1', 'c2'], nextAfter: 2 })
    const second = takePage(entries, 2, 2)
    expect(second).toEqual({ items: ['c3', 'c5'], nextAfter: 5 })
    expect(takePage(entries, 5, 2)).toEqual({ items: ['c8'] })
  })

  test('a page that ends exactly at the last item has no cursor', () => {
    expect(takePage(entries, 0, 5)).toEqual({ items: ['c1', 'c2', 'c3', 'c5', 'c8'] })
  })

  test('a cursor survives the deletion of the item it points at', () => {
    const withoutTwo = entries.filter((e) => e.seq !== 2)
    expect(takePage(withoutTwo, 2, 2).items).toEqual(['c3', 'c5'])
  })

  test('limit must be a positive integer', () => {
    expect(parseLimit(undefined)).toBeUndefined()
    expect(parseLimit('10')).toBe(10)
    expect(parseLimit('0')).toHaveProperty('error')
    expect(parseLimit('-1')).toHaveProperty('error')
    expect(parseLimit('2.5')).toHaveProperty('error')
    expect(parseLimit('ten')).toHaveProperty('error')
  })
})
