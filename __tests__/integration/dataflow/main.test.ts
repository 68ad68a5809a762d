// The dataflow action's run() in this process, against the emulator: its story end to end, for
// what the process tests cannot measure (coverage).

import { DEMO, DEMO_DATASET_ID, startEmulator, type Emulator } from '../../../emulator/index.js'
import { run } from '../../../src/dataflow/main.js'
import { CRM_MAPPING, dataflowInputs, Workspace } from '../../helpers/dataflow.js'
import { inProcess } from '../../helpers/in-process.js'

let emulator: Emulator
let workspace: Workspace
let connectionId: string
beforeAll(async () => {
  emulator = await startEmulator({ runClock: { timeScale: 1000 } })
  workspace = new Workspace()
  workspace.write('crm-mapping.json', CRM_MAPPING)
})
afterAll(async () => {
  await emulator.close()
  workspace.remove()
})
beforeEach(() => {
  emulator.reset()
  connectionId = emulator.store.seed({ name: 'S3', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
})

const runWith = inProcess(run)
const inputs = (overrides: Record<string, string> = {}) => dataflowInputs(emulator, connectionId, DEMO_DATASET_ID, overrides)
const env = () => ({ GITHUB_WORKSPACE: workspace.dir })

describe('run()', () => {
  it('creates, waits for the run, and writes outputs and the summary', async () => {
    const result = await runWith(inputs({ 'wait-for-run': 'true', 'wait-minutes': '1' }), env())
    expect(result.failed).toBe(false)
    expect(result.outputs).toMatchObject({ operation: 'created', 'run-status': 'success' })
    expect(result.summary).toContain('<td>Records written</td>')
    expect(result.summary).toContain('<td>create</td><td>dataflow</td>')
  })

  it('holds the write to timeout-seconds even when wait-minutes allows a long wait for the run', async () => {
    emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'hang' } })
    const result = await runWith(inputs({ 'wait-for-run': 'true', 'wait-minutes': '5', 'timeout-seconds': '3' }), env())
    expect(result.failed).toBe(true)
    expect(result.text).toMatch(/Timed out after [\d.]+ ?s \(timeout-seconds\) waiting for Flow Service POST \/flows/)
  })

  it('plans a change and writes nothing', async () => {
    await runWith(inputs(), env())
    const result = await runWith(inputs({ plan: 'true', interval: '2' }), env())
    expect(result.outputs.operation).toBe('planned')
    expect(JSON.parse(result.outputs.changes ?? '[]')).toEqual([
      { action: 'update', object: 'dataflow', field: 'scheduleParams.interval', from: 1, to: 2 }
    ])
  })

  it('prints a dry run of both paths, sending nothing', async () => {
    const result = await runWith(inputs({ 'dry-run': 'true', 'wait-for-run': 'true' }), env())
    expect(result.failed).toBe(false)
    expect(result.text).toContain('Find the source connections named after it (what earlier runs left)')
    expect(result.text).toContain('When one exists: its mapping set, the version it uses')
    expect(result.text).toContain('Then read the run this step caused by its id until it ends (within 30 min)')
    expect(emulator.requests()).toEqual([])
  })

  it('refuses a mapping file outside the workspace, or missing, before any request', async () => {
    const outside = await runWith(inputs({ mapping: '../../etc/passwd' }), env())
    expect(outside.failed).toBe(true)
    expect(outside.text).toMatch(
      /::error::Input 'mapping' (must name a file inside the workspace|names "\.\.\/\.\.\/etc\/passwd", which does not exist)/
    )
    const missing = await runWith(inputs({ mapping: 'nope.json' }), env())
    expect(missing.text).toContain('Input \'mapping\' names "nope.json", which does not exist in the workspace')
    expect(emulator.requests()).toEqual([])
  })

  it('fails with a summary when the dataset does not exist', async () => {
    const result = await runWith(inputs({ 'dataset-id': '0123456789abcdef01234567' }), env())
    expect(result.failed).toBe(true)
    expect(result.text).toContain(`::error::Input 'dataset-id': Catalog has no dataset 0123456789abcdef01234567 in sandbox "prod".`)
    expect(result.summary).toContain('Failed:')
  })
})

describe('waiting for a run', () => {
  let slow: Emulator
  beforeAll(async () => {
    // The first run starts a minute after the write, three seconds of wall time here.
    slow = await startEmulator({ runClock: { startDelayMs: 0, durationMs: 1000, timeScale: 20 } })
  })
  afterAll(async () => {
    await slow.close()
  })

  it('looks at the runs for wait-minutes, beyond timeout-seconds, which bounds the requests', async () => {
    const id = slow.store.seed({ name: 'S3', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
    const result = await runWith(
      dataflowInputs(slow, id, DEMO_DATASET_ID, { 'wait-for-run': 'true', 'wait-minutes': '1', 'timeout-seconds': '1' }),
      env()
    )
    expect(result.text).not.toContain('Timed out')
    expect(result.failed).toBe(false)
    expect(result.outputs).toMatchObject({ operation: 'created', 'run-status': 'success' })
  })
})
