// The dataflow's story against the emulator, in this process: faults survived (a lost create, a
// busy flow, a stale etag), what a failed run leaves (nothing it made), and the paths the
// end-to-end tests do not take.

import { DEMO, DEMO_DATASET_ID, startEmulator, type Emulator } from '../../../emulator/index.js'
import { DataflowClient, type ExistingFlow } from '../../../src/dataflow/client.js'
import type { Wanted } from '../../../src/dataflow/decide.js'
import { DataflowConflictError, ensureDataflow, MappingInvalidError, type Deps } from '../../../src/dataflow/ensure.js'
import { systemClock } from '../../../src/platform/retry.js'
import { platformSession, type TestSession } from '../../helpers/platform.js'

const MAPPINGS = [
  { sourceType: 'ATTRIBUTE' as const, source: 'customer_id', destination: '_emulator.customerId' },
  { sourceType: 'ATTRIBUTE' as const, source: 'email', destination: 'personalEmail.address' }
]

let emulator: Emulator
let session: TestSession
let connectionId: string
let log: string[]
let warnings: string[]

beforeAll(async () => {
  emulator = await startEmulator({ runClock: { timeScale: 1000 } })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  session = platformSession(emulator, { timeoutMs: 20_000 })
  connectionId = emulator.store.seed({ name: 'S3', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
  log = []
  warnings = []
})
afterEach(() => session.transport.close())

function deps(): Deps {
  const client = new DataflowClient(session.api, systemClock)
  return {
    client,
    cleanup: client,
    clock: systemClock,
    log: (m) => log.push(m),
    warn: (m) => warnings.push(m),
    remainingMs: () => session.api.remainingMs(),
    lagSchedule: [0, 20, 40]
  }
}

function wanted(overrides: Partial<Wanted> = {}): Wanted {
  return {
    name: 'Daily CRM',
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
    onSourceChange: 'fail',
    ...overrides
  }
}

const ask = (overrides: Partial<Wanted> = {}, plan = false) => ({ wanted: wanted(overrides), description: 'Managed by a test', plan })
const flows = () => emulator.dataflows.flows('prod')
const routes = () => emulator.requests().map((r) => `${r.method} ${r.route} ${r.status ?? '-'}`)

describe('faults', () => {
  it('adopts a dataflow whose create answer was lost, keeping the connections it uses', async () => {
    emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'commit-then-drop' } })
    const outcome = await ensureDataflow(deps(), ask())
    expect(flows()).toHaveLength(1)
    expect(outcome.flowId).toBe(flows()[0]?.id)
    expect(emulator.dataflows.sourceConnections('prod')).toHaveLength(1)
    expect(emulator.dataflows.targetConnections('prod')).toHaveLength(1)
    expect(log.join('\n')).toMatch(
      /appeared after this run's lookup, while the outcome of its create was unknown: it reads this run's source connection/
    )
  })

  it('a lost create racing an older twin: the older is kept, and this run deletes its own dataflow and connections', async () => {
    const d = deps()
    const createFlow = d.client.createFlow.bind(d.client)
    let other: string | undefined
    d.client.createFlow = async (body, recover) => {
      // Another run creates the whole chain first; then this run's create commits, its answer lost.
      other = (await ensureDataflow({ ...deps(), log: () => undefined }, ask())).flowId
      emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'commit-then-drop' } })
      return createFlow(body, recover)
    }
    const outcome = await ensureDataflow(d, ask())
    expect(flows().map((f) => f.id)).toEqual([other])
    expect(outcome.flowId).toBe(other)
    expect(emulator.dataflows.sourceConnections('prod')).toHaveLength(1)
    expect(emulator.dataflows.targetConnections('prod')).toHaveLength(1)
  })

  it('a lost create whose own dataflow shows after another run’s: it waits for its own, then keeps the older and deletes its own chain', async () => {
    const d = deps()
    const createFlow = d.client.createFlow.bind(d.client)
    const findFlows = d.client.findFlows.bind(d.client)
    let other: string | undefined
    let lookups = 0
    d.client.createFlow = async (body, recover) => {
      other = (await ensureDataflow({ ...deps(), log: () => undefined }, ask())).flowId
      emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'commit-then-drop' } })
      return createFlow(body, recover)
    }
    // The first two lookups after the create show only the other run's dataflow: this run's lags.
    d.client.findFlows = async (name) => {
      const found = await findFlows(name)
      return ++lookups >= 2 && lookups <= 3 ? found.filter((f) => f.id === other) : found
    }
    const outcome = await ensureDataflow(d, ask())
    expect(log.join('\n')).toMatch(/it reads this run's source connection, so it is this run's own/)
    expect(flows().map((f) => f.id)).toEqual([other])
    expect(outcome.flowId).toBe(other)
    expect(emulator.dataflows.sourceConnections('prod')).toHaveLength(1)
    expect(emulator.dataflows.targetConnections('prod')).toHaveLength(1)
  })

  it('never takes a dataflow as its own by a source connection it adopted, which may be another run’s', async () => {
    emulator.faults.add({ method: 'POST', route: '/sourceConnections', action: { type: 'commit-then-drop' } })
    emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'commit-then-drop' } })
    const outcome = await ensureDataflow(deps(), ask())
    expect(log.join('\n')).toMatch(
      /does not read a source connection this run created, so it cannot be proven this run's: treating it as found/
    )
    expect(flows().map((f) => f.id)).toEqual([outcome.flowId])
    expect(emulator.dataflows.sourceConnections('prod')).toHaveLength(1)
    expect(emulator.dataflows.targetConnections('prod')).toHaveLength(1)
  })

  /** A client whose dataflow lookups after the create show only `shown` (its own lags) and whose reads drop createdAt when `undated`. */
  function lagging(d: Deps, shown: (flows: ExistingFlow[]) => ExistingFlow[], undated = false): Deps {
    const findFlows = d.client.findFlows.bind(d.client)
    const getFlow = d.client.getFlow.bind(d.client)
    let lookups = 0
    d.client.findFlows = async (name) => (++lookups === 1 ? findFlows(name) : shown(await findFlows(name)))
    d.client.getFlow = async (id) => {
      const flow = await getFlow(id)
      if (undated && flow !== undefined) delete flow.createdAt
      return flow
    }
    return d
  }

  function twin(createdAt: number): ExistingFlow {
    return {
      id: 'ffffffff-0000-4000-8000-000000000001',
      etag: '"1"',
      name: 'Daily CRM',
      state: 'enabled',
      schedule: {},
      options: {},
      createdAt
    }
  }

  it('keeps its own dataflow when the list shows only a newer twin, having read when its own was made', async () => {
    const outcome = await ensureDataflow(
      lagging(deps(), () => [twin(Date.now() + 60_000)]),
      ask()
    )
    expect(outcome.operation).toBe('created')
    expect(flows().map((f) => f.id)).toEqual([outcome.flowId])
    expect(warnings.join('\n')).toMatch(/does not show in GET \/flows yet: it is compared by creation time with the 1 listed/)
  })

  it('never deletes its own dataflow when it cannot learn when it was made', async () => {
    const outcome = await ensureDataflow(
      lagging(deps(), () => [twin(Date.now() - 60_000)], true),
      ask()
    )
    expect(outcome.operation).toBe('created')
    expect(flows().map((f) => f.id)).toEqual([outcome.flowId])
    expect(warnings.join('\n')).toMatch(/its creation time is unknown, so it is kept/)
  })

  it('asks a busy flow again with backoff', async () => {
    const first = await ensureDataflow(deps(), ask())
    emulator.dataflows.markBusy(first.flowId ?? '', 2)
    const outcome = await ensureDataflow(deps(), ask({ schedule: { frequency: 'hour', interval: 3, backfill: true } }))
    expect(outcome.operation).toBe('updated')
    expect(routes().filter((r) => r.startsWith('PATCH'))).toEqual([
      'PATCH /flows/{id} 400',
      'PATCH /flows/{id} 400',
      'PATCH /flows/{id} 200'
    ])
  })

  it('reads again and rebuilds the patch once on a 412', async () => {
    await ensureDataflow(deps(), ask())
    emulator.faults.add({ method: 'PATCH', route: '/flows/*', action: { type: 'status', status: 412 } })
    const outcome = await ensureDataflow(deps(), ask({ description: 'New words' }))
    expect(outcome.operation).toBe('updated')
    expect(flows()[0]?.description).toBe('New words')
    expect(log.join('\n')).toContain('etag is no longer the one read (412): reading it again and retrying once')
  })

  it('gives up on a second 412, naming the dataflow', async () => {
    await ensureDataflow(deps(), ask())
    emulator.faults.add({ method: 'PATCH', route: '/flows/*', times: 2, action: { type: 'status', status: 412 } })
    await expect(ensureDataflow(deps(), ask({ description: 'New words' }))).rejects.toThrow(
      /changed again while this run updated it \(412 twice\)/
    )
  })
})

