import {
  authFor,
  lookupCall,
  patchCall,
  patchOperations,
  unmarkOperations,
  verifyObject,
  deleteCall
} from '../../../src/connection/requests.js'

const SPEC = 'ecadc60c-7455-4d87-84dc-2a0e293d997b'

describe('authFor builds the body of the S3 auth specs', () => {
  it('Access Key with only the keys', () => {
    expect(authFor({ type: 'access-key', accessKey: 'a', secretKey: 's' })).toEqual({
      specName: 'Access Key',
      params: { s3AccessKey: 'a', s3SecretKey: 's' }
    })
  })
  it('Access Key with every optional param', () => {
    const auth = authFor({
      type: 'access-key',
      accessKey: 'a',
      secretKey: 's',
      sessionToken: 't',
      serviceUrl: 'https://s3.eu-west-1.amazonaws.com/',
      bucketName: 'b',
      folderPath: 'f'
    })
    expect(auth.params).toEqual({
      s3AccessKey: 'a',
      s3SecretKey: 's',
      s3SessionToken: 't',
      serviceUrl: 'https://s3.eu-west-1.amazonaws.com/',
      bucketName: 'b',
      folderPath: 'f'
    })
  })
  it('IAMRole Based with the bucket only, as Adobe documents that auth spec', () => {
    expect(authFor({ type: 'iam-role', bucketName: 'b' })).toEqual({ specName: 'IAMRole Based', params: { bucketName: 'b' } })
  })
})

describe('lookupCall', () => {
  it('filters on name and spec, the name URL-encoded, and asks for pages of 100', () => {
    expect(lookupCall('My S3 & "co" #1 50% ==é', SPEC).path).toBe(
      `/connections?property=name==My%20S3%20%26%20%22co%22%20%231%2050%25%20%3D%3D%C3%A9&property=connectionSpec.id==${SPEC}&limit=100`
    )
  })
  it('filters on the spec only when the name holds a comma, which the service reads as OR', () => {
    expect(lookupCall('a,b', SPEC).path).toBe(`/connections?property=connectionSpec.id==${SPEC}&limit=100`)
  })
  it('filters on the spec only when no name is given (the probe sweep)', () => {
    expect(lookupCall(undefined, SPEC).path).toBe(`/connections?property=connectionSpec.id==${SPEC}&limit=100`)
  })
  it('is labelled without its query, which can hold names', () => {
    expect(lookupCall('secret project', SPEC).label).toBe('GET /connections')
  })
})

describe('patchOperations', () => {
  const auth = { specName: 'Access Key', params: { s3AccessKey: 'a', s3SecretKey: 's' } }
  it('replaces the auth params, and nothing else without a description', () => {
    expect(patchOperations(auth, undefined, { description: 'old' })).toEqual([{ op: 'replace', path: '/auth/params', value: auth.params }])
  })
  it('replaces a description the connection has, and adds one it lacks (JSON Patch cannot replace what is absent)', () => {
    expect(patchOperations(auth, 'new', { description: 'old' })[1]).toEqual({ op: 'replace', path: '/description', value: 'new' })
    expect(patchOperations(auth, 'new', {})[1]).toEqual({ op: 'add', path: '/description', value: 'new' })
  })
  it('takes out the mark a create that never finished left, when no description is given', () => {
    expect(patchOperations(auth, undefined, { description: 'Nightly [creating 0a1b2c3d until 2026-12-05T23:45:00Z]' })[1]).toEqual({
      op: 'replace',
      path: '/description',
      value: 'Nightly'
    })
    expect(patchOperations(auth, 'Given', { description: 'Nightly [creating 0a1b2c3d until 2026-12-05T23:45:00Z]' })[1]).toMatchObject({
      value: 'Given'
    })
  })
  it('takes only the description out of a mark, with replace', () => {
    expect(unmarkOperations('Nightly')).toEqual([{ op: 'replace', path: '/description', value: 'Nightly' }])
  })
  it('is sent with If-Match, and a 412 is handed back to the update logic', () => {
    expect(patchCall('id-1', '"etag-1"', [])).toMatchObject({
      method: 'PATCH',
      path: '/connections/id-1',
      ifMatch: '"etag-1"',
      accept: [412]
    })
  })
})

describe('deleteCall', () => {
  it('takes a 404 as done: what was to be deleted is gone', () => {
    expect(deleteCall('id-1')).toMatchObject({ method: 'DELETE', path: '/connections/id-1', accept: [404] })
  })
})

describe('verifyObject: what verification lists', () => {
  it('the root when the connection is not restricted to a bucket', () => {
    expect(verifyObject({ type: 'access-key', accessKey: 'a', secretKey: 's' })).toBeUndefined()
  })
  it('the bucket when one is given, which least-privilege policies allow where the root is refused', () => {
    expect(verifyObject({ type: 'access-key', accessKey: 'a', secretKey: 's', bucketName: 'b' })).toBe('/b/')
    expect(verifyObject({ type: 'iam-role', bucketName: 'b' })).toBe('/b/')
  })
  it('the folder within it, slashes normalised', () => {
    expect(verifyObject({ type: 'access-key', accessKey: 'a', secretKey: 's', bucketName: 'b', folderPath: '/daily/exports/' })).toBe(
      '/b/daily/exports/'
    )
  })
})
