import { baseConnectionOf, scopeOf, within } from '../../../src/platform/base-connection.js'
import { UnexpectedResponseError } from '../../../src/platform/errors.js'

const ID = '11111111-2222-4333-8444-555555555555'

describe('a base connection read by id', () => {
  it('keeps its spec, state, and the bucket and folder it is limited to; never a secret', () => {
    const connection = baseConnectionOf({
      items: [
        {
          id: ID,
          name: 'S3',
          state: 'enabled',
          connectionSpec: { id: 'spec', version: '1.0' },
          auth: { specName: 'Access Key', params: { s3AccessKey: 'AKIA', s3SecretKey: 'secret', bucketName: 'b', folderPath: 'daily' } }
        }
      ]
    })
    expect(connection).toEqual({ id: ID, name: 'S3', specId: 'spec', state: 'enabled', bucketName: 'b', folderPath: 'daily' })
  })

  it('refuses an answer without an item, a spec or a valid id', () => {
    expect(() => baseConnectionOf({ items: [] })).toThrow(UnexpectedResponseError)
    expect(() => baseConnectionOf({ items: [{ id: ID }] })).toThrow(/connectionSpec/)
    expect(() => baseConnectionOf({ items: [{ id: 'x', connectionSpec: { id: 's' } }] })).toThrow(UnexpectedResponseError)
  })

  it.each([
    [{}, undefined],
    [{ bucketName: 'b' }, '/b/'],
    [{ bucketName: 'b', folderPath: '/daily/' }, '/b/daily/'],
    [{ bucketName: 'b', folderPath: 'a/b' }, '/b/a/b/']
  ])('%j may read %s', (params, scope) => {
    expect(scopeOf({ id: ID, name: '', specId: 's', ...params })).toBe(scope)
  })

  it.each([
    ['/b/daily/x.csv', '/b/daily/', true],
    ['/b/daily', '/b/daily/', true],
    ['/b/dailyx/', '/b/daily/', false],
    ['/c/daily/', '/b/daily/', false]
  ])('%s within %s: %s', (path, scope, inside) => {
    expect(within(path, scope)).toBe(inside)
  })
})
