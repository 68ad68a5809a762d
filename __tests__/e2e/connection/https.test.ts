// The production path: HTTPS only, IMS and Flow Service as two hosts, a CA trusted through
// NODE_EXTRA_CA_CERTS as on runners behind corporate CAs; and the fewest requests and
// connections each operation needs.

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { expectNoLeak, runAction, type RunResult } from '../../helpers/action.js'
import { emulatorInputs, secretsOf } from '../../helpers/fixtures.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ tls: true, separateIms: true })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

async function run(
  overrides: Record<string, string | undefined>,
  env: Record<string, string> = { NODE_EXTRA_CA_CERTS: emulator.caCertFile ?? '' }
): Promise<RunResult> {
  const inputs = emulatorInputs(emulator, overrides)
  const result = await runAction({ inputs, env, debug: true })
  expectNoLeak(result, secretsOf(inputs, emulator))
  return result
}

const sequence = () => emulator.requests().map((r) => `${r.service} ${r.method} ${r.route}`)
const token = { 'client-secret': undefined, 'access-token': DEMO.accessToken }

/** The requests cut into steps the sizes of `steps`, each step sorted: the order within a step is the network's. */
function inSteps(requests: readonly string[], steps: readonly (readonly string[])[]): string[][] {
  let at = 0
  const cut = steps.map((step) => requests.slice(at, (at += step.length)).sort())
  return at === requests.length ? cut : [...cut, requests.slice(at)]
}

describe('over HTTPS with two hosts', () => {
  it('uses https:// URLs on two origins', () => {
    expect(emulator.flowServiceUrl).toMatch(/^https:\/\//)
    expect(new URL(emulator.imsUrl).origin).not.toBe(new URL(emulator.flowServiceUrl).origin)
  })

  // Each step holds the requests sent together, in any order among themselves.
  it.each([
    [
      'first run with access-token: lookup, create, list again with the creation mark taken out',
      token,
      false,
      [['flow GET /connections'], ['flow POST /connections'], ['flow GET /connections', 'flow PATCH /connections/{id}']]
    ],
    [
      'first run with client-secret: token, lookup, create, list again with the creation mark taken out',
      {},
      false,
      [
        ['ims POST /ims/token/v3'],
        ['flow GET /connections'],
        ['flow POST /connections'],
        ['flow GET /connections', 'flow PATCH /connections/{id}']
      ]
    ],
    [
      'update with client-secret: token, lookup, patch',
      {},
      true,
      [['ims POST /ims/token/v3'], ['flow GET /connections'], ['flow PATCH /connections/{id}']]
    ],
    ['reuse with access-token: lookup only', { ...token, 'if-exists': 'reuse' }, true, [['flow GET /connections']]]
  ])('%s, over the connections opened at start: two to Flow Service, one to IMS', async (_name, overrides, existing, steps) => {
    if (existing) emulator.store.seed({ name: 'S3 Connection' })
    const result = await run(overrides)
    expect(result.exitCode).toBe(0)
    expect(inSteps(sequence(), steps)).toEqual(steps.map((step) => [...step].sort()))
    const { flow, ims } = emulator.stats()
    expect(flow.connections).toBe(2)
    expect(ims.connections).toBe(steps[0]?.[0]?.startsWith('ims') === true ? 1 : 0)
  })

  it('update with verify: four sequential steps (token, lookup with the probe, explore, patch with the delete); a connection per concurrent request', async () => {
    emulator.store.seed({ name: 'S3 Connection', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: 'old-secret-key' } })
    const result = await run({ verify: 'true' })
    expect(result.exitCode).toBe(0)
    expect([...sequence()].sort()).toEqual(
      [
        'ims POST /ims/token/v3',
        'flow GET /connections',
        'flow POST /connections',
        'flow GET /connections',
        'flow GET /connections/{id}/explore',
        'flow PATCH /connections/{id}',
        'flow DELETE /connections/{id}'
      ].sort()
    )
    const order = sequence()
    expect(order.indexOf('flow GET /connections/{id}/explore')).toBeLessThan(order.indexOf('flow PATCH /connections/{id}'))
    // The lookup, the probe and the sweep go out together: up to three connections, never one per request.
    expect(emulator.stats().flow.connections).toBeLessThanOrEqual(3)
    expect(emulator.stats().ims.connections).toBe(1)
  })

  it('a dry run opens no connection at all', async () => {
    const result = await run({ 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    const { flow, ims } = emulator.stats()
    expect([flow.connections, ims.connections]).toEqual([0, 0])
  })

  it('fails clearly, sending nothing, when the CA is not trusted', async () => {
    const result = await run({}, {})
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(
      /^IMS token request failed: network error: DEPTH_ZERO_SELF_SIGNED_CERT .*\. Hint: the server certificate is not trusted; .* set NODE_EXTRA_CA_CERTS to its CA file\.$/
    )
    expect(emulator.requests()).toHaveLength(0)
  })
})
