import {
  buildBuckets,
  contentProblem,
  entryPath,
  findNode,
  listingEntry,
  putFile,
  readBucketEntry,
  readS3File,
  removeFile,
  type Buckets,
  type FolderNode
} from '../../../emulator/s3/tree.js'

function listing(buckets: Buckets, path: string): [string, string, string][] {
  const node = findNode(buckets, path)
  if (node?.type !== 'folder') throw new Error(`no folder at ${path}`)
  return [...node.children.values()].map((n) => [n.type, n.name, n.path])
}

function root(buckets: Buckets, name: string): FolderNode {
  const node = buckets.get(name)
  if (!node) throw new Error(`no bucket ${name}`)
  return node
}

describe('bucket entries', () => {
  test('are stored with absolute paths, folders ending in a slash, files previewable by default', () => {
    expect(entryPath('b', { type: 'folder', path: 'f' })).toBe('/b/f/')
    expect(entryPath('b', { type: 'file', path: '/b/x' })).toBe('/b/x')
    expect(entryPath('b', { type: 'file', path: '/x' })).toBe('/b/x')
    const buckets = buildBuckets({
      b: [
        { type: 'folder', name: 'f', path: 'f' },
        { type: 'file', name: 'x', path: '/b/x' }
      ]
    })
    expect(listingEntry(root(buckets, 'b'))).toEqual({ type: 'folder', name: 'b', path: '/b/', canPreview: false, canFetchSchema: false })
    expect([...root(buckets, 'b').children.values()].map(listingEntry)).toEqual([
      { type: 'folder', name: 'f', path: '/b/f/', canPreview: false, canFetchSchema: false },
      { type: 'file', name: 'x', path: '/b/x', canPreview: true, canFetchSchema: true }
    ])
  })

  test('a folder lists its direct children in the order given, and deeper entries imply their folders', () => {
    const buckets = buildBuckets({
      b: [
        { type: 'file', name: 'a', path: '/b/a' },
        { type: 'file', name: 'c', path: '/b/x/y/c' }
      ]
    })
    expect(listing(buckets, '/b/')).toEqual([
      ['file', 'a', '/b/a'],
      ['folder', 'x', '/b/x/']
    ])
    expect(listing(buckets, '/b/x/')).toEqual([['folder', 'y', '/b/x/y/']])
  })

  test('a folder entry after the files that implied it keeps its place and takes its own name and flags', () => {
    const buckets = buildBuckets({
      b: [
        { type: 'file', name: 'a', path: 'in/a' },
        { type: 'folder', name: 'Inbound', path: 'in/', canPreview: true }
      ]
    })
    expect(findNode(buckets, '/b/in/')).toMatchObject({ name: 'Inbound', canPreview: true, explicit: true })
    expect(listing(buckets, '/b/')).toEqual([['folder', 'Inbound', '/b/in/']])
  })

  test('a file and a folder may share a name, as S3 keys may', () => {
    const buckets = buildBuckets({
      b: [
        { type: 'file', name: 'x', path: 'x' },
        { type: 'file', name: 'y', path: 'x/y' }
      ]
    })
    expect(findNode(buckets, '/b/x')?.type).toBe('file')
    expect(findNode(buckets, '/b/x/')?.type).toBe('folder')
  })

  test('a file entry that names no file, or contradicts itself, is refused', () => {
    expect(() => buildBuckets({ b: [{ type: 'file', name: 'x', path: '/b/' }] })).toThrow(/names no file/)
    expect(() => buildBuckets({ b: [{ type: 'file', name: 'x', path: 'x', content: 'a', columns: [] }] })).toThrow(/either content or/)
  })
})

describe('finding nodes', () => {
  const buckets = buildBuckets({ b: [{ type: 'file', name: 'a.csv', path: 'in/a.csv', content: 'x' }] })

  test('a path ending in a slash is a folder, else a file; the bucket itself is a folder', () => {
    expect(findNode(buckets, '/b/in/a.csv')).toMatchObject({ type: 'file', file: { content: 'x' } })
    expect(findNode(buckets, '/b/in/')?.type).toBe('folder')
    expect(findNode(buckets, '/b/')?.path).toBe('/b/')
    expect(findNode(buckets, '/b')?.path).toBe('/b/')
  })

  test('anything else is not there', () => {
    for (const path of ['/b/in', '/b/in/a.csv/', '/b/nope/a.csv', '/c/a', '/']) expect(findNode(buckets, path)).toBeUndefined()
  })
})

