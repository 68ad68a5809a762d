// Data Prep's mapping sets over real sockets: create, read, new versions, validate.
import { DEMO_MAPPING, DEMO_SCHEMA_ID, startEmulator, type Emulator } from '../../../emulator/index.js'
import { dataPrep, flowCode } from '../helpers.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ sandboxes: ['prod', 'dev'] })
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

const CONTENT_TYPE = 'application/vnd.adobe.xed-full+json;version=1'

function body(mappings: unknown[] = [...DEMO_MAPPING], schemaId = DEMO_SCHEMA_ID): unknown {
  return { outputSchema: { schemaRef: { id: schemaId, contentType: CONTENT_TYPE } }, mappings }
}

async function create(mappings?: unknown[]): Promise<{ id: string; version: number }> {
  const res = await dataPrep(emu, 'POST', '/mappingSets', { body: body(mappings) })
  if (res.status !== 200) throw new Error(`create failed: ${res.status} ${res.text}`)
  return res.json()
}

interface Generic {
  type: string
  status: number
  title: string
  detail: string
}

describe('POST /mappingSets', () => {
  test('answers 200 (not 201) with a 32-hex id, version 0 and its dates', async () => {
    const res = await dataPrep(emu, 'POST', '/mappingSets', { body: body() })
    expect(res.status).toBe(200)
    const answer = res.json<Record<string, unknown>>()
    expect(answer).toMatchObject({
      version: 0,
      createdBy: 'emulator-demo-client-id@AdobeID',
      modifiedBy: 'emulator-demo-client-id@AdobeID'
    })
    expect(answer['id']).toMatch(/^[0-9a-f]{32}$/)
    expect(answer['createdDate']).toBe(answer['modifiedDate'])
    expect(typeof answer['createdDate']).toBe('number')
  })

  test('accepts the older {version, xdmSchema, xdmVersion, mappings} form', async () => {
    const res = await dataPrep(emu, 'POST', '/mappingSets', {
      body: { version: 0, xdmSchema: DEMO_SCHEMA_ID, xdmVersion: '1.0', mappings: DEMO_MAPPING }
    })
    expect(res.status).toBe(200)
    expect(emu.dataPrep.mappingSets()).toEqual([expect.objectContaining({ schemaId: DEMO_SCHEMA_ID, mappings: DEMO_MAPPING })])
  })

  test('an output schema that does not exist is 400, and nothing is stored', async () => {
    const missing = 'https://ns.adobe.com/emulator/schemas/00000000000000000000000000000000'
    const res = await dataPrep(emu, 'POST', '/mappingSets', { body: body(undefined, missing) })
    expect(res.status).toBe(400)
    expect(res.json<Generic>()).toMatchObject({
      title: 'BadRequestError',
      detail: `The output schema '${missing}' does not exist in sandbox 'prod'.`
    })
    const otherSandbox = await dataPrep(emu, 'POST', '/mappingSets', { body: body(), headers: { 'x-sandbox-name': 'dev' } })
    expect(otherSandbox.status).toBe(400)
    expect(emu.dataPrep.mappingSets()).toEqual([])
  })

  test('a set with a failing mapping is 400 naming each failure, and is not stored', async () => {
    const res = await dataPrep(emu, 'POST', '/mappingSets', {
      body: body([
        { sourceType: 'ATTRIBUTE', source: 'customer_id', destination: '_emulator.customerId' },
        { sourceType: 'ATTRIBUTE', source: 'email', destination: 'email' }
      ])
    })
    expect(res.status).toBe(400)
    expect(res.json<Generic>().detail).toBe(
      "The mapping set is not valid: mapping 1 (email -> email): The destination 'email' is not a field of the output schema."
    )
    expect(emu.dataPrep.mappingSets()).toEqual([])
  })

  test('a body that is not a mapping set is 400; a body that is not JSON too', async () => {
    expect((await dataPrep(emu, 'POST', '/mappingSets', { body: { mappings: [] } })).status).toBe(400)
    const notJson = await dataPrep(emu, 'POST', '/mappingSets', { body: '{', headers: {} })
    expect(notJson.status).toBe(400)
  })
})

describe('GET /mappingSets/{id}', () => {
  test('answers the whole set, source types normalised and each mapping with its own fields', async () => {
    const { id } = await create()
    const res = await dataPrep(emu, 'GET', `/mappingSets/${id}`)
    expect(res.status).toBe(200)
    const set = res.json<{
      id: string
      version: number
      outputSchema: unknown
      inputSchema: unknown
      mappings: Record<string, unknown>[]
    }>()
    expect(set).toMatchObject({
      id,
      version: 0,
      inputSchema: null,
      outputSchema: { schemaRef: { id: DEMO_SCHEMA_ID, contentType: CONTENT_TYPE } }
    })
    expect(set.mappings.map((m) => m['sourceType'])).toEqual([
      'text/x.schema-path',
      'text/x.aep-xl',
      'text/x.schema-path',
      'text/x.schema-path',
      'text/x.schema-path',
      'text/x.schema-path',
      'text/x.schema-path',
      'text/plain'
    ])
    expect(set.mappings[0]).toMatchObject({
      source: 'customer_id',
      destination: '_emulator.customerId',
      name: 'customer_id',
      description: null,
      identity: false,
      version: 0
    })
    expect(set.mappings[0]?.['id']).toMatch(/^[0-9a-f]{32}$/)
  })

  test('an unknown set, a set of another sandbox or an unknown version is 404; a bad version 400', async () => {
    const { id } = await create()
    expect((await dataPrep(emu, 'GET', '/mappingSets/0123456789abcdef0123456789abcdef')).status).toBe(404)
    expect((await dataPrep(emu, 'GET', `/mappingSets/${id}`, { headers: { 'x-sandbox-name': 'dev' } })).status).toBe(404)
    const noVersion = await dataPrep(emu, 'GET', `/mappingSets/${id}?version=3`)
    expect(noVersion.status).toBe(404)
    expect(noVersion.json<Generic>().detail).toBe(`Mapping set '${id}' has no version 3.`)
    expect((await dataPrep(emu, 'GET', `/mappingSets/${id}?version=latest`)).status).toBe(400)
  })
})

