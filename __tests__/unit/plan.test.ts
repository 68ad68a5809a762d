import { describeDryRun } from '../../src/dry-run.js'
import { continuationToken, lookupQuery } from '../../src/flow-service.js'
import { readConfig } from '../../src/inputs.js'
import { authFor, planFor, redactParams } from '../../src/plan.js'

const base: Record<string, string> = {
  'client-id': 'client-1',
  'client-secret': 'CLIENT-SECRET-VALUE',
  'ims-org-id': 'ORG1@AdobeOrg',
  'connection-name': 'S3 Connection',
  's3-access-key': 'ACCESS-KEY-VALUE',
  's3-secret-key': 'SECRET-KEY-VALUE'
}
const config = (overrides: Record<string, string> = {}) => readConfig((name) => ({ ...base, ...overrides })[name] ?? '')

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
  it('IAMRole Based with the bucket', () => {
    expect(authFor({ type: 'iam-role', bucketName: 'b' })).toEqual({ specName: 'IAMRole Based', params: { bucketName: 'b' } })
  })
  it('redacts the secret params only', () => {
    expect(redactParams({ s3AccessKey: 'a', s3SecretKey: 's', s3SessionToken: 't', bucketName: 'b' })).toEqual({
      s3AccessKey: '***',
      s3SecretKey: '***',
      s3SessionToken: '***',
      bucketName: 'b'
    })
  })
})

describe('lookupQuery', () => {
  const spec = 'ecadc60c-7455-4d87-84dc-2a0e293d997b'
  it('filters on name and spec, the name URL-encoded, and asks for pages of 100', () => {
    expect(lookupQuery('My S3 & "co" #1 50% ==é', spec)).toBe(
      `property=name==My%20S3%20%26%20%22co%22%20%231%2050%25%20%3D%3D%C3%A9&property=connectionSpec.id==${spec}&limit=100`
    )
  })
  it('filters on the spec only when the name holds a comma, which the service reads as OR', () => {
    expect(lookupQuery('a,b', spec)).toBe(`property=connectionSpec.id==${spec}&limit=100`)
  })
  it("carries the page's continuation token, encoded", () => {
    expect(lookupQuery('a', spec, 'x/y=')).toBe(`property=name==a&property=connectionSpec.id==${spec}&limit=100&continuationToken=x%2Fy%3D`)
  })
})

describe('continuationToken', () => {
  it('reads the token of a relative next link', () => {
    expect(continuationToken({ _links: { next: { href: '/connections?continuationToken=abc%3D%3D&property=x' } } })).toBe('abc==')
  })
  it('reads a top-level token', () => expect(continuationToken({ continuationToken: 'tok' })).toBe('tok'))
  it('ends the list without a next link', () => {
    expect(continuationToken({ items: [] })).toBeUndefined()
    expect(continuationToken({ _links: { next: { href: '' } } })).toBeUndefined()
  })
})

describe('describeDryRun', () => {
  it('prints the token, lookup and write requests with every secret redacted', () => {
    const c = config({ 's3-session-token': 'SESSION-TOKEN-VALUE', verify: 'true' })
    const text = describeDryRun(
      c,
      planFor(c, () => Promise.resolve('d')),
      'Managed by GitHub Actions: o/r, workflow w'
    )
    for (const secret of ['CLIENT-SECRET-VALUE', 'ACCESS-KEY-VALUE', 'SECRET-KEY-VALUE', 'SESSION-TOKEN-VALUE'])
      expect(text).not.toContain(secret)
    expect(text).toContain('1. POST https://ims-na1.adobelogin.com/ims/token/v3')
    expect(text).toContain('client_secret=***')
    expect(text).toContain(
      '2. GET https://platform.adobe.io/data/foundation/flowservice/connections?property=name==S3%20Connection&property=connectionSpec.id==ecadc60c-7455-4d87-84dc-2a0e293d997b&limit=100'
    )
    expect(text).toContain('3. POST https://platform.adobe.io/data/foundation/flowservice/connections  (when none exists)')
    expect(text).toContain('"s3SecretKey": "***"')
    expect(text).toContain('"description": "Managed by GitHub Actions: o/r, workflow w"')
    expect(text).toContain(
      '4. PATCH https://platform.adobe.io/data/foundation/flowservice/connections/{id}  (when exactly one exists, if-exists: update)'
    )
    expect(text).toContain('If-Match: {its etag}')
    expect(text).toContain(
      '5. GET https://platform.adobe.io/data/foundation/flowservice/connections/{id}/explore?objectType=root  (verify: true)'
    )
  })

  it('has no IMS step with a ready access token, and one POST with if-exists create', () => {
    const c = config({ 'client-secret': '', 'access-token': 'TOKEN-VALUE', 'if-exists': 'create' })
    const text = describeDryRun(
      c,
      planFor(c, () => Promise.resolve('d')),
      'd'
    )
    expect(text).not.toContain('ims/token')
    expect(text).not.toContain('TOKEN-VALUE')
    expect(text).toContain('Authorization: Bearer ***')
    expect(text).toContain('(if-exists: create, always)')
    expect(text).not.toContain('PATCH')
  })
})
