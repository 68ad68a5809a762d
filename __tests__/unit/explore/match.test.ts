import { globMatches, matchesOf, parseGlob } from '../../../src/explore/match.js'

const entry = (type: string, name: string) => ({ type, name, path: `/b/${name}${type === 'folder' ? '/' : ''}` })

function matches(glob: string, name: string): boolean {
  const parts = parseGlob(glob)
  if (typeof parts === 'string') throw new Error(parts)
  return globMatches(parts, name)
}

describe('globs on entry names', () => {
  it.each([
    ['*.csv', 'export.csv', true],
    ['*.csv', 'export.csv.gz', false],
    ['export-*.json', 'export-2026-11-28.json', true],
    ['export-?.json', 'export-1.json', true],
    ['export-?.json', 'export-12.json', false],
    ['[ab]*.csv', 'b1.csv', true],
    ['[!ab]*.csv', 'a1.csv', false],
    ['[!ab]*.csv', 'c1.csv', true],
    ['day-[0-9][0-9].csv', 'day-07.csv', true],
    ['day-[0-9][0-9].csv', 'day-7x.csv', false],
    ['[]x].csv', '].csv', true],
    ['[!]x].csv', '].csv', false],
    ['[.csv', '[.csv', true],
    ['a.b', 'axb', false],
    ['(x)+', '(x)+', true],
    ['*', 'any name at all', true],
    ['*', '', true],
    ['', '', true],
    ['a*', '', false],
    ['*.CSV', 'export.csv', false],
    ['?.csv', 'é.csv', true],
    ['??.csv', '😀.csv', false],
    ['*a*b*c', 'xaybzc', true],
    ['*a*b*c', 'xaybzcd', false]
  ])('%s on %s: %s', (glob, name, expected) => expect(matches(glob, name)).toBe(expected))

  it('matches a long name against many stars without backtracking from every start', () => {
    const name = '-'.repeat(2048)
    expect(matches('*-*-*-*-*.csv', name)).toBe(false)
    expect(matches('*-*-*-*-*', name)).toBe(true)
  })

  it('says which range is out of order', () => {
    expect(parseGlob('[z-a].csv')).toBe('has the range [z-a] out of order; write [a-z]')
  })
})

describe('matchesOf', () => {
  const entries = [entry('file', 'a.csv'), entry('file', 'b.json'), entry('folder', '2026-11-28')]
  it('is every file path without expect', () => expect(matchesOf(entries, undefined)).toEqual(['/b/a.csv', '/b/b.json']))
  it('is the paths whose names match, folders included', () => {
    expect(matchesOf(entries, '*.csv')).toEqual(['/b/a.csv'])
    expect(matchesOf(entries, '2026-*')).toEqual(['/b/2026-11-28/'])
    expect(matchesOf(entries, '*.parquet')).toEqual([])
  })
})
