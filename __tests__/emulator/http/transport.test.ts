// Listeners, TLS, latency, separate IMS host, statistics and close(), over real sockets.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import { promisify } from 'node:util'
import { startEmulator, type Emulator } from '../../../emulator/index.js'
import { flow, imsToken, send, TOKEN_FORM } from '../helpers.js'

const run = promisify(execFile)

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now()
  const value = await f()
  return [value, Date.now() - started]
}

describe('TLS', () => {
  let emu: Emulator

  beforeAll(async () => {
    emu = await startEmulator({ tls: true })
  })
  afterAll(() => emu.close())

  test('serves HTTPS with a self-signed certificate that a client trusting it accepts', async () => {
    expect(emu.flowServiceUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/data\/foundation\/flowservice$/)
    expect(emu.imsUrl).toMatch(/^https:\/\//)
    const res = await flow(emu, 'GET', '/connections', { ca: emu.caCert ?? '' })
    expect(res.status).toBe(200)
    expect((await send(`${emu.imsUrl}/__emulator/health`.replace('127.0.0.1', 'localhost'), { ca: emu.caCert ?? '' })).status).toBe(200)
  })

  test('a client that does not trust the certificate is refused', async () => {
    await expect(send(`${emu.imsUrl}/__emulator/health`)).rejects.toThrow(/self-signed|certificate/i)
  })

  test('writes the certificate to caCertFile', () => {
    expect(emu.caCertFile).toBeDefined()
    expect(readFileSync(emu.caCertFile ?? '', 'utf8')).toBe(emu.caCert)
  })

  test('a child node process trusts it through NODE_EXTRA_CA_CERTS, by IP and by localhost', async () => {
    const script = `Promise.all(process.argv.slice(1).map((u) => fetch(u).then((r) => r.status)))
      .then((s) => console.log(s.join(',')), (e) => { console.error(String(e.cause ?? e)); process.exit(1) })`
    const urls = [`${emu.imsUrl}/__emulator/health`, `${emu.imsUrl.replace('127.0.0.1', 'localhost')}/__emulator/health`]
    const { stdout } = await run(process.execPath, ['-e', script, ...urls], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: emu.caCertFile ?? '', NODE_OPTIONS: '' }
    })
    expect(stdout.trim()).toBe('200,200')
  })

  test('a reset fault resets a TLS connection too', async () => {
    emu.faults.add({ route: '/connections', action: { type: 'reset' } })
    await expect(flow(emu, 'GET', '/connections', { ca: emu.caCert ?? '' })).rejects.toMatchObject({ code: 'ECONNRESET' })
  })

  test('close() removes the certificate file', async () => {
    const other = await startEmulator({ tls: true })
    const file = other.caCertFile ?? ''
    expect(existsSync(file)).toBe(true)
    await other.close()
    expect(existsSync(file)).toBe(false)
  })
})

describe('latency', () => {
  test('latencyMs delays every response', async () => {
    const emu = await startEmulator({ latencyMs: 120 })
    try {
      const [res, ms] = await timed(() => flow(emu, 'GET', '/connections'))
      expect(res.status).toBe(200)
      expect(ms).toBeGreaterThanOrEqual(110)
    } finally {
      await emu.close()
    }
  })

  for (const tls of [false, true]) {
    test(`connectLatencyMs delays each new ${tls ? 'TLS' : 'TCP'} connection once, not requests on a kept-alive one`, async () => {
      const emu = await startEmulator({ tls, connectLatencyMs: 400 })
      const agent = tls ? new https.Agent({ keepAlive: true, ca: emu.caCert ?? '' }) : new http.Agent({ keepAlive: true })
      try {
        const [first, firstMs] = await timed(() => flow(emu, 'GET', '/connections', { agent, ca: emu.caCert ?? '' }))
        const second = await flow(emu, 'GET', '/connections', { agent, ca: emu.caCert ?? '' })
        expect([first.status, second.status]).toEqual([200, 200])
        // The new connection took the 400 ms; the second request went over it (one connection), not a new one.
        expect(firstMs).toBeGreaterThanOrEqual(390)
        expect(emu.stats().flow.connections).toBe(1)
      } finally {
        agent.destroy()
        await emu.close()
      }
    })
  }
})

