// The IMS token exchange against the emulator: one request, the token masked at once.

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { ApiError, UnexpectedResponseError } from '../../../src/platform/errors.js'
import { fetchAccessToken } from '../../../src/platform/ims.js'
import { Secrets } from '../../../src/platform/secrets.js'
import { platformSession, type TestSession } from '../../helpers/platform.js'

let emulator: Emulator
let session: TestSession
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  session = platformSession(emulator)
})
afterEach(() => session.transport.close())

const request = (overrides: Partial<{ clientId: string; clientSecret: string }> = {}) => ({
  imsUrl: emulator.imsUrl,
  clientId: DEMO.clientId,
  clientSecret: DEMO.clientSecret,
  scopes: 'openid,AdobeID',
  ...overrides
})

it('exchanges the client credentials for a token and masks it at once', async () => {
  const masked: string[] = []
  const token = await fetchAccessToken(session.transport, request(), new Secrets((v) => masked.push(v)))
  expect(token.length).toBeGreaterThan(20)
  expect(masked).toContain(token)
  expect(emulator.requests()[0]?.body).toBe(
    `grant_type=client_credentials&client_id=${DEMO.clientId}&client_secret=${DEMO.clientSecret}&scope=openid%2CAdobeID`
  )
})

it('fails with IMS named and its OAuth error', async () => {
  const error = await fetchAccessToken(session.transport, request({ clientId: 'unknown-client' }), new Secrets(() => undefined)).catch(
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ApiError)
  expect(String(error)).toMatch(/IMS token request failed: HTTP 400 invalid_client: invalid client_id parameter/)
})

it.each([
  ['no token', { token_type: 'bearer' }],
  ['a token with a newline and a workflow command', { access_token: 'abc\n::error::injected' }],
  ['a token that is not a string', { access_token: 42 }]
])('rejects an answer with %s', async (_case, body) => {
  emulator.faults.add({ route: '/ims/token/v3', action: { type: 'status', status: 200, body } })
  const error = await fetchAccessToken(session.transport, request(), new Secrets(() => undefined)).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(UnexpectedResponseError)
  expect(String(error)).not.toContain('::error::')
})
