// state: absent against the emulator: a dataflow and its connections go, the mapping set stays
// and is named; a teardown repeated, racing another, stopped half way or racing a create ends
// in a state the next teardown finishes.

import { DEMO, DEMO_DATASET_ID, startEmulator, type Emulator } from '../../../emulator/index.js'
import { DataflowClient } from '../../../src/dataflow/client.js'
import type { Wanted } from '../../../src/dataflow/decide.js'
import type { Deps } from '../../../src/dataflow/deps.js'
import { ensureDataflow } from '../../../src/dataflow/ensure.js'
import { removeDataflow, type TeardownAsk } from '../../../src/dataflow/teardown.js'
import { ConflictError } from '../../../src/platform/errors.js'
import { Ledger } from '../../../src/platform/ledger.js'
import { systemClock } from '../../../src/platform/retry.js'
import { createFlow, createTarget, flowBody } from '../../emulator/dataflow-helpers.js'
import { platformSession, type TestSession } from '../../helpers/platform.js'

const NAME = 'Daily CRM'
const MAPPINGS = [
  { sourceType: 'ATTRIBUTE' as const, source: 'customer_id', destination: '_emulator.customerId' },
  { sourceType: 'ATTRIBUTE' as const, source: 'email', destination: 'personalEmail.address' }
]

let emulator: Emulator
let sessions: TestSession[]
let connectionId: string
let warnings: string[]

