// The connections a run opens before it has loaded: which hosts (one proxy rule, NO_PROXY
// included), and that the first request to a host then uses its connection.

import { request, type Agent } from 'node:http'
import { connect, createServer } from 'node:net'
import { startEmulator, type Emulator } from '../../../emulator/index.js'
import { Pool } from '../../../src/platform/transport/pool.js'
import {
  releaseSpares,
  startupTargets,
  spareFor,
  takeSpare,
  warmUpFromEnv,
  type EnvInput,
  type Target
} from '../../../src/platform/transport/warm-up.js'
import { waitFor } from '../../helpers/wait.js'

const FLOW = 'https://flow.example.com/data/foundation/flowservice'
const base = { 'INPUT_CLIENT-ID': 'client', 'INPUT_FLOW-SERVICE-URL': FLOW }
const services = (input: EnvInput): Target[] => [
  { url: input('flow-service-url') || 'https://platform.adobe.io/data/foundation/flowservice' }
]
const origins = (env: NodeJS.ProcessEnv) => startupTargets(env, services).map((t) => t.url.origin)

describe('startupTargets', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it("dials the action's services, and IMS only when a client secret will be exchanged", () => {
    expect(origins(base)).toEqual(['https://flow.example.com'])
    expect(origins({ ...base, 'INPUT_CLIENT-SECRET': 's', 'INPUT_IMS-URL': 'https://ims.example.com' })).toEqual([
      'https://flow.example.com',
      'https://ims.example.com'
    ])
  })
  it('uses the defaults for URLs not given', () => {
    expect(origins({ 'INPUT_CLIENT-ID': 'c', 'INPUT_CLIENT-SECRET': 's' })).toEqual([
      'https://platform.adobe.io',
      'https://ims-na1.adobelogin.com'
    ])
  })
  it('dials nothing outside a run, on a dry run, or for a URL the inputs will reject', () => {
    expect(origins({})).toEqual([])
    expect(origins({ ...base, 'INPUT_DRY-RUN': 'True' })).toEqual([])
    expect(origins({ ...base, 'INPUT_FLOW-SERVICE-URL': 'http://flow.example.com' })).toEqual([])
    expect(origins({ ...base, 'INPUT_FLOW-SERVICE-URL': 'not a url' })).toEqual([])
    expect(origins({ ...base, 'INPUT_FLOW-SERVICE-URL': 'http://127.0.0.1:8787/x' })).toEqual(['http://127.0.0.1:8787'])
  })
  it('follows the one proxy rule: nothing through HTTPS_PROXY, except hosts NO_PROXY names', () => {
    process.env.HTTPS_PROXY = 'http://proxy.example.com:3128'
    expect(origins({ ...base, 'INPUT_CLIENT-SECRET': 's', 'INPUT_IMS-URL': 'https://ims.example.com' })).toEqual([])
    process.env.NO_PROXY = 'flow.example.com'
    expect(origins({ ...base, 'INPUT_CLIENT-SECRET': 's', 'INPUT_IMS-URL': 'https://ims.example.com' })).toEqual([
      'https://flow.example.com'
    ])
    process.env.NO_PROXY = '.example.com'
    expect(origins({ ...base, 'INPUT_CLIENT-SECRET': 's', 'INPUT_IMS-URL': 'https://ims.example.com' })).toEqual([
      'https://flow.example.com',
      'https://ims.example.com'
    ])
  })
})

