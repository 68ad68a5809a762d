// The bundle as the runner runs it, creating connections in the emulator: both auth types,
// both token modes, dry runs, bad input, Adobe's errors, and no secret ever shown.

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { expectNoLeak, expectRefusedSecret, runAction } from '../../helpers/action.js'
import { emulatorInputs, flowRequests, secretsOf, SPEC_ID } from '../../helpers/fixtures.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const ETAG = /^"[^"]+"$/

describe('create with access-key auth', () => {
  it('gets one IMS token, looks up, creates, and outputs the id and the etag with its quotes', async () => {
    const inputs = emulatorInputs(emulator)
    const result = await runAction({ inputs, debug: true })
    expect(result.error).toBeUndefined()
    expect(result.exitCode).toBe(0)

    const [stored, ...others] = emulator.store.list('prod')
    expect(others).toHaveLength(0)
    expect(result.outputs).toEqual({ 'connection-id': stored?.id, etag: stored?.etag, operation: 'created' })
    expect(result.outputs.etag).toMatch(ETAG)
    expect(stored).toMatchObject({
      name: 'S3 Connection',
      description: 'Managed by GitHub Actions: octo-org/s3-pipeline, workflow release',
      connectionSpec: { id: SPEC_ID, version: '1.0' },
      auth: { specName: 'Access Key', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }
    })

    const requests = emulator.requests()
    // After the create, the connections are listed again (a concurrent run may have created one
    // too) while the creation mark is taken out of the description: those two in either order.
    const routes = requests.map((r) => `${r.method} ${r.route}`)
    expect(routes.slice(0, 3)).toEqual(['POST /ims/token/v3', 'GET /connections', 'POST /connections'])
    expect(routes.slice(3).sort()).toEqual(['GET /connections', 'PATCH /connections/{id}'])
    const [ims, lookup, create] = requests
    expect(ims?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(ims?.body ?? ''))).toEqual({
      grant_type: 'client_credentials',
      client_id: DEMO.clientId,
      client_secret: DEMO.clientSecret,
      scope: 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext'
    })
    expect(lookup?.query.property).toEqual(['name==S3 Connection', `connectionSpec.id==${SPEC_ID}`])
    expect(JSON.parse(create?.body ?? '')).toEqual({
      name: 'S3 Connection',
      // Marked until the run has the answer: a lost answer's connection is known by its mark.
      description: expect.stringMatching(
        /^Managed by GitHub Actions: octo-org\/s3-pipeline, workflow release \[creating [0-9a-f]{8} until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\]$/
      ),
      auth: { specName: 'Access Key', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } },
      connectionSpec: { id: SPEC_ID, version: '1.0' }
    })
    const token = lookup?.headers.authorization
    expect(token).toMatch(/^Bearer \S{20,}$/)
    for (const request of flowRequests(emulator)) {
      expect(request.headers).toMatchObject({
        authorization: token,
        'x-api-key': DEMO.clientId,
        'x-gw-ims-org-id': emulator.orgId,
        'x-sandbox-name': 'prod'
      })
    }
    expect(create?.headers['content-type']).toBe('application/json')

    expectNoLeak(result, secretsOf(inputs, emulator), { maskedFirst: [DEMO.clientSecret, DEMO.s3AccessKey, DEMO.s3SecretKey] })
    // The IMS token is masked too, once obtained.
    expect(result.masks).toContain(token?.replace('Bearer ', ''))
  })

  it('uses a given access token as is and sends no IMS request', async () => {
    const inputs = emulatorInputs(emulator, { 'client-secret': undefined, 'access-token': DEMO.accessToken })
    const result = await runAction({ inputs, debug: true })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.operation).toBe('created')
    const routes = emulator.requests().map((r) => `${r.method} ${r.route}`)
    expect(routes.slice(0, 2)).toEqual(['GET /connections', 'POST /connections'])
    expect(routes.slice(2).sort()).toEqual(['GET /connections', 'PATCH /connections/{id}'])
    expect(emulator.requests()[1]?.headers.authorization).toBe(`Bearer ${DEMO.accessToken}`)
    expectNoLeak(result, secretsOf(inputs, emulator), { maskedFirst: [DEMO.accessToken, DEMO.s3AccessKey, DEMO.s3SecretKey] })
  })

  it('sends the optional session token, region endpoint, bucket and folder, and a given description', async () => {
    const inputs = emulatorInputs(emulator, {
      's3-session-token': 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN',
      'service-url': 'https://s3.eu-west-1.amazonaws.com/',
      'bucket-name': 'demo-bucket',
      'folder-path': 'exports',
      description: 'Nightly exports',
      'sandbox-name': 'prod'
    })
    const result = await runAction({ inputs })
    expect(result.exitCode).toBe(0)
    expect(emulator.store.list('prod')[0]).toMatchObject({
      description: 'Nightly exports',
      auth: {
        specName: 'Access Key',
        params: {
          s3AccessKey: DEMO.s3AccessKey,
          s3SecretKey: DEMO.s3SecretKey,
          s3SessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN',
          serviceUrl: 'https://s3.eu-west-1.amazonaws.com/',
          bucketName: 'demo-bucket',
          folderPath: 'exports'
        }
      }
    })
    expectNoLeak(result, secretsOf(inputs, emulator))
  })
})

