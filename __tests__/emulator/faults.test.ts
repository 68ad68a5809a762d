// Fault injection over real sockets: what the client sees and what the emulator did.
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { createS3, flow, flowCode, imsToken, s3Body, TOKEN_FORM } from './helpers.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

function networkError(p: Promise<unknown>): Promise<NodeJS.ErrnoException> {
  return p.then(
    () => {
      throw new Error('expected a network error')
    },
    (e: unknown) => e as NodeJS.ErrnoException
  )
}

describe('status faults', () => {
  test('429 answers the gateway shape by default, with the headers the rule gives', async () => {
    emu.faults.add({ route: '/connections', action: { type: 'status', status: 429, headers: { 'Retry-After': '1' } } })
    const res = await flow(emu, 'GET', '/connections')
    expect(res.status).toBe(429)
    expect(res.headers['retry-after']).toBe('1')
    expect(res.json()).toEqual({ error_code: '429050', message: 'Too many requests' })
  })

  test('500, 503 and 504 answer Flow "please try again" errors by default', async () => {
    for (const [status, code] of [
      [500, '1102-500'],
      [503, '1103-503'],
      [504, '1104-504']
    ] as const) {
      emu.faults.add({ route: '/connections', action: { type: 'status', status } })
      const res = await flow(emu, 'GET', '/connections')
      expect(res.status).toBe(status)
      expect(flowCode(res)).toBe(code)
      expect(res.text).toMatch(/please try again/)
    }
  })

  test('other statuses answer the Flow shape; a string body is sent raw, an object as JSON', async () => {
    emu.faults.add({ route: '/connections', action: { type: 'status', status: 502 } })
    emu.faults.add({ route: '/connections', action: { type: 'status', status: 502, body: '<html>Bad Gateway</html>' } })
    emu.faults.add({ route: '/connections', action: { type: 'status', status: 200, body: { items: [{ id: 'fake' }] } } })
    expect(flowCode(await flow(emu, 'GET', '/connections'))).toBe('1100-502')
    const raw = await flow(emu, 'GET', '/connections')
    expect(raw.text).toBe('<html>Bad Gateway</html>')
    expect((await flow(emu, 'GET', '/connections')).json()).toEqual({ items: [{ id: 'fake' }] })
  })

  test('a rule applies `times` times, then normal processing resumes; pending() shows what is left', async () => {
    emu.faults.add({ method: 'GET', route: '/connections', times: 2, action: { type: 'status', status: 503 } })
    expect(emu.faults.pending()).toEqual([{ method: 'GET', route: '/connections', times: 2, action: { type: 'status', status: 503 } }])
    expect((await flow(emu, 'GET', '/connections')).status).toBe(503)
    expect(emu.faults.pending()[0]?.times).toBe(1)
    expect((await flow(emu, 'GET', '/connections')).status).toBe(503)
    expect(emu.faults.pending()).toEqual([])
    expect((await flow(emu, 'GET', '/connections')).status).toBe(200)
  })

  test('Infinity applies always', async () => {
    emu.faults.add({ route: '/connections', times: Infinity, action: { type: 'status', status: 500 } })
    for (let i = 0; i < 3; i++) expect((await flow(emu, 'GET', '/connections')).status).toBe(500)
    expect(emu.faults.pending()[0]?.times).toBe(Infinity)
  })

  test('a rule matches its method only, and * matches one id segment only', async () => {
    const { id } = await createS3(emu, 'F')
    emu.faults.add({ method: 'PATCH', route: '/connections/*', action: { type: 'status', status: 503 } })
    expect((await flow(emu, 'GET', `/connections/${id}`)).status).toBe(200)
    expect((await flow(emu, 'GET', `/connections/${id}/explore?objectType=root`)).status).toBe(200)
    expect((await flow(emu, 'GET', '/connections')).status).toBe(200)
    expect((await flow(emu, 'PATCH', `/connections/${id}`, { body: [] })).status).toBe(503)
  })

  test('a route may be written with the service base in front', async () => {
    emu.faults.add({ route: '/data/foundation/flowservice/connections/*/explore', action: { type: 'status', status: 504 } })
    const { id } = await createS3(emu, 'F')
    expect((await flow(emu, 'GET', `/connections/${id}/explore?objectType=root`)).status).toBe(504)
  })

  test('faults run before the header checks and are recorded with their status', async () => {
    emu.faults.add({ route: '/connections', action: { type: 'status', status: 503 } })
    const res = await flow(emu, 'GET', '/connections', { rawHeaders: {} })
    expect(res.status).toBe(503)
    expect(emu.requests()[0]).toMatchObject({ route: '/connections', status: 503 })
  })

  test('faults apply to the IMS token route too', async () => {
    emu.faults.add({ route: '/ims/token/v3', action: { type: 'status', status: 500 } })
    expect((await imsToken(emu, TOKEN_FORM)).status).toBe(500)
    expect((await imsToken(emu, TOKEN_FORM)).status).toBe(200)
  })

  test('invalid rules are refused when added', () => {
    expect(() => emu.faults.add({ route: 'connections', action: { type: 'hang' } })).toThrow(/route/)
    expect(() => emu.faults.add({ route: '/connections', times: 0, action: { type: 'hang' } })).toThrow(/times/)
    expect(() => emu.faults.add({ route: '/connections', action: { type: 'status', status: 42 } })).toThrow(/status/)
  })
})

describe('network faults', () => {
  test('commit-then-drop creates the connection but the client gets no answer', async () => {
    emu.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const error = await networkError(flow(emu, 'POST', '/connections', { body: s3Body('Lost') }))
    expect(error.code).toBe('ECONNRESET')
    expect(emu.store.list().map((c) => c.name)).toEqual(['Lost'])
    expect(emu.requests()[0]?.status).toBeUndefined()
  })

  test('reset drops the connection at once and creates nothing', async () => {
    emu.faults.add({ method: 'POST', route: '/connections', action: { type: 'reset' } })
    const error = await networkError(flow(emu, 'POST', '/connections', { body: s3Body('Never') }))
    expect(error.code).toBe('ECONNRESET')
    expect(emu.store.list()).toEqual([])
    expect(emu.requests()).toHaveLength(1)
  })

  test('hang reads the request and never answers, until the client gives up', async () => {
    emu.faults.add({ route: '/connections', action: { type: 'hang' } })
    const controller = new AbortController()
    const pending = fetch(`${emu.flowServiceUrl}/connections`, { signal: controller.signal })
    setTimeout(() => controller.abort(), 150)
    await expect(pending).rejects.toThrow(/abort/i)
    const [rec] = emu.requests()
    expect(rec?.route).toBe('/connections')
    expect(rec?.status).toBeUndefined()
  })

  test('malformed-json answers 200 application/json whose body does not parse', async () => {
    emu.faults.add({ route: '/connections', action: { type: 'malformed-json' } })
    const res = await flow(emu, 'GET', '/connections')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json')
    expect(() => JSON.parse(res.text) as unknown).toThrow()
  })

  test('malformed-json takes another status', async () => {
    emu.faults.add({ route: '/connections', action: { type: 'malformed-json', status: 201 } })
    expect((await flow(emu, 'POST', '/connections', { body: s3Body('x') })).status).toBe(201)
    expect(emu.store.list()).toEqual([])
  })

  test('delay answers normally, that much later', async () => {
    emu.faults.add({ route: '/connections', action: { type: 'delay', ms: 200 } })
    const started = Date.now()
    const res = await flow(emu, 'POST', '/connections', { body: s3Body('Slow') })
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(res.status).toBe(201)
    expect(emu.store.list()).toHaveLength(1)
  })
})
