// Fault injection over real sockets: what the client sees and what the emulator did.
import { readRule } from '../../../emulator/faults/rules.js'
import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { chainParts, flowBody } from '../dataflow-helpers.js'
import { catalog, createS3, dataPrep, flow, flowCode, imsToken, s3Body, TOKEN_FORM, type Response } from '../helpers.js'

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
    // The client gives up once the emulator has the request: it has read it, and answers nothing.
    const waiting = setInterval(() => {
      if (emu.requests().length > 0) controller.abort()
    }, 10)
    try {
      await expect(pending).rejects.toThrow(/abort/i)
    } finally {
      clearInterval(waiting)
    }
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

describe('barrier', () => {
  interface Run {
    saw: number
    created: number
  }

  // One run of a "find or create" client: list, then create when nothing was found.
  async function findOrCreate(name: string): Promise<Run> {
    const listed = await flow(emu, 'GET', `/connections?property=${encodeURIComponent(`name==${name}`)}`)
    const saw = listed.json<{ items: unknown[] }>().items.length
    if (saw > 0) return { saw, created: 0 }
    const created = await flow(emu, 'POST', '/connections', { body: s3Body(name) })
    return { saw, created: created.status === 201 ? 1 : 0 }
  }

  test.each([2, 3, 5])('%i concurrent runs all see an empty sandbox before any of them creates', async (count) => {
    emu.faults.add({ method: 'GET', route: '/connections', action: { type: 'barrier', count } })
    const runs = await Promise.all(Array.from({ length: count }, () => findOrCreate('S3 Connection')))
    expect(runs).toEqual(Array.from({ length: count }, () => ({ saw: 0, created: 1 })))
    const order = emu.requests().map((r) => r.method)
    expect(order.slice(0, count)).toEqual(Array.from({ length: count }, () => 'GET'))
    expect(emu.store.list()).toHaveLength(count)
  })

  test('times defaults to count: the next request after the group is not held', async () => {
    emu.faults.add({ method: 'GET', route: '/connections', action: { type: 'barrier', count: 2 } })
    expect(emu.faults.pending()).toEqual([{ method: 'GET', route: '/connections', times: 2, action: { type: 'barrier', count: 2 } }])
    await Promise.all([flow(emu, 'GET', '/connections'), flow(emu, 'GET', '/connections')])
    expect(emu.faults.pending()).toEqual([])
    expect((await flow(emu, 'GET', '/connections')).status).toBe(200)
  })

  test('held requests are processed in arrival order: the first POST held is the first created', async () => {
    emu.faults.add({ method: 'POST', route: '/connections', action: { type: 'barrier', count: 3 } })
    const posts: Promise<Response>[] = []
    for (const name of ['first', 'second', 'third']) {
      posts.push(flow(emu, 'POST', '/connections', { body: s3Body(name) }))
      await waitFor(() => emu.requests().filter((r) => r.method === 'POST' && r.body !== '').length === posts.length)
    }
    expect((await Promise.all(posts)).map((r) => r.status)).toEqual([201, 201, 201])
    expect(emu.store.list().map((c) => c.name)).toEqual(['first', 'second', 'third'])
  })

  test('after timeoutMs, fewer than count are let through', async () => {
    emu.faults.add({ route: '/connections', action: { type: 'barrier', count: 3, timeoutMs: 150 } })
    const started = Date.now()
    const res = await flow(emu, 'GET', '/connections')
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  test('clearing the faults lets held requests through at once', async () => {
    emu.faults.add({ route: '/connections', action: { type: 'barrier', count: 2 } })
    const held = flow(emu, 'GET', '/connections')
    await waitFor(() => emu.requests().length === 1)
    emu.faults.clear()
    expect((await held).status).toBe(200)
  })

  test('close() ends a held request', async () => {
    const other = await startEmulator()
    other.faults.add({ route: '/connections', action: { type: 'barrier', count: 2 } })
    const held = flow(other, 'GET', '/connections')
    await waitFor(() => other.requests().length === 1)
    await other.close()
    await expect(held).rejects.toThrow()
  })
})

describe('seed side effect', () => {
  const foreign = { name: 'S3 Connection', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: 'someone-else' } }

  test('a failed create makes another workflow connection appear, in place before the client gets its 503', async () => {
    emu.faults.add({ method: 'POST', route: '/connections', action: { type: 'status', status: 503 }, seed: foreign })
    const res = await flow(emu, 'POST', '/connections', { body: s3Body('S3 Connection') })
    expect(res.status).toBe(503)
    const stored = emu.store.list()
    expect(stored).toHaveLength(1)
    expect(stored[0]?.auth.params['s3SecretKey']).toBe('someone-else')
    const listed = await flow(emu, 'GET', `/connections?property=${encodeURIComponent('name==S3 Connection')}`)
    expect(listed.json<{ items: { createdClient: string }[] }>().items.map((i) => i.createdClient)).toEqual(['emulator-seed'])
  })

  test('each time the rule applies, one connection is seeded', async () => {
    emu.faults.add({ method: 'POST', route: '/connections', times: 2, action: { type: 'status', status: 500 }, seed: foreign })
    await flow(emu, 'POST', '/connections', { body: s3Body('S3 Connection') })
    await flow(emu, 'POST', '/connections', { body: s3Body('S3 Connection') })
    expect((await flow(emu, 'POST', '/connections', { body: s3Body('S3 Connection') })).status).toBe(201)
    expect(emu.store.list().map((c) => c.auth.params['s3SecretKey'])).toEqual(['someone-else', 'someone-else', DEMO.s3SecretKey])
    expect(emu.faults.pending()).toEqual([])
  })

  test('pending() shows the seed with its rule', () => {
    emu.faults.add({ route: '/connections', action: { type: 'hang' }, seed: { name: 'x' } })
    expect(emu.faults.pending()).toEqual([{ route: '/connections', times: 1, action: { type: 'hang' }, seed: { name: 'x' } }])
  })
})

describe('rules', () => {
  test('a barrier needs a count and times >= count; times defaults to count', () => {
    expect(readRule({ route: '/connections', action: { type: 'barrier', count: 3 } })).toMatchObject({ times: 3 })
    expect(readRule({ route: '/connections', times: Infinity, action: { type: 'barrier', count: 3, timeoutMs: 0 } })).toMatchObject({
      times: Infinity
    })
    expect(readRule({ route: '/connections', times: 2, action: { type: 'barrier', count: 3 } })).toBe(
      'a barrier of count 3 needs times >= 3'
    )
    expect(readRule({ route: '/connections', action: { type: 'barrier', count: 0 } })).toMatch(/count/)
    expect(readRule({ route: '/connections', action: { type: 'barrier', count: 2.5 } })).toMatch(/count/)
    expect(readRule({ route: '/connections', action: { type: 'barrier', count: 2, timeoutMs: -1 } })).toMatch(/timeoutMs/)
  })

  test('a seed must be a SeedInput; headers must be strings; methods are upper-cased', () => {
    expect(readRule({ route: '/connections', action: { type: 'hang' }, seed: {} })).toMatch(/name/)
    expect(readRule({ route: '/connections', action: { type: 'status', status: 429, headers: { 'retry-after': 1 } } })).toMatch(/headers/)
    expect(readRule({ method: 'post', route: '/connections', action: { type: 'reset' } })).toEqual({
      method: 'POST',
      route: '/connections',
      action: { type: 'reset' }
    })
    expect(readRule('x')).toMatch(/object/)
    expect(readRule({ route: '/x', method: 1, action: { type: 'hang' } })).toMatch(/method/)
    expect(readRule({ route: '/x', action: { type: 'malformed-json', status: 99 } })).toMatch(/status/)
    expect(readRule({ route: '/x', action: { type: 'delay' } })).toMatch(/ms/)
  })
})

function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = setInterval(() => {
      if (condition()) {
        clearInterval(poll)
        resolve()
      } else if (Date.now() - started > ms) {
        clearInterval(poll)
        reject(new Error('timed out waiting'))
      }
    }, 5)
  })
}