describe('a failed run leaves nothing it made', () => {
  it('deletes the source connection when the target connection cannot be made', async () => {
    emulator.faults.add({ method: 'POST', route: '/targetConnections', action: { type: 'status', status: 400 } })
    await expect(ensureDataflow(deps(), ask())).rejects.toThrow(/POST \/targetConnections failed: HTTP 400/)
    expect(emulator.dataflows.sourceConnections('prod')).toEqual([])
    expect(flows()).toEqual([])
  })

  it('deletes both connections when the dataflow cannot be made', async () => {
    emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'status', status: 400 } })
    await expect(ensureDataflow(deps(), ask())).rejects.toThrow(/POST \/flows failed: HTTP 400/)
    expect(emulator.dataflows.sourceConnections('prod')).toEqual([])
    expect(emulator.dataflows.targetConnections('prod')).toEqual([])
  })

  it('refuses a start time in the past before any write', async () => {
    await expect(
      ensureDataflow(deps(), ask({ schedule: { frequency: 'day', interval: 1, backfill: true, startTime: 1_000_000_000 } }))
    ).rejects.toThrow(DataflowConflictError)
    expect(emulator.requests().filter((r) => r.method === 'POST' && !r.path.endsWith('/validate'))).toEqual([])
  })

  it('refuses a mapping Data Prep refuses before any write, naming each one', async () => {
    const error = await ensureDataflow(
      deps(),
      ask({ mappings: [{ sourceType: 'ATTRIBUTE', source: 'email', destination: 'no.such.field' }] })
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MappingInvalidError)
    expect(String(error)).toContain('- source "email" -> destination "no.such.field": ')
    expect(emulator.dataflows.sourceConnections('prod')).toEqual([])
  })
})

