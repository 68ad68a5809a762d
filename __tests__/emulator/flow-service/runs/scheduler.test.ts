// The scheduler with explicit times: far in the future, so that its own timer never fires during a test.
import { CatalogStore } from '../../../../emulator/catalog/store.js'
import { MappingSetStore } from '../../../../emulator/data-prep/mapping-sets.js'
import { DEMO, DEMO_DATASET_ID, DEMO_MAPPING, DEMO_SCHEMA_ID } from '../../../../emulator/demo.js'
import { DATA_LAKE_SPEC_ID, FLOW_SPEC_ID, S3_SPEC_ID } from '../../../../emulator/flow-service/connections/specs.js'
import { MemoryStore } from '../../../../emulator/flow-service/connections/store.js'
import { DataflowStore } from '../../../../emulator/flow-service/dataflows/store.js'
import { DEFAULT_RUN_CLOCK, resolveClock, Scheduler } from '../../../../emulator/flow-service/runs/scheduler.js'
import { findNode, putFile } from '../../../../emulator/s3/tree.js'
import { s3World, type S3World } from '../../../../emulator/s3/world.js'
import type { Dataflow, DataflowRun, RunClock, ScheduleParams } from '../../../../emulator/types.js'

const T0 = Math.ceil(Date.now() / 1000) * 1000 + 10 * 86_400_000
const START = T0 / 1000 + 60
const DAILY = '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv'
const MINUTE = 60_000

interface World {
  scheduler: Scheduler
  dataflows: DataflowStore
  catalog: CatalogStore
  connections: MemoryStore
  flow: Dataflow
  s3: { world: S3World }
}

const open: Scheduler[] = []
afterEach(() => {
  for (const s of open.splice(0)) s.close()
})

function setup(schedule: Partial<ScheduleParams> = {}, clock: RunClock = {}, path = DAILY, options?: Dataflow['options']): World {
  const dataflows = new DataflowStore()
  const catalog = new CatalogStore(['prod'])
  const mappingSets = new MappingSetStore()
  const connections = new MemoryStore(DEMO.orgId)
  const s3 = { world: s3World(undefined) }
  const scheduler = new Scheduler({ dataflows, catalog, mappingSets, connections, world: () => s3.world, deleteFinalizeMs: 100 }, clock)
  open.push(scheduler)
  const base = connections.seed({ name: 'S3', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } })
  const times = { state: 'enabled' as const, createdAt: T0, updatedAt: T0, etag: '"e"', sandboxName: 'prod' }
  dataflows.sources.insert(
    {
      ...times,
      id: 'src',
      name: 's',
      baseConnectionId: base.id,
      data: { format: 'delimited', properties: {} },
      params: { path, recursive: false },
      connectionSpec: { id: S3_SPEC_ID, version: '1.0' }
    },
    'c'
  )
  dataflows.targets.insert(
    {
      ...times,
      id: 'tgt',
      name: 't',
      schema: { id: DEMO_SCHEMA_ID, version: 'v' },
      dataSetId: DEMO_DATASET_ID,
      connectionSpec: { id: DATA_LAKE_SPEC_ID, version: '1.0' }
    },
    'c'
  )
  const set = mappingSets.create('prod', { schemaId: DEMO_SCHEMA_ID, mappings: [...DEMO_MAPPING] }, 'c')
  const flow: Dataflow = {
    ...times,
    id: 'flow-1',
    name: 'f',
    flowSpec: { id: FLOW_SPEC_ID, version: '1.0' },
    sourceConnectionIds: ['src'],
    targetConnectionIds: ['tgt'],
    transformations: [{ name: 'Mapping', params: { mappingId: set.id, mappingVersion: 0 } }],
    scheduleParams: { startTime: START, frequency: 'minute', interval: 15, backfill: true, ...schedule },
    ...(options ? { options } : {})
  }
  dataflows.flows.insert(flow, 'client-a')
  scheduler.created(flow, T0)
  return { scheduler, dataflows, catalog, connections, flow, s3 }
}

function runs(w: World): DataflowRun[] {
  return w.dataflows.runs.all().map((r) => r.item)
}

const DUE = START * 1000 + DEFAULT_RUN_CLOCK.startDelayMs