describe('faults on the dataflow services', () => {
  test('routes are relative to each service: /flows/*, /runs, /dataSets/*, /mappingSets, /mappingSets/*', async () => {
    emu.faults.add({ method: 'GET', route: '/flows/*', action: { type: 'status', status: 503 } })
    emu.faults.add({ method: 'GET', route: '/runs', action: { type: 'status', status: 429 } })
    emu.faults.add({ route: '/dataSets/*', action: { type: 'status', status: 500 } })
    emu.faults.add({ method: 'POST', route: '/mappingSets', action: { type: 'malformed-json' } })
    emu.faults.add({ route: '/data/foundation/conversion/mappingSets/*', action: { type: 'status', status: 504 } })
    expect((await flow(emu, 'GET', '/flows/abc')).status).toBe(503)
    expect((await flow(emu, 'GET', '/runs?property=flowId==abc')).status).toBe(429)
    expect(flowCode(await catalog(emu, 'GET', '/dataSets/65f0c0ffee0d15ea5e000001'))).toBe('1102-500')
    const malformed = await dataPrep(emu, 'POST', '/mappingSets', { body: {} })
    expect(() => malformed.json()).toThrow()
    expect((await dataPrep(emu, 'POST', '/mappingSets/validate', { body: {} })).status).toBe(504)
    expect(emu.faults.pending()).toEqual([])
    expect(emu.requests().map((r) => [r.service, r.route, r.status])).toEqual([
      ['flow', '/flows/{id}', 503],
      ['flow', '/runs', 429],
      ['catalog', '/dataSets/{id}', 500],
      ['dataprep', '/mappingSets', 200],
      ['dataprep', '/mappingSets/validate', 504]
    ])
  })

  test('commit-then-drop on POST /flows really creates the dataflow', async () => {
    const parts = await chainParts(emu)
    emu.faults.add({ method: 'POST', route: '/flows', action: { type: 'commit-then-drop' } })
    const err = await networkError(flow(emu, 'POST', '/flows', { body: flowBody(parts) }))
    expect(err.code).toBe('ECONNRESET')
    expect(emu.dataflows.flows().map((f) => f.name)).toEqual(['Daily CRM'])
  })
})