beforeAll(async () => {
  emulator = await startEmulator({ runClock: { timeScale: 1000 } })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  sessions = []
  warnings = []
  connectionId = emulator.store.seed({ name: 'S3', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
})
afterEach(() => {
  for (const s of sessions) s.transport.close()
})

function deps(): Deps {
  const session = platformSession(emulator, { timeoutMs: 20_000 })
  sessions.push(session)
  const ledger = new Ledger()
  const client = new DataflowClient(session.api, systemClock, ledger)
  return {
    client,
    cleanup: client,
    mark: {
      token: Math.floor(Math.random() * 0xffffffff)
        .toString(16)
        .padStart(8, '0'),
      until: Date.now() + 60_000
    },
    ledger,
    clock: systemClock,
    log: () => undefined,
    warn: (m) => warnings.push(m),
    remainingMs: () => session.api.remainingMs(),
    lagSchedule: [0, 20, 40]
  }
}

const wanted = (): Wanted => ({
  name: NAME,
  baseConnectionId: connectionId,
  source: {
    path: '/demo-bucket/exports/daily/crm-customers-*.csv',
    recursive: false,
    format: 'delimited',
    columnDelimiter: ',',
    encoding: 'UTF-8'
  },
  datasetId: DEMO_DATASET_ID,
  mappings: MAPPINGS,
  schedule: { frequency: 'day', interval: 1, backfill: true },
  errorDiagnostics: false,
  enabled: true,
  ifExists: 'update',
  onSourceChange: 'fail'
})
const create = () => ensureDataflow(deps(), { wanted: wanted(), description: 'Managed by a test', plan: false })
const teardown = (ask: Partial<TeardownAsk> = {}) => removeDataflow(deps(), { name: NAME, plan: false, ...ask })
const left = () => ({
  flows: emulator.dataflows.flows('prod').length,
  sources: emulator.dataflows.sourceConnections('prod').length,
  targets: emulator.dataflows.targetConnections('prod').length
})
const NOTHING = { flows: 0, sources: 0, targets: 0 }

describe('state: absent', () => {
  it('deletes the dataflow, then its connections; names the mapping set it cannot delete; a second teardown is absent', async () => {
    const made = await create()
    const removed = await teardown()
    expect(removed).toMatchObject({
      operation: 'deleted',
      flowId: made.flowId,
      sourceId: made.sourceId,
      targetId: made.targetId,
      mapping: made.mapping
    })
    expect(removed.changes).toContainEqual({
      action: 'keep',
      object: 'mapping set',
      from: `${made.mapping?.id ?? ''} version 0`,
      note: 'Data Prep has no DELETE for mapping sets: it stays, used by nothing'
    })
    expect(left()).toEqual(NOTHING)
    expect(emulator.dataPrep.mappingSets('prod')).toHaveLength(1)
    expect(await teardown()).toEqual({ operation: 'absent', changes: [] })
  })

  it('plan says what would be deleted and deletes nothing', async () => {
    await create()
    const planned = await teardown({ plan: true })
    expect(planned.operation).toBe('planned')
    expect(planned.changes.map((c) => `${c.action} ${c.object}`)).toEqual([
      'delete dataflow',
      'delete source connection',
      'delete target connection',
      'keep mapping set'
    ])
    expect(left()).toEqual({ flows: 1, sources: 1, targets: 1 })
  })

  it('with connection-id, a dataflow of the name that reads another base connection is refused, and nothing deleted', async () => {
    await create()
    const other = emulator.store.seed({ name: 'Other', params: {} }).id
    await expect(teardown({ connectionId: other })).rejects.toThrow(ConflictError)
    expect(left()).toEqual({ flows: 1, sources: 1, targets: 1 })
    expect((await teardown({ connectionId })).operation).toBe('deleted')
  })

  it('a target connection a dataflow of another name also uses is kept, naming it', async () => {
    const made = await create()
    const other = await createFlow(emulator, flowBody({ source: made.sourceId ?? '', target: made.targetId ?? '' }, { name: 'Weekly CRM' }))
    const removed = await teardown()
    expect(removed.changes).toContainEqual({
      action: 'keep',
      object: 'target connection',
      from: made.targetId,
      note: `used by ${other.id} ("Weekly CRM")`
    })
    expect(emulator.dataflows.flows('prod').map((f) => f.id)).toEqual([other.id])
    expect(emulator.dataflows.targetConnections('prod').map((t) => t.id)).toEqual([made.targetId])
  })

  it('a teardown stopped after the dataflow went leaves connections the next teardown deletes', async () => {
    const made = await create()
    await deps().client.deleteFlow(made.flowId ?? '')
    expect(left()).toEqual({ flows: 0, sources: 1, targets: 1 })
    const removed = await teardown()
    expect(removed.operation).toBe('deleted')
    expect(removed.changes.map((c) => c.note)).toEqual(['named after the dataflow', 'named after the dataflow'])
    expect(left()).toEqual(NOTHING)
  })

  it('a dataflow whose deletion fails fails the step; the next teardown finishes it', async () => {
    await create()
    emulator.faults.add({ method: 'DELETE', route: '/flows/*', action: { type: 'status', status: 503 }, times: 100 })
    await expect(teardown()).rejects.toThrow(/DELETE \/flows\/\{id\} failed/)
    expect(left()).toEqual({ flows: 1, sources: 1, targets: 1 })
    emulator.faults.clear()
    expect((await teardown()).operation).toBe('deleted')
    expect(left()).toEqual(NOTHING)
  })

  it('a connection Flow Service refuses to delete because a dataflow began to use it (1418-400) is kept, and the step ends well', async () => {
    const made = await create()
    const inUse = JSON.stringify({ type: 'https://ns.adobe.com/aep/errors/FLOW-1418-400', title: 'Bad Request', status: 400 })
    emulator.faults.add({ method: 'DELETE', route: '/sourceConnections/*', action: { type: 'status', status: 400, body: inUse } })
    const removed = await teardown()
    expect(removed.operation).toBe('deleted')
    expect(removed.changes).toContainEqual({
      action: 'keep',
      object: 'source connection',
      from: made.sourceId,
      note: 'a dataflow began to use it while this step ran'
    })
    expect(warnings.join('\n')).toMatch(/Kept source connection .*: a dataflow began to use it/)
    expect(left()).toEqual({ flows: 0, sources: 1, targets: 0 })
  })

  it('a failed delete whose message merely holds 1418 (a request id, a server text) fails the step: only the code means in use', async () => {
    await create()
    const busy = JSON.stringify({
      type: 'https://ns.adobe.com/aep/errors/FLOW-1103-503',
      title: 'Service busy',
      status: 503,
      report: { 'request-id': 'c0ffee1418', 'detailed-message': 'retry 1418 later' }
    })
    emulator.faults.add({
      method: 'DELETE',
      route: '/sourceConnections/*',
      action: { type: 'status', status: 503, body: busy },
      times: 100
    })
    await expect(teardown()).rejects.toThrow(
      /DELETE \/sourceConnections\/\{id\} failed.*HTTP 503 FLOW-1103-503: retry 1418 later \(request id c0ffee1418\)/
    )
    expect(warnings.join('\n')).not.toMatch(/began to use/)
  })

  it('concurrent teardowns both end well, and nothing is left', async () => {
    await create()
    const results = await Promise.all([teardown(), teardown()])
    expect(results.map((r) => r.operation).every((op) => op === 'deleted' || op === 'absent')).toBe(true)
    expect(left()).toEqual(NOTHING)
  })

  it('a teardown racing a create ends in a state the next teardown clears', async () => {
    // Either may win: the create fails when the teardown took its parts, or the dataflow outlives
    // the teardown's look. Both settle, and what is left is what a teardown deletes.
    await Promise.allSettled([create(), teardown()])
    expect(['deleted', 'absent']).toContain((await teardown()).operation)
    expect(left()).toEqual(NOTHING)
  })

  it('connections named after the dataflow with no dataflow at all (a create stopped early) go', async () => {
    await createTarget(emulator, { name: `${NAME}: target` })
    expect((await teardown()).operation).toBe('deleted')
    expect(left()).toEqual(NOTHING)
  })
})