describe('hosts and statistics', () => {
  test('with one port, IMS and Flow Service share a listener and report the same connections', async () => {
    const emu = await startEmulator()
    try {
      expect(emu.imsUrl).toBe(emu.flowServiceUrl.replace('/data/foundation/flowservice', ''))
      await imsToken(emu, TOKEN_FORM)
      await flow(emu, 'GET', '/connections')
      await flow(emu, 'GET', '/connections')
      const stats = emu.stats()
      expect(stats.flow).toEqual({ origin: emu.imsUrl, connections: 3, requests: 2 })
      expect(stats.ims).toEqual({ origin: emu.imsUrl, connections: 3, requests: 1 })
    } finally {
      await emu.close()
    }
  })

  test('separateIms serves IMS on its own port, and each port serves only its own service', async () => {
    const emu = await startEmulator({ separateIms: true })
    try {
      expect(new URL(emu.imsUrl).port).not.toBe(new URL(emu.flowServiceUrl).port)
      expect((await imsToken(emu, TOKEN_FORM)).status).toBe(200)
      expect((await flow(emu, 'GET', '/connections')).status).toBe(200)
      const flowOrigin = new URL(emu.flowServiceUrl).origin
      const imsOnFlowPort = await send(`${flowOrigin}/ims/token/v3`, { method: 'POST', body: '' })
      expect(imsOnFlowPort.status).toBe(404)
      expect((await send(`${emu.imsUrl}/data/foundation/flowservice/connections`)).status).toBe(404)
      expect((await send(`${emu.imsUrl}/__emulator/health`)).status).toBe(404)
      const stats = emu.stats()
      expect(stats.ims).toEqual({ origin: emu.imsUrl, connections: 3, requests: 3 })
      expect(stats.flow).toEqual({ origin: flowOrigin, connections: 2, requests: 2 })
    } finally {
      await emu.close()
    }
  })

  test('reset() zeroes the statistics and the request log', async () => {
    const emu = await startEmulator()
    try {
      await flow(emu, 'GET', '/connections')
      emu.reset()
      expect(emu.requests()).toEqual([])
      expect(emu.stats().flow).toMatchObject({ connections: 0, requests: 0 })
      await flow(emu, 'GET', '/connections')
      expect(emu.requests()[0]?.seq).toBe(1)
    } finally {
      await emu.close()
    }
  })
})

describe('close()', () => {
  test('ends promptly with hung requests and idle keep-alive sockets open', async () => {
    const emu = await startEmulator({ tls: true })
    const agent = new https.Agent({ keepAlive: true, ca: emu.caCert ?? '' })
    await flow(emu, 'GET', '/connections', { agent })
    emu.faults.add({ route: '/connections', times: Infinity, action: { type: 'hang' } })
    const hung = flow(emu, 'GET', '/connections', { ca: emu.caCert ?? '' }).catch((e: unknown) => e)
    await new Promise((r) => setTimeout(r, 100))
    const [, ms] = await timed(() => emu.close())
    // A hung request never ends: closing did not wait for it (a wide bound, for a loaded machine).
    expect(ms).toBeLessThan(5000)
    expect(await hung).toMatchObject({ code: 'ECONNRESET' })
    agent.destroy()
  })

  test('ends promptly while a connection waits out connectLatencyMs, and twice is harmless', async () => {
    const emu = await startEmulator({ connectLatencyMs: 10_000, latencyMs: 10_000 })
    const waiting = flow(emu, 'GET', '/connections').catch((e: unknown) => e)
    await new Promise((r) => setTimeout(r, 50))
    const [, ms] = await timed(() => Promise.all([emu.close(), emu.close()]))
    // Half the 10 s the connection would wait out: closing cut it short.
    expect(ms).toBeLessThan(5000)
    expect(await waiting).toMatchObject({ code: 'ECONNRESET' })
  })
})
