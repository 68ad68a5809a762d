// The Flow Service and IMS clients, and the if-exists logic, against the emulator over real sockets.

import { DEMO, startEmulator, type Emulator } from '../../emulator/index.js'
import { ConflictError, ensureConnection, verifyConnection, type Plan } from '../../src/ensure.js'
import { ApiError, UnexpectedResponseError } from '../../src/errors.js'
import { FlowServiceClient } from '../../src/flow-service.js'
import { Transport } from '../../src/http.js'
import { fetchAccessToken } from '../../src/ims.js'
import { Deadline } from '../../src/retry.js'
import { Secrets } from '../../src/secrets.js'

const SPEC = { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' }
let emulator: Emulator
let transport: Transport

beforeAll(async () => {
  emulator = await startEmulator({ pageSize: 3, sandboxes: ['prod', 'dev'] })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  transport = new Transport({
    userAgent: 'test',
    policy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    deadline: new Deadline(10_000)
  })
})
afterEach(() => transport.close())

function client(sandboxName = 'prod'): FlowServiceClient {
  return new FlowServiceClient(transport, {
    baseUrl: emulator.flowServiceUrl,
    clientId: DEMO.clientId,
    imsOrgId: emulator.orgId,
    sandboxName,
    accessToken: DEMO.accessToken
  })
}

function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    name: 'S3 Connection',
    sandboxName: 'prod',
    connectionSpec: SPEC,
    auth: { specName: 'Access Key', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } },
    ifExists: 'update',
    defaultDescription: () => Promise.resolve('default description'),
    ...overrides
  }
}

const log: string[] = []
const logger = (m: string) => log.push(m)

describe('fetchAccessToken (IMS)', () => {
  it('exchanges the client credentials for a token and masks it at once', async () => {
    const masked: string[] = []
    const token = await fetchAccessToken(
      transport,
      { imsUrl: emulator.imsUrl, clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, scopes: 'openid,AdobeID' },
      new Secrets((v) => masked.push(v))
    )
    expect(token.length).toBeGreaterThan(20)
    expect(masked).toContain(token)
    const [request] = emulator.requests()
    expect(request?.body).toBe(
      `grant_type=client_credentials&client_id=${DEMO.clientId}&client_secret=${DEMO.clientSecret}&scope=openid%2CAdobeID`
    )
  })

  it('fails with IMS named and its OAuth error', async () => {
    const error = await fetchAccessToken(
      transport,
      { imsUrl: emulator.imsUrl, clientId: 'unknown-client', clientSecret: 'x', scopes: 'openid' },
      new Secrets(() => undefined)
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as Error).message).toMatch(/^IMS token request failed: HTTP 400 invalid_client: invalid client_id parameter/)
  })

  it('rejects an answer without a token', async () => {
    emulator.faults.add({ route: '/ims/token/v3', action: { type: 'status', status: 200, body: { token_type: 'bearer' } } })
    const error = await fetchAccessToken(
      transport,
      { imsUrl: emulator.imsUrl, clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, scopes: 'openid' },
      new Secrets(() => undefined)
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnexpectedResponseError)
  })
})

describe('FlowServiceClient', () => {
  it('finds exact matches across pages, in this sandbox and spec only', async () => {
    const mine = emulator.store.seed({ name: 'Sales, EU' })
    for (let i = 0; i < 5; i++) emulator.store.seed({ name: `Sales ${i}` })
    emulator.store.seed({ name: 'Sales, EU', sandboxName: 'dev' })
    emulator.store.seed({
      name: 'Sales, EU',
      specId: '32e8f412-cdf7-464c-9885-78184cb113fd',
      specName: 'Google Cloud Storage authentication credentials',
      params: { accessKeyId: 'a', secretAccessKey: 'b' }
    })
    const found = await client().findConnections('Sales, EU', SPEC.id)
    expect(found.map((c) => c.id)).toEqual([mine.id])
    expect(found[0]?.etag).toBe(mine.etag)
    expect(emulator.requests().length).toBeGreaterThan(1)
  })

  it('reads one connection', async () => {
    const seeded = emulator.store.seed({ name: 'One', description: 'd' })
    expect(await client().getConnection(seeded.id)).toMatchObject({
      id: seeded.id,
      name: 'One',
      description: 'd',
      etag: seeded.etag,
      auth: { specName: 'Access Key' }
    })
  })

  it('patches with If-Match and says when the etag is stale', async () => {
    const seeded = emulator.store.seed({ name: 'One' })
    const ops = [{ op: 'replace' as const, path: '/auth/params', value: { s3AccessKey: 'k', s3SecretKey: 'new' } }]
    const stale = await client().patchConnection(seeded.id, '"not-the-etag"', ops)
    expect(stale).toBe('stale')
    const done = await client().patchConnection(seeded.id, seeded.etag, ops)
    expect(done).toEqual({ id: seeded.id, etag: emulator.store.get(seeded.id)?.etag })
    expect(emulator.store.get(seeded.id)?.auth.params.s3SecretKey).toBe('new')
  })

  it('explores the bucket root', async () => {
    const seeded = emulator.store.seed({ name: 'One', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } })
    const entries = await client().exploreRoot(seeded.id)
    expect(entries.length).toBeGreaterThan(0)
    expect(entries[0]).toHaveProperty('name')
  })

  it('rejects list answers it cannot read', async () => {
    emulator.faults.add({ route: '/connections', action: { type: 'status', status: 200, body: { nothing: true } } })
    await expect(client().findConnections('x', SPEC.id)).rejects.toThrow('no "items" array')
    emulator.faults.add({
      route: '/connections',
      action: { type: 'status', status: 200, body: { items: [], _links: { next: { href: '/connections?continuationToken=same' } } } }
    })
    emulator.faults.add({
      route: '/connections',
      action: { type: 'status', status: 200, body: { items: [], _links: { next: { href: '/connections?continuationToken=same' } } } }
    })
    await expect(client().findConnections('x', SPEC.id)).rejects.toThrow('the same continuation token was returned twice')
  })

  it('rejects a create answer without an etag', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'status', status: 201, body: { id: 'x' } } })
    const body = { name: 'n', description: 'd', auth: plan().auth, connectionSpec: SPEC }
    await expect(client().createConnection(body, () => Promise.resolve(undefined))).rejects.toThrow('no "etag"')
  })
})

