import { MemoryStore, readSeed } from '../../../../emulator/flow-service/connections/store.js'
import { S3_SPEC_ID } from '../../../../emulator/index.js'

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

  test('clear empties it', () => {
    const store = new MemoryStore('o')
    store.seed({ name: 'a' })
    store.clear()
    expect(store.list()).toEqual([])
  })
})

describe('listing lag', () => {
  const input = {
    sandboxName: 'prod',
    name: 'n',
    connectionSpec: { id: S3_SPEC_ID, version: '1.0' },
    auth: { specName: 'Access Key', params: {} },
    clientId: 'c'
  }

  test('a created connection is listed only listLagMs later, but readable by id at once', () => {
    const store = new MemoryStore('o', 1000)
    const created = store.create(input)
    const now = Date.now()
    expect(store.listed('prod', now)).toEqual([])
    expect(store.find(created.id, 'prod')).toBeDefined()
    expect(store.list()).toHaveLength(1)
    expect(store.listed('prod', now + 1000).map((e) => e.conn.id)).toEqual([created.id])
  })

  test('a seed is listed at once, unless it stands for a create (lagged)', () => {
    const store = new MemoryStore('o', 1000)
    const existing = store.seed({ name: 'old' })
    const racing = store.seed({ name: 'racing' }, true)
    expect(store.listed('prod').map((e) => e.conn.id)).toEqual([existing.id])
    expect(store.listed('prod', Date.now() + 1000).map((e) => e.conn.id)).toEqual([existing.id, racing.id])
  })

  test('without a lag, a create is listed at once', () => {
    const store = new MemoryStore('o')
    store.create(input)
    expect(store.listed('prod')).toHaveLength(1)
  })
})

describe('seeds from JSON', () => {
  test('takes every SeedInput field', () => {
    const seed = {
      name: 'S',
      sandboxName: 'dev',
      description: 'd',
      specId: 'x',
      specVersion: '2',
      specName: 'Access Key',
      params: { a: 1 },
      createdAt: 5
    }
    expect(readSeed({ ...seed, unknown: true })).toEqual(seed)
  })

  test('says what is wrong', () => {
    expect(readSeed({})).toMatch(/name/)
    expect(readSeed(null)).toMatch(/name/)
    expect(readSeed({ name: 'S', sandboxName: 1 })).toBe('seed.sandboxName must be a string')
    expect(readSeed({ name: 'S', params: [] })).toBe('seed.params must be an object')
    expect(readSeed({ name: 'S', createdAt: 'now' })).toMatch(/createdAt/)
  })
})
