// Dataflow runs over real sockets, on a fast clock: when they appear, what they report, what they write.
import { setTimeout as sleep } from 'node:timers/promises'
import { DEMO_DATASET_ID, startEmulator, type Emulator } from '../../../../emulator/index.js'
import { chainParts, createFlow, flowBody, inSeconds, type Chain } from '../../dataflow-helpers.js'
import { flow, flowCode } from '../../helpers.js'

let emu: Emulator
let parts: Chain

// A dataflow that starts in 60 s runs 210 ms after its creation and completes 30 ms later.
const FAST = { timeScale: 1000 }

beforeAll(async () => {
  emu = await startEmulator({ runClock: FAST, pageSize: 2 })
})
afterAll(() => emu.close())
beforeEach(async () => {
  emu.reset()
  parts = await chainParts(emu)
})

interface Run {
  id: string
  flowId: string
  createdAt: number
  metrics: {
    durationSummary: { startedAtUTC: number; completedAtUTC?: number }
    recordSummary: { inputRecordCount: number; outputRecordCount: number; failedRecordCount: number }
    fileSummary: { inputFileCount: number; failedFileCount: number }
    statusSummary: { status: string; errors: { code: string; message: string }[] }
  }
  activities: unknown[]
}

interface List<T> {
  items: T[]
  _links?: { next: { href: string } }
}

async function runsOf(flowId: string): Promise<Run[]> {
  return (await flow(emu, 'GET', `/runs?property=flowId==${flowId}`)).json<List<Run>>().items
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > deadline) return value
    await sleep(20)
  }
}

