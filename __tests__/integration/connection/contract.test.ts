// The connections client fed Adobe's own response samples over a real socket (not the emulator,
// which is this project's reading of the docs): list with its continuation link, read, create,
// patch, explore, and the three error shapes.

import { ConnectionsClient } from '../../../src/connection/client.js'
import { Ledger } from '../../../src/platform/ledger.js'
import { ApiError } from '../../../src/platform/errors.js'
import { flowServiceOnly, PlatformApi } from '../../../src/platform/api.js'
import { Deadline } from '../../../src/platform/retry.js'
import { Transport } from '../../../src/platform/transport/transport.js'
import * as sample from '../../helpers/adobe-samples.js'
import { HostileServer, json } from '../../helpers/hostile-server.js'

const SPEC = 'ecadc60c-7455-4d87-84dc-2a0e293d997b'
let server: HostileServer
let transport: Transport
let client: ConnectionsClient

beforeAll(async () => {
  server = await HostileServer.start()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.reset()
  transport = new Transport({ userAgent: 'test', policy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, deadline: new Deadline(5000) })
  const api = new PlatformApi(
    transport,
    {
      clientId: 'client',
      imsOrgId: 'ORG@AdobeOrg',
      sandboxName: 'prod',
      baseUrls: flowServiceOnly(server.flowServiceUrl)
    },
    'token'
  )
  client = new ConnectionsClient(api, new Ledger())
})
afterEach(() => transport.close())

it('reads a listing of two pages, following the documented continuation link with the filters', async () => {
  let page = 0
  server.on('GET /connections', (req, res, body) =>
    json(200, page++ === 0 ? sample.LIST_FIRST_PAGE : sample.LIST_LAST_PAGE)(req, res, body)
  )
  const found = await client.find('S3 Connection', SPEC)
  expect(found).toEqual([
    {
      id: sample.CONNECTION_ITEM.id,
      name: 'S3 Connection',
      description: 'Connection for an Amazon S3 account',
      spec: { id: SPEC, version: '1.0' },
      authSpecName: 'Access Key',
      etag: sample.CONNECTION_ITEM.etag,
      createdAt: sample.CONNECTION_ITEM.createdAt
    }
  ])
  expect(server.requests[1]?.path).toBe(
    `/data/foundation/flowservice/connections?property=name==S3%20Connection&property=connectionSpec.id==${SPEC}&limit=100&continuationToken=abcdefghijkLMNOPqrstupWXKYZ`
  )
})

it('reads one connection from its list wrapper', async () => {
  server.on('GET /connections/*', json(200, sample.GET_CONNECTION))
  expect(await client.get(sample.CONNECTION_ITEM.id)).toMatchObject({ id: sample.CONNECTION_ITEM.id, etag: sample.CONNECTION_ITEM.etag })
})

it('takes the id and the quoted etag of a create and of a patch', async () => {
  server.on('POST /connections', json(201, sample.CREATED))
  server.on('PATCH /connections/*', json(200, sample.PATCHED))
  const body = { name: 'n', description: 'd', auth: { specName: 'Access Key', params: {} }, connectionSpec: { id: SPEC, version: '1.0' } }
  expect(await client.create(body, () => Promise.resolve(undefined))).toEqual(sample.CREATED)
  expect(await client.patch(sample.CREATED.id, sample.CREATED.etag, [])).toEqual(sample.PATCHED)
})

it('reads an explore listing, in either case of entry type', async () => {
  server.on('GET /connections/*/explore', json(200, sample.EXPLORE_ROOT), 1)
  expect(await client.explore(sample.CREATED.id)).toEqual([
    { type: 'folder', name: 'acme-sales', path: '/acme-sales/', canPreview: false },
    { type: 'file', name: 'summary.csv', path: '/acme-sales/summary.csv', canPreview: true }
  ])
  server.on('GET /connections/*/explore', json(200, sample.EXPLORE_ROOT_LEGACY), 1)
  expect((await client.explore(sample.CREATED.id))[0]?.type).toBe('folder')
})

it.each([
  [
    'Flow Service',
    400,
    sample.FLOW_ERROR,
    'HTTP 400 FLOW-1415-400: Auth spec "Key" was not found for connection spec ecadc60c-7455-4d87-84dc-2a0e293d997b (request id req-1415)'
  ],
  ['API gateway', 401, sample.GATEWAY_ERROR, 'HTTP 401 401013: Oauth token is not valid'],
  ['generic', 400, sample.GENERIC_ERROR, 'HTTP 400 BadRequestError: A valid content-type must be specified']
])('reads the %s error shape into one message', async (_shape, status, body, message) => {
  server.on('GET /connections', json(status, body))
  const error = await client.find('x', SPEC).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  expect(String(error)).toContain(message)
})
