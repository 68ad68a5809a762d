// state: absent, the bundle as the runner runs it: the connection made by a first run is deleted
// and said so; a second teardown finds it absent; one a dataflow reads is kept, naming it.

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { expectNoLeak, runAction } from '../../helpers/action.js'
import { emulatorInputs, secretsOf } from '../../helpers/fixtures.js'
import { createFlow, createMappingSet, createSource, createTarget, flowBody } from '../../emulator/dataflow-helpers.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

async function teardown(extra: Record<string, string> = {}) {
  const inputs = emulatorInputs(emulator, { state: 'absent', ...extra })
  const result = await runAction({ inputs, debug: true })
  expectNoLeak(result, secretsOf(inputs), { maskedFirst: [DEMO.clientSecret] })
  return result
}

it('deletes the connection a first run made, outputs its id, and a second teardown finds it absent', async () => {
  const made = await runAction({ inputs: emulatorInputs(emulator) })
  const id = made.outputs['connection-id']
  const removed = await teardown()
  expect(removed.exitCode).toBe(0)
  expect(removed.outputs).toEqual({ 'connection-id': id, etag: '', operation: 'deleted' })
  expect(removed.summary).toContain('deleted')
  expect(emulator.store.list('prod')).toEqual([])
  const again = await teardown()
  expect(again.outputs).toEqual({ 'connection-id': '', etag: '', operation: 'absent' })
})

it('reads no S3 credential: a teardown step needs none', async () => {
  emulator.store.seed({ name: 'S3 Connection' })
  const inputs = emulatorInputs(emulator, { state: 'absent', 's3-access-key': '', 's3-secret-key': '' })
  expect((await runAction({ inputs })).outputs.operation).toBe('deleted')
})

it('keeps a connection a dataflow reads, and fails naming the dataflow', async () => {
  const { id } = emulator.store.seed({ name: 'S3 Connection' })
  const [source, target, mapping] = await Promise.all([createSource(emulator, id), createTarget(emulator), createMappingSet(emulator)])
  const flow = await createFlow(emulator, flowBody({ source: source.id, target: target.id, mapping }))
  const result = await teardown()
  expect(result.exitCode).toBe(1)
  expect(result.error).toContain(`is read by 1 dataflow(s): ${flow.id} ("Daily CRM"); nothing was deleted.`)
  expect(emulator.store.list('prod').map((c) => c.id)).toEqual([id])
})

it('a dry run prints the lookup, the usage question and the delete, and sends nothing', async () => {
  const result = await teardown({ 'dry-run': 'true' })
  expect(result.exitCode).toBe(0)
  expect(emulator.requests()).toEqual([])
  expect(result.shown.join('\n')).toContain(`DELETE ${emulator.flowServiceUrl}/connections/{id}`)
})