describe('GET /runs', () => {
  test('a dataflow starting in 60 s has a successful run within seconds on a fast clock, not minutes', async () => {
    const before = Date.now()
    const { id } = await createFlow(emu, flowBody(parts))
    const runs = await until(
      () => runsOf(id),
      (r) => r[0]?.metrics.statusSummary.status === 'success'
    )
    const [run] = runs
    expect(run).toMatchObject({
      flowId: id,
      activities: [],
      metrics: {
        recordSummary: { inputRecordCount: 10, outputRecordCount: 10, failedRecordCount: 0 },
        fileSummary: { inputFileCount: 1, failedFileCount: 0 },
        statusSummary: { status: 'success', errors: [] }
      }
    })
    expect(run?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(run?.createdAt).toBe(run?.metrics.durationSummary.startedAtUTC)
    expect(run?.metrics.durationSummary.completedAtUTC).toBeGreaterThan(run?.metrics.durationSummary.startedAtUTC ?? Infinity)
    expect(run?.metrics.durationSummary.startedAtUTC).toBeGreaterThanOrEqual(before)
    expect(emu.catalog.records(DEMO_DATASET_ID)[0]).toEqual({
      _emulator: { customerId: 'C-1001', signupDate: '2024-03-14', lifetimeValue: 1250.5, sourceSystem: 'crm-export' },
      personalEmail: { address: 'ada.lovelace@example.com' },
      person: { name: { firstName: 'Ada', lastName: 'Lovelace' } },
      homeAddress: { countryCode: 'GB' }
    })
  })

  test('GET /flows/{id} shows lastRunDetails once a run happened; GET /runs/{id} reads one run', async () => {
    const { id } = await createFlow(emu, flowBody(parts))
    const [run] = await until(
      () => runsOf(id),
      (r) => r[0]?.metrics.statusSummary.status === 'success'
    )
    const item = (await flow(emu, 'GET', `/flows/${id}`)).json<List<{ lastRunDetails: unknown }>>().items[0]
    expect(item?.lastRunDetails).toEqual({
      id: run?.id,
      state: 'success',
      startedAtUTC: run?.metrics.durationSummary.startedAtUTC,
      completedAtUTC: run?.metrics.durationSummary.completedAtUTC
    })
    const one = await flow(emu, 'GET', `/runs/${run?.id ?? ''}`)
    expect(one.json<List<Run>>().items[0]?.id).toBe(run?.id)
    expect(flowCode(await flow(emu, 'GET', '/runs/00000000-0000-0000-0000-000000000000'))).toBe('1010-404')
  })

  test('while a run is in progress it says so, and changes of its dataflow answer 1420-400', async () => {
    // The run lasts 2 s of wall time: the four requests below come well within it, however loaded
    // the machine. Scheduled once, so that no second run is due while it lasts.
    emu.dataflows.setRunClock({ timeScale: 1000, durationMs: 2_000_000 })
    const { id, etag } = await createFlow(emu, flowBody(parts, { scheduleParams: { startTime: inSeconds(60), frequency: 'once' } }))
    const [running] = await until(
      () => runsOf(id),
      (r) => r.length > 0
    )
    expect(running?.metrics.statusSummary.status).toBe('inProgress')
    expect(running?.metrics.durationSummary).not.toHaveProperty('completedAtUTC')
    expect(running?.metrics.recordSummary).toEqual({ inputRecordCount: 0, outputRecordCount: 0, failedRecordCount: 0 })
    const item = (await flow(emu, 'GET', `/flows/${id}`)).json<List<{ lastRunDetails: unknown }>>().items[0]
    expect(item?.lastRunDetails).toEqual({
      id: running?.id,
      state: 'inProgress',
      startedAtUTC: running?.metrics.durationSummary.startedAtUTC
    })
    const busy = await flow(emu, 'PATCH', `/flows/${id}`, {
      body: [{ op: 'replace', path: '/name', value: 'x' }],
      headers: { 'if-match': etag }
    })
    expect(flowCode(busy)).toBe('1420-400')
    expect(flowCode(await flow(emu, 'DELETE', `/flows/${id}`))).toBe('1420-400')
    const [done] = await until(
      () => runsOf(id),
      (r) => r[0]?.metrics.statusSummary.status === 'success',
      6000
    )
    expect(done?.metrics.statusSummary.status).toBe('success')
    expect((await flow(emu, 'DELETE', `/flows/${id}`)).status).toBe(204)
  })

  test('a run whose records do not fit the schema fails with its errors, and writes nothing', async () => {
    emu.putFile('/demo-bucket/in/bad.csv', {
      content:
        'customer_id,email,first_name,last_name,country,signup_date,lifetime_value\nC-1,a@x.com,A,B,GB,not a date,1\nC-2,b@x.com,A,B,GB,2024-01-01,abc\nC-3,c@x.com,A,B,GB,2024-01-01,3\n'
    })
    const bad = await chainParts(emu, { params: { path: '/demo-bucket/in/bad.csv' } })
    const { id } = await createFlow(emu, flowBody(bad))
    const [run] = await until(
      () => runsOf(id),
      (r) => r[0]?.metrics.statusSummary.status === 'failed'
    )
    expect(run?.metrics.recordSummary).toEqual({ inputRecordCount: 3, outputRecordCount: 0, failedRecordCount: 2 })
    expect(run?.metrics.statusSummary.errors.map((e) => e.code)).toEqual(['MAPPER-3001-400', 'CONNECTOR-2003-400'])
    expect(run?.metrics.statusSummary.errors[0]?.message).toContain("_emulator.signupDate: 'not a date' is not a date (YYYY-MM-DD)")
    expect(emu.catalog.records(DEMO_DATASET_ID)).toEqual([])
  })

  test('with partialIngestionPercent the same file succeeds with what fits', async () => {
    emu.putFile('/demo-bucket/in/bad.csv', {
      content:
        'customer_id,email,first_name,last_name,country,signup_date,lifetime_value\nC-1,a@x.com,A,B,GB,not a date,1\nC-2,b@x.com,A,B,GB,2024-01-01,2\n'
    })
    const bad = await chainParts(emu, { params: { path: '/demo-bucket/in/bad.csv' } })
    const { id } = await createFlow(emu, flowBody(bad, { options: { partialIngestionPercent: 50 } }))
    const [run] = await until(
      () => runsOf(id),
      (r) => r[0]?.metrics.statusSummary.status === 'success'
    )
    expect(run?.metrics.recordSummary).toEqual({ inputRecordCount: 2, outputRecordCount: 1, failedRecordCount: 1 })
    expect(emu.catalog.records(DEMO_DATASET_ID).map((r) => r['_emulator'])).toEqual([
      { customerId: 'C-2', signupDate: '2024-01-01', lifetimeValue: 2, sourceSystem: 'crm-export' }
    ])
  })

  test('runs are listed per dataflow with property=flowId, and paged', async () => {
    emu.dataflows.setRunClock({ timeScale: 1000, startDelayMs: 0, durationMs: 0 })
    // The next second: a start time of this second is refused once that second has passed.
    const a = await createFlow(emu, flowBody(parts, { scheduleParams: { startTime: inSeconds(1), frequency: 'once' } }))
    const b = await createFlow(emu, flowBody(parts, { name: 'B', scheduleParams: { startTime: inSeconds(1), frequency: 'once' } }))
    // Three runs at least, whether or not the scheduled ones have come: more than a page of two.
    for (let i = 0; i < 3; i++) emu.dataflows.runNow(a.id)
    const all = (await flow(emu, 'GET', '/runs')).json<List<Run>>()
    expect(all.items).toHaveLength(2)
    expect(all._links?.next.href).toMatch(/^\/runs\?continuationToken=/)
    expect((await runsOf(a.id)).length).toBeGreaterThanOrEqual(2)
    expect((await runsOf(b.id)).every((r) => r.flowId === b.id)).toBe(true)
    expect((await flow(emu, 'GET', `/runs?property=flowId==${b.id}&count=true`)).json()).toEqual({ count: (await runsOf(b.id)).length })
  })

  test('without backfill, a run reads only files that landed after the start', async () => {
    emu.dataflows.setRunClock({ timeScale: 1, durationMs: 0 })
    const folder = await chainParts(emu, { params: { path: '/demo-bucket/exports/daily/*.csv' } })
    // The start is the next whole second: after the demo files were put in place by reset().
    const { id } = await createFlow(
      emu,
      flowBody(folder, { scheduleParams: { startTime: inSeconds(1), frequency: 'minute', interval: 15, backfill: false } })
    )
    await sleep(1100)
    emu.putFile('/demo-bucket/exports/daily/crm-customers-2026-11-28.csv', {
      content:
        'customer_id,email,first_name,last_name,country,signup_date,lifetime_value\nC-3000,new@example.com,New,Person,DE,2026-11-28,5\n'
    })
    const run = emu.dataflows.runNow(id)
    expect(run).toMatchObject({ status: 'success', files: ['/demo-bucket/exports/daily/crm-customers-2026-11-28.csv'], recordsWritten: 1 })
    expect(await runsOf(id)).toHaveLength(1)
  })

  test('a disabled dataflow gets no run; a dataflow being deleted none either', async () => {
    // Made on a slow clock, so that both are disabled or deleted before their runs are due however
    // loaded the machine; then the fast clock brings the time they were due (about 210 ms on).
    emu.dataflows.setRunClock({ timeScale: 1 })
    const { id } = await createFlow(emu, flowBody(parts))
    await flow(emu, 'POST', `/flows/${id}/action?op=disable`)
    const other = await createFlow(emu, flowBody(parts, { name: 'Other' }))
    await flow(emu, 'DELETE', `/flows/${other.id}`)
    emu.dataflows.setRunClock({ timeScale: 1000 })
    await sleep(400)
    expect(await runsOf(id)).toEqual([])
    expect(emu.dataflows.runs()).toEqual([])
    expect(() => emu.dataflows.runNow(id)).toThrow(`runNow: the dataflow ${id} is disabled`)
  })
})

describe('POST /runs: a run on demand, of a dataflow scheduled once', () => {
  const NEW_FILE = '/demo-bucket/exports/daily/crm-customers-2026-11-28.csv'
  const once = () => ({ scheduleParams: { startTime: inSeconds(60), frequency: 'once' } })
  const ask = (flowId: string, window: { start: number; end: number }, startTime = inSeconds(0)) =>
    flow(emu, 'POST', '/runs', {
      body: { flowId, params: { startTime: String(startTime), windowStartTime: String(window.start), windowEndTime: String(window.end) } }
    })

  test('answers its id, shows it scheduled with its window, then reads only the files added within the window', async () => {
    const folder = await chainParts(emu, { params: { path: '/demo-bucket/exports/daily/*.csv' } })
    const { id } = await createFlow(emu, flowBody(folder, once()))
    await until(
      () => runsOf(id),
      (r) => r[0]?.metrics.statusSummary.status === 'success'
    )
    await sleep(1100)
    // The demo files were added more than a second before: the window starts after them.
    const since = Math.floor(Date.now() / 1000)
    emu.putFile(NEW_FILE, {
      content:
        'customer_id,email,first_name,last_name,country,signup_date,lifetime_value\nC-3000,new@example.com,New,Person,DE,2026-11-28,5\n'
    })
    const res = await ask(id, { start: since, end: Math.floor(Date.now() / 1000) + 1 })
    expect(res.status).toBe(201)
    const [asked] = res.json<{ items: { id: string; etag: string }[] }>().items
    const read = await flow(emu, 'GET', `/runs/${asked?.id ?? ''}`)
    expect(read.json<{ items: Run[] }>().items[0]).toMatchObject({ id: asked?.id, flowId: id, params: { windowStartTime: String(since) } })
    const done = await until(
      async () => (await flow(emu, 'GET', `/runs/${asked?.id ?? ''}`)).json<{ items: Run[] }>().items[0],
      (r) => r?.metrics.statusSummary.status === 'success'
    )
    expect(done?.metrics.fileSummary.inputFileCount).toBe(1)
    expect(done?.metrics.recordSummary.outputRecordCount).toBe(1)
  })

  test('is refused for a dataflow on a schedule, a disabled one, an empty window or a missing one', async () => {
    const scheduled = await createFlow(emu, flowBody(parts))
    const window = { start: inSeconds(-60), end: inSeconds(0) }
    expect(flowCode(await ask(scheduled.id, window))).toBe('1400-400')
    const single = await createFlow(emu, flowBody(parts, { name: 'Once', ...once() }))
    expect(flowCode(await ask(single.id, { start: window.end, end: window.end }))).toBe('1400-400')
    await flow(emu, 'POST', `/flows/${single.id}/action?op=disable`)
    expect(flowCode(await ask(single.id, window))).toBe('1400-400')
    expect((await ask('00000000-0000-4000-8000-000000000000', window)).status).toBe(404)
  })
})

describe('orderby', () => {
  test('sorts a listing by a field, descending with a minus; the token keeps the order', async () => {
    const a = await createFlow(emu, flowBody(parts, { name: 'A' }))
    const b = await createFlow(emu, flowBody(parts, { name: 'B' }))
    const c = await createFlow(emu, flowBody(parts, { name: 'C' }))
    const first = (await flow(emu, 'GET', '/flows?orderby=-createdAt&limit=2')).json<List<{ id: string }>>()
    const ids = first.items.map((f) => f.id)
    // The token joins the query it was issued for, as a client sends it.
    const token = new URL(first._links?.next.href ?? '', 'http://x').searchParams.get('continuationToken') ?? ''
    const next = (await flow(emu, 'GET', `/flows?orderby=-createdAt&limit=2&continuationToken=${encodeURIComponent(token)}`)).json<
      List<{ id: string }>
    >()
    expect([...ids, ...next.items.map((f) => f.id)]).toEqual([c.id, b.id, a.id])
    // Pages of two here: the first page of the names in order.
    expect((await flow(emu, 'GET', '/flows?orderby=-name')).json<List<{ name: string }>>().items.map((f) => f.name)).toEqual(['C', 'B'])
  })
})

describe('run options', () => {
  test('startEmulator refuses a bad run clock or deletion time before it listens', async () => {
    await expect(startEmulator({ runClock: { timeScale: 0 } })).rejects.toThrow('runClock.timeScale must be a number > 0')
    await expect(startEmulator({ runClock: { startDelayMs: -5 } })).rejects.toThrow(
      'runClock.startDelayMs must be a number of milliseconds >= 0'
    )
    await expect(startEmulator({ deleteFinalizeMs: -1 })).rejects.toThrow('deleteFinalizeMs must be a number of milliseconds >= 0')
  })

  test('the run clock of the options is the one reset() restores', () => {
    expect(emu.dataflows.runClock()).toEqual({ startDelayMs: 150_000, durationMs: 30_000, timeScale: 1000 })
    emu.dataflows.setRunClock({ durationMs: 5 })
    expect(emu.dataflows.runClock()).toEqual({ startDelayMs: 150_000, durationMs: 5, timeScale: 1000 })
    emu.reset()
    expect(emu.dataflows.runClock().durationMs).toBe(30_000)
  })
})
