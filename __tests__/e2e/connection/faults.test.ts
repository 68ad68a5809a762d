// Faults survived by the bundle: retries with backoff, Retry-After, a create whose answer was
// lost, a server that never recovers or never answers. No path leaks a secret.

import { startEmulator, type Emulator } from '../../../emulator/index.js'
import { expectNoLeak, runAction, type RunResult } from '../../helpers/action.js'
import { emulatorInputs, flowRequests, secretsOf } from '../../helpers/fixtures.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const routes = () => emulator.requests().map((r) => `${r.method} ${r.route} ${r.status ?? '-'}`)

async function run(overrides: Record<string, string> = {}): Promise<RunResult> {
  const inputs = emulatorInputs(emulator, overrides)
  const result = await runAction({ inputs, debug: true })
  expectNoLeak(result, secretsOf(inputs, emulator))
  return result
}

describe('retries', () => {
  it('503 twice on the create, then success, ends with one connection', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', times: 2, action: { type: 'status', status: 503 } })
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(emulator.store.list()).toHaveLength(1)
    expect(result.outputs['connection-id']).toBe(emulator.store.list()[0]?.id)
    // Before each new attempt the sandbox is asked, several times (a list may lag), whether the
    // create happened after all; after the create, it is listed again for a concurrent twin.
    const posts = routes().filter((r) => r.startsWith('POST /connections'))
    expect(posts).toEqual(['POST /connections 503', 'POST /connections 503', 'POST /connections 201'])
    const [first, second, third] = routes()
      .map((r, i) => (r.startsWith('POST /connections') ? i : -1))
      .filter((i) => i >= 0)
    for (const [from, to] of [
      [first, second],
      [second, third]
    ])
      expect(
        routes()
          .slice((from ?? 0) + 1, to)
          .every((r) => r === 'GET /connections 200') && (to ?? 0) - (from ?? 0) > 2
      ).toBe(true)
    expect(routes().slice(-2).sort()).toEqual(['GET /connections 200', 'PATCH /connections/{id} 200'])
    expect(result.stdout).toMatch(/HTTP 503 FLOW-1103-503; retrying in \d+\.\d s \(attempt 2 of 5\)/)
    expect(result.stdout).toMatch(
      /No connection with this run's creation mark appeared after \d lookup\(s\) following the create whose outcome is unknown: sending it again/
    )
    expect(result.stdout).not.toMatch(/got no answer/)
  })

  it('429 with Retry-After: 1 waits a second, then passes', async () => {
    emulator.faults.add({ method: 'GET', route: '/connections', action: { type: 'status', status: 429, headers: { 'Retry-After': '1' } } })
    const result = await run()
    expect(result.exitCode).toBe(0)
    const lookups = flowRequests(emulator).filter((r) => r.method === 'GET')
    // The lookup (refused, then answered), then the list after the create.
    expect(lookups.map((r) => r.status)).toEqual([429, 200, 200])
    expect(result.stdout).toMatch(/HTTP 429[^;]*; retrying in 1\.0 s \(attempt 2 of 5\)/)
    // The wait is a timer's: never shorter (how much longer is the machine's business).
    expect((lookups[1]?.time ?? 0) - (lookups[0]?.time ?? 0)).toBeGreaterThanOrEqual(950)
  })

  it('survives connection resets, malformed JSON and an IMS outage', async () => {
    emulator.faults.add({ method: 'POST', route: '/ims/token/v3', action: { type: 'status', status: 502 } })
    emulator.faults.add({ method: 'GET', route: '/connections', action: { type: 'reset' } })
    emulator.faults.add({ method: 'GET', route: '/connections', action: { type: 'malformed-json' } })
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs.operation).toBe('created')
    expect(emulator.store.list()).toHaveLength(1)
  })

  it('sends a non-retryable 400 once', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', times: Infinity, action: { type: 'status', status: 400 } })
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(flowRequests(emulator).filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(result.error).toMatch(/^Flow Service POST \/connections failed: HTTP 400/)
  })
})

describe('a create whose answer was lost', () => {
  it('is known by its creation mark, not sent again, and reported as created: exactly one connection with the right id', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const result = await run()
    expect(result.exitCode).toBe(0)
    const stored = emulator.store.list()
    expect(stored).toHaveLength(1)
    expect(stored[0]?.description).not.toMatch(/\[creating/)
    expect(result.outputs).toEqual({ 'connection-id': stored[0]?.id, etag: stored[0]?.etag, operation: 'created' })
    expect(routes().slice(0, 4)).toEqual(['POST /ims/token/v3 200', 'GET /connections 200', 'POST /connections -', 'GET /connections 200'])
    expect(routes().slice(4).sort()).toEqual(['GET /connections 200', 'PATCH /connections/{id} 200'])
    expect(result.stdout).toMatch(
      /appeared after this run's lookup with this run's creation mark: its create took effect, and its answer was lost/
    )
  })

  it('is known by its mark in if-exists create mode too, next to an older same-named connection', async () => {
    const older = emulator.store.seed({ name: 'S3 Connection' })
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const result = await run({ 'if-exists': 'create' })
    expect(result.exitCode).toBe(0)
    expect(emulator.store.list()).toHaveLength(2)
    expect(result.outputs['connection-id']).not.toBe(older.id)
    expect(emulator.store.get(result.outputs['connection-id'] ?? '')).toBeDefined()
  })
})

describe('the deadline', () => {
  it('a server that always answers 500 fails within timeout-seconds with a clear message', async () => {
    emulator.faults.add({ method: 'GET', route: '/connections', times: Infinity, action: { type: 'status', status: 500 } })
    const result = await run({ 'timeout-seconds': '3', 'max-attempts': '20' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(
      /^Flow Service GET \/connections failed after \d+ attempts in \d+\.\d s: HTTP 500 FLOW-1102-500: .+\. Gave up: /
    )
    expect(emulator.store.list()).toHaveLength(0)
  })

  it('a server that never answers fails within timeout-seconds, saying what it waited for', async () => {
    emulator.faults.add({ method: 'GET', route: '/connections', times: Infinity, action: { type: 'hang' } })
    const result = await run({ 'timeout-seconds': '2' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toBe(
      'Timed out after 2.0 s (timeout-seconds) waiting for Flow Service GET /connections (attempt 1 of 5). Raise timeout-seconds, or check that the service is reachable from the runner.'
    )
  })

  it('stops after max-attempts', async () => {
    emulator.faults.add({ method: 'GET', route: '/connections', times: Infinity, action: { type: 'status', status: 503 } })
    const result = await run({ 'max-attempts': '2' })
    expect(result.exitCode).toBe(1)
    expect(flowRequests(emulator)).toHaveLength(2)
    expect(result.error).toContain('failed after 2 attempts')
    expect(result.error).toContain('Gave up: all 2 attempts used.')
  })
})
