// The control API under /__emulator/ over real sockets.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { flow, send, type Response } from './helpers.js'

let emu: Emulator
let base: string

beforeAll(async () => {
  emu = await startEmulator()
  base = `${emu.imsUrl}/__emulator`
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

function control(method: string, path: string, body?: unknown): Promise<Response> {
  return send(`${base}/${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {})
  })
}

describe('control API', () => {
  test('health answers ok without auth', async () => {
    const res = await control('GET', 'health')
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ ok: true })
  })

  test('seeds and lists connections, secrets included', async () => {
    const seeded = await control('POST', 'connections', {
      name: 'Seeded',
      sandboxName: 'prod',
      params: { s3AccessKey: 'A', s3SecretKey: 'S' }
    })
    expect(seeded.status).toBe(201)
    expect(seeded.json()).toMatchObject({ name: 'Seeded', auth: { specName: 'Access Key', params: { s3SecretKey: 'S' } } })
    const list = await control('GET', 'connections')
    expect(list.json<{ name: string }[]>().map((c) => c.name)).toEqual(['Seeded'])
    expect((await flow(emu, 'GET', '/connections')).json<{ items: unknown[] }>().items).toHaveLength(1)
  })

  test('a seed without a name is 400', async () => {
    expect((await control('POST', 'connections', {})).status).toBe(400)
  })

  test('adds faults, with "always" for Infinity, lists and clears them', async () => {
    const added = await control('POST', 'faults', {
      method: 'GET',
      route: '/connections',
      times: 'always',
      action: { type: 'status', status: 503 }
    })
    expect(added.status).toBe(201)
    expect(emu.faults.pending()[0]?.times).toBe(Infinity)
    expect((await control('GET', 'faults')).json()).toEqual([
      { method: 'GET', route: '/connections', times: 'always', action: { type: 'status', status: 503 } }
    ])
    expect((await flow(emu, 'GET', '/connections')).status).toBe(503)
    expect((await control('DELETE', 'faults')).status).toBe(204)
    expect((await flow(emu, 'GET', '/connections')).status).toBe(200)
  })

  test('a fault without times applies once; an invalid rule is 400', async () => {
    await control('POST', 'faults', { route: '/connections', action: { type: 'status', status: 500 } })
    expect(emu.faults.pending()[0]?.times).toBe(1)
    const bad = await control('POST', 'faults', { route: '/connections', action: { type: 'explode' } })
    expect(bad.status).toBe(400)
    expect(bad.json()).toMatchObject({ error: expect.stringMatching(/action.type/) })
  })

  test('lists and clears recorded requests, and is itself never recorded or counted', async () => {
    await flow(emu, 'GET', '/connections')
    const requests = await control('GET', 'requests')
    expect(requests.json<{ route: string }[]>().map((r) => r.route)).toEqual(['/connections'])
    expect((await control('DELETE', 'requests')).status).toBe(204)
    expect(emu.requests()).toEqual([])
    expect((await control('GET', 'stats')).json()).toMatchObject({ flow: { requests: 1 } })
  })

  test('PUT s3 changes the S3 behaviour', async () => {
    expect((await control('PUT', 's3', { accessKey: 'K', secretKey: 'S' })).status).toBe(204)
    const { id } = emu.store.seed({ name: 'x', params: { s3AccessKey: 'K', s3SecretKey: 'wrong' } })
    const res = await flow(emu, 'GET', `/connections/${id}/explore?objectType=root`)
    expect(res.text).toMatch(/signature/)
  })

  test('PUT s3 with a malformed body is 400 and changes nothing', async () => {
    const res = await control('PUT', 's3', { buckets: { b: [{ type: 'blob' }] } })
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ error: expect.stringMatching(/buckets\.b/) })
  })

  test('POST reset empties everything', async () => {
    emu.store.seed({ name: 'x' })
    emu.faults.add({ route: '/connections', action: { type: 'hang' } })
    expect((await control('POST', 'reset')).status).toBe(204)
    expect(emu.store.list()).toEqual([])
    expect(emu.faults.pending()).toEqual([])
  })

  test('unknown control endpoints are 404 and bad JSON is 400', async () => {
    expect((await control('GET', 'nope')).status).toBe(404)
    const bad = await send(`${base}/faults`, { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } })
    expect(bad.status).toBe(400)
  })
})
