// Catalog over real sockets: a dataset's schema, as the dataflow action reads it.
import { DEMO_DATASET_ID, DEMO_SCHEMA_ID, startEmulator, type Emulator } from '../../../emulator/index.js'
import { catalog, flowCode } from '../helpers.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ sandboxes: ['prod', 'dev'] })
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

describe('GET /dataSets/{id}', () => {
  test('answers an object keyed by the id with the properties asked for', async () => {
    const res = await catalog(emu, 'GET', `/dataSets/${DEMO_DATASET_ID}?properties=schemaRef,name`)
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({
      [DEMO_DATASET_ID]: {
        name: 'CRM customers',
        schemaRef: { id: DEMO_SCHEMA_ID, contentType: 'application/vnd.adobe.xed-full+json;version=1' }
      }
    })
  })

  test('without properties, answers the whole dataset', async () => {
    const res = await catalog(emu, 'GET', `/dataSets/${DEMO_DATASET_ID}`)
    const entry = res.json<Record<string, Record<string, unknown>>>()[DEMO_DATASET_ID]
    expect(entry).toMatchObject({ name: 'CRM customers', imsOrg: emu.orgId, sandboxName: 'prod', schemaRef: { id: DEMO_SCHEMA_ID } })
    expect(Object.keys(entry ?? {}).sort()).toEqual([
      'created',
      'createdClient',
      'description',
      'imsOrg',
      'name',
      'sandboxName',
      'schemaRef',
      'updated',
      'version'
    ])
  })

  test('a dataset added at run time is there at once', async () => {
    const schema = emu.catalog.addSchema({ title: 'Orders', fields: { '_emulator.orderId': 'string' } })
    const dataset = emu.catalog.addDataset({ name: 'Orders', schemaId: schema.id })
    const res = await catalog(emu, 'GET', `/dataSets/${dataset.id}?properties=schemaRef`)
    expect(res.json()).toEqual({
      [dataset.id]: { schemaRef: { id: schema.id, contentType: 'application/vnd.adobe.xed-full+json;version=1' } }
    })
  })

  test('an unknown dataset, or one of another sandbox, is 404 in the generic shape', async () => {
    const unknown = await catalog(emu, 'GET', '/dataSets/000000000000000000000000')
    expect(unknown.status).toBe(404)
    expect(unknown.json()).toEqual({
      type: 'https://ns.adobe.com/aep/errors/NotFoundError',
      status: 404,
      title: 'NotFoundError',
      detail: "Dataset '000000000000000000000000' was not found in sandbox 'prod'."
    })
    const elsewhere = await catalog(emu, 'GET', `/dataSets/${DEMO_DATASET_ID}`, { headers: { 'x-sandbox-name': 'dev' } })
    expect(elsewhere.status).toBe(404)
  })

  test('the gateway checks of Flow Service apply: token, API key, org, sandbox', async () => {
    const noToken = await catalog(emu, 'GET', `/dataSets/${DEMO_DATASET_ID}`, { rawHeaders: {} })
    expect(noToken.status).toBe(401)
    expect(noToken.json()).toEqual({ error_code: '403010', message: 'Oauth token is missing' })
    const noSandbox = await catalog(emu, 'GET', `/dataSets/${DEMO_DATASET_ID}`, { headers: { 'x-sandbox-name': 'nope' } })
    expect(flowCode(noSandbox)).toBe('2100-404')
  })

  test('other routes are 404, other methods 405; requests are recorded as Catalog', async () => {
    expect((await catalog(emu, 'GET', '/dataSets')).status).toBe(404)
    expect((await catalog(emu, 'DELETE', `/dataSets/${DEMO_DATASET_ID}`)).status).toBe(405)
    expect(emu.requests().map((r) => [r.service, r.method, r.route, r.status])).toEqual([
      ['catalog', 'GET', '/dataSets', 404],
      ['catalog', 'DELETE', '/dataSets/{id}', 405]
    ])
  })
})

describe('the catalog option', () => {
  test('adds schemas and datasets at start-up, in the sandbox named (default: the first)', async () => {
    const schemaId = 'https://ns.adobe.com/acme/schemas/0123456789abcdef0123456789abcdef'
    const own = await startEmulator({
      sandboxes: ['dev', 'prod'],
      catalog: {
        schemas: [{ id: schemaId, title: 'Orders', fields: { '_acme.orderId': 'string' } }],
        datasets: [{ id: '0123456789abcdef01234567', name: 'Orders', schemaId }]
      }
    })
    try {
      expect(own.catalog.datasets('dev').map((d) => d.id)).toEqual([DEMO_DATASET_ID, '0123456789abcdef01234567'])
      const res = await catalog(own, 'GET', '/dataSets/0123456789abcdef01234567?properties=name', { headers: { 'x-sandbox-name': 'dev' } })
      expect(res.json()).toEqual({ '0123456789abcdef01234567': { name: 'Orders' } })
    } finally {
      await own.close()
    }
  })

  test('a catalog that cannot be is refused by startEmulator', async () => {
    await expect(startEmulator({ catalog: { datasets: [{ name: 'x', schemaId: 'nope' }] } })).rejects.toThrow(
      "addDataset: no schema nope in sandbox 'prod'"
    )
    await expect(startEmulator({ catalog: { schemas: [{ title: 't', fields: { a: 'string' }, sandboxName: 'qa' }] } })).rejects.toThrow(
      "there is no sandbox 'qa'"
    )
  })
})