describe('paths', () => {
  it('builds a dataflow without a mapping for XDM-shaped JSON', async () => {
    const outcome = await ensureDataflow(
      deps(),
      ask({
        mappings: undefined,
        source: { path: '/demo-bucket/exports/daily/crm-events-2026-11-27.json', recursive: false, format: 'json' }
      })
    )
    expect(outcome.operation).toBe('created')
    expect(outcome.mapping).toBeUndefined()
    expect(flows()[0]?.transformations).toEqual([])
  })

  it('creates disabled when the inputs say so', async () => {
    const outcome = await ensureDataflow(deps(), ask({ enabled: false }))
    expect(flows()[0]?.state).toBe('disabled')
    expect(outcome.etag).toBe(flows()[0]?.etag)
  })

  it('replaces a dataflow into another dataset, keeping nothing of the old chain', async () => {
    const first = await ensureDataflow(deps(), ask())
    const other = emulator.catalog.addDataset({ name: 'CRM copy', schemaId: emulator.catalog.schemas('prod')[0]?.id ?? '' })
    const outcome = await ensureDataflow(deps(), ask({ datasetId: other.id, onSourceChange: 'replace' }))
    expect(outcome.operation).toBe('replaced')
    expect(flows().map((f) => f.id)).toEqual([outcome.flowId])
    expect(outcome.flowId).not.toBe(first.flowId)
    expect(emulator.dataflows.targetConnections('prod').map((t) => t.dataSetId)).toEqual([other.id])
    // The same schema and mappings: the mapping set carries over.
    expect(outcome.mapping).toEqual(first.mapping)
  })

  it('plans a first run without writing, and fails a plan on a conflict', async () => {
    expect(await ensureDataflow(deps(), ask({}, true))).toMatchObject({ operation: 'planned' })
    expect(flows()).toEqual([])
    await ensureDataflow(deps(), ask())
    await expect(ensureDataflow(deps(), ask({ ifExists: 'fail' }, true))).rejects.toThrow(/already exists .* and if-exists is 'fail'/)
  })

  it('removes the mapping transformation when the mapping goes', async () => {
    await ensureDataflow(deps(), ask())
    const outcome = await ensureDataflow(deps(), ask({ mappings: undefined }))
    expect(outcome.operation).toBe('updated')
    expect(flows()[0]?.transformations).toEqual([])
  })
})
