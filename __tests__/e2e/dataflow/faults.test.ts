// dist/dataflow/index.js as the runner runs it, killed (SIGKILL) or cancelled (SIGTERM) at the
// steps where it has made something: what it says it left is what it left, and the next run
// finishes or removes it (once the killed run's time is over: such a run starts with its clock
// ahead). The emulator is the sandbox throughout.

import { DEMO, DEMO_DATASET_ID, startEmulator, type Emulator } from '../../../emulator/index.js'
import { expectNoInjection, expectNoLeak, runAction, type RunResult } from '../../helpers/action.js'
import { CRM_MAPPING, dataflowInputs, Workspace } from '../../helpers/dataflow.js'
import { secretsOf } from '../../helpers/fixtures.js'

let emulator: Emulator
let workspace: Workspace
let connectionId: string

beforeAll(async () => {
  emulator = await startEmulator({ runClock: { timeScale: 1000 } })
  workspace = new Workspace()
})
afterAll(async () => {
  await emulator.close()
  workspace.remove()
})
beforeEach(() => {
  emulator.reset()
  workspace.write('crm-mapping.json', CRM_MAPPING)
  connectionId = emulator.store.seed({ name: 'S3', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
})

/** Ten minutes later: the time of every run before is over, with its margin. */
const LATER = 10 * 60_000

async function run(
  overrides: Record<string, string | undefined> = {},
  options: { killAfterMs?: number; signalAfterMs?: number; clockOffsetMs?: number } = {}
): Promise<RunResult> {
  const inputs = dataflowInputs(emulator, connectionId, DEMO_DATASET_ID, overrides)
  const result = await runAction({
    action: 'dataflow',
    inputs,
    env: { GITHUB_WORKSPACE: workspace.dir },
    debug: true,
    ...(options.signalAfterMs !== undefined && { signalAfterMs: options.signalAfterMs, signal: 'SIGTERM' as const }),
    ...(options.killAfterMs !== undefined && { killAfterMs: options.killAfterMs }),
    ...(options.clockOffsetMs !== undefined && { clockOffsetMs: options.clockOffsetMs })
  })
  expectNoLeak(result, secretsOf(inputs, emulator), { maskedFirst: [DEMO.clientSecret] })
  expectNoInjection(result, 'injected')
  return result
}

const flows = () => emulator.dataflows.flows('prod')
const sources = () => emulator.dataflows.sourceConnections('prod')
const targets = () => emulator.dataflows.targetConnections('prod')
const replacing = { 'on-source-change': 'replace', 'source-path': '/demo-bucket/exports/daily/' }

/** One dataflow, made of the only two connections there are, none of them marked. */
function expectOneChain(): void {
  const [flow, ...more] = flows()
  expect(more).toEqual([])
  expect(sources().map((s) => s.id)).toEqual(flow?.sourceConnectionIds)
  expect(targets().map((t) => t.id)).toEqual(flow?.targetConnectionIds)
  expect([flow, ...sources(), ...targets()].map((i) => i?.description ?? '').join('\n')).not.toContain('[creating')
}

it('killed while its dataflow is created: a run within its time leaves its connections alone, a later one deletes them', async () => {
  emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'hang' } })
  const killed = await run({}, { killAfterMs: 2500 })
  expect(killed.exitCode).toBeNull()
  expect(sources()).toHaveLength(1)
  emulator.faults.clear()

  const soon = await run()
  expect(soon.outputs.operation).toBe('created')
  expect(sources()).toHaveLength(2)

  const later = await run({}, { clockOffsetMs: LATER })
  expect(later.exitCode).toBe(0)
  expect(later.outputs.operation).toBe('reused')
  expect(later.stdout).toMatch(/Deleted source connection [0-9a-f-]{36}: no dataflow uses it; an earlier run left it/)
  expectOneChain()
})

it('killed once its dataflow was made, before confirming it: the next run keeps it and takes the marks out', async () => {
  // The create is done on arrival; its answer comes late, after the kill.
  emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'delay', ms: 10_000 } })
  await run({}, { killAfterMs: 2500 })
  const [made] = flows()
  expect(made?.description).toMatch(/\[creating [0-9a-f]{8} until /)
  emulator.faults.clear()

  const later = await run({}, { clockOffsetMs: LATER })
  expect(later.exitCode).toBe(0)
  expect(later.outputs).toMatchObject({ operation: 'updated', 'dataflow-id': made?.id })
  expectOneChain()
})

