// The transport against the emulator over real sockets: retries, Retry-After, the deadline,
// lost answers to non-idempotent requests, and one warm connection per host.

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { ApiError, TimeoutError } from '../../../src/platform/errors.js'
import { isRecovered, Transport, type Request } from '../../../src/platform/transport/transport.js'
import { Deadline, type Clock } from '../../../src/platform/retry.js'
import { waitFor } from '../../helpers/wait.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

/** Real time for requests, no real waiting between attempts: the waits are recorded instead. */
function fakeSleepClock() {
  const waits: number[] = []
  let offset = 0
  const clock: Clock = {
    now: () => Date.now() + offset,
    sleep: (ms) => {
      waits.push(ms)
      offset += ms
      return Promise.resolve()
    }
  }
  return { clock, waits }
}

function transport(
  options: { maxAttempts?: number; timeoutMs?: number; clock?: Clock; maxBodyBytes?: number; readAttemptMs?: number } = {}
) {
  const clock = options.clock ?? fakeSleepClock().clock
  const info: string[] = []
  const t = new Transport({
    userAgent: 'test',
    policy: {
      maxAttempts: options.maxAttempts ?? 5,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      ...(options.readAttemptMs !== undefined && { readAttemptMs: options.readAttemptMs })
    },
    deadline: new Deadline(options.timeoutMs ?? 10_000, clock),
    clock,
    random: () => 0.5,
    info: (m) => info.push(m),
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes })
  })
  return { t, info }
}

function listRequest(): Request {
  return {
    service: 'Flow Service',
    method: 'GET',
    url: `${emulator.flowServiceUrl}/connections`,
    label: 'GET /connections',
    headers: {
      Authorization: `Bearer ${DEMO.accessToken}`,
      'x-api-key': DEMO.clientId,
      'x-gw-ims-org-id': emulator.orgId,
      'x-sandbox-name': 'prod'
    }
  }
}

