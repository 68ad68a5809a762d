// dist/dataflow/index.js as the runner runs it, against the emulator: a first run builds the
// chain, an unchanged re-run writes nothing, schedule and mapping changes are applied in place
// with If-Match, a changed path fails or is replaced with nothing left behind, two concurrent
// first runs leave one dataflow, plan writes nothing, wait-for-run reports the run, a bad mapping
// fails before any write; no secret anywhere.

import { DEMO_DATASET_ID } from '../../../emulator/index.js'
import { expectRefusedSecret, runAction, type RunResult } from '../../helpers/action.js'
import { CRM_MAPPING, DataflowSandbox, dataflowInputs, runsSettled } from '../../helpers/dataflow.js'

const sandbox = DataflowSandbox.install()

const run = (overrides: Record<string, string | undefined> = {}): Promise<RunResult> => sandbox.run(overrides)

/**
 * A first run, then its dataflow's first run over (it starts 210 ms after the create, and lasts
 * 30 ms, on this clock): a change sent while a run is in progress meets a busy dataflow (1420),
 * which is retried, and a test counting requests must not depend on when the run happened.
 */
async function runSettled(overrides: Record<string, string | undefined> = {}): Promise<RunResult> {
  const result = await run(overrides)
  await runsSettled(sandbox.emulator)
  return result
}

const writes = () => sandbox.emulator.requests().filter((r) => r.service !== 'ims' && r.method !== 'GET' && !r.path.endsWith('/validate'))
const flows = () => sandbox.emulator.dataflows.flows('prod')

describe('a first run', () => {
  it('builds the source connection, target connection, mapping set and dataflow, and outputs their ids', async () => {
    const result = await run()
    expect(result.error).toBeUndefined()
    const [flow] = flows()
    const [source] = sandbox.emulator.dataflows.sourceConnections('prod')
    const [target] = sandbox.emulator.dataflows.targetConnections('prod')
    expect(result.outputs).toMatchObject({
      'dataflow-id': flow?.id,
      etag: flow?.etag,
      'source-connection-id': source?.id,
      'target-connection-id': target?.id,
      'mapping-version': '0',
      operation: 'created'
    })
    expect(result.outputs['mapping-set-id']).toMatch(/^[0-9a-f]{32}$/)
    expect(JSON.parse(result.outputs.changes ?? '[]')).toEqual([
      { action: 'create', object: 'source connection' },
      { action: 'create', object: 'target connection' },
      { action: 'create', object: 'mapping set' },
      { action: 'create', object: 'dataflow' }
    ])
    expect(source).toMatchObject({
      name: 'Daily CRM export: source',
      baseConnectionId: sandbox.connectionId,
      params: { path: '/demo-bucket/exports/daily/crm-customers-*.csv' }
    })
    expect(target).toMatchObject({
      name: 'Daily CRM export: target',
      dataSetId: DEMO_DATASET_ID,
      schema: { version: 'application/vnd.adobe.xed-full+json;version=1' }
    })
    expect(flow).toMatchObject({
      name: 'Daily CRM export',
      state: 'enabled',
      scheduleParams: { frequency: 'day', interval: 1, backfill: true }
    })
    expect(result.summary).toContain('Dataflow Daily CRM export')
  })

  it('sends the independent requests together: the dataset and the lookup, then the three parts', async () => {
    await run()
    const order = sandbox.emulator
      .requests()
      .filter((r) => r.service !== 'ims')
      .map((r) => `${r.method} ${r.route}`)
    const firstCreate = order.findIndex(
      (r) => r.startsWith('POST /sourceConnections') || r.startsWith('POST /targetConnections') || r === 'POST /mappingSets'
    )
    expect(order.slice(0, 2).sort()).toEqual(['GET /dataSets/{id}', 'GET /flows'])
    expect(order.indexOf('POST /mappingSets/validate')).toBeLessThan(firstCreate)
    expect(order.slice(firstCreate, firstCreate + 3).sort()).toEqual([
      'POST /mappingSets',
      'POST /sourceConnections',
      'POST /targetConnections'
    ])
    expect(order[firstCreate + 3]).toBe('POST /flows')
  })
})

