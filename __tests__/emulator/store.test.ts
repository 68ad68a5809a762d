import { readS3Options } from '../../emulator/control.js'
import { originHost } from '../../emulator/listener.js'
import { MemoryStore, newEtag } from '../../emulator/store.js'
import { S3_SPEC_ID } from '../../emulator/index.js'

describe('connection store', () => {
  test('seed fills in prod, the S3 spec, Access Key and dummy keys', () => {
    const store = new MemoryStore('ORG@AdobeOrg')
    const c = store.seed({ name: 'S' })
    expect(c).toMatchObject({
      name: 'S',
      orgId: 'ORG@AdobeOrg',
      sandboxName: 'prod',
      connectionSpec: { id: S3_SPEC_ID, version: '1.0' },
      auth: { specName: 'Access Key', params: { s3AccessKey: expect.any(String), s3SecretKey: expect.any(String) } },
      state: 'enabled'
    })
    expect(c).not.toHaveProperty('description')
  })

  test('seed takes every field as given, without validation', () => {
    const store = new MemoryStore('o')
    const c = store.seed({
      name: 'S',
      sandboxName: 'dev',
      description: 'd',
      specId: 'any',
      specVersion: '9',
      specName: 'Whatever',
      params: { x: 1 },
      createdAt: 5
    })
    expect(c).toMatchObject({
      sandboxName: 'dev',
      description: 'd',
      connectionSpec: { id: 'any', version: '9' },
      auth: { specName: 'Whatever', params: { x: 1 } },
      createdAt: 5,
      updatedAt: 5
    })
  })

  test('list keeps creation order and filters by sandbox when asked', () => {
    const store = new MemoryStore('o')
    store.seed({ name: 'a' })
    store.seed({ name: 'b', sandboxName: 'dev' })
    store.seed({ name: 'c' })
    expect(store.list().map((c) => c.name)).toEqual(['a', 'b', 'c'])
    expect(store.list('prod').map((c) => c.name)).toEqual(['a', 'c'])
  })

  test('markInUse sets and clears the flag, and names an unknown id', () => {
    const store = new MemoryStore('o')
    const { id } = store.seed({ name: 'a' })
    store.markInUse(id)
    expect(store.get(id)?.inUse).toBe(true)
    store.markInUse(id, false)
    expect(store.get(id)?.inUse).toBe(false)
    expect(() => store.markInUse('nope')).toThrow(/nope/)
  })

  test('update gives a new etag, a later updatedAt, and can drop the description', () => {
    const store = new MemoryStore('o')
    const c = store.seed({ name: 'a', description: 'd', createdAt: Date.now() + 60_000 })
    const u = store.update(c.id, { name: 'b', params: { k: 'v' } }, 'client')
    expect(u?.etag).not.toBe(c.etag)
    expect(u?.updatedAt).toBe(c.updatedAt + 1)
    expect(u).not.toHaveProperty('description')
    expect(store.clients(c.id)).toEqual({ createdClient: 'emulator-seed', updatedClient: 'client' })
    expect(store.update('nope', { name: 'x', params: {} }, 'c')).toBeUndefined()
  })

  test('etags look like Adobe etags, quotes included', () => {
    expect(newEtag()).toMatch(/^"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}"$/)
  })

  test('clear empties it', () => {
    const store = new MemoryStore('o')
    store.seed({ name: 'a' })
    store.clear()
    expect(store.list()).toEqual([])
  })
})

describe('S3 options from the control API', () => {
  test('accepts keys and buckets', () => {
    expect(readS3Options({})).toEqual({})
    expect(readS3Options({ accessKey: 'a', secretKey: 's' })).toEqual({ accessKey: 'a', secretKey: 's' })
    const buckets = { b: [{ type: 'file', name: 'x', path: 'x' }] }
    expect(readS3Options({ buckets })).toEqual({ buckets })
  })

  test('says what is wrong', () => {
    expect(readS3Options([])).toBe('not an object')
    expect(readS3Options({ accessKey: 1 })).toMatch(/accessKey/)
    expect(readS3Options({ secretKey: 1 })).toMatch(/secretKey/)
    expect(readS3Options({ buckets: [] })).toMatch(/buckets/)
    expect(readS3Options({ buckets: { b: 'x' } })).toMatch(/buckets\.b/)
  })
})

describe('listener origins', () => {
  test('name a host a client can dial', () => {
    expect(originHost('127.0.0.1')).toBe('127.0.0.1')
    expect(originHost('localhost')).toBe('localhost')
    expect(originHost('0.0.0.0')).toBe('127.0.0.1')
    expect(originHost('::')).toBe('[::1]')
    expect(originHost('::1')).toBe('[::1]')
  })
})
