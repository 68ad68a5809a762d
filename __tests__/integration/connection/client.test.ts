// The connections client against the emulator over real sockets: every page read, exact names,
// answers checked before use.

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { ConnectionsClient } from '../../../src/connection/client.js'
import { Ledger } from '../../../src/platform/ledger.js'
import { UnexpectedResponseError } from '../../../src/platform/errors.js'
import { platformSession, type TestSession } from '../../helpers/platform.js'

const SPEC = { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' }
const AUTH = { specName: 'Access Key', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }
let emulator: Emulator
let session: TestSession

beforeAll(async () => {
  emulator = await startEmulator({ pageSize: 3, sandboxes: ['prod', 'dev'] })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  session = platformSession(emulator)
})
afterEach(() => session.transport.close())

const client = () => new ConnectionsClient(session.api, new Ledger())
const listAnswer = (body: unknown, times = 1) =>
  emulator.faults.add({ method: 'GET', route: '/connections', times, action: { type: 'status', status: 200, body } })

describe('find', () => {
  it('finds exact matches across pages, in this sandbox and spec only', async () => {
    const mine = emulator.store.seed({ name: 'Sales, EU' })
    for (let i = 0; i < 5; i++) emulator.store.seed({ name: `Sales ${i}` })
    emulator.store.seed({ name: 'Sales, EU', sandboxName: 'dev' })
    emulator.store.seed({
      name: 'Sales, EU',
      specId: '32e8f412-cdf7-464c-9885-78184cb113fd',
      specName: 'Google Cloud Storage authentication credentials',
      params: { accessKeyId: 'a', secretAccessKey: 'b' }
    })
    const found = await client().find('Sales, EU', SPEC.id)
    expect(found.map((c) => c.id)).toEqual([mine.id])
    expect(found[0]).toMatchObject({ etag: mine.etag, createdAt: mine.createdAt, authSpecName: 'Access Key', spec: SPEC })
    expect(emulator.requests().length).toBeGreaterThan(1)
  })

  it('counts a connection listed on two pages once', async () => {
    const item = { id: '4cb0c374-d3bb-4557-b139-5712880adc55', name: 'Dup', connectionSpec: SPEC, etag: '"e"' }
    listAnswer({ items: [item], _links: { next: { href: '/connections?continuationToken=p2' } } })
    listAnswer({ items: [item] })
    expect(await client().find('Dup', SPEC.id)).toHaveLength(1)
  })

  it('ends a continuation loop (A to B to A) with a clear error at once', async () => {
    listAnswer({ items: [], _links: { next: { href: '/connections?continuationToken=A' } } })
    listAnswer({ items: [], _links: { next: { href: '/connections?continuationToken=B' } } })
    listAnswer({ items: [], _links: { next: { href: '/connections?continuationToken=A' } } })
    await expect(client().find('x', SPEC.id)).rejects.toThrow(/pointed back to a page already read \(a continuation loop\)/)
    expect(emulator.requests()).toHaveLength(3)
  })

  it('rejects a list answer without items', async () => {
    listAnswer({ nothing: true })
    await expect(client().find('x', SPEC.id)).rejects.toThrow('no "items" array')
  })

  it('refuses a matching item whose id or etag is not what Adobe issues, naming the field', async () => {
    listAnswer({ items: [{ id: 'x\n::error::injected', name: 'Mine', connectionSpec: SPEC }] })
    await expect(client().find('Mine', SPEC.id)).rejects.toThrow(/"id" is not an id .*got "x\\n::error::injected"/)
    listAnswer({ items: [{ id: '4cb0c374-d3bb-4557-b139-5712880adc55', name: 'Mine', connectionSpec: SPEC, etag: '"a"\n::warning::x' }] })
    await expect(client().find('Mine', SPEC.id)).rejects.toThrow(/"etag" is not an etag/)
  })

  it('ignores items it does not use, however malformed', async () => {
    listAnswer({ items: [{ id: '\n::error::x', name: 'Other', connectionSpec: SPEC }, 'junk', null] })
    expect(await client().find('Mine', SPEC.id)).toEqual([])
  })
})

describe('get, patch, delete, explore', () => {
  it('reads one connection', async () => {
    const seeded = emulator.store.seed({ name: 'One', description: 'd' })
    expect(await client().get(seeded.id)).toMatchObject({
      id: seeded.id,
      name: 'One',
      description: 'd',
      etag: seeded.etag,
      authSpecName: 'Access Key'
    })
  })

  it('patches with If-Match and says when the etag is stale', async () => {
    const seeded = emulator.store.seed({ name: 'One' })
    const ops = [
      { op: 'replace' as const, path: '/auth/params', value: { s3AccessKey: 'AKIAEXAMPLE00000000', s3SecretKey: 'new-secret-key' } }
    ]
    expect(await client().patch(seeded.id, '"not-the-etag"', ops)).toBe('stale')
    expect(await client().patch(seeded.id, seeded.etag, ops)).toEqual({ id: seeded.id, etag: emulator.store.get(seeded.id)?.etag })
    expect(emulator.store.get(seeded.id)?.auth.params.s3SecretKey).toBe('new-secret-key')
  })

  it('deletes, and takes an already deleted connection as done', async () => {
    const seeded = emulator.store.seed({ name: 'One' })
    await client().delete(seeded.id)
    expect(emulator.store.get(seeded.id)).toBeUndefined()
    await expect(client().delete(seeded.id)).resolves.toBeUndefined()
  })

  it('lists the bucket root, or a folder', async () => {
    const seeded = emulator.store.seed({ name: 'One', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } })
    const root = await client().explore(seeded.id)
    expect(root.map((e) => e.type)).toContain('folder')
    const folder = await client().explore(seeded.id, '/demo-bucket/')
    expect(folder.length).toBeGreaterThan(0)
  })
})

describe('create', () => {
  const body = { name: 'n', description: 'd', auth: AUTH, connectionSpec: SPEC }

  it('reads the connection back when the 201 has no usable etag, and goes on', async () => {
    const seeded = emulator.store.seed({ name: 'n' })
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'status', status: 201, body: { id: seeded.id } } })
    expect(await client().create(body, () => Promise.resolve(undefined))).toEqual({ id: seeded.id, etag: seeded.etag })
  })

  it('refuses a 201 whose id is not an id', async () => {
    emulator.faults.add({
      method: 'POST',
      route: '/connections',
      action: { type: 'status', status: 201, body: { id: '../../x', etag: '"e"' } }
    })
    const error = await client()
      .create(body, () => Promise.resolve(undefined))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnexpectedResponseError)
    expect(String(error)).toMatch(/POST \/connections returned an unexpected response: "id" is not an id/)
  })
})