describe('a re-run', () => {
  it('with the same inputs writes nothing and says reused', async () => {
    const first = await runSettled()
    sandbox.emulator.clearRequests()
    const again = await run()
    expect(again.outputs).toMatchObject({ 'dataflow-id': first.outputs['dataflow-id'], operation: 'reused', changes: '[]' })
    expect(writes()).toEqual([])
  })

  it('applies a new schedule in place, with If-Match', async () => {
    const first = await runSettled()
    sandbox.emulator.clearRequests()
    const again = await run({ frequency: 'hour', interval: '6' })
    expect(again.outputs).toMatchObject({ 'dataflow-id': first.outputs['dataflow-id'], operation: 'updated' })
    const [patch, ...others] = writes()
    expect(others).toEqual([])
    expect(patch?.headers['if-match']).toBe(first.outputs.etag)
    expect(JSON.parse(patch?.body ?? '[]')).toEqual([
      { op: 'replace', path: '/scheduleParams/frequency', value: 'hour' },
      { op: 'replace', path: '/scheduleParams/interval', value: 6 }
    ])
    expect(flows()[0]?.scheduleParams).toMatchObject({ frequency: 'hour', interval: 6 })
    expect(again.outputs.etag).toBe(flows()[0]?.etag)
  })

  it('applies a changed mapping as a new mapping-set version, then points the dataflow at it', async () => {
    const first = await runSettled()
    sandbox.workspace.write('crm-mapping.json', [
      ...CRM_MAPPING.slice(0, -1),
      { source: 'crm-nightly', destination: '_emulator.sourceSystem', sourceType: 'STATIC' }
    ])
    sandbox.emulator.clearRequests()
    const again = await run()
    expect(again.outputs).toMatchObject({ operation: 'updated', 'mapping-set-id': first.outputs['mapping-set-id'], 'mapping-version': '1' })
    expect(writes().map((r) => `${r.method} ${r.route}`)).toEqual(['PUT /mappingSets/{id}', 'PATCH /flows/{id}'])
    expect(flows()[0]?.transformations[0]?.params).toMatchObject({ mappingId: first.outputs['mapping-set-id'], mappingVersion: 1 })
  })

  it('never patches start-time or backfill, and reports the difference', async () => {
    await run()
    sandbox.emulator.clearRequests()
    const again = await run({ backfill: 'false' })
    expect(again.outputs.operation).toBe('reused')
    expect(JSON.parse(again.outputs.changes ?? '[]')).toEqual([
      {
        action: 'not applied',
        object: 'dataflow',
        field: 'scheduleParams.backfill',
        from: true,
        to: false,
        note: 'backfill is used only when a dataflow is created'
      }
    ])
    expect(writes()).toEqual([])
  })

  it('disables and enables through the action route', async () => {
    await run()
    const off = await run({ enabled: 'false' })
    expect(off.outputs.operation).toBe('updated')
    expect(flows()[0]?.state).toBe('disabled')
    await run()
    expect(flows()[0]?.state).toBe('enabled')
  })
})

