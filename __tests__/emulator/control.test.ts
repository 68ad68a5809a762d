// The control API under /__emulator/ over real sockets.
import { DEMO_DATASET_ID, DEMO_SCHEMA_ID, startEmulator, type Emulator } from '../../emulator/index.js'
import { chainParts, createFlow, flowBody, inSeconds } from './dataflow-helpers.js'
import { catalog, flow, flowCode, send, type Response } from './helpers.js'

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

  test('a seed without a name, or with a field of the wrong type, is 400', async () => {
    expect((await control('POST', 'connections', {})).status).toBe(400)
    const bad = await control('POST', 'connections', { name: 'x', params: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.json()).toEqual({ error: 'seed.params must be an object' })
  })

  test('a fault rule may carry a seed, and a barrier; the seed appears when the rule applies', async () => {
    const added = await control('POST', 'faults', {
      method: 'POST',
      route: '/connections',
      action: { type: 'status', status: 503 },
      seed: { name: 'S3 Connection', params: { s3AccessKey: 'A', s3SecretKey: 'S' } }
    })
    expect(added.status).toBe(201)
    await control('POST', 'faults', { method: 'GET', route: '/connections', times: 'always', action: { type: 'barrier', count: 1 } })
    expect((await control('GET', 'faults')).json()).toEqual([
      {
        method: 'POST',
        route: '/connections',
        times: 1,
        action: { type: 'status', status: 503 },
        seed: { name: 'S3 Connection', params: { s3AccessKey: 'A', s3SecretKey: 'S' } }
      },
      { method: 'GET', route: '/connections', times: 'always', action: { type: 'barrier', count: 1 } }
    ])
    expect(emu.store.list()).toEqual([])
    expect((await flow(emu, 'POST', '/connections', { body: {} })).status).toBe(503)
    expect((await flow(emu, 'GET', '/connections')).json<{ items: { name: string }[] }>().items.map((i) => i.name)).toEqual([
      'S3 Connection'
    ])
    const bad = await control('POST', 'faults', { route: '/connections', times: 1, action: { type: 'barrier', count: 2 } })
    expect(bad.json()).toEqual({ error: 'Invalid fault rule: a barrier of count 2 needs times >= 2' })
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

  test('POST s3/files adds a file that explore lists and previews; DELETE s3/files?path= removes it', async () => {
    const path = '/demo-bucket/landing/a+b 2026.csv'
    const put = await control('POST', 's3/files', { path, content: 'id;name\n1;Zoë\n', encoding: 'ISO-8859-1' })
    expect(put.status).toBe(201)
    expect(put.json()).toEqual({ path })
    const { id } = emu.store.seed({ name: 'x' })
    const listed = await flow(
      emu,
      'GET',
      `/connections/${id}/explore?objectType=folder&object=${encodeURIComponent('/demo-bucket/landing/')}`
    )
    expect(listed.json<{ path: string }[]>().map((e) => e.path)).toEqual([path])
    const query = `objectType=file&object=${encodeURIComponent(path)}&fileType=delimited&preview=true&columnDelimiter=%3B&encoding=ISO-8859-1`
    expect((await flow(emu, 'GET', `/connections/${id}/explore?${query}`)).json()).toMatchObject({ data: [{ id: '1', name: 'Zoë' }] })
    expect((await control('DELETE', `s3/files?path=${encodeURIComponent(path)}`)).status).toBe(204)
    expect((await control('DELETE', `s3/files?path=${encodeURIComponent(path)}`)).status).toBe(404)
  })

  test('s3/files says what is wrong with a request', async () => {
    expect((await control('POST', 's3/files', { content: 'x' })).json()).toMatchObject({ error: expect.stringMatching(/path/) })
    expect((await control('POST', 's3/files', { path: '/demo-bucket/x', encoding: 'latin1' })).json()).toMatchObject({
      error: expect.stringMatching(/encoding/)
    })
    const unknown = await control('POST', 's3/files', { path: '/nope/x.csv' })
    expect(unknown.status).toBe(400)
    expect(unknown.json()).toMatchObject({ error: expect.stringMatching(/no bucket 'nope'/) })
    expect((await control('DELETE', 's3/files')).status).toBe(400)
  })

  test('PUT s3 takes files with content; an entry that contradicts itself is 400', async () => {
    const buckets = { b: [{ type: 'file', name: 'x.json', path: 'x.json', content: '[{"a":1}]' }] }
    expect((await control('PUT', 's3', { buckets })).status).toBe(204)
    const { id } = emu.store.seed({ name: 'x' })
    const res = await flow(emu, 'GET', `/connections/${id}/explore?objectType=file&object=/b/x.json&fileType=json`)
    expect(res.json()).toEqual([{ name: 'a', type: 'integer' }])
    const bad = await control('PUT', 's3', { buckets: { b: [{ type: 'file', name: 'x', path: '/b/' }] } })
    expect(bad.status).toBe(400)
    expect(bad.json()).toMatchObject({ error: expect.stringMatching(/names no file/) })
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

  test('schemas and datasets: list, add (Catalog serves them at once), and 400 saying why not', async () => {
    expect((await control('GET', 'schemas')).json<{ id: string }[]>().map((x) => x.id)).toEqual([DEMO_SCHEMA_ID])
    const schema = await control('POST', 'schemas', {
      title: 'Orders',
      fields: { '_emulator.orderId': 'string', '_emulator.total': 'number' }
    })
    expect(schema.status).toBe(201)
    const schemaId = schema.json<{ id: string }>().id
    const dataset = await control('POST', 'datasets', { name: 'Orders', schemaId, id: '0123456789abcdef01234567' })
    expect(dataset.status).toBe(201)
    expect(dataset.json()).toMatchObject({ id: '0123456789abcdef01234567', name: 'Orders', schemaId, sandboxName: 'prod' })
    expect((await control('GET', 'datasets')).json<{ id: string }[]>().map((d) => d.id)).toEqual([
      DEMO_DATASET_ID,
      '0123456789abcdef01234567'
    ])
    const read = await catalog(emu, 'GET', '/dataSets/0123456789abcdef01234567?properties=schemaRef')
    expect(read.json()).toMatchObject({ '0123456789abcdef01234567': { schemaRef: { id: schemaId } } })
    expect((await control('POST', 'schemas', { title: 'x', fields: { a: 'blob' } })).json()).toEqual({
      error: 'fields.a must be one of string, integer, number, boolean, date, date-time'
    })
    expect((await control('POST', 'datasets', { name: 'x', schemaId: 'nope' })).json()).toEqual({
      error: "addDataset: no schema nope in sandbox 'prod'"
    })
    expect((await control('POST', 'datasets', { name: 'x' })).status).toBe(400)
  })

  test('dataflows, runs, run-clock: what a workflow on a runner needs to make a run happen and read it', async () => {
    expect((await control('GET', 'run-clock')).json()).toEqual({ startDelayMs: 150000, durationMs: 30000, timeScale: 1 })
    const clock = await control('PUT', 'run-clock', { startDelayMs: 0, durationMs: 0 })
    expect(clock.json()).toEqual({ startDelayMs: 0, durationMs: 0, timeScale: 1 })
    const parts = await chainParts(emu)
    const { id } = await createFlow(emu, flowBody(parts, { scheduleParams: { startTime: inSeconds(3600), frequency: 'once' } }))
    const listed = (await control('GET', 'dataflows')).json<{
      flows: { id: string }[]
      sourceConnections: unknown[]
      targetConnections: unknown[]
    }>()
    expect([listed.flows.map((f) => f.id), listed.sourceConnections.length, listed.targetConnections.length]).toEqual([[id], 1, 1])
    expect((await control('GET', 'mapping-sets')).json<{ id: string }[]>().map((m) => m.id)).toEqual([parts.mapping.id])
    expect((await control('POST', 'runs/check')).json()).toEqual([])
    const run = await control('POST', 'runs', { flowId: id })
    expect(run.status).toBe(201)
    expect(run.json()).toMatchObject({ flowId: id, status: 'success', recordsWritten: 10 })
    expect((await control('GET', `runs?flowId=${id}`)).json<unknown[]>()).toHaveLength(1)
    expect((await control('GET', 'runs?flowId=other')).json()).toEqual([])
    expect((await control('POST', 'runs/check')).json<unknown[]>()).toHaveLength(1)
    const records = await control('GET', `records?dataSetId=${DEMO_DATASET_ID}`)
    expect(records.json<unknown[]>()).toHaveLength(10)
    expect((await control('GET', 'records')).status).toBe(400)
  })

  test('runs, run-clock and busy say what is wrong with a request', async () => {
    expect((await control('POST', 'runs', {})).json()).toEqual({ error: 'The body needs {"flowId": "<dataflow id>"}' })
    expect((await control('POST', 'runs', { flowId: 'nope' })).json()).toEqual({ error: 'runNow: no dataflow nope' })
    expect((await control('PUT', 'run-clock', { timeScale: '60' })).json()).toEqual({ error: 'timeScale must be a number' })
    expect((await control('PUT', 'run-clock', { timeScale: 0 })).json()).toEqual({ error: 'runClock.timeScale must be a number > 0' })
    expect((await control('PUT', 'run-clock', [])).status).toBe(400)
    expect((await control('POST', 'busy', { flowId: 'nope' })).json()).toEqual({ error: 'markBusy: no dataflow nope' })
    expect((await control('POST', 'busy', { flowId: 'x', requests: 'many' })).status).toBe(400)
    expect((await control('POST', 'busy', {})).status).toBe(400)
  })

  test('busy makes a dataflow answer 1421-400 ("always" until cleared with 0)', async () => {
    const parts = await chainParts(emu)
    const { id } = await createFlow(emu, flowBody(parts))
    expect((await control('POST', 'busy', { flowId: id, requests: 'always' })).status).toBe(204)
    for (let i = 0; i < 3; i++) expect(flowCode(await flow(emu, 'POST', `/flows/${id}/action?op=disable`))).toBe('1421-400')
    await control('POST', 'busy', { flowId: id, requests: 0 })
    expect((await flow(emu, 'POST', `/flows/${id}/action?op=disable`)).status).toBe(200)
  })

  test('POST reset also empties the dataflows, mapping sets, runs and records, and restores the catalog and run clock', async () => {
    const parts = await chainParts(emu)
    await createFlow(emu, flowBody(parts))
    emu.catalog.addSchema({ title: 'Later', fields: { a: 'string' } })
    emu.dataflows.setRunClock({ timeScale: 5 })
    await control('POST', 'reset')
    expect(emu.dataflows.flows()).toEqual([])
    expect(emu.dataflows.sourceConnections()).toEqual([])
    expect(emu.dataPrep.mappingSets()).toEqual([])
    expect(emu.catalog.schemas().map((x) => x.id)).toEqual([DEMO_SCHEMA_ID])
    expect(emu.dataflows.runClock().timeScale).toBe(1)
  })
})