describe('create with iam-role auth', () => {
  it.each([
    ['client-secret', { 'client-secret': DEMO.clientSecret }],
    ['access-token', { 'client-secret': undefined, 'access-token': DEMO.accessToken }]
  ])('creates an IAMRole Based connection with %s', async (_mode, credentials) => {
    const inputs = emulatorInputs(emulator, {
      ...credentials,
      'auth-type': 'iam-role',
      's3-access-key': undefined,
      's3-secret-key': undefined,
      'bucket-name': 'demo-bucket'
    })
    const result = await runAction({ inputs, debug: true })
    expect(result.exitCode).toBe(0)
    const stored = emulator.store.list('prod')
    expect(stored).toHaveLength(1)
    expect(stored[0]?.auth).toEqual({ specName: 'IAMRole Based', params: { bucketName: 'demo-bucket' } })
    expect(result.outputs).toEqual({ 'connection-id': stored[0]?.id, etag: stored[0]?.etag, operation: 'created' })
    expectNoLeak(result, secretsOf(inputs, emulator))
  })
})

describe('dry-run', () => {
  it('validates, prints the redacted requests, sends nothing and outputs operation=dry-run', async () => {
    const inputs = emulatorInputs(emulator, { 'dry-run': 'true', 's3-session-token': 'SESSION-TOKEN-FOR-DRY-RUN' })
    const result = await runAction({ inputs, debug: true })
    expect(result.exitCode).toBe(0)
    expect(emulator.requests()).toHaveLength(0)
    expect(result.outputs).toEqual({ 'connection-id': '', etag: '', operation: 'dry-run' })
    const shown = result.shown.join('\n')
    expect(shown).toContain('No token was requested and nothing was sent')
    expect(shown).toContain(`POST ${emulator.flowServiceUrl}/connections`)
    expect(shown).toContain('"s3SecretKey": "***"')
    expect(result.summary).toContain('dry-run')
    expect(result.summary).toContain('<strong>Dry run:</strong> the inputs are valid; no token was requested and nothing was sent.')
    expectNoLeak(result, secretsOf(inputs), { maskedFirst: [DEMO.clientSecret, DEMO.s3SecretKey, 'SESSION-TOKEN-FOR-DRY-RUN'] })
  })
})

describe('bad input', () => {
  it.each([
    ['connection-name', { 'connection-name': undefined }, "Input 'connection-name' is required"],
    ['both credentials', { 'access-token': DEMO.accessToken }, "Inputs 'client-secret' and 'access-token' are both set"],
    ['sandbox-name', { 'sandbox-name': 'My Sandbox' }, "Input 'sandbox-name' must be a sandbox name"],
    [
      'flow-service-url',
      { 'flow-service-url': 'http://platform.adobe.io/data/foundation/flowservice' },
      "Input 'flow-service-url' must use https://"
    ],
    ['bucket-name', { 'bucket-name': 'Bad_Bucket' }, "Input 'bucket-name' must be an S3 bucket name"],
    ['connection-spec-id', { 'connection-spec-id': 'not-a-uuid' }, "Input 'connection-spec-id' must be a UUID"]
  ])('%s fails the step with one message and sends no request', async (_name, overrides, message) => {
    const inputs = emulatorInputs(emulator, overrides)
    const result = await runAction({ inputs })
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain(message)
    expect(result.shown.filter((l) => l.startsWith('::error::'))).toHaveLength(1)
    expect(emulator.requests()).toHaveLength(0)
    expect(result.outputs).toEqual({})
    expectNoLeak(result, secretsOf(inputs))
  })
})