describe('when runs happen', () => {
  test('a run appears in progress startDelayMs after startTime, and completes durationMs later with what it read', () => {
    const w = setup()
    w.scheduler.check(DUE - 1)
    expect(runs(w)).toEqual([])
    w.scheduler.check(DUE)
    expect(runs(w)).toEqual([
      expect.objectContaining({
        flowId: 'flow-1',
        status: 'inProgress',
        startedAt: DUE,
        scheduledAt: START * 1000,
        files: [DAILY],
        recordsRead: 0,
        errors: []
      })
    ])
    expect(w.catalog.records(DEMO_DATASET_ID)).toEqual([])
    w.scheduler.check(DUE + DEFAULT_RUN_CLOCK.durationMs)
    expect(runs(w)).toEqual([
      expect.objectContaining({
        status: 'success',
        completedAt: DUE + 30_000,
        recordsRead: 10,
        recordsWritten: 10,
        recordsFailed: 0,
        filesFailed: 0
      })
    ])
    expect(runs(w)[0]?.inputBytes).toBeGreaterThan(0)
    expect(w.catalog.records(DEMO_DATASET_ID)).toHaveLength(10)
  })

  test('a check long after the due time starts and completes the run, at the times they were due', () => {
    const w = setup()
    w.scheduler.check(DUE + 5 * MINUTE)
    expect(runs(w)).toEqual([expect.objectContaining({ status: 'success', startedAt: DUE, completedAt: DUE + 30_000 })])
  })

  test('timeScale divides the wait to the start, the delay and the duration, counted from the creation', () => {
    const w = setup({}, { timeScale: 1000 })
    // 60 s to the start, 150 s delay, 30 s duration: 60 + 150 and 30 ms of wall clock.
    w.scheduler.check(T0 + 209)
    expect(runs(w)).toEqual([])
    w.scheduler.check(T0 + 210)
    expect(runs(w)).toEqual([expect.objectContaining({ status: 'inProgress', startedAt: T0 + 210, scheduledAt: START * 1000 })])
    w.scheduler.check(T0 + 240)
    expect(runs(w)[0]?.status).toBe('success')
  })

  test('a scheduled dataflow runs every interval from the start; later runs read only new files', () => {
    const w = setup({}, { startDelayMs: 0, durationMs: 0 })
    w.scheduler.check(START * 1000)
    w.scheduler.check(START * 1000 + 15 * MINUTE - 1)
    expect(runs(w)).toHaveLength(1)
    w.scheduler.check(START * 1000 + 15 * MINUTE)
    expect(runs(w)[1]).toMatchObject({
      status: 'failed',
      files: [],
      errors: [{ code: 'CONNECTOR-2001-404', message: `No new file to ingest at '${DAILY}'.` }]
    })
    putFile(w.s3.world.buckets, DAILY, {
      content: 'customer_id,email,first_name,last_name,country,signup_date,lifetime_value\nC-2000,x@example.com,X,Y,DE,2026-01-01,1\n'
    })
    w.scheduler.check(START * 1000 + 30 * MINUTE)
    expect(runs(w)[2]).toMatchObject({ status: 'success', recordsWritten: 1, scheduledAt: START * 1000 + 30 * MINUTE })
    expect(w.catalog.records(DEMO_DATASET_ID)).toHaveLength(11)
  })

  test('slots missed between two checks collapse into one run; the next slot is still on the grid', () => {
    const w = setup({}, { startDelayMs: 0, durationMs: 0 })
    w.scheduler.check(START * 1000 + 50 * MINUTE)
    expect(runs(w)).toHaveLength(1)
    w.scheduler.check(START * 1000 + 60 * MINUTE - 1)
    expect(runs(w)).toHaveLength(1)
    w.scheduler.check(START * 1000 + 60 * MINUTE)
    expect(runs(w).map((r) => r.scheduledAt)).toEqual([START * 1000, START * 1000 + 60 * MINUTE])
  })

  test('a once dataflow runs once', () => {
    const w = setup({ frequency: 'once', interval: undefined, backfill: undefined }, { startDelayMs: 0, durationMs: 0 })
    w.scheduler.check(START * 1000 + 100 * MINUTE)
    w.scheduler.check(START * 1000 + 1000 * MINUTE)
    expect(runs(w)).toHaveLength(1)
  })

  test('a disabled dataflow does not run; enabled again, it catches up with one run', () => {
    const w = setup({}, { startDelayMs: 0, durationMs: 0 })
    const row = w.dataflows.flows.get('flow-1')
    if (!row) throw new Error('no flow')
    row.item = { ...row.item, state: 'disabled' }
    w.scheduler.check(START * 1000 + 40 * MINUTE)
    expect(runs(w)).toEqual([])
    row.item = { ...row.item, state: 'enabled' }
    w.scheduler.check(START * 1000 + 40 * MINUTE)
    expect(runs(w)).toHaveLength(1)
  })

  test('without backfill the first run skips files added before the start and reads those added after', () => {
    const w = setup({ backfill: false }, { startDelayMs: 0, durationMs: 0 }, '/demo-bucket/exports/daily/*.csv')
    putFile(w.s3.world.buckets, '/demo-bucket/exports/daily/late.csv', { content: 'customer_id\nC-1\n' })
    const late = findNode(w.s3.world.buckets, '/demo-bucket/exports/daily/late.csv')
    if (late?.type !== 'file') throw new Error('no file')
    late.addedAt = START * 1000 + 1
    w.scheduler.check(START * 1000 + 1)
    expect(runs(w)[0]).toMatchObject({ files: ['/demo-bucket/exports/daily/late.csv'], recordsRead: 1 })
  })

  test('without backfill and nothing added since the start, the first run has nothing to read', () => {
    const w = setup({ backfill: false }, { startDelayMs: 0, durationMs: 0 }, '/demo-bucket/exports/daily/*.csv')
    w.scheduler.check(START * 1000)
    expect(runs(w)[0]).toMatchObject({ status: 'failed', files: [] })
  })

  test('after a patch the next slot follows the last one with the new interval', () => {
    const w = setup({}, { startDelayMs: 0, durationMs: 0 })
    w.scheduler.check(START * 1000)
    const row = w.dataflows.flows.get('flow-1')
    if (!row) throw new Error('no flow')
    row.item = { ...row.item, scheduleParams: { ...row.item.scheduleParams, frequency: 'hour', interval: 1 } }
    w.scheduler.changed(row.item, START * 1000)
    w.scheduler.check(START * 1000 + 59 * MINUTE)
    expect(runs(w)).toHaveLength(1)
    w.scheduler.check(START * 1000 + 60 * MINUTE)
    expect(runs(w)).toHaveLength(2)
  })

  test('a patched startTime before the first run moves the first run', () => {
    const w = setup({}, { startDelayMs: 0, durationMs: 0 })
    const row = w.dataflows.flows.get('flow-1')
    if (!row) throw new Error('no flow')
    row.item = { ...row.item, scheduleParams: { ...row.item.scheduleParams, startTime: START + 600 } }
    w.scheduler.changed(row.item, T0)
    w.scheduler.check(START * 1000 + 599_000)
    expect(runs(w)).toEqual([])
    w.scheduler.check((START + 600) * 1000)
    expect(runs(w)).toHaveLength(1)
  })
})

