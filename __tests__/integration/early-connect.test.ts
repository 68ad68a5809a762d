// The connections a run opens before it has loaded: which hosts, and that a request then uses them.

import { createServer } from 'node:net'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { earlyTargets, openEarlyConnections, releaseEarlyConnections, takeEarlyConnection } from '../../src/early-connect.js'

const base = { 'INPUT_CLIENT-ID': 'client', 'INPUT_FLOW-SERVICE-URL': 'https://flow.example.com/data/foundation/flowservice' }
const origins = (env: NodeJS.ProcessEnv) => earlyTargets(env).map((u) => u.origin)

describe('earlyTargets', () => {
  it('dials Flow Service, and IMS only when a client secret will be exchanged', () => {
    expect(origins(base)).toEqual(['https://flow.example.com'])
    expect(origins({ ...base, 'INPUT_CLIENT-SECRET': 's', 'INPUT_IMS-URL': 'https://ims.example.com' })).toEqual([
      'https://flow.example.com',
      'https://ims.example.com'
    ])
  })
  it("uses the contract's defaults for URLs not given", () => {
    expect(origins({ 'INPUT_CLIENT-ID': 'c', 'INPUT_CLIENT-SECRET': 's' })).toEqual([
      'https://platform.adobe.io',
      'https://ims-na1.adobelogin.com'
    ])
  })
  it('dials nothing outside a run, on a dry run, through a proxy, or for a URL the inputs will reject', () => {
    expect(origins({})).toEqual([])
    expect(origins({ ...base, 'INPUT_DRY-RUN': 'True' })).toEqual([])
    expect(origins({ ...base, HTTPS_PROXY: 'http://proxy:3128' })).toEqual([])
    expect(origins({ ...base, 'INPUT_FLOW-SERVICE-URL': 'http://flow.example.com' })).toEqual([])
    expect(origins({ ...base, 'INPUT_FLOW-SERVICE-URL': 'not a url' })).toEqual([])
    expect(origins({ ...base, 'INPUT_FLOW-SERVICE-URL': 'http://127.0.0.1:8787/x' })).toEqual(['http://127.0.0.1:8787'])
  })
})

describe('openEarlyConnections', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator()
  })
  afterAll(async () => {
    await emulator.close()
  })
  afterEach(() => releaseEarlyConnections())

  it('has a connection under way before it resolves, and hands it over once', async () => {
    const origin = new URL(emulator.flowServiceUrl).origin
    await openEarlyConnections({ 'INPUT_CLIENT-ID': 'c', 'INPUT_FLOW-SERVICE-URL': emulator.flowServiceUrl })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(emulator.stats().flow.connections).toBe(1)
    const socket = takeEarlyConnection(origin)
    expect(socket?.destroyed).toBe(false)
    expect(takeEarlyConnection(origin)).toBeUndefined()
    socket?.destroy()
  })

  it('waits for DNS on a host name, and gives nothing for a connection that failed', async () => {
    await openEarlyConnections({ 'INPUT_CLIENT-ID': 'c', 'INPUT_FLOW-SERVICE-URL': 'http://localhost:1/x' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(takeEarlyConnection('http://localhost:1')).toBeUndefined()
  })

  it('closes connections no request took', async () => {
    const server = createServer((socket) => socket.on('close', () => (closedByPeer += 1)))
    let closedByPeer = 0
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    await openEarlyConnections({ 'INPUT_CLIENT-ID': 'c', 'INPUT_FLOW-SERVICE-URL': `http://127.0.0.1:${port}/x` })
    await new Promise((resolve) => setTimeout(resolve, 50))
    releaseEarlyConnections()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(closedByPeer).toBe(1)
    await new Promise((resolve) => server.close(resolve))
  })
})
