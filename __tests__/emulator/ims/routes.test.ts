// The IMS token endpoint over real sockets.
import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { flow, flowHeaders, imsToken, send, TOKEN_FORM } from '../helpers.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

describe('POST /ims/token/v3', () => {
  test('issues a bearer token of at least 40 characters for about a day', async () => {
    const res = await imsToken(emu, TOKEN_FORM)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json')
    const body = res.json<{ access_token: string; token_type: string; expires_in: number }>()
    expect(body.access_token.length).toBeGreaterThanOrEqual(40)
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 86399 })
  })

  test('each token is new, and Flow Service accepts it for that client', async () => {
    const a = (await imsToken(emu, TOKEN_FORM)).json<{ access_token: string }>().access_token
    const b = (await imsToken(emu, TOKEN_FORM)).json<{ access_token: string }>().access_token
    expect(a).not.toBe(b)
    const res = await flow(emu, 'GET', '/connections', { rawHeaders: { ...flowHeaders(emu), authorization: `Bearer ${a}` } })
    expect(res.status).toBe(200)
  })

  test('a JSON body is 400 invalid_request', async () => {
    const res = await send(`${emu.imsUrl}/ims/token/v3`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(TOKEN_FORM)
    })
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid_request', error_description: expect.any(String) })
  })

  test('another grant type is 400 unsupported_grant_type', async () => {
    const res = await imsToken(emu, { ...TOKEN_FORM, grant_type: 'password' })
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ error: 'unsupported_grant_type' })
  })

  test('an unknown client id is 400 invalid_client', async () => {
    const res = await imsToken(emu, { ...TOKEN_FORM, client_id: 'nobody' })
    expect(res.status).toBe(400)
    expect(res.json()).toEqual({ error: 'invalid_client', error_description: 'invalid client_id parameter' })
  })

  test('a wrong client secret is 401 invalid_client', async () => {
    const res = await imsToken(emu, { ...TOKEN_FORM, client_secret: 'wrong' })
    expect(res.status).toBe(401)
    expect(res.json()).toEqual({ error: 'invalid_client', error_description: 'invalid client_secret parameter' })
  })

  test('a missing scope is 400 invalid_scope', async () => {
    const noScope = Object.fromEntries(Object.entries(TOKEN_FORM).filter(([key]) => key !== 'scope'))
    const res = await imsToken(emu, noScope)
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid_scope' })
  })

  test('the request is recorded as an IMS request, body included', async () => {
    await imsToken(emu, TOKEN_FORM)
    const [rec] = emu.requests()
    expect(rec).toMatchObject({ service: 'ims', method: 'POST', route: '/ims/token/v3', status: 200 })
    expect(rec?.body).toContain(`client_id=${DEMO.clientId}`)
    expect(emu.stats().ims.requests).toBe(1)
    expect(emu.stats().flow.requests).toBe(0)
  })

  test('a GET is refused', async () => {
    expect((await send(`${emu.imsUrl}/ims/token/v3`)).status).toBe(405)
  })
})