describe('warmUpFromEnv and the pool', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator()
  })
  afterAll(async () => {
    await emulator.close()
  })
  beforeEach(() => emulator.reset())
  afterEach(() => releaseSpares())

  it('has a connection under way before it resolves, and hands it over once', async () => {
    const origin = new URL(emulator.flowServiceUrl).origin
    await warmUpFromEnv({ 'INPUT_CLIENT-ID': 'c', 'INPUT_FLOW-SERVICE-URL': emulator.flowServiceUrl }, services)
    await waitFor(() => emulator.stats().flow.connections > 0)
    expect(emulator.stats().flow.connections).toBe(1)
    const socket = takeSpare(origin)
    expect(socket?.destroyed).toBe(false)
    expect(takeSpare(origin)).toBeUndefined()
    socket?.destroy()
  })

  it("gives the spare to the origin's first request, so that the run uses one connection", async () => {
    await warmUpFromEnv({ 'INPUT_CLIENT-ID': 'c', 'INPUT_FLOW-SERVICE-URL': emulator.flowServiceUrl }, services)
    const pool = new Pool()
    const agent = pool.agentFor(new URL(emulator.flowServiceUrl))
    const health = new URL('/__emulator/health', emulator.flowServiceUrl)
    await get(agent, health)
    await get(agent, health)
    pool.close()
    expect(emulator.stats().flow.connections).toBe(1)
  })

  it("hands a spare over only for a connection to the spare's own host and port", async () => {
    const server = createServer((socket) => socket.on('error', () => undefined))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    const origin = new URL(`http://127.0.0.1:${port}`)
    await warmUpFromEnv({ 'INPUT_CLIENT-ID': 'c', 'INPUT_FLOW-SERVICE-URL': `${origin.origin}/x` }, services)
    expect(spareFor(origin, { host: 'localhost', port })).toBeUndefined()
    expect(spareFor(origin, { host: '127.0.0.1', port: port + 1 })).toBeUndefined()
    const socket = spareFor(origin, { host: '127.0.0.1', port: String(port) })
    expect(socket?.destroyed).toBe(false)
    socket?.destroy()
    await new Promise((resolve) => server.close(resolve))
  })

  it('opens as many connections as requests go out at once, and hands each over once', async () => {
    const origin = new URL(emulator.flowServiceUrl).origin
    await warmUpFromEnv({ 'INPUT_CLIENT-ID': 'c' }, () => [{ url: emulator.flowServiceUrl, connections: 3 }])
    await waitFor(() => emulator.stats().flow.connections >= 3)
    expect(emulator.stats().flow.connections).toBe(3)
    const taken = [takeSpare(origin), takeSpare(origin), takeSpare(origin)]
    expect(taken.every((socket) => socket !== undefined && !socket.destroyed)).toBe(true)
    expect(takeSpare(origin)).toBeUndefined()
    for (const socket of taken) socket?.destroy()
  })

  it('waits for DNS on a host name, and gives nothing for a connection that failed', async () => {
    await warmUpFromEnv({ 'INPUT_CLIENT-ID': 'c', 'INPUT_FLOW-SERVICE-URL': 'http://localhost:1/x' }, services)
    // A connection to the same refused port, made after the spare's, has failed: so has the spare's
    // (its error came in the same or an earlier turn, and setImmediate waits that turn out).
    await new Promise((resolve) => connect(1, 'localhost').on('error', resolve))
    await new Promise((resolve) => setImmediate(resolve))
    expect(takeSpare('http://localhost:1')).toBeUndefined()
  })

  it('closes connections no request took', async () => {
    let closedByPeer = 0
    const server = createServer((socket) => socket.on('close', () => (closedByPeer += 1)))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    let accepted = 0
    server.on('connection', () => (accepted += 1))
    await warmUpFromEnv({ 'INPUT_CLIENT-ID': 'c', 'INPUT_FLOW-SERVICE-URL': `http://127.0.0.1:${port}/x` }, services)
    await waitFor(() => accepted === 1)
    releaseSpares()
    await waitFor(() => closedByPeer === 1)
    expect(closedByPeer).toBe(1)
    await new Promise((resolve) => server.close(resolve))
  })
})

function get(agent: Agent, url: URL): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    request(url, { agent }, (res) => {
      res.resume()
      res.on('end', () => resolve())
    })
      .on('error', reject)
      .end()
  })
}
