// Self-hosted runners reach Adobe through HTTPS_PROXY: requests go through it, and a proxy that
// never answers still ends the step within timeout-seconds.

import { createServer, type Server, type Socket } from 'node:net'
import { DEMO } from '../../../emulator/index.js'
import { expectNoLeak, runAction } from '../../helpers/action.js'

let proxy: Server
const connects: string[] = []
const sockets = new Set<Socket>()

beforeAll(async () => {
  // A proxy that reads the CONNECT line and then never answers.
  proxy = createServer((socket) => {
    sockets.add(socket)
    socket.once('data', (data) => connects.push(data.toString('latin1').split('\r\n')[0] ?? ''))
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => proxy.close(resolve))
})

it('sends requests through HTTPS_PROXY and ends within timeout-seconds when the proxy hangs', async () => {
  const address = proxy.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  const inputs = {
    'client-id': DEMO.clientId,
    'access-token': DEMO.accessToken,
    'ims-org-id': DEMO.orgId,
    // Not a loopback name: @actions/http-client never proxies loopback hosts.
    'flow-service-url': 'https://flow.invalid/data/foundation/flowservice',
    'connection-name': 'Through a proxy',
    's3-access-key': DEMO.s3AccessKey,
    's3-secret-key': DEMO.s3SecretKey,
    'timeout-seconds': '2'
  }
  const result = await runAction({ inputs, env: { HTTPS_PROXY: `http://127.0.0.1:${port}` }, killAfterMs: 15_000 })
  expect(connects).toEqual(['CONNECT flow.invalid:443 HTTP/1.1'])
  expect(result.exitCode).toBe(1)
  expect(result.error).toMatch(
    /^Timed out after 2\.0 s \(timeout-seconds\) waiting for Flow Service GET \/connections \(attempt 1 of 5\)\./
  )
  expectNoLeak(result, [DEMO.accessToken, DEMO.s3AccessKey, DEMO.s3SecretKey])
})
