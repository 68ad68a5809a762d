import { S3_SPEC_ID } from '../../emulator/index.js'
import { errorBody } from '../../emulator/errors.js'
import { explore, listFolder, normalizeEntry, s3World } from '../../emulator/explore.js'
import type { ExploreEntry, StoredConnection } from '../../emulator/index.js'

function conn(specName: string, params: Record<string, unknown>): StoredConnection {
  return {
    id: 'id',
    etag: '"e"',
    orgId: 'o',
    sandboxName: 'prod',
    name: 'n',
    connectionSpec: { id: S3_SPEC_ID, version: '1.0' },
    auth: { specName, params },
    state: 'enabled',
    createdAt: 0,
    updatedAt: 0
  }
}

const keys = { s3AccessKey: 'AKIAGOOD', s3SecretKey: 'good-secret' }
const world = s3World({
  ...{ accessKey: 'AKIAGOOD', secretKey: 'good-secret' },
  buckets: {
    alpha: [
      { type: 'folder', name: 'in', path: 'in/' },
      { type: 'file', name: 'a.csv', path: '/alpha/in/a.csv' },
      { type: 'file', name: 'deep.csv', path: 'in/x/y/deep.csv' },
      { type: 'file', name: 'top.json', path: 'top.json' }
    ],
    beta: []
  }
})

function names(result: ReturnType<typeof explore>): string[] {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value.map((e) => e.path)
}

function failure(result: ReturnType<typeof explore>): string {
  if (result.ok) throw new Error('expected a failure')
  return JSON.stringify(errorBody(result.error, 'rid'))
}

describe('bucket entries', () => {
  test('are stored with absolute paths, folders ending in a slash, files previewable by default', () => {
    expect(normalizeEntry('b', { type: 'folder', name: 'f', path: 'f' })).toEqual({
      type: 'folder',
      name: 'f',
      path: '/b/f/',
      canPreview: false,
      canFetchSchema: false
    })
    expect(normalizeEntry('b', { type: 'file', name: 'x', path: '/b/x' })).toMatchObject({ path: '/b/x', canPreview: true })
  })

  test('a folder lists its direct children, and deeper entries imply their folders', () => {
    const entries: ExploreEntry[] = [
      { type: 'file', name: 'a', path: '/b/a' },
      { type: 'file', name: 'c', path: '/b/x/y/c' }
    ]
    expect(listFolder(entries, '/b/').map((e) => [e.type, e.path])).toEqual([
      ['file', '/b/a'],
      ['folder', '/b/x/']
    ])
    expect(listFolder(entries, '/b/x/').map((e) => e.path)).toEqual(['/b/x/y/'])
  })
})

describe('explore', () => {
  test('without a bucket name, root lists the buckets as folders', () => {
    expect(names(explore(conn('Access Key', keys), world, { objectType: 'root' }))).toEqual(['/alpha/', '/beta/'])
  })

  test('objectType is read in any case', () => {
    expect(names(explore(conn('Access Key', keys), world, { objectType: 'ROOT' }))).toHaveLength(2)
  })

  test('with a bucket name, root lists that bucket', () => {
    expect(names(explore(conn('Access Key', { ...keys, bucketName: 'alpha' }), world, { objectType: 'root' }))).toEqual([
      '/alpha/in/',
      '/alpha/top.json'
    ])
  })

  test('with a folder path, root lists that folder', () => {
    const c = conn('Access Key', { ...keys, bucketName: 'alpha', folderPath: '/in/' })
    expect(names(explore(c, world, { objectType: 'root' }))).toEqual(['/alpha/in/a.csv', '/alpha/in/x/'])
  })

  test('folder lists the given folder, with or without slashes around the path', () => {
    const c = conn('Access Key', keys)
    expect(names(explore(c, world, { objectType: 'folder', object: 'alpha/in' }))).toEqual(['/alpha/in/a.csv', '/alpha/in/x/'])
    expect(names(explore(c, world, { objectType: 'folder', object: '/alpha/in/x/' }))).toEqual(['/alpha/in/x/y/'])
  })

  test('a folder outside the connection restriction is denied', () => {
    const c = conn('Access Key', { ...keys, bucketName: 'alpha', folderPath: 'in' })
    expect(failure(explore(c, world, { objectType: 'folder', object: '/beta/' }))).toContain('AccessDenied')
  })

  test('a wrong access key reads like S3 and never shows the keys', () => {
    const text = failure(
      explore(conn('Access Key', { s3AccessKey: 'AKIAWRONG', s3SecretKey: 'good-secret' }), world, { objectType: 'root' })
    )
    expect(text).toContain('The AWS Access Key Id you provided does not exist in our records.')
    expect(text).not.toMatch(/AKIAWRONG|AKIAGOOD|good-secret/)
  })

  test('a wrong secret key reads like an S3 signature mismatch and never shows the keys', () => {
    const text = failure(explore(conn('Access Key', { s3AccessKey: 'AKIAGOOD', s3SecretKey: 'bad-secret' }), world, { objectType: 'root' }))
    expect(text).toContain('The request signature we calculated does not match the signature you provided.')
    expect(text).not.toMatch(/bad-secret|AKIAGOOD|good-secret/)
  })

  test('any keys are accepted when the S3 options set none', () => {
    const open = s3World({ buckets: { alpha: [] } })
    expect(explore(conn('Access Key', { s3AccessKey: 'x', s3SecretKey: 'y' }), open, { objectType: 'root' }).ok).toBe(true)
  })

  test('an unknown bucket reads like NoSuchBucket', () => {
    expect(failure(explore(conn('Access Key', { ...keys, bucketName: 'gamma' }), world, { objectType: 'root' }))).toContain('NoSuchBucket')
  })

  test('IAM role: root lists the bucket when it exists, else access is denied', () => {
    expect(names(explore(conn('IAMRole Based', { bucketName: 'alpha' }), world, { objectType: 'root' }))).toHaveLength(2)
    expect(failure(explore(conn('IAMRole Based', { bucketName: 'gamma' }), world, { objectType: 'root' }))).toContain('Access Denied')
  })

  test('the default S3 world has demo-bucket', () => {
    expect(names(explore(conn('Access Key', keys), s3World(undefined), { objectType: 'root' }))).toEqual(['/demo-bucket/'])
  })

  test('rejects a missing or unknown objectType and a folder without object', () => {
    const c = conn('Access Key', keys)
    expect(failure(explore(c, world, {}))).toContain('FLOW-1400-400')
    expect(failure(explore(c, world, { objectType: 'table' }))).toContain('FLOW-1400-400')
    expect(failure(explore(c, world, { objectType: 'folder' }))).toContain('object')
  })
})