describe('a changed source path', () => {
  it('fails under on-source-change: fail, listing the difference, and writes nothing', async () => {
    await run()
    sandbox.emulator.clearRequests()
    const result = await run({ 'source-path': '/demo-bucket/archive/2024/' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain(
      '- source connection path: is "/demo-bucket/exports/daily/crm-customers-*.csv", the inputs ask for "/demo-bucket/archive/2024/"'
    )
    expect(writes()).toEqual([])
  })

  it('is replaced under on-source-change: replace, new first, with nothing of the old left behind', async () => {
    const first = await runSettled()
    const result = await run({ 'source-path': '/demo-bucket/archive/2024/', 'on-source-change': 'replace' })
    expect(result.error).toBeUndefined()
    expect(result.outputs.operation).toBe('replaced')
    expect(flows().map((f) => f.id)).toEqual([result.outputs['dataflow-id']])
    expect(result.outputs['dataflow-id']).not.toBe(first.outputs['dataflow-id'])
    expect(sandbox.emulator.dataflows.sourceConnections('prod').map((s) => s.id)).toEqual([result.outputs['source-connection-id']])
    expect(sandbox.emulator.dataflows.targetConnections('prod').map((t) => t.id)).toEqual([result.outputs['target-connection-id']])
    const order = sandbox.emulator.requests().map((r) => `${r.method} ${r.route}`)
    expect(order.lastIndexOf('POST /flows')).toBeLessThan(order.indexOf('DELETE /flows/{id}'))
    expect(order.indexOf('DELETE /flows/{id}')).toBeLessThan(order.indexOf('DELETE /sourceConnections/{id}'))
  })
})

it('two concurrent first runs leave one dataflow', async () => {
  sandbox.emulator.faults.add({ method: 'GET', route: '/flows', times: 2, action: { type: 'barrier', count: 2 } })
  const results = await Promise.all([run(), run()])
  expect(flows()).toHaveLength(1)
  for (const result of results) {
    expect(result.error).toBeUndefined()
    expect(result.outputs['dataflow-id']).toBe(flows()[0]?.id)
  }
  expect(sandbox.emulator.dataflows.sourceConnections('prod')).toHaveLength(1)
  expect(sandbox.emulator.dataflows.targetConnections('prod')).toHaveLength(1)
})

describe('plan', () => {
  it('on a first run lists the creates and writes nothing', async () => {
    const result = await run({ plan: 'true' })
    expect(result.outputs).toMatchObject({ operation: 'planned', 'dataflow-id': '' })
    expect(JSON.parse(result.outputs.changes ?? '[]')).toHaveLength(4)
    expect(writes()).toEqual([])
    expect(flows()).toEqual([])
  })

  it('on a change lists it, with the difference, and writes nothing', async () => {
    await run()
    sandbox.emulator.clearRequests()
    const result = await run({ plan: 'true', frequency: 'week' })
    expect(result.outputs.operation).toBe('planned')
    expect(JSON.parse(result.outputs.changes ?? '[]')).toEqual([
      { action: 'update', object: 'dataflow', field: 'scheduleParams.frequency', from: 'day', to: 'week' }
    ])
    expect(result.stdout).toContain('  - update dataflow scheduleParams.frequency: "day" -> "week"')
    expect(writes()).toEqual([])
  })
})

describe('wait-for-run', () => {
  it("reports the first run's records", async () => {
    const result = await run({ 'wait-for-run': 'true', 'wait-minutes': '2' })
    expect(result.error).toBeUndefined()
    const [ran] = sandbox.emulator.dataflows.runs()
    expect(result.outputs).toMatchObject({ 'run-id': ran?.id, 'run-status': 'success', 'records-failed': '0' })
    expect(Number(result.outputs['records-written'])).toBeGreaterThan(0)
    expect(result.outputs['records-read']).toBe(result.outputs['records-written'])
    expect(sandbox.emulator.catalog.records(DEMO_DATASET_ID).length).toBe(Number(result.outputs['records-written']))
  })

  it('fails the step when the run fails, with its errors', async () => {
    sandbox.workspace.write('bad-types.json', [{ source: 'email', destination: '_emulator.signupDate' }])
    const result = await run({ mapping: 'bad-types.json', 'wait-for-run': 'true', 'wait-minutes': '2' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(/^Run [0-9a-f-]{36} of dataflow [0-9a-f-]{36} failed \(\d+ records read, 0 written, \d+ failed\)/)
    // A failed run is still a run: the outputs describe it (a later step can report it).
    expect(result.outputs).toMatchObject({ 'run-status': 'failed', 'records-written': '0' })
    expect(result.outputs['run-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('a bad mapping', () => {
  it('fails before any write, every local problem named', async () => {
    sandbox.workspace.write('bad.json', [
      { source: 'email' },
      { source: 'a', destination: 'x', sourceType: 'MAGIC' },
      { source: 'b', destination: 'x' }
    ])
    const result = await run({ mapping: 'bad.json' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toBe(
      'The mapping in "bad.json" is not valid:\n- entry 1 (source "email"): no destination\n- entry 2: sourceType "MAGIC" is not ATTRIBUTE, EXPRESSION or STATIC\n- entry 3: destination "x" is mapped already by entry 2'
    )
    expect(sandbox.emulator.requests()).toEqual([])
  })

  it('fails before any write, naming each destination the schema lacks and each column the file lacks', async () => {
    sandbox.workspace.write(
      'unknown-field.csv',
      'source,destination\nemial,personalEmail.address\ncity,homeAddress.city\nfirst_name,person.firstName\n'
    )
    const result = await run({ mapping: 'unknown-field.csv' })
    expect(result.exitCode).toBe(1)
    const lines = (result.error ?? '').split('\n')
    expect(lines[0]).toBe('Platform would refuse this dataflow, so nothing was created or changed:')
    expect(lines.slice(1).map((l) => l.replace(/ \(its columns: .*\)\.$/, '.'))).toEqual([
      expect.stringMatching(/^- Input 'mapping': entry 2's destination "homeAddress\.city" is not a field of the dataset's schema \S+\.$/),
      expect.stringMatching(
        /^- Input 'mapping': entry 3's destination "person\.firstName" is not a field .+ \(did you mean "person\.name\.firstName"\?\)\.$/
      ),
      expect.stringMatching(/^- Input 'mapping': entry 1 reads column "emial", which "[^"]+" does not have \(did you mean "email"\?\)\.$/),
      expect.stringMatching(/^- Input 'mapping': entry 2 reads column "city", which "[^"]+" does not have\.$/)
    ])
    expect(writes()).toEqual([])
  })

  it("fails before any write with Data Prep's verdict on what only Data Prep knows, naming each failing entry", async () => {
    sandbox.workspace.write('unknown-function.json', [
      { source: 'md5(email)', destination: 'personalEmail.address', sourceType: 'EXPRESSION' }
    ])
    const result = await run({ mapping: 'unknown-function.json' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(
      /^Data Prep refused the mapping, so nothing was created or changed:\n- source "md5\(email\)" -> destination "personalEmail\.address": .+$/
    )
    expect(writes()).toEqual([])
  })
})

it('a dry run prints the requests, sends nothing, outputs dry-run, and says so in the summary', async () => {
  const result = await run({ 'dry-run': 'true' })
  expect(result.exitCode).toBe(0)
  expect(sandbox.emulator.requests()).toEqual([])
  expect(result.outputs).toEqual({ operation: 'dry-run' })
  expect(result.summary).toContain('<strong>Dry run:</strong> the inputs are valid; no token was requested and nothing was sent.')
  expect(result.stdout).toContain(
    `GET ${sandbox.emulator.platformUrl}/data/foundation/catalog/dataSets/${DEMO_DATASET_ID}?properties=schemaRef,name`
  )
  expect(result.stdout).toContain(`POST ${sandbox.emulator.platformUrl}/data/foundation/conversion/mappingSets/validate`)
  expect(result.stdout).toContain(`POST ${sandbox.emulator.platformUrl}/data/foundation/flowservice/flows`)
})

describe('state: absent', () => {
  it('plan lists the deletes and deletes nothing; the teardown deletes the dataflow and its connections, naming the mapping set left', async () => {
    await runSettled()
    const planned = await run({ state: 'absent', plan: 'true' })
    expect(planned.exitCode).toBe(0)
    expect(planned.outputs.operation).toBe('planned')
    expect(JSON.parse(planned.outputs.changes ?? '[]')).toHaveLength(4)
    expect(flows()).toHaveLength(1)
    sandbox.emulator.clearRequests()
    // What describes the dataflow is not read: a step can carry it for both states, unread files included.
    const removed = await run({ state: 'absent', mapping: 'no-such-file.json' })
    expect(removed.exitCode).toBe(0)
    expect(removed.outputs).toMatchObject({ operation: 'deleted', 'dataflow-id': planned.outputs['dataflow-id'] })
    expect(
      writes()
        .map((r) => `${r.method} ${r.route}`)
        .sort()
    ).toEqual(['DELETE /flows/{id}', 'DELETE /sourceConnections/{id}', 'DELETE /targetConnections/{id}'])
    expect(removed.summary).toContain('Data Prep has no DELETE for mapping sets')
    expect(flows()).toEqual([])
    expect((await run({ state: 'absent' })).outputs.operation).toBe('absent')
  })

  it('a dry run prints the lookups and the deletes, and sends nothing', async () => {
    const result = await run({ state: 'absent', 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    expect(sandbox.emulator.requests()).toEqual([])
    expect(result.stdout).toContain(`DELETE ${sandbox.emulator.platformUrl}/data/foundation/flowservice/flows/{dataflow id}`)
    expect(result.stdout).toContain(
      `DELETE ${sandbox.emulator.platformUrl}/data/foundation/flowservice/sourceConnections/{source connection id}`
    )
  })
})

it('an access-token too short to be one fails the step naming the input, without masking it, before anything is sent', async () => {
  const inputs = dataflowInputs(sandbox.emulator, sandbox.connectionId, DEMO_DATASET_ID, {
    'client-secret': undefined,
    'access-token': 'short'
  })
  const result = await runAction({ action: 'dataflow', inputs, env: { GITHUB_WORKSPACE: sandbox.workspace.dir }, debug: true })
  expectRefusedSecret(
    result,
    'short',
    "Input 'access-token' is 5 characters long, shorter than any real access token (8 at least); check that the right secret is passed."
  )
  expect(sandbox.emulator.requests()).toEqual([])
})
