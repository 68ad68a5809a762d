// dist/dataflow/index.js and the runs a step causes: a step that caused none does not wait for
// one; run-now reads what landed since the latest run, read by its id; two steps starting runs
// at once never ingest one file twice; plan says what would start.

import { DEMO_DATASET_ID } from '../../../emulator/index.js'
import type { RunResult } from '../../helpers/action.js'
import { DataflowSandbox, pastLatestRunStart } from '../../helpers/dataflow.js'

const sandbox = DataflowSandbox.install()

const ONCE = { frequency: 'once', 'run-now': 'true', 'wait-for-run': 'true', 'wait-minutes': '2' }
const HEADER = 'customer_id,email,first_name,last_name,country,signup_date,lifetime_value'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const run = (overrides: Record<string, string | undefined> = {}): Promise<RunResult> => sandbox.run(overrides)

/** An export with `rows` customers lands, after the latest run's start, and a second passes: windows are whole seconds. */
async function land(name: string, first: number, rows: number): Promise<void> {
  await pastLatestRunStart(sandbox.emulator)
  const lines = Array.from({ length: rows }, (_, i) => `C-${first + i},c${first + i}@example.com,Ann,Lee,DE,2026-12-01,${i}`)
  sandbox.emulator.putFile(`/demo-bucket/exports/daily/${name}`, { content: `${HEADER}\n${lines.join('\n')}\n` })
  await sleep(1100)
}

const records = () => sandbox.emulator.catalog.records(DEMO_DATASET_ID)

it('a scheduled dataflow that exists: the step caused no run, says so, does not wait, and outputs the latest run', async () => {
  const first = await run({ 'wait-for-run': 'true' })
  expect(first.outputs).toMatchObject({ operation: 'created', 'run-status': 'success' })
  const again = await run({ 'wait-for-run': 'true', 'wait-minutes': '30' })
  expect(again.exitCode).toBe(0)
  expect(again.stdout).toMatch(
    /::notice::This step caused no run of dataflow [0-9a-f-]{36}: the dataflow runs on its schedule \(every day\), and this step started none\. wait-for-run waits for none; the run-\* outputs describe the latest run\./
  )
  expect(again.outputs).toMatchObject({ operation: 'reused', 'run-id': first.outputs['run-id'], 'run-status': 'success' })
})

it('a scheduled dataflow that exists, without wait-for-run or run-now: no notice, the log says why no run came', async () => {
  await run({ 'wait-for-run': 'true' })
  const again = await run()
  expect(again.exitCode).toBe(0)
  expect(again.stdout).not.toContain('::notice::')
  expect(again.stdout).toMatch(/This step caused no run of dataflow [0-9a-f-]{36}: the dataflow runs on its schedule \(every day\)/)
})

it('run-now asked of a daily dataflow (once cannot be applied to it): the step fails saying why, starts no run, and outputs the dataflow', async () => {
  const first = await run({ 'wait-for-run': 'true' })
  const asked = await run(ONCE)
  expect(asked.exitCode).toBe(1)
  expect(asked.stdout).toMatch(/::warning::Not applied: .*scheduleParams\.frequency/)
  expect(asked.stdout).toMatch(
    /::error::Dataflow [0-9a-f-]{36}: it runs every day, and Adobe starts on-demand runs \(run-now\) only for a dataflow scheduled once, .*remove run-now\./
  )
  expect(asked.outputs).toMatchObject({ 'dataflow-id': first.outputs['dataflow-id'], operation: 'reused' })
  expect(sandbox.emulator.requests().filter((r) => r.method === 'POST' && r.route === '/runs')).toHaveLength(0)
})

it('run-now on a dataflow that has run: a run of only what landed since, waited for by its id', async () => {
  const first = await run(ONCE)
  expect(first.outputs).toMatchObject({ operation: 'created', 'run-status': 'success' })
  expect(first.stdout).toContain('runs first on its own, due at')
  const before = records().length
  await land('crm-customers-2026-12-02.csv', 5000, 2)
  const second = await run(ONCE)
  expect(second.exitCode).toBe(0)
  expect(second.outputs).toMatchObject({ operation: 'reused', 'run-status': 'success', 'records-written': '2' })
  expect(second.outputs['run-id']).not.toBe(first.outputs['run-id'])
  expect(second.stdout).toMatch(/Started run [0-9a-f-]{36} of dataflow [0-9a-f-]{36}, on demand: the files that landed from \d{4}-/)
  expect(records()).toHaveLength(before + 2)
  // The claim that kept other steps off the window is let go.
  expect(sandbox.emulator.dataflows.flows('prod')[0]?.description).not.toContain('[claimed by')
})

it("run-now whose start's answer is lost: the run it made is found and waited for, and no second one is started", async () => {
  await run(ONCE)
  const before = records().length
  await land('crm-customers-2026-12-02.csv', 7000, 2)
  sandbox.emulator.faults.add({ method: 'POST', route: '/runs', action: { type: 'commit-then-drop' } })
  const second = await run(ONCE)
  expect(second.exitCode).toBe(0)
  expect(second.outputs).toMatchObject({ 'run-status': 'success', 'records-written': '2' })
  expect(sandbox.emulator.requests().filter((r) => r.method === 'POST' && r.route === '/runs')).toHaveLength(1)
  expect(records()).toHaveLength(before + 2)
})

it('two steps starting runs at once never ingest a file twice', async () => {
  await run(ONCE)
  const before = records().length
  await land('crm-customers-2026-12-02.csv', 6000, 3)
  // Both read the dataflow before either claims it.
  sandbox.emulator.faults.add({ method: 'GET', route: '/flows', action: { type: 'barrier', count: 2 } })
  const [a, b] = await Promise.all([run(ONCE), run(ONCE)])
  expect([a.exitCode, b.exitCode]).toEqual([0, 0])
  expect(records()).toHaveLength(before + 3)
  // One step started the run; the other waited for its claim, and took that run as its own.
  expect(a.outputs['run-id']).toBe(b.outputs['run-id'])
  expect(`${a.stdout}\n${b.stdout}`).toMatch(
    /started by another step while this one ran, reads what this step's run would: it is this step's run/
  )
})

it('plan says the run run-now would start, and starts none', async () => {
  await run(ONCE)
  sandbox.emulator.clearRequests()
  const planned = await run({ frequency: 'once', 'run-now': 'true', plan: 'true' })
  expect(planned.exitCode).toBe(0)
  expect(JSON.parse(planned.outputs.changes ?? '[]')).toEqual([
    { action: 'create', object: 'run', note: "on demand, of the files that landed since the latest run's window ended" }
  ])
  expect(sandbox.emulator.requests().filter((r) => r.method !== 'GET' && !r.path.endsWith('/validate') && r.service !== 'ims')).toEqual([])
})