describe('what runs report', () => {
  test('partial ingestion: the run succeeds with its failed records counted', () => {
    const w = setup({}, { startDelayMs: 0, durationMs: 0 }, '/demo-bucket/in/mixed.csv', { partialIngestionPercent: 50 })
    putFile(w.s3.world.buckets, '/demo-bucket/in/mixed.csv', {
      content:
        'customer_id,email,first_name,last_name,country,signup_date,lifetime_value\nC-1,a@x.com,A,B,GB,2024-01-01,1\nC-2,b@x.com,A,B,GB,not a date,2\n'
    })
    w.scheduler.check(START * 1000)
    expect(runs(w)[0]).toMatchObject({
      status: 'success',
      recordsRead: 2,
      recordsWritten: 1,
      recordsFailed: 1,
      errors: [{ code: 'MAPPER-3001-400' }]
    })
    expect(w.catalog.records(DEMO_DATASET_ID)).toHaveLength(1)
  })

  test('S3 refusing the base connection fails the run with its message', () => {
    const w = setup({}, { startDelayMs: 0, durationMs: 0 })
    w.s3.world = s3World({ accessKey: 'AKIAOTHER', secretKey: 'other' })
    w.scheduler.check(START * 1000)
    expect(runs(w)[0]).toMatchObject({
      status: 'failed',
      errors: [{ code: 'CONNECTOR-1006-400', message: expect.stringContaining('InvalidAccessKeyId') }]
    })
  })

  test('a part that is gone (the base connection) fails the run with CONNECTOR-2005-404', () => {
    const w = setup({}, { startDelayMs: 0, durationMs: 0 })
    w.connections.clear()
    w.scheduler.check(START * 1000)
    expect(runs(w)[0]).toMatchObject({ status: 'failed', errors: [{ code: 'CONNECTOR-2005-404' }] })
  })
})