describe('putting and removing files', () => {
  test('putFile adds a file and the folders it needs, or replaces the file at that path', () => {
    const buckets = buildBuckets({ b: [] })
    expect(putFile(buckets, '/b/new/deep/x.csv', { content: 'a\n1\n' })).toBeUndefined()
    expect(listing(buckets, '/b/new/')).toEqual([['folder', 'deep', '/b/new/deep/']])
    expect(putFile(buckets, '/b/new/deep/x.csv', { content: 'a\n2\n', canPreview: false })).toBeUndefined()
    expect(findNode(buckets, '/b/new/deep/x.csv')).toMatchObject({ name: 'x.csv', canPreview: false, file: { content: 'a\n2\n' } })
  })

  test('putFile says why a path or a file cannot be put', () => {
    const buckets = buildBuckets({ b: [] })
    expect(putFile(buckets, 'b/x.csv', {})).toMatch(/not a file path/)
    expect(putFile(buckets, '/b/folder/', {})).toMatch(/not a file path/)
    expect(putFile(buckets, '/b', {})).toMatch(/not a file path/)
    expect(putFile(buckets, '/other/x.csv', {})).toMatch(/no bucket 'other'/)
    expect(putFile(buckets, '/b/x.csv', { rows: [] })).toMatch(/rows need columns/)
  })

  test('removeFile removes a file and the folders only it implied, but not a folder given as an entry', () => {
    const buckets = buildBuckets({ b: [{ type: 'folder', name: 'keep', path: 'keep/' }] })
    putFile(buckets, '/b/keep/a/b/x.csv', {})
    putFile(buckets, '/b/keep/a/y.csv', {})
    expect(removeFile(buckets, '/b/keep/a/b/x.csv')).toBe(true)
    expect(listing(buckets, '/b/keep/a/')).toEqual([['file', 'y.csv', '/b/keep/a/y.csv']])
    expect(removeFile(buckets, '/b/keep/a/y.csv')).toBe(true)
    expect(listing(buckets, '/b/')).toEqual([['folder', 'keep', '/b/keep/']])
    expect(listing(buckets, '/b/keep/')).toEqual([])
  })

  test('removeFile of a file that is not there, a folder or a bad path is false', () => {
    const buckets = buildBuckets({ b: [{ type: 'file', name: 'x', path: 'f/x' }] })
    for (const path of ['/b/f/none', '/b/f', '/b/f/', '/c/x', 'x']) expect(removeFile(buckets, path)).toBe(false)
    expect(findNode(buckets, '/b/f/x')).toBeDefined()
  })
})

describe('file fields from JSON', () => {
  test('reads every field, checked', () => {
    const input = {
      path: '/ignored',
      content: 'a',
      encoding: 'ISO-8859-1',
      compression: 'gzip',
      canPreview: false,
      canFetchSchema: true
    }
    expect(readS3File(input)).toEqual({
      content: 'a',
      encoding: 'ISO-8859-1',
      compression: 'gzip',
      canPreview: false,
      canFetchSchema: true
    })
    expect(readS3File({ columns: [{ name: 'c', type: 'string' }], rows: [{ c: 'x' }] })).toEqual({
      columns: [{ name: 'c', type: 'string' }],
      rows: [{ c: 'x' }]
    })
  })

  test('says what is wrong', () => {
    expect(readS3File('x')).toMatch(/JSON object/)
    expect(readS3File({ content: 1 })).toMatch(/content/)
    expect(readS3File({ encoding: 'utf8' })).toMatch(/encoding must be one of UTF-8, ISO-8859-1/)
    expect(readS3File({ compression: 'zip' })).toMatch(/compression must be one of/)
    expect(readS3File({ columns: [{ name: 'c' }] })).toMatch(/columns/)
    expect(readS3File({ columns: [], rows: [1] })).toMatch(/rows/)
    expect(readS3File({ canPreview: 'yes' })).toMatch(/canPreview/)
    expect(readS3File({ canFetchSchema: 1 })).toMatch(/canFetchSchema/)
    expect(readS3File({ content: 'Ω', encoding: 'ISO-8859-1' })).toMatch(/ISO-8859-1 cannot encode/)
  })

  test('a bucket entry needs a type, a name and a path', () => {
    expect(readBucketEntry({ type: 'file', name: 'x', path: 'x', content: 'c' })).toEqual({
      type: 'file',
      name: 'x',
      path: 'x',
      content: 'c'
    })
    expect(readBucketEntry({ type: 'blob', name: 'x', path: 'x' })).toMatch(/type/)
    expect(readBucketEntry(null)).toMatch(/JSON object/)
    expect(readBucketEntry({ type: 'file', name: 'x', path: 'x', encoding: 'x' })).toMatch(/encoding/)
  })

  test('contentProblem accepts what ISO-8859-1 can hold', () => {
    expect(contentProblem({ content: 'Zoë Århus ÿ', encoding: 'ISO-8859-1' })).toBeUndefined()
  })
})