it('cancelled while the replaced dataflow is deleted: says the replacement is in place, and the next run finishes the swap', async () => {
  const first = await run()
  emulator.faults.add({ method: 'DELETE', route: '/flows/*', times: Infinity, action: { type: 'hang' } })
  const cancelled = await run(replacing, { signalAfterMs: 2500 })
  expect(cancelled.exitCode).toBe(1)
  expect(cancelled.error).toMatch(
    new RegExp(
      `^Cancelled: the runner stopped the step \\(the job was cancelled or timed out\\)\\. The replacement is in place; the old dataflow ${first.outputs['dataflow-id'] ?? ''} was being deleted\\. It is disabled and recorded as replaced: the next run of this step deletes it`
    )
  )
  const replacement = flows().find((f) => f.id !== first.outputs['dataflow-id'])
  expect(cancelled.outputs).toMatchObject({ 'dataflow-id': replacement?.id, operation: 'replaced' })
  emulator.faults.clear()

  const next = await run(replacing)
  expect(next.outputs).toMatchObject({ operation: 'reused', 'dataflow-id': replacement?.id })
  expectOneChain()
})

it('cancelled while its source connection is created: finds it by its mark, deletes it, and says so', async () => {
  emulator.faults.add({ method: 'POST', route: '/sourceConnections', action: { type: 'delay', ms: 5000 } })
  const cancelled = await run({}, { signalAfterMs: 1500 })
  expect(cancelled.exitCode).toBe(1)
  expect(sources()).toEqual([])
  expect(targets()).toEqual([])
  expect(cancelled.error).toMatch(
    /^Cancelled: the runner stopped the step \(the job was cancelled or timed out\)\. This run deleted what it had made \((source|target) connection [0-9a-f-]{36}, (source|target) connection [0-9a-f-]{36}\)\. Made by this run and kept, as no API deletes it: mapping set [0-9a-f]{32}\.$/
  )
})

it('a disable that cannot be confirmed fails the step naming the dataflow still enabled, with its ids in the outputs', async () => {
  emulator.faults.add({ method: 'POST', route: '/flows/*/action', times: Infinity, action: { type: 'status', status: 503 } })
  const result = await run({ enabled: 'false', 'max-attempts': '2' })
  const [flow] = flows()
  expect(result.exitCode).toBe(1)
  expect(result.error).toMatch(new RegExp(`^Dataflow ${flow?.id ?? ''} could not be disabled, so it is still enabled`))
  expect(result.outputs).toMatchObject({
    'dataflow-id': flow?.id,
    'source-connection-id': flow?.sourceConnectionIds[0],
    operation: 'created'
  })
})

describe('a teardown killed half way', () => {
  it('killed while its connections are deleted, the dataflow gone: the next teardown deletes what is left', async () => {
    await run()
    emulator.faults.add({ method: 'DELETE', route: '/sourceConnections/*', action: { type: 'hang' } })
    const killed = await run({ state: 'absent' }, { killAfterMs: 2500 })
    expect(killed.exitCode).toBeNull()
    expect(flows()).toEqual([])
    expect(sources()).toHaveLength(1)
    emulator.faults.clear()
    const next = await run({ state: 'absent' })
    expect(next.exitCode).toBe(0)
    expect(next.outputs.operation).toBe('deleted')
    expect([flows(), sources(), targets()]).toEqual([[], [], []])
  })

  it('cancelled while the dataflow is deleted: fails saying what it deleted, and the next teardown finishes', async () => {
    await run()
    emulator.faults.add({ method: 'DELETE', route: '/flows/*', times: Infinity, action: { type: 'hang' } })
    const cancelled = await run({ state: 'absent' }, { signalAfterMs: 2500 })
    expect(cancelled.exitCode).toBe(1)
    emulator.faults.clear()
    expect((await run({ state: 'absent' })).outputs.operation).toBe('deleted')
    expect([flows(), sources(), targets()]).toEqual([[], [], []])
  })
})
