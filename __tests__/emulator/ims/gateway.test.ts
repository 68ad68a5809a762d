// The header checks that run before any Flow Service route, in Adobe's order, over real sockets.
import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { flow, flowCode, flowHeaders, imsToken, send, TOKEN_FORM, type FlowError } from '../helpers.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ sandboxes: ['prod', 'dev'] })
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

function without(...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(flowHeaders(emu)).filter(([name]) => !names.includes(name)))
}

describe('Flow Service gateway checks', () => {
  test('a missing bearer token is 401 with gateway code 403010', async () => {
    const res = await flow(emu, 'GET', '/connections', { rawHeaders: without('authorization') })
    expect(res.status).toBe(401)
    expect(res.json()).toEqual({ error_code: '403010', message: 'Oauth token is missing' })
  })

  test('an unknown token is 401 with gateway code 401013, checked before the API key', async () => {
    const res = await flow(emu, 'GET', '/connections', { rawHeaders: { ...without('x-api-key'), authorization: 'Bearer nope' } })
    expect(res.status).toBe(401)
    expect(res.json()).toEqual({ error_code: '401013', message: 'Oauth token is not valid' })
  })

  test('a missing API key is 403 with gateway code 403000', async () => {
    const res = await flow(emu, 'GET', '/connections', { rawHeaders: without('x-api-key') })
    expect(res.status).toBe(403)
    expect(res.json()).toMatchObject({ error_code: '403000' })
  })

  test('an unknown API key is 403 with gateway code 403003', async () => {
    const res = await flow(emu, 'GET', '/connections', { headers: { 'x-api-key': 'someone-else' } })
    expect(res.status).toBe(403)
    expect(res.json()).toMatchObject({ error_code: '403003' })
  })

  test('an IMS token works only with the client id it was issued to', async () => {
    const other = await startEmulator({
      clients: [
        { clientId: 'one', clientSecret: 's1' },
        { clientId: 'two', clientSecret: 's2' }
      ]
    })
    try {
      const issued = await imsToken(other, { ...TOKEN_FORM, client_id: 'one', client_secret: 's1' })
      const token = issued.json<{ access_token: string }>().access_token
      const headers = { ...flowHeaders(other), authorization: `Bearer ${token}` }
      expect((await flow(other, 'GET', '/connections', { rawHeaders: { ...headers, 'x-api-key': 'one' } })).status).toBe(200)
      const wrong = await flow(other, 'GET', '/connections', { rawHeaders: { ...headers, 'x-api-key': 'two' } })
      expect(wrong.status).toBe(403)
      expect(wrong.json()).toMatchObject({ error_code: '403003' })
    } finally {
      await other.close()
    }
  })

  test('a missing org header is 401 FLOW-2001-401', async () => {
    const res = await flow(emu, 'GET', '/connections', { rawHeaders: without('x-gw-ims-org-id') })
    expect(res.status).toBe(401)
    expect(flowCode(res)).toBe('2001-401')
  })

  test('another org is 403 FLOW-2121-403', async () => {
    const res = await flow(emu, 'GET', '/connections', { headers: { 'x-gw-ims-org-id': 'OTHER@AdobeOrg' } })
    expect(res.status).toBe(403)
    expect(flowCode(res)).toBe('2121-403')
  })

  test('a missing sandbox header is 400 FLOW-2105-400', async () => {
    const res = await flow(emu, 'GET', '/connections', { rawHeaders: without('x-sandbox-name') })
    expect(res.status).toBe(400)
    expect(flowCode(res)).toBe('2105-400')
  })

  test('an unknown sandbox is 404 FLOW-2100-404', async () => {
    const res = await flow(emu, 'GET', '/connections', { headers: { 'x-sandbox-name': 'nope' } })
    expect(res.status).toBe(404)
    expect(flowCode(res)).toBe('2100-404')
  })

  test('a body that is not application/json is 400 in the generic shape', async () => {
    const res = await flow(emu, 'POST', '/connections', { body: '{}', headers: { 'content-type': 'text/plain' } })
    expect(res.status).toBe(400)
    expect(res.json()).toEqual({
      type: expect.any(String),
      status: 400,
      title: 'BadRequestError',
      detail: 'A valid content-type must be specified'
    })
  })

  test('unparsable JSON is 400 in the generic shape, saying so', async () => {
    const res = await flow(emu, 'POST', '/connections', { body: '{"name":' })
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ title: 'BadRequestError', detail: expect.stringMatching(/not valid JSON/) })
  })

  test('a JSON media type with a charset parameter is accepted', async () => {
    const res = await flow(emu, 'POST', '/connections', { body: {}, headers: { 'content-type': 'application/json; charset=utf-8' } })
    expect(flowCode(res)).toBe('1400-400')
  })

  test('Flow errors carry the Adobe shape with the response request id', async () => {
    const res = await flow(emu, 'GET', '/connections', { headers: { 'x-sandbox-name': 'nope' } })
    const body = res.json<FlowError>()
    expect(Object.keys(body).sort()).toEqual(['errorDetails', 'errorMessage', 'report', 'status', 'title', 'type'])
    expect(body.type).toBe('https://ns.adobe.com/aep/errors/FLOW-2100-404')
    expect(body.status).toBe(404)
    expect(body.report['request-id']).toBe(res.headers['x-request-id'])
    expect(res.headers['content-type']).toBe('application/json')
  })

  test('every response carries a fresh x-request-id, or echoes the one sent', async () => {
    const a = await flow(emu, 'GET', '/connections')
    const b = await flow(emu, 'GET', '/connections')
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id'])
    const echoed = await flow(emu, 'GET', '/connections', { headers: { 'x-request-id': 'mine-123' } })
    expect(echoed.headers['x-request-id']).toBe('mine-123')
  })

  test('the bearer scheme is case-insensitive', async () => {
    expect((await flow(emu, 'GET', '/connections', { headers: { authorization: `bearer ${DEMO.accessToken}` } })).status).toBe(200)
  })

  test('unknown paths are 404 in the generic shape, inside and outside the service base', async () => {
    const inside = await flow(emu, 'GET', '/notARoute')
    expect(inside.status).toBe(404)
    expect(inside.json()).toMatchObject({ status: 404, title: 'NotFoundError' })
    const outside = await send(`${emu.imsUrl}/somewhere`)
    expect(outside.status).toBe(404)
    expect(outside.json()).toMatchObject({ status: 404, title: 'NotFoundError' })
  })

  test('a body over 1 MiB is 413 and still recorded', async () => {
    const res = await flow(emu, 'POST', '/connections', { body: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }) })
    expect(res.status).toBe(413)
    expect(emu.requests()[0]).toMatchObject({ route: '/connections', status: 413, body: '' })
  })

  test('a known route with an unsupported method is 405', async () => {
    expect((await flow(emu, 'PUT', '/connections')).status).toBe(405)
  })
})