describe('PUT /mappingSets/{id}', () => {
  test('makes a new version each time (0, 1, 2); older versions stay readable; GET answers the latest', async () => {
    const { id } = await create()
    const first = await dataPrep(emu, 'PUT', `/mappingSets/${id}`, { body: body(DEMO_MAPPING.slice(0, 2)) })
    expect(first.status).toBe(200)
    expect(first.json()).toMatchObject({ id, version: 1 })
    const second = await dataPrep(emu, 'PUT', `/mappingSets/${id}`, { body: body(DEMO_MAPPING.slice(0, 1)) })
    expect(second.json()).toMatchObject({ id, version: 2 })
    const latest = (await dataPrep(emu, 'GET', `/mappingSets/${id}`)).json<{ version: number; mappings: unknown[] }>()
    expect([latest.version, latest.mappings.length]).toEqual([2, 1])
    const v0 = (await dataPrep(emu, 'GET', `/mappingSets/${id}?version=0`)).json<{ version: number; mappings: unknown[] }>()
    expect([v0.version, v0.mappings.length]).toEqual([0, DEMO_MAPPING.length])
    const v1 = (await dataPrep(emu, 'GET', `/mappingSets/${id}?version=1`)).json<{ version: number; mappings: unknown[] }>()
    expect([v1.version, v1.mappings.length]).toEqual([1, 2])
  })

  test('an unknown set is 404; an invalid body 400 and no new version', async () => {
    const { id } = await create()
    expect((await dataPrep(emu, 'PUT', '/mappingSets/0123456789abcdef0123456789abcdef', { body: body() })).status).toBe(404)
    expect((await dataPrep(emu, 'PUT', `/mappingSets/${id}`, { body: body([{ source: 'a', destination: 'nope' }]) })).status).toBe(400)
    expect(emu.dataPrep.mappingSet(id)?.version).toBe(0)
  })

  test('there is no DELETE', async () => {
    const { id } = await create()
    expect((await dataPrep(emu, 'DELETE', `/mappingSets/${id}`)).status).toBe(405)
  })
})

describe('POST /mappingSets/validate', () => {
  test('answers 200 with one entry per mapping: SUCCESS, or FAILED with {source, destination, exception}', async () => {
    const res = await dataPrep(emu, 'POST', '/mappingSets/validate', {
      body: body([
        { sourceType: 'ATTRIBUTE', source: 'customer_id', destination: '_emulator.customerId' },
        { sourceType: 'EXPRESSION', source: 'md5(email)', destination: 'personalEmail.address' },
        { sourceType: 'STATIC', source: 'x', destination: '_emulator.lifetimeValue' }
      ])
    })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({
      validationResponse: [
        { sourceType: 'ATTRIBUTE', source: 'customer_id', destination: '_emulator.customerId', status: 'SUCCESS', errors: [] },
        {
          sourceType: 'EXPRESSION',
          source: 'md5(email)',
          destination: 'personalEmail.address',
          status: 'FAILED',
          errors: [
            {
              source: 'md5(email)',
              destination: 'personalEmail.address',
              exception:
                "The expression 'md5(email)' is not valid: the function 'md5' is not supported (the emulator knows lower, upper, trim, concat, to_integer)."
            }
          ]
        },
        {
          sourceType: 'STATIC',
          source: 'x',
          destination: '_emulator.lifetimeValue',
          status: 'FAILED',
          errors: [
            {
              source: 'x',
              destination: '_emulator.lifetimeValue',
              exception: "The static value cannot be written to '_emulator.lifetimeValue': 'x' is not a number."
            }
          ]
        }
      ]
    })
    expect(emu.dataPrep.mappingSets()).toEqual([])
  })

  test('checks ATTRIBUTE sources against the inputSchema properties when the body has them', async () => {
    const res = await dataPrep(emu, 'POST', '/mappingSets/validate', {
      body: {
        ...(body([{ source: 'customer_id', destination: '_emulator.customerId' }]) as object),
        inputSchema: { properties: { id: { type: 'string' } } }
      }
    })
    expect(res.json()).toMatchObject({
      validationResponse: [{ status: 'FAILED', errors: [{ exception: "The source 'customer_id' is not a property of the input schema." }] }]
    })
  })

  test('an output schema that does not exist is 400', async () => {
    const res = await dataPrep(emu, 'POST', '/mappingSets/validate', {
      body: body(undefined, 'https://ns.adobe.com/x/schemas/00000000000000000000000000000000')
    })
    expect(res.status).toBe(400)
  })

  test('is recorded as its own route, not as a mapping set id; Data Prep has the gateway checks', async () => {
    await dataPrep(emu, 'POST', '/mappingSets/validate', { body: body() })
    expect(emu.requests().map((r) => [r.service, r.route])).toEqual([['dataprep', '/mappingSets/validate']])
    const wrongOrg = await dataPrep(emu, 'POST', '/mappingSets/validate', {
      body: body(),
      headers: { 'x-gw-ims-org-id': 'OTHER@AdobeOrg' }
    })
    expect(flowCode(wrongOrg)).toBe('2121-403')
  })
})
