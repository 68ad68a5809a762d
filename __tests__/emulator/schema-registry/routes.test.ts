// Schema Registry over real sockets: a dataset's schema read whole, as the dataflow's plan reads it.
import { DEMO_SCHEMA_ID, startEmulator, type Emulator } from '../../../emulator/index.js'
import { flowHeaders, send, type Response } from '../helpers.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ sandboxes: ['prod', 'dev'] })
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

const XED_FULL = 'application/vnd.adobe.xed-full+json;version=1'

function schema(id: string, headers: Record<string, string> = { accept: XED_FULL }): Promise<Response> {
  return send(`${emu.schemaRegistryUrl}/tenant/schemas/${encodeURIComponent(id)}`, { headers: flowHeaders(emu, headers) })
}

describe('GET /tenant/schemas/{id}', () => {
  test('answers the schema with its field paths as nested properties, dates as formatted strings', async () => {
    const res = await schema(DEMO_SCHEMA_ID)
    expect(res.status).toBe(200)
    const body = res.json<Record<string, unknown>>()
    expect(body).toMatchObject({
      $id: DEMO_SCHEMA_ID,
      'meta:altId': '_emulator.schemas.5c0ffee0d15ea5e0c0ffee0d15ea5e01',
      title: 'CRM customers',
      type: 'object'
    })
    expect(body['properties']).toMatchObject({
      person: { type: 'object', properties: { name: { type: 'object', properties: { firstName: { type: 'string' } } } } },
      _emulator: {
        type: 'object',
        properties: {
          signupDate: { type: 'string', format: 'date' },
          importedAt: { type: 'string', format: 'date-time' },
          ordersLast90d: { type: 'integer' }
        }
      }
    })
  })

  test('a schema added at run time is there at once, fields that share a parent under one object', async () => {
    const added = emu.catalog.addSchema({ title: 'Orders', fields: { 'order.id': 'string', 'order.total': 'number' } })
    const res = await schema(added.id)
    expect(res.json<Record<string, unknown>>()['properties']).toEqual({
      order: { type: 'object', properties: { id: { type: 'string' }, total: { type: 'number' } } }
    })
  })

  test('without an Accept header naming a schema form, answers 406', async () => {
    const res = await schema(DEMO_SCHEMA_ID, { accept: 'application/json' })
    expect(res.status).toBe(406)
    expect(res.json()).toMatchObject({ status: 406, title: 'NotAcceptableError' })
  })

  test('an unknown schema, or one of another sandbox, is 404', async () => {
    expect((await schema('https://ns.adobe.com/emulator/schemas/0000')).status).toBe(404)
    const elsewhere = await schema(DEMO_SCHEMA_ID, { accept: XED_FULL, 'x-sandbox-name': 'dev' })
    expect(elsewhere.status).toBe(404)
  })
})