describe('Transport', () => {
  it('returns parsed JSON on success', async () => {
    const { t } = transport()
    const res = await t.request(listRequest())
    t.close()
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ items: [] })
  })

  it('retries 503 with exponential backoff, logging each retry', async () => {
    emulator.faults.add({ route: '/connections', times: 3, action: { type: 'status', status: 503 } })
    const { clock, waits } = fakeSleepClock()
    const { t, info } = transport({ clock })
    const res = await t.request(listRequest())
    t.close()
    expect(res.status).toBe(200)
    expect(waits).toEqual([50, 100, 200])
    expect(info[0]).toMatch(/^Flow Service GET \/connections: HTTP 503 FLOW-1103-503; retrying in 0\.1 s \(attempt 2 of 5\)\.$/)
  })

  it('waits what Retry-After says', async () => {
    emulator.faults.add({ route: '/connections', action: { type: 'status', status: 429, headers: { 'Retry-After': '2' } } })
    const { clock, waits } = fakeSleepClock()
    const { t } = transport({ clock })
    await t.request(listRequest())
    t.close()
    expect(waits).toEqual([2000])
  })

  it('gives up after max attempts with the last status and code', async () => {
    emulator.faults.add({ route: '/connections', times: Infinity, action: { type: 'status', status: 504 } })
    const { t } = transport({ maxAttempts: 3 })
    const error = await t.request(listRequest()).catch((e: unknown) => e)
    t.close()
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).message).toMatch(/failed after 3 attempts in .*: HTTP 504 FLOW-1104-504/)
    expect(emulator.requests()).toHaveLength(3)
  })

  it('never retries a 4xx', async () => {
    const { t } = transport()
    const error = await t.request({ ...listRequest(), headers: {} }).catch((e: unknown) => e)
    t.close()
    expect((error as ApiError).status).toBe(401)
    expect(emulator.requests()).toHaveLength(1)
  })

  it('hands back an accepted non-2xx status instead of failing', async () => {
    const { t } = transport()
    const res = await t.request({
      ...listRequest(),
      url: `${emulator.flowServiceUrl}/connections/nope`,
      label: 'GET /connections/{id}',
      accept: [404]
    })
    t.close()
    expect(res.status).toBe(404)
  })

  it('retries network resets and a mangled 2xx body', async () => {
    emulator.faults.add({ route: '/connections', action: { type: 'reset' } })
    emulator.faults.add({ route: '/connections', action: { type: 'malformed-json' } })
    const { t } = transport()
    const res = await t.request(listRequest())
    t.close()
    expect(res.json).toEqual({ items: [] })
    expect(emulator.requests()).toHaveLength(3)
  })

  it('fails a refused connection with the network error once attempts run out', async () => {
    const { t } = transport({ maxAttempts: 2 })
    const error = await t.request({ ...listRequest(), url: 'http://127.0.0.1:1/connections' }).catch((e: unknown) => e)
    t.close()
    expect((error as ApiError).message).toMatch(/failed after 2 attempts .*network error: .*ECONNREFUSED/)
  })

  it('cuts a hung request off at the deadline', async () => {
    emulator.faults.add({ route: '/connections', times: Infinity, action: { type: 'hang' } })
    const { t } = transport({ timeoutMs: 300, clock: { now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) } })
    const error = await t.request(listRequest()).catch((e: unknown) => e)
    t.close()
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('asks recover() after an unanswered non-idempotent request, and returns what it found', async () => {
    emulator.faults.add({ route: '/connections', action: { type: 'reset' } })
    const { t } = transport()
    let asked = 0
    const res = await t.requestOrRecover(listRequest(), () => {
      asked++
      return Promise.resolve('found it')
    })
    t.close()
    expect(asked).toBe(1)
    expect(isRecovered(res) && res.recovered).toBe('found it')
    expect(emulator.requests()).toHaveLength(1)
  })

  it('sends again when recover() finds nothing, and does not ask after a refused 429', async () => {
    emulator.faults.add({ route: '/connections', action: { type: 'status', status: 500 } })
    emulator.faults.add({ route: '/connections', action: { type: 'status', status: 429 } })
    const { t } = transport()
    let asked = 0
    const res = await t.requestOrRecover(listRequest(), () => {
      asked++
      return Promise.resolve(undefined)
    })
    t.close()
    expect(isRecovered(res)).toBe(false)
    expect(asked).toBe(1)
    expect(emulator.requests()).toHaveLength(3)
  })

  it('asks recover() after a 2xx too large to read, which is not sent again but may have taken effect', async () => {
    emulator.faults.add({ route: '/connections', action: { type: 'status', status: 201, body: { id: 'x'.repeat(2048) } } })
    const { t } = transport({ maxBodyBytes: 1024 })
    const res = await t.requestOrRecover(listRequest(), () => Promise.resolve('made it'))
    t.close()
    expect(isRecovered(res) && res.recovered).toBe('made it')
    expect(emulator.requests()).toHaveLength(1)
  })

  it('fails a 2xx too large to read when recover() finds nothing, without sending again', async () => {
    emulator.faults.add({ route: '/connections', action: { type: 'status', status: 201, body: { id: 'x'.repeat(2048) } } })
    const { t } = transport({ maxBodyBytes: 1024 })
    const error = await t.requestOrRecover(listRequest(), () => Promise.resolve(undefined)).catch((e: unknown) => e)
    t.close()
    expect((error as ApiError).message).toMatch(/larger than 1\.0 KiB/)
    expect(emulator.requests()).toHaveLength(1)
  })

  it('fails without sending again when recover() itself fails', async () => {
    emulator.faults.add({ route: '/connections', action: { type: 'status', status: 502 } })
    const { t } = transport()
    const error = await t.requestOrRecover(listRequest(), () => Promise.reject(new Error('lookup broke'))).catch((e: unknown) => e)
    t.close()
    expect((error as Error).message).toContain('could not check whether the request took effect (lookup broke)')
    expect(emulator.requests()).toHaveLength(1)
  })

  it('warms one connection that the first request then uses', async () => {
    const { t } = transport()
    t.warmUp(emulator.flowServiceUrl)
    // The emulator counts the connection once it has accepted it.
    await waitFor(() => emulator.stats().flow.connections > 0)
    expect(emulator.stats().flow.connections).toBe(1)
    await t.request(listRequest())
    await t.request(listRequest())
    t.close()
    expect(emulator.stats().flow.connections).toBe(1)
    expect(emulator.stats().flow.requests).toBe(2)
  })
})

describe('an attempt that hangs', () => {
  it('a read is cut off after readAttemptMs and sent again, well within the deadline', async () => {
    emulator.faults.add({ method: 'GET', route: '/connections', action: { type: 'hang' } })
    const { t, info } = transport({ readAttemptMs: 300, timeoutMs: 20_000 })
    const res = await t.request(listRequest())
    expect(res.status).toBe(200)
    expect(info.join('\n')).toMatch(/GET \/connections: network error: no answer within 0\.3 s; retrying/)
    t.close()
  })

  it('a write is never cut short: its outcome would be unknown', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'hang' } })
    const { t } = transport({ readAttemptMs: 100, timeoutMs: 1000 })
    const post: Request = { ...listRequest(), method: 'POST', label: 'POST /connections', body: '{}' }
    await expect(t.request(post)).rejects.toThrow(TimeoutError)
    t.close()
  })
})
