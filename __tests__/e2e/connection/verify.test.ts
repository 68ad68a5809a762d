// verify: true on the bundle: the credentials are proved through a short-lived probe before the
// live connection changes; a failed verification changes nothing and leaves no probe.

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { expectNoLeak, runAction } from '../../helpers/action.js'
import { emulatorInputs, flowRequests, secretsOf } from '../../helpers/fixtures.js'

let emulator: Emulator
const KEYS = { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey }

beforeAll(async () => {
  // Only the demo keys reach the emulated bucket.
  emulator = await startEmulator({ s3: { accessKey: DEMO.s3AccessKey, secretKey: DEMO.s3SecretKey } })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const stored = () => emulator.store.list('prod')

it('an update with good keys proves them through a probe, then patches; the probe is gone', async () => {
  const existing = emulator.store.seed({ name: 'S3 Connection', params: { ...KEYS, s3SecretKey: 'old-secret-key-0000' } })
  const result = await runAction({ inputs: emulatorInputs(emulator, { verify: 'true' }), debug: true })
  expect(result.exitCode).toBe(0)
  expect(result.outputs.operation).toBe('updated')
  expect(stored().map((c) => c.id)).toEqual([existing.id])
  expect(stored()[0]?.auth.params).toEqual(KEYS)
  expect(result.stdout).toMatch(/Verified the credentials through probe [0-9a-f-]+: \d+ entr(y|ies) listed in the root by Flow Service/)
  expect(result.summary).toMatch(/yes: \d+ entr(y|ies) listed in the root \(through a probe, before the write\)/)
})

it('an update with a wrong new secret fails and leaves the stored credentials and etag unchanged, with no probe left', async () => {
  const existing = emulator.store.seed({ name: 'S3 Connection', params: KEYS })
  const inputs = emulatorInputs(emulator, { verify: 'true', 's3-secret-key': 'mistyped-secret-key-000000000000000000' })
  const result = await runAction({ inputs, debug: true })
  expect(result.exitCode).toBe(1)
  expect(result.error).toMatch(
    /^Verification failed: Flow Service could not list the bucket root with these credentials, so the connection was not changed \(a probe was used, and is deleted\)\. Flow Service GET \/connections\/\{id\}\/explore failed: HTTP 400 FLOW-1006-400: The request signature we calculated does not match/
  )
  expect(stored()).toEqual([existing])
  expect(flowRequests(emulator).some((r) => r.method === 'PATCH')).toBe(false)
  expect(result.outputs).toEqual({})
  expectNoLeak(result, secretsOf(inputs, emulator))
})

it('a create that fails verification leaves no connection', async () => {
  const inputs = emulatorInputs(emulator, { verify: 'true', 's3-access-key': 'AKIAUNKNOWNKEY000000' })
  const result = await runAction({ inputs })
  expect(result.exitCode).toBe(1)
  expect(result.error).toMatch(/AWS Access Key Id you provided does not exist/)
  expect(stored()).toEqual([])
  expectNoLeak(result, secretsOf(inputs, emulator))
})

it('with bucket-name, lists that bucket and folder, which a least-privilege policy allows', async () => {
  const result = await runAction({
    inputs: emulatorInputs(emulator, { verify: 'true', 'bucket-name': 'demo-bucket', 'folder-path': 'inbound' })
  })
  expect(result.exitCode).toBe(0)
  const explore = flowRequests(emulator).find((r) => r.route === '/connections/{id}/explore')
  expect(explore?.query).toMatchObject({ objectType: ['folder'], object: ['/demo-bucket/inbound/'] })
  expect(stored()).toHaveLength(1)
})

it('a probe left by a killed earlier attempt of the run is removed by the next attempt', async () => {
  const left = emulator.store.seed({ name: 'S3 Connection (verify probe: octo-org/s3-pipeline run 4242 attempt 1, 0123abcd)' })
  const result = await runAction({ inputs: emulatorInputs(emulator, { verify: 'true' }), env: { GITHUB_RUN_ATTEMPT: '2' } })
  expect(result.exitCode).toBe(0)
  expect(emulator.store.get(left.id)).toBeUndefined()
  expect(result.stdout).toContain(`Deleted verification probe ${left.id}`)
  expect(stored().map((c) => c.name)).toEqual(['S3 Connection'])
})

it('a probe is deleted when the run is cancelled while it waits (SIGTERM)', async () => {
  emulator.store.seed({ name: 'S3 Connection', params: KEYS })
  emulator.faults.add({ method: 'GET', route: '/connections/*/explore', action: { type: 'hang' } })
  const listing = () => emulator.requests().some((r) => r.method === 'GET' && r.route === '/connections/{id}/explore')
  const result = await runAction({ inputs: emulatorInputs(emulator, { verify: 'true' }), signalWhen: listing, signal: 'SIGTERM' })
  expect(result.exitCode).toBe(1)
  // The message says what became of what the run made: here, deleted.
  expect(result.error).toMatch(
    /^Cancelled: the runner stopped the step \(the job was cancelled or timed out\)\. This run deleted what it had made \(verification probe [0-9a-f-]{36}\)\.$/
  )
  expect(stored().map((c) => c.name)).toEqual(['S3 Connection'])
})
