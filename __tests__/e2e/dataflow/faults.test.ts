// dist/dataflow/index.js as the runner runs it, killed (SIGKILL) or cancelled (SIGTERM) at the
// steps where it has made something: what it says it left is what it left, and the next run
// finishes or removes it (once the killed run's time is over: such a run starts with its clock
// ahead). The emulator is the sandbox throughout.

import type { RunResult } from '../../helpers/action.js'
import { DataflowSandbox } from '../../helpers/dataflow.js'

const sandbox = DataflowSandbox.install()

/** Ten minutes later: the time of every run before is over, with its margin. */
const LATER = 10 * 60_000

/** Whether the action has sent this request ('POST /flows'): where a test stops it. */
const sent = (request: string) => (): boolean => sandbox.emulator.requests().some((r) => `${r.method} ${r.route}` === request)
/** Whether the emulator has answered this request. */
const answered = (request: string): boolean =>
  sandbox.emulator.requests().some((r) => `${r.method} ${r.route}` === request && r.status !== undefined)

/** A run, killed (SIGKILL) or cancelled (SIGTERM) once it has sent the request `at` names, when asked. */
const run = (
  overrides: Record<string, string | undefined> = {},
  options: { stop?: { signal: 'SIGKILL' | 'SIGTERM'; at: () => boolean }; clockOffsetMs?: number } = {}
): Promise<RunResult> =>
  sandbox.run(overrides, {
    ...(options.clockOffsetMs !== undefined && { clockOffsetMs: options.clockOffsetMs }),
    ...(options.stop !== undefined && { signal: options.stop.signal, signalWhen: options.stop.at })
  })
const kill = (at: string) => ({ stop: { signal: 'SIGKILL' as const, at: sent(at) } })
const cancel = (at: string | (() => boolean)) => ({ stop: { signal: 'SIGTERM' as const, at: typeof at === 'string' ? sent(at) : at } })

const flows = () => sandbox.emulator.dataflows.flows('prod')
const sources = () => sandbox.emulator.dataflows.sourceConnections('prod')
const targets = () => sandbox.emulator.dataflows.targetConnections('prod')
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
  sandbox.emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'hang' } })
  const killed = await run({}, kill('POST /flows'))
  expect(killed.exitCode).toBeNull()
  expect(sources()).toHaveLength(1)
  sandbox.emulator.faults.clear()

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
  sandbox.emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'delay', ms: 10_000 } })
  await run({}, kill('POST /flows'))
  const [made] = flows()
  expect(made?.description).toMatch(/\[creating [0-9a-f]{8} until /)
  sandbox.emulator.faults.clear()

  const later = await run({}, { clockOffsetMs: LATER })
  expect(later.exitCode).toBe(0)
  expect(later.outputs).toMatchObject({ operation: 'updated', 'dataflow-id': made?.id })
  expectOneChain()
})

it('cancelled while the replaced dataflow is deleted: says the replacement is in place, and the next run finishes the swap', async () => {
  const first = await run()
  sandbox.emulator.faults.add({ method: 'DELETE', route: '/flows/*', times: Infinity, action: { type: 'hang' } })
  const cancelled = await run(replacing, cancel('DELETE /flows/{id}'))
  expect(cancelled.exitCode).toBe(1)
  expect(cancelled.error).toMatch(
    new RegExp(
      `^Cancelled: the runner stopped the step \\(the job was cancelled or timed out\\)\\. The replacement is in place; the old dataflow ${first.outputs['dataflow-id'] ?? ''} was being deleted\\. It is disabled and recorded as replaced: the next run of this step deletes it`
    )
  )
  const replacement = flows().find((f) => f.id !== first.outputs['dataflow-id'])
  expect(cancelled.outputs).toMatchObject({ 'dataflow-id': replacement?.id, operation: 'replaced' })
  sandbox.emulator.faults.clear()

  const next = await run(replacing)
  expect(next.outputs).toMatchObject({ operation: 'reused', 'dataflow-id': replacement?.id })
  expectOneChain()
})

it('cancelled while its source connection is created: finds it by its mark, deletes it, and says so', async () => {
  sandbox.emulator.faults.add({ method: 'POST', route: '/sourceConnections', action: { type: 'delay', ms: 5000 } })
  // Once the source connection's create is held, and the target connection and mapping set sent with it are made.
  const cancelled = await run(
    {},
    cancel(() => sent('POST /sourceConnections')() && answered('POST /targetConnections') && answered('POST /mappingSets'))
  )
  expect(cancelled.exitCode).toBe(1)
  expect(sources()).toEqual([])
  expect(targets()).toEqual([])
  expect(cancelled.error).toMatch(
    /^Cancelled: the runner stopped the step \(the job was cancelled or timed out\)\. This run deleted what it had made \((source|target) connection [0-9a-f-]{36}, (source|target) connection [0-9a-f-]{36}\)\. Made by this run and kept, as no API deletes it: mapping set [0-9a-f]{32}\.$/
  )
})

it('a disable that cannot be confirmed fails the step naming the dataflow still enabled, with its ids in the outputs', async () => {
  sandbox.emulator.faults.add({ method: 'POST', route: '/flows/*/action', times: Infinity, action: { type: 'status', status: 503 } })
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
    sandbox.emulator.faults.add({ method: 'DELETE', route: '/sourceConnections/*', action: { type: 'hang' } })
    const killed = await run({ state: 'absent' }, kill('DELETE /sourceConnections/{id}'))
    expect(killed.exitCode).toBeNull()
    expect(flows()).toEqual([])
    expect(sources()).toHaveLength(1)
    sandbox.emulator.faults.clear()
    const next = await run({ state: 'absent' })
    expect(next.exitCode).toBe(0)
    expect(next.outputs.operation).toBe('deleted')
    expect([flows(), sources(), targets()]).toEqual([[], [], []])
  })

  it('cancelled while the dataflow is deleted: fails saying what it deleted, and the next teardown finishes', async () => {
    await run()
    sandbox.emulator.faults.add({ method: 'DELETE', route: '/flows/*', times: Infinity, action: { type: 'hang' } })
    const cancelled = await run({ state: 'absent' }, cancel('DELETE /flows/{id}'))
    expect(cancelled.exitCode).toBe(1)
    sandbox.emulator.faults.clear()
    expect((await run({ state: 'absent' })).outputs.operation).toBe('deleted')
    expect([flows(), sources(), targets()]).toEqual([[], [], []])
  })
})
