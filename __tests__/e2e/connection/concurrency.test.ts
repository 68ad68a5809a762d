// The promise under concurrency and eventual consistency, on the bundle: concurrent first runs
// leave one connection, a lagging list never duplicates a lost create, a foreign connection that
// appears during a failed create never ends up holding other credentials, and continuation
// tokens holding + / = are followed byte for byte.

import { DEMO, startEmulator, type Emulator, type EmulatorOptions } from '../../../emulator/index.js'
import { expectNoLeak, runAction, type RunResult } from '../../helpers/action.js'
import { emulatorInputs, secretsOf } from '../../helpers/fixtures.js'

const KEYS = { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey }
let emulator: Emulator | undefined

afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  emulator = await startEmulator(options)
  return emulator
}

async function run(emu: Emulator, overrides: Record<string, string | undefined> = {}): Promise<RunResult> {
  const inputs = emulatorInputs(emu, { 'timeout-seconds': '40', ...overrides })
  const result = await runAction({ inputs, debug: true })
  expectNoLeak(result, secretsOf(inputs, emu))
  return result
}

describe.each([2, 3, 5])('%i concurrent first runs', (runs) => {
  it('leave one connection; every run succeeds with its id; the next run is an ordinary update', async () => {
    const emu = await start()
    // Every run's lookup is held until all of them have looked: each sees an empty sandbox.
    emu.faults.add({ method: 'GET', route: '/connections', times: runs, action: { type: 'barrier', count: runs } })
    const results = await Promise.all(Array.from({ length: runs }, () => run(emu)))
    const stored = emu.store.list('prod')
    expect(stored).toHaveLength(1)
    const survivor = stored[0]
    for (const result of results) {
      expect(result.error).toBeUndefined()
      expect(result.outputs['connection-id']).toBe(survivor?.id)
    }
    expect(results.filter((r) => r.outputs.operation === 'created')).toHaveLength(1)
    expect(results.filter((r) => r.outputs.operation === 'updated')).toHaveLength(runs - 1)
    expect(emu.requests().filter((r) => r.method === 'POST' && r.route === '/connections')).toHaveLength(runs)
    expect(emu.requests().filter((r) => r.method === 'DELETE')).toHaveLength(runs - 1)
    expect(survivor?.auth.params).toEqual(KEYS)

    const next = await run(emu)
    expect(next.outputs).toMatchObject({ 'connection-id': survivor?.id, operation: 'updated' })
    expect(emu.store.list('prod')).toHaveLength(1)
  })
})

it('a lost create with a list that lags 3 s leaves one connection', async () => {
  const emu = await start({ listLagMs: 3000 })
  emu.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
  const result = await run(emu)
  expect(result.error).toBeUndefined()
  const stored = emu.store.list('prod')
  expect(stored).toHaveLength(1)
  expect(result.outputs['connection-id']).toBe(stored[0]?.id)
  expect(emu.requests().filter((r) => r.method === 'POST' && r.route === '/connections')).toHaveLength(1)
})

it('a foreign same-named connection that appears during a failed create is brought to this run’s credentials, never reported as created', async () => {
  const emu = await start()
  const foreign = { s3AccessKey: 'AKIAFOREIGNKEY000000', s3SecretKey: 'foreign-secret-key-0000000000000000000' }
  emu.faults.add({
    method: 'POST',
    route: '/connections',
    action: { type: 'status', status: 503 },
    seed: { name: 'S3 Connection', params: foreign }
  })
  const result = await run(emu)
  expect(result.error).toBeUndefined()
  const stored = emu.store.list('prod')
  expect(stored).toHaveLength(1)
  expect(result.outputs).toMatchObject({ 'connection-id': stored[0]?.id, operation: 'updated' })
  expect(stored[0]?.auth.params).toEqual(KEYS)
})

it('follows continuation tokens holding +, / and = byte for byte', async () => {
  const emu = await start({ opaqueTokens: true, pageSize: 2 })
  // A name with a comma is looked up by spec alone, so that every S3 connection is listed, in pages of two.
  for (let i = 0; i < 5; i++) emu.store.seed({ name: `Other ${i}` })
  const mine = emu.store.seed({ name: 'Sales, EU' })
  const result = await run(emu, { 'connection-name': 'Sales, EU' })
  expect(result.error).toBeUndefined()
  expect(result.outputs).toMatchObject({ 'connection-id': mine.id, operation: 'updated' })
  const pages = emu.requests().filter((r) => r.method === 'GET' && r.route === '/connections')
  expect(pages).toHaveLength(3)
  for (const page of pages.slice(1)) {
    const raw = /continuationToken=([^&]*)/.exec(page.rawQuery)?.[1] ?? ''
    expect(raw).toMatch(/\+/)
    expect(raw).toMatch(/\//)
    expect(raw).toMatch(/=/)
    expect(page.status).toBe(200)
  }
})
