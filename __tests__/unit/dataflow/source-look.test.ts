import type { ExploreEntry } from '../../../src/platform/explore.js'
import { isWildcard, lookStart, pathTypeOf, readLook } from '../../../src/dataflow/source-look.js'

const file = (path: string, canPreview = true): ExploreEntry => ({
  type: 'file',
  name: path.slice(path.lastIndexOf('/') + 1),
  path,
  canPreview
})
const folder = (path: string): ExploreEntry => ({ type: 'folder', name: path.replace(/\/$/, '').split('/').at(-1) ?? '', path })

const DAILY = [file('/b/daily/a.csv'), file('/b/daily/b.json'), folder('/b/daily/old/'), file('/b/daily/c.csv')]

describe('what to list first', () => {
  it.each([
    ['/b/daily/', '/b/daily/'],
    ['/b/daily/*.csv', '/b/daily/'],
    ['/b/daily', '/b/'],
    ['/b/daily/a.csv', '/b/daily/'],
    ['/b', undefined]
  ])('%s: its folder %s (the root when undefined)', (path, folder) => {
    expect(lookStart(path)).toEqual({ folder })
  })
})

describe('what the path names, from the listing of its folder', () => {
  it('a path ending in a slash is a folder of the files directly in it', () => {
    expect(readLook('/b/daily/', DAILY)).toEqual({ type: 'folder', files: [DAILY[0], DAILY[1], DAILY[3]] })
  })

  it('a wildcard is a folder of the files its last segment matches, folders aside', () => {
    expect(readLook('/b/daily/*.csv', DAILY)).toEqual({ type: 'folder', files: [DAILY[0], DAILY[3]] })
    expect(readLook('/b/daily/o*', DAILY)).toEqual({ type: 'folder', files: [] })
  })

  it('a wildcard takes the rest of the pattern literally', () => {
    const entries = [file('/b/x/a.b.csv'), file('/b/x/aXb.csv')]
    expect(readLook('/b/x/a.b*', entries).files).toEqual([entries[0]])
  })

  it('a folder named without its slash is a folder, listed next for its files', () => {
    expect(readLook('/b/daily/old', DAILY)).toEqual({ type: 'folder', files: [], listNext: '/b/daily/old/' })
  })

  it('a file is a file, and the one file to preview', () => {
    expect(readLook('/b/daily/c.csv', DAILY)).toEqual({ type: 'file', files: [DAILY[3]] })
  })

  it('a path with nothing there yet is taken as a file with none to preview', () => {
    expect(readLook('/b/daily/later.csv', DAILY)).toEqual({ type: 'file', files: [] })
  })
})

describe('the type without a listing (the dry run)', () => {
  it.each([
    ['/b/daily/', 'folder'],
    ['/b/daily/*.csv', 'folder'],
    ['/b/daily/a.csv', 'file']
  ])('%s is a %s', (path, type) => {
    expect(pathTypeOf(path)).toBe(type)
  })

  it('only the last segment makes a wildcard', () => {
    expect(isWildcard('/b/*/a.csv')).toBe(false)
    expect(isWildcard('/b/x/*')).toBe(true)
  })
})