describe('busy dataflows, runs on demand, deletion', () => {
  test('a run in progress makes the dataflow busy (1420); markBusy makes it 1421 for that many changes', () => {
    const w = setup()
    expect(w.scheduler.busy('flow-1')).toBeUndefined()
    w.scheduler.check(DUE)
    expect(w.scheduler.busy('flow-1')).toBe('1420-400')
    w.scheduler.check(DUE + 30_000)
    w.scheduler.markBusy('flow-1', 2)
    expect([w.scheduler.busy('flow-1'), w.scheduler.busy('flow-1'), w.scheduler.busy('flow-1')]).toEqual([
      '1421-400',
      '1421-400',
      undefined
    ])
    w.scheduler.markBusy('flow-1', Infinity)
    w.scheduler.markBusy('flow-1', 0)
    expect(w.scheduler.busy('flow-1')).toBeUndefined()
    expect(() => w.scheduler.markBusy('nope')).toThrow('markBusy: no dataflow nope')
    expect(() => w.scheduler.markBusy('flow-1', -1)).toThrow('markBusy: requests must be >= 0')
  })

  test('runNow starts the pending scheduled run now; the schedule goes on after it', () => {
    const w = setup({}, { durationMs: 0 })
    const run = w.scheduler.runNow('flow-1', T0)
    expect(run).toMatchObject({ status: 'success', startedAt: T0, scheduledAt: START * 1000, recordsWritten: 10 })
    w.scheduler.check(DUE)
    expect(runs(w)).toHaveLength(1)
    w.scheduler.check(DUE + 15 * MINUTE)
    expect(runs(w)).toHaveLength(2)
  })

  test('runNow after a once dataflow ran still runs it; a disabled or unknown dataflow throws', () => {
    const w = setup({ frequency: 'once', interval: undefined, backfill: undefined }, { startDelayMs: 0, durationMs: 0 })
    w.scheduler.check(START * 1000)
    const again = w.scheduler.runNow('flow-1', START * 1000 + MINUTE)
    expect(again.status).toBe('failed')
    expect(runs(w)).toHaveLength(2)
    expect(() => w.scheduler.runNow('nope', START * 1000)).toThrow('runNow: no dataflow nope')
    const row = w.dataflows.flows.get('flow-1')
    if (row) row.item = { ...row.item, state: 'disabled' }
    expect(() => w.scheduler.runNow('flow-1', START * 1000)).toThrow('runNow: the dataflow flow-1 is disabled')
  })

  test('a deleted dataflow gets no new run and is gone deleteFinalizeMs later', () => {
    const w = setup({}, { startDelayMs: 0, durationMs: 0 })
    w.scheduler.deleted('flow-1', START * 1000 - 50)
    w.scheduler.check(START * 1000)
    expect(runs(w)).toEqual([])
    expect(w.dataflows.flows.get('flow-1')).toBeDefined()
    w.scheduler.check(START * 1000 + 50)
    expect(w.dataflows.flows.get('flow-1')).toBeUndefined()
    w.scheduler.check(START * 1000 + 15 * MINUTE)
    expect(runs(w)).toEqual([])
  })
})

describe('the run clock', () => {
  test('defaults to Adobe pace; fields given replace, others stay; bad values throw', () => {
    expect(resolveClock(undefined)).toEqual({ startDelayMs: 150_000, durationMs: 30_000, timeScale: 1 })
    expect(resolveClock({ timeScale: 60 }, { startDelayMs: 1, durationMs: 2, timeScale: 3 })).toEqual({
      startDelayMs: 1,
      durationMs: 2,
      timeScale: 60
    })
    expect(() => resolveClock({ timeScale: 0 })).toThrow('runClock.timeScale must be a number > 0')
    expect(() => resolveClock({ durationMs: -1 })).toThrow('runClock.durationMs must be a number of milliseconds >= 0')
    expect(() => resolveClock({ startDelayMs: Number.NaN })).toThrow('runClock.startDelayMs')
  })

  test('a new clock goes on from where each dataflow clock is; clear restores the start-up clock', () => {
    const w = setup({}, { startDelayMs: 0, durationMs: 0 })
    // 30 s of the 60 s to the start pass at scale 1, the rest at scale 1000: 30 ms.
    w.scheduler.setClock({ timeScale: 1000 }, T0 + 30_000)
    w.scheduler.check(T0 + 30_029)
    expect(runs(w)).toEqual([])
    w.scheduler.check(T0 + 30_030)
    expect(runs(w)).toHaveLength(1)
    expect(w.scheduler.clock()).toEqual({ startDelayMs: 0, durationMs: 0, timeScale: 1000 })
    w.scheduler.clear()
    expect(w.scheduler.clock()).toEqual({ startDelayMs: 0, durationMs: 0, timeScale: 1 })
  })
})