describe('a refused secret', () => {
  it.each([
    [
      'too short',
      'short',
      "Input 'client-secret' is 5 characters long, shorter than any real client secret (8 at least); check that the right secret is passed."
    ],
    [
      'of two words',
      'p8e-pasted twice-p8e',
      "Input 'client-secret' must be a single line without spaces; check that the whole client secret was pasted."
    ]
  ])('%s is not masked, and fails the step naming the input, its message whole, sending nothing', async (_why, value, message) => {
    const inputs = emulatorInputs(emulator, { 'client-secret': value })
    const result = await runAction({ inputs, debug: true })
    expect(result.stdout).not.toContain(`::add-mask::${value}`)
    expectRefusedSecret(result, value, message)
    expect(result.shown.filter((l) => l.startsWith('::error::'))).toHaveLength(1)
    expect(emulator.requests()).toHaveLength(0)
    expect(result.outputs).toEqual({})
    // The secrets it accepts are still masked before anything else is printed.
    expectNoLeak(result, [DEMO.s3AccessKey, DEMO.s3SecretKey], { maskedFirst: [DEMO.s3AccessKey, DEMO.s3SecretKey] })
  })
})

describe("Adobe's errors reach the user", () => {
  it('a Flow Service error gives status, code, message and request id, with no stack trace', async () => {
    const inputs = emulatorInputs(emulator, { 'sandbox-name': 'no-such-sandbox' })
    const result = await runAction({ inputs })
    expect(result.exitCode).toBe(1)
    const lookup = emulator.requests().find((r) => r.route === '/connections')
    expect(lookup?.status).toBe(404)
    expect(result.error).toMatch(
      /^Flow Service GET \/connections failed: HTTP 404 FLOW-2100-404: .+ \(request id [0-9a-f-]{36}\)\. Hint: no such sandbox; check 'sandbox-name'\.$/
    )
    expect(result.stdout).not.toMatch(/\n\s+at /)
    expectNoLeak(result, secretsOf(inputs, emulator))
  })

  it('an IMS error says it came from IMS and sends nothing to Flow Service', async () => {
    const inputs = emulatorInputs(emulator, { 'client-secret': 'wrong-client-secret-value' })
    const result = await runAction({ inputs, debug: true })
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(/^IMS token request failed: HTTP 401 invalid_client: invalid client_secret parameter/)
    expect(flowRequests(emulator)).toHaveLength(0)
    expectNoLeak(result, secretsOf(inputs, emulator))
  })

  it('a server that echoes a secret in its error body never gets it printed', async () => {
    const inputs = emulatorInputs(emulator)
    emulator.faults.add({
      method: 'POST',
      route: '/connections',
      action: {
        type: 'status',
        status: 400,
        body: {
          error_code: '400003',
          message: `Invalid header; you sent s3SecretKey=${DEMO.s3SecretKey} and ${JSON.stringify(DEMO.clientSecret)}`
        }
      }
    })
    const result = await runAction({ inputs, debug: true })
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain('s3SecretKey=***')
    expectNoLeak(result, secretsOf(inputs, emulator))
  })
})

describe('job summary', () => {
  it('names the connection, id, etag, operation, sandbox, spec and the workflow run', async () => {
    const result = await runAction({ inputs: emulatorInputs(emulator, { 'connection-name': 'Sales <exports> & co' }) })
    expect(result.exitCode).toBe(0)
    const { summary } = result
    expect(summary).toContain('Sales &#60;exports&#62; &#38; co')
    expect(summary).toContain(result.outputs['connection-id'])
    expect(summary).toContain(result.outputs.etag?.replace(/"/g, '&#34;'))
    expect(summary).toContain('created')
    expect(summary).toContain('prod')
    expect(summary).toContain(SPEC_ID)
    expect(summary).toContain('https://github.com/octo-org/s3-pipeline/actions/runs/4242')
  })
})