describe('ensureConnection', () => {
  it('creates with the default description when none exists', async () => {
    const outcome = await ensureConnection(client(), plan(), logger)
    expect(outcome).toMatchObject({ operation: 'created', adopted: false })
    expect(emulator.store.get(outcome.id)?.description).toBe('default description')
  })

  it('updates the one that exists, adding a description it lacked', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection' })
    const outcome = await ensureConnection(client(), plan({ description: 'given' }), logger)
    expect(outcome).toMatchObject({ id: seeded.id, operation: 'updated' })
    const patch = emulator.requests().find((r) => r.method === 'PATCH')
    expect(JSON.parse(patch?.body ?? '')[1]).toEqual({ op: 'add', path: '/description', value: 'given' })
  })

  it('reads again and retries once on a 412 whatever its body', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection' })
    emulator.faults.add({
      method: 'PATCH',
      route: '/connections/*',
      action: { type: 'status', status: 412, body: '<html>Precondition Failed</html>' }
    })
    const outcome = await ensureConnection(client(), plan(), logger)
    expect(outcome).toMatchObject({ id: seeded.id, operation: 'updated' })
    expect(emulator.requests().map((r) => `${r.method} ${r.route} ${r.status ?? ''}`)).toEqual([
      'GET /connections 200',
      'PATCH /connections/{id} 412',
      'GET /connections/{id} 200',
      'PATCH /connections/{id} 200'
    ])
  })

  it('gives up when the etag is stale twice, naming the connection', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection' })
    emulator.faults.add({ method: 'PATCH', route: '/connections/*', times: 2, action: { type: 'status', status: 412 } })
    await expect(ensureConnection(client(), plan(), logger)).rejects.toThrow(
      new ConflictError(
        `Connection ${seeded.id} kept changing while this run updated it (412 twice); something else is writing to it. Run again when it is done.`
      )
    )
  })

  it('reads the etag when a listed item lacks one', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection' })
    emulator.faults.add({
      method: 'GET',
      route: '/connections',
      action: { type: 'status', status: 200, body: { items: [{ id: seeded.id, name: 'S3 Connection', connectionSpec: SPEC }] } }
    })
    const outcome = await ensureConnection(client(), plan({ ifExists: 'reuse' }), logger)
    expect(outcome).toEqual({ id: seeded.id, etag: seeded.etag, operation: 'reused', adopted: false })
  })

  it('refuses to adopt when two new connections appeared during a lost create', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const sneaky = () => {
      emulator.store.seed({ name: 'S3 Connection' })
    }
    const flow = client()
    const original = flow.findConnections.bind(flow)
    let calls = 0
    flow.findConnections = async (name, spec) => {
      if (++calls === 2) sneaky()
      return original(name, spec)
    }
    await expect(ensureConnection(flow, plan(), logger)).rejects.toThrow(/2 connections named "S3 Connection" appeared during this run/)
  })

  it('verify fails with Flow Service’s message when the bucket cannot be listed', async () => {
    emulator.setS3({ accessKey: 'AKIAOTHER', secretKey: 'other' })
    const seeded = emulator.store.seed({ name: 'S3 Connection' })
    await expect(verifyConnection(client(), seeded.id)).rejects.toThrow(
      /^Verification failed: Flow Service could not list the bucket through connection/
    )
  })
})
