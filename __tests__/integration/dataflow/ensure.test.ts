// The dataflow's story against the emulator, in this process: lost answers, concurrent runs,
// replacements that fail half way, runs killed at each step and what the next run makes of what
// they left, outputs that stay true after faults; and the paths the end-to-end tests do not take.

import { DEMO, DEMO_DATASET_ID, GCS_SPEC_ID, startEmulator, type Emulator } from '../../../emulator/index.js'
import { DataflowClient } from '../../../src/dataflow/client.js'
import type { Wanted } from '../../../src/dataflow/decide.js'
import type { ExistingFlow } from '../../../src/dataflow/model.js'
import { IncompleteError, type Deps, type Outcome } from '../../../src/dataflow/deps.js'
import { ensureDataflow } from '../../../src/dataflow/ensure.js'
import { MappingInvalidError, RefusedError } from '../../../src/dataflow/rehearse.js'
import { Ledger } from '../../../src/platform/ledger.js'
import { markIn, successorIn, withClaim, type RunMark } from '../../../src/platform/ownership.js'
import { systemClock } from '../../../src/platform/retry.js'
import { runsSettled } from '../../helpers/dataflow.js'
import { platformSession, type TestSession } from '../../helpers/platform.js'

const MAPPINGS = [
  { sourceType: 'ATTRIBUTE' as const, source: 'customer_id', destination: '_emulator.customerId' },
  { sourceType: 'ATTRIBUTE' as const, source: 'email', destination: 'personalEmail.address' }
]
const DAILY = '/demo-bucket/exports/daily/crm-customers-*.csv'
const OTHER = '/demo-bucket/exports/daily/'

let emulator: Emulator
let sessions: TestSession[]
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
  sessions = []
  connectionId = emulator.store.seed({ name: 'S3', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
  log = []
  warnings = []
})
afterEach(() => {
  for (const s of sessions) s.transport.close()
})

/** A run's dependencies: its own session, mark and ledger; `mark` stands for a run whose time is over when it is in the past. */
function deps(options: { mark?: RunMark; timeoutMs?: number } = {}): Deps {
  const session = platformSession(emulator, { timeoutMs: options.timeoutMs ?? 20_000 })
  sessions.push(session)
  const ledger = new Ledger()
  const client = new DataflowClient(session.api, systemClock, ledger)
  return {
    client,
    cleanup: client,
    mark: options.mark ?? {
      token: Math.floor(Math.random() * 0xffffffff)
        .toString(16)
        .padStart(8, '0'),
      until: Date.now() + 60_000
    },
    ledger,
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
    source: { path: DAILY, recursive: false, format: 'delimited', columnDelimiter: ',', encoding: 'UTF-8' },
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
const replacing = (path = OTHER) => ask({ onSourceChange: 'replace', source: { ...wanted().source, path } })
const flows = () => emulator.dataflows.flows('prod')
const sources = () => emulator.dataflows.sourceConnections('prod')
const targets = () => emulator.dataflows.targetConnections('prod')
const routes = () => emulator.requests().map((r) => `${r.method} ${r.route} ${r.status ?? '-'}`)
/** The sandbox holds exactly one chain: one dataflow, the two connections it uses, no mark anywhere. */
function expectOneCleanChain(outcome?: Outcome): void {
  const [flow, ...more] = flows()
  expect(more).toEqual([])
  expect(sources().map((s) => s.id)).toEqual(flow?.sourceConnectionIds)
  expect(targets().map((t) => t.id)).toEqual(flow?.targetConnectionIds)
  for (const item of [flow, ...sources(), ...targets()]) expect(markIn(item?.description)).toBeUndefined()
  if (outcome !== undefined) expect(outcome).toMatchObject({ flowId: flow?.id, etag: flow?.etag })
}

/** The run stops dead at the `after`-th call of `method` (0: the first): nothing after it, and no clean-up (as SIGKILL). */
function killedAt(d: Deps, method: 'createFlow' | 'findFlows' | 'patchFlow' | 'deleteFlow', after = 0): Deps {
  let calls = 0
  const stop =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      calls++ >= after ? Promise.reject(new Error('killed')) : fn(...args)
  const { client } = d
  if (method === 'createFlow') client.createFlow = stop(client.createFlow.bind(client))
  if (method === 'findFlows') client.findFlows = stop(client.findFlows.bind(client))
  if (method === 'patchFlow') client.patchFlow = stop(client.patchFlow.bind(client))
  if (method === 'deleteFlow') client.deleteFlow = stop(client.deleteFlow.bind(client))
  // A dead process cleans nothing up: every request of its clean-up fails at once.
  const dead = platformSession(emulator, { timeoutMs: 0 })
  sessions.push(dead)
  d.cleanup = new DataflowClient(dead.api, systemClock, d.ledger)
  return d
}

/** A run whose time was over ten minutes ago: whatever it marked is a leftover. */
const killedRun = (): Deps => deps({ mark: { token: 'dead0001', until: Date.now() - 10 * 60_000 } })

describe('a lost answer is recovered by the run’s mark and by what was asked, never by name and age', () => {
  it('a lost source connection create: its own is found by its mark, even beside an older same-named one reading another path', async () => {
    // A leftover of a killed run: same name, another path, just as new.
    await ensureDataflow(killedAt(killedRun(), 'createFlow'), replacing(OTHER)).catch(() => undefined)
    const leftover = sources()[0]?.id
    emulator.faults.add({ method: 'POST', route: '/sourceConnections', action: { type: 'commit-then-drop' } })
    const outcome = await ensureDataflow(deps(), ask())
    expect(outcome.operation).toBe('created')
    expectOneCleanChain(outcome)
    expect(sources()[0]).toMatchObject({ params: { path: DAILY } })
    expect(sources()[0]?.id).not.toBe(leftover)
    expect(log.join('\n')).toMatch(/The source connection .* with this run's mark appeared after its create's answer was lost/)
  })

  it('a lost dataflow create: its own is found by its mark', async () => {
    emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'commit-then-drop' } })
    const outcome = await ensureDataflow(deps(), ask())
    expect(outcome.operation).toBe('created')
    expectOneCleanChain(outcome)
    expect(log.join('\n')).toMatch(/Dataflow .* with this run's mark appeared after its create's answer was lost: it is this run's/)
  })

  it('two runs whose source connection answers are both lost each take their own, then converge on one dataflow', async () => {
    emulator.faults.add({ method: 'GET', route: '/flows', action: { type: 'barrier', count: 2 } })
    emulator.faults.add({ method: 'POST', route: '/sourceConnections', times: 2, action: { type: 'commit-then-drop' } })
    const [a, b] = await Promise.all([ensureDataflow(deps(), ask()), ensureDataflow(deps(), ask())])
    expectOneCleanChain()
    expect(a.flowId).toBe(b.flowId)
    expect([a.operation, b.operation].sort()).toEqual(['created', 'reused'])
  })
})

describe('a list that lags', () => {
  /** A client whose dataflow lookups after the first show only `shown` of what is there (its own lags), and whose reads drop createdAt when `undated`. */
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
    expectOneCleanChain(outcome)
    expect(warnings.join('\n')).toMatch(/does not show in GET \/flows yet: it is compared by creation time with the 1 listed/)
  })

  it('never deletes its own dataflow when it cannot learn when it was made', async () => {
    const outcome = await ensureDataflow(
      lagging(deps(), () => [twin(Date.now() - 60_000)], true),
      ask()
    )
    expect(outcome.operation).toBe('created')
    expectOneCleanChain(outcome)
    expect(warnings.join('\n')).toMatch(/has no creation time: it is kept/)
  })

  it('a dataflow create that took effect twice (its answer lost, the lookup not showing it yet): the copy is deleted', async () => {
    emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'commit-then-drop' } })
    // The lookups after the lost answer show nothing; the list after the create shows all.
    let lookups = 0
    const outcome = await ensureDataflow(
      lagging(deps(), (listed) => (++lookups <= 3 ? [] : listed)),
      ask()
    )
    expect(log.join('\n')).toContain(
      "No dataflow with this run's mark appeared after the create whose outcome is unknown: sending it again."
    )
    expect(emulator.requests().filter((r) => r.method === 'DELETE' && r.route === '/flows/{id}')).toHaveLength(1)
    expect(outcome.operation).toBe('created')
    expectOneCleanChain(outcome)
  })
})

describe('concurrent runs converge on one dataflow, and the losers delete what they made', () => {
  it('two first runs', async () => {
    emulator.faults.add({ method: 'GET', route: '/flows', action: { type: 'barrier', count: 2 } })
    const [a, b] = await Promise.all([ensureDataflow(deps(), ask()), ensureDataflow(deps(), ask())])
    expectOneCleanChain()
    expect(a.flowId).toBe(b.flowId)
  })

  it('two replacements at once: one new dataflow, the old one and its connections gone', async () => {
    const old = await ensureDataflow(deps(), ask())
    emulator.faults.add({ method: 'GET', route: '/flows', action: { type: 'barrier', count: 2 } })
    const [a, b] = await Promise.all([ensureDataflow(deps(), replacing()), ensureDataflow(deps(), replacing())])
    expectOneCleanChain()
    expect(a.flowId).toBe(b.flowId)
    expect(a.flowId).not.toBe(old.flowId)
    expect(sources()[0]?.params.path).toBe(OTHER.replace(/\/$/, ''))
    expect([a.operation, b.operation].sort()).toEqual(['replaced', 'reused'])
  })
})

describe('a replacement', () => {
  it('disables the old dataflow before the new one exists, and records the swap on it before deleting it', async () => {
    await ensureDataflow(deps(), ask())
    await runsSettled(emulator)
    emulator.clearRequests()
    const outcome = await ensureDataflow(deps(), replacing())
    expect(outcome.operation).toBe('replaced')
    const writes = routes().filter((r) => /^(POST|PATCH|DELETE) \/flows/.test(r))
    expect(writes.slice(0, 3)).toEqual(['POST /flows/{id}/action 200', 'POST /flows 201', 'PATCH /flows/{id} 200'])
    expectOneCleanChain(outcome)
  })

  it('that cannot delete the old dataflow keeps the new one, says what is left, and the next run finishes it', async () => {
    const old = await ensureDataflow(deps(), ask())
    emulator.faults.add({ method: 'DELETE', route: '/flows/*', times: Infinity, action: { type: 'status', status: 503 } })
    const error = await ensureDataflow(deps(), replacing()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IncompleteError)
    if (!(error instanceof IncompleteError)) throw error
    expect(error.message).toMatch(
      new RegExp(
        `the old dataflow ${old.flowId ?? ''} could not be deleted: .*It is disabled and recorded as replaced: the next run of this step deletes it`
      )
    )
    const replacement = flows().find((f) => f.id !== old.flowId)
    expect(error.outcome).toMatchObject({ operation: 'replaced', flowId: replacement?.id, etag: replacement?.etag })
    expect(flows().find((f) => f.id === old.flowId)).toMatchObject({ state: 'disabled' })
    expect(successorIn(flows().find((f) => f.id === old.flowId)?.description)).toBe(replacement?.id)

    emulator.faults.clear()
    const next = await ensureDataflow(deps(), replacing())
    expect(next).toMatchObject({ operation: 'reused', flowId: replacement?.id })
    expect(next.changes[0]).toMatchObject({ action: 'delete', object: 'dataflow', from: old.flowId })
    expectOneCleanChain(next)
  })

  it('whose old dataflow is still being deleted when time runs out: the same, and the next run finishes it', async () => {
    const slow = await startEmulator({ runClock: { timeScale: 1000 }, deleteFinalizeMs: 60_000 })
    try {
      const previous = emulator
      emulator = slow
      connectionId = slow.store.seed({ name: 'S3', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
      await ensureDataflow(deps(), ask())
      const error = await ensureDataflow(deps({ timeoutMs: 4000 }), replacing()).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(IncompleteError)
      expect(String(error)).toMatch(/was still being deleted when time ran out/)
      emulator = previous
    } finally {
      await slow.close()
    }
  })

  it('whose old source connection cannot be deleted outputs the new ids and fails; the next run deletes the connection', async () => {
    await ensureDataflow(deps(), ask())
    emulator.faults.add({ method: 'DELETE', route: '/sourceConnections/*', times: Infinity, action: { type: 'status', status: 503 } })
    const error = await ensureDataflow(deps(), replacing()).catch((e: unknown) => e)
    if (!(error instanceof IncompleteError)) throw error
    expect(error.message).toMatch(
      /the old dataflow .* is deleted, but not its source connection .*: no dataflow uses it, and the next run of this step deletes it/
    )
    expect(error.outcome.flowId).toBe(flows()[0]?.id)
    expect(sources()).toHaveLength(2)

    emulator.faults.clear()
    const next = await ensureDataflow(deps(), replacing())
    expect(next.operation).toBe('reused')
    expectOneCleanChain(next)
  })

  it('whose new dataflow cannot be made leaves the old one as it was, enabled', async () => {
    const old = await ensureDataflow(deps(), ask())
    emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'status', status: 400 } })
    await expect(ensureDataflow(deps(), replacing())).rejects.toThrow(/POST \/flows failed: HTTP 400/)
    expect(flows().map((f) => [f.id, f.state])).toEqual([[old.flowId, 'enabled']])
    expectOneCleanChain()
    expect(log.join('\n')).toContain(`Enabled dataflow ${old.flowId ?? ''} again: its replacement was not made.`)
  })

  it('with a lost answer to its new source connection reads the new path', async () => {
    await ensureDataflow(deps(), ask())
    emulator.faults.add({ method: 'POST', route: '/sourceConnections', action: { type: 'commit-then-drop' } })
    const outcome = await ensureDataflow(deps(), replacing())
    expect(outcome.operation).toBe('replaced')
    expectOneCleanChain(outcome)
    expect(sources()[0]?.params.path).toBe(OTHER.replace(/\/$/, ''))
  })
})

describe('what a killed run left, the next run finishes or removes, and says so', () => {
  it('connections made before the dataflow: deleted; the next run builds its own', async () => {
    await ensureDataflow(killedAt(killedRun(), 'createFlow'), ask()).catch(() => undefined)
    expect(sources()).toHaveLength(1)
    const outcome = await ensureDataflow(deps(), ask())
    expect(outcome.operation).toBe('created')
    expectOneCleanChain(outcome)
    expect(log.join('\n')).toMatch(/Deleted source connection .*: no dataflow uses it; an earlier run left it/)
  })

  it('a dataflow made but never confirmed, reading what the inputs ask: it is kept, and its marks come out', async () => {
    await ensureDataflow(killedAt(killedRun(), 'findFlows', 1), ask()).catch(() => undefined)
    const made = flows()[0]?.id
    expect(markIn(flows()[0]?.description)?.token).toBe('dead0001')
    const outcome = await ensureDataflow(deps(), ask())
    expect(outcome).toMatchObject({ operation: 'updated', flowId: made })
    expectOneCleanChain(outcome)
  })

  it('a dataflow made but never confirmed, reading something else: deleted with its connections', async () => {
    await ensureDataflow(killedAt(killedRun(), 'findFlows', 1), replacing(OTHER)).catch(() => undefined)
    const outcome = await ensureDataflow(deps(), ask())
    expect(outcome.operation).toBe('created')
    expectOneCleanChain(outcome)
    expect(sources()[0]?.params.path).toBe(DAILY)
  })

  it('a replacement killed before its commit, the inputs asking for the new path: the swap is finished', async () => {
    const old = await ensureDataflow(deps(), ask())
    await ensureDataflow(killedAt(killedRun(), 'patchFlow'), replacing()).catch(() => undefined)
    expect(flows().find((f) => f.id === old.flowId)?.state).toBe('disabled')
    const outcome = await ensureDataflow(deps(), replacing())
    expect(outcome.flowId).not.toBe(old.flowId)
    expect(outcome.changes[0]).toMatchObject({ action: 'delete', object: 'dataflow', from: old.flowId })
    expectOneCleanChain(outcome)
    expect(flows()[0]?.state).toBe('enabled')
  })

  it('a replacement killed before its commit, the inputs asking for the old path: undone, the old one enabled again', async () => {
    const old = await ensureDataflow(deps(), ask())
    await ensureDataflow(killedAt(killedRun(), 'patchFlow'), replacing()).catch(() => undefined)
    const outcome = await ensureDataflow(deps(), ask())
    expect(outcome).toMatchObject({ operation: 'updated', flowId: old.flowId })
    expectOneCleanChain(outcome)
    expect(flows()[0]?.state).toBe('enabled')
  })

  it('a replacement killed after its commit: the old dataflow is deleted, even before the killed run’s time is over', async () => {
    const old = await ensureDataflow(deps(), ask())
    // Killed as it deletes the old dataflow: the record that the new one replaces it is written.
    await ensureDataflow(killedAt(deps(), 'deleteFlow'), replacing()).catch(() => undefined)
    expect(flows()).toHaveLength(2)
    const outcome = await ensureDataflow(deps(), replacing())
    expect(outcome.flowId).not.toBe(old.flowId)
    expectOneCleanChain(outcome)
  })

  it('a run still within its time is left alone: what it is making is not counted and not deleted', async () => {
    await ensureDataflow(killedAt(deps(), 'createFlow'), ask()).catch(() => undefined)
    const theirs = sources()[0]?.id
    const outcome = await ensureDataflow(deps(), ask())
    expect(outcome.operation).toBe('created')
    expect(sources().map((s) => s.id)).toContain(theirs)
  })
})

describe('enabled: false is a promise', () => {
  it('a new dataflow that cannot be disabled fails the step, naming it as enabled, with its ids', async () => {
    emulator.faults.add({ method: 'POST', route: '/flows/*/action', times: Infinity, action: { type: 'status', status: 503 } })
    const error = await ensureDataflow(deps(), ask({ enabled: false })).catch((e: unknown) => e)
    if (!(error instanceof IncompleteError)) throw error
    const [flow] = flows()
    expect(error.message).toMatch(new RegExp(`Dataflow ${flow?.id ?? ''} could not be disabled, so it is still enabled`))
    expect(error.outcome).toMatchObject({ flowId: flow?.id, sourceId: flow?.sourceConnectionIds[0] })
    expect(flow?.state).toBe('enabled')
  })

  it('a disable whose answer was lost is confirmed by reading the dataflow', async () => {
    await ensureDataflow(deps(), ask())
    emulator.faults.add({ method: 'POST', route: '/flows/*/action', times: Infinity, action: { type: 'commit-then-drop' } })
    const outcome = await ensureDataflow(deps(), ask({ enabled: false }))
    expect(flows()[0]?.state).toBe('disabled')
    expect(outcome.etag).toBe(flows()[0]?.etag)
  })
})

describe('outputs tell the truth after faults', () => {
  it('after a lost PATCH answer, the etag is the one the dataflow has now', async () => {
    await ensureDataflow(deps(), ask())
    emulator.faults.add({ method: 'PATCH', route: '/flows/*', action: { type: 'commit-then-drop' } })
    const outcome = await ensureDataflow(deps(), ask({ description: 'New words' }))
    expect(flows()[0]?.description).toBe('New words')
    expect(outcome.etag).toBe(flows()[0]?.etag)
  })

  it('after a 412, the decision is taken again from what the dataflow holds now, and every field written is reported', async () => {
    await ensureDataflow(deps(), ask())
    const d = deps()
    const patchFlow = d.client.patchFlow.bind(d.client)
    let first = true
    d.client.patchFlow = async (id, etag, operations) => {
      if (first) {
        first = false
        // Someone changes the schedule between this run's read and its PATCH.
        const other = deps()
        const flow = await other.client.getFlow(id)
        await other.client.patchFlow(id, flow?.etag ?? '', [{ op: 'replace', path: '/scheduleParams/frequency', value: 'hour' }])
      }
      return patchFlow(id, etag, operations)
    }
    const outcome = await ensureDataflow(d, ask({ description: 'New words' }))
    expect(outcome.changes.map((c) => c.field)).toEqual(['description', 'scheduleParams.frequency'])
    expect(flows()[0]).toMatchObject({ description: 'New words', scheduleParams: { frequency: 'day' } })
    expect(outcome.etag).toBe(flows()[0]?.etag)
    expect(log.join('\n')).toContain('reading it again and deciding again from what it holds now')
  })

  it('if-exists reuse that takes a lapsed claim out writes only that, after a 412 too, and reports the schedule the dataflow keeps', async () => {
    await ensureDataflow(deps(), ask())
    const [made] = flows()
    const lapsed = withClaim('Managed by a test', { token: 'c1a10002', until: Date.now() - 10 * 60_000 }, 1024)
    await deps().client.patchFlow(made?.id ?? '', made?.etag ?? '', [{ op: 'replace', path: '/description', value: lapsed }])
    // Another writer between this run's read and its PATCH: a 412, and the decision taken again.
    emulator.faults.add({ method: 'PATCH', route: '/flows/*', action: { type: 'status', status: 412 } })
    const outcome = await ensureDataflow(deps(), ask({ ifExists: 'reuse', schedule: { frequency: 'hour', interval: 3, backfill: true } }))
    expect(outcome.operation).toBe('updated')
    expect(outcome.schedule).toMatchObject({ frequency: 'day', interval: 1 })
    expect(flows()[0]).toMatchObject({ description: 'Managed by a test', scheduleParams: { frequency: 'day', interval: 1 } })
    expect(outcome.changes.filter((c) => c.action === 'update').map((c) => c.note)).toEqual([
      'the claim of a run whose time is over comes out'
    ])
    expect(outcome.changes.filter((c) => c.action === 'not applied').map((c) => c.field)).toEqual([
      'scheduleParams.frequency',
      'scheduleParams.interval'
    ])
  })

  it('gives up after three 412s, naming the dataflow', async () => {
    await ensureDataflow(deps(), ask())
    emulator.faults.add({ method: 'PATCH', route: '/flows/*', times: 3, action: { type: 'status', status: 412 } })
    await expect(ensureDataflow(deps(), ask({ description: 'New words' }))).rejects.toThrow(
      /changed 3 times while this run updated it \(412\)/
    )
  })

  it('asks a busy flow again with backoff', async () => {
    const first = await ensureDataflow(deps(), ask())
    await runsSettled(emulator)
    emulator.dataflows.markBusy(first.flowId ?? '', 2)
    emulator.clearRequests()
    const outcome = await ensureDataflow(deps(), ask({ schedule: { frequency: 'hour', interval: 3, backfill: true } }))
    expect(outcome.operation).toBe('updated')
    expect(routes().filter((r) => r.startsWith('PATCH /flows'))).toEqual([
      'PATCH /flows/{id} 400',
      'PATCH /flows/{id} 400',
      'PATCH /flows/{id} 200'
    ])
  })
})

describe("Adobe's documented forms", () => {
  it('enables partial ingestion on a dataflow created without options with add /options (replace needs the member)', async () => {
    await ensureDataflow(deps(), ask())
    expect(flows()[0]?.options).toBeUndefined()
    emulator.clearRequests()
    const outcome = await ensureDataflow(deps(), ask({ partialIngestionPercent: 5 }))
    expect(outcome.operation).toBe('updated')
    expect(flows()[0]?.options).toEqual({ partialIngestionPercent: 5 })
    const patch = emulator.requests().find((r) => r.method === 'PATCH' && r.route === '/flows/{id}')
    expect(JSON.parse(patch?.body ?? '[]')).toEqual([{ op: 'add', path: '/options', value: { partialIngestionPercent: 5 } }])
  })

  it('takes "Resource not found" (1439-400) as a 404: a read finds nothing, a delete has nothing to do', async () => {
    const made = await ensureDataflow(deps(), ask())
    const notFound = {
      type: 'status' as const,
      status: 400,
      body: { type: 'https://ns.adobe.com/aep/errors/FLOW-1439-400', title: 'Resource not found', status: 400, report: {} }
    }
    emulator.faults.add({ method: 'GET', route: '/flows/*', action: notFound })
    emulator.faults.add({ method: 'DELETE', route: '/sourceConnections/*', action: notFound })
    const { client } = deps()
    expect(await client.getFlow(made.flowId ?? '')).toBeUndefined()
    await expect(client.deletePart('source', made.sourceId ?? '')).resolves.toBeUndefined()
  })
})

describe('a failed first run leaves nothing it made', () => {
  it('deletes the source connection when the target connection cannot be made', async () => {
    emulator.faults.add({ method: 'POST', route: '/targetConnections', action: { type: 'status', status: 400 } })
    await expect(ensureDataflow(deps(), ask())).rejects.toThrow(/POST \/targetConnections failed: HTTP 400/)
    expect(sources()).toEqual([])
    expect(flows()).toEqual([])
  })

  it('deletes both connections when the dataflow cannot be made', async () => {
    emulator.faults.add({ method: 'POST', route: '/flows', action: { type: 'status', status: 400 } })
    await expect(ensureDataflow(deps(), ask())).rejects.toThrow(/POST \/flows failed: HTTP 400/)
    expect(sources()).toEqual([])
    expect(targets()).toEqual([])
  })

  it('refuses a start time in the past before any write, naming start-time', async () => {
    const error = await ensureDataflow(
      deps(),
      ask({ schedule: { frequency: 'day', interval: 1, backfill: true, startTime: 1_000_000_000 } })
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RefusedError)
    expect(String(error)).toContain("Input 'start-time' (2001-09-09T01:46:40Z) has passed")
    expect(writes()).toEqual([])
  })

  it('refuses a mapping Data Prep refuses before any write, naming each one', async () => {
    const error = await ensureDataflow(
      deps(),
      ask({ mappings: [{ sourceType: 'EXPRESSION', source: 'md5(email)', destination: 'personalEmail.address' }] })
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MappingInvalidError)
    expect(String(error)).toContain('- source "md5(email)" -> destination "personalEmail.address": ')
    expect(writes()).toEqual([])
  })
})

/** Every request that writes, but Data Prep's validation (which writes nothing). */
const writes = () => emulator.requests().filter((r) => r.method !== 'GET' && !r.path.endsWith('/validate'))

describe('the rehearsal finds what Platform would refuse before any write, and a plan fails on it too', () => {
  const refusal = async (overrides: Partial<Wanted>, plan = false): Promise<string> => {
    const error = await ensureDataflow(deps(), ask(overrides, plan)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RefusedError)
    expect(writes()).toEqual([])
    return String(error)
  }

  it.each([false, true])('a connection this sandbox does not have names connection-id and sandbox-name (plan: %s)', async (plan) => {
    const message = await refusal({ baseConnectionId: '11111111-2222-4333-8444-555555555555' }, plan)
    expect(message).toContain(`Input 'connection-id': sandbox "prod" has no base connection 11111111-2222-4333-8444-555555555555`)
    expect(message).toContain("'sandbox-name'")
  })

  it('a connection of another spec is refused: the dataflow reads S3', async () => {
    const gcs = emulator.store.seed({ name: 'GCS', specId: GCS_SPEC_ID, params: { gcsAccessKeyId: 'a', gcsSecretAccessKey: 'b' } }).id
    expect(await refusal({ baseConnectionId: gcs }, true)).toContain(`connection ${gcs} ("GCS") is not an Amazon S3 connection`)
  })

  it('a path outside the bucket and folder the connection is limited to names source-path and the folder it may read', async () => {
    connectionId = emulator.store.seed({
      name: 'Scoped',
      params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey, bucketName: 'demo-bucket', folderPath: 'exports/weekly' }
    }).id
    const message = await refusal({}, true)
    expect(message).toContain(`Input 'source-path' ("${DAILY}") is outside what connection ${connectionId}`)
    expect(message).toContain('"/demo-bucket/exports/weekly/"')
  })

  it('a mapping source the file has no column of is refused with the column it likely meant', async () => {
    const message = await refusal(
      { mappings: [MAPPINGS[0]!, { sourceType: 'ATTRIBUTE', source: 'emial', destination: 'personalEmail.address' }] },
      true
    )
    expect(message).toMatch(
      /Input 'mapping': entry 2 reads column "emial", which "\/demo-bucket\/exports\/daily\/crm-customers-[^"]+\.csv" does not have \(did you mean "email"\?\)/
    )
  })

  it('a destination the schema does not have is refused with the field it likely meant', async () => {
    const message = await refusal({ mappings: [{ sourceType: 'ATTRIBUTE', source: 'email', destination: 'personalEmail.adress' }] })
    expect(message).toContain(`Input 'mapping': entry 1's destination "personalEmail.adress" is not a field of the dataset's schema`)
    expect(message).toContain('(did you mean "personalEmail.address"?)')
  })

  it('a destination at the wrong depth is pointed to the field of that name', async () => {
    const message = await refusal({ mappings: [{ sourceType: 'ATTRIBUTE', source: 'first_name', destination: 'person.firstName' }] })
    expect(message).toContain('(did you mean "person.name.firstName"?)')
  })

  it('a file that cannot be read as the inputs describe names the format inputs', async () => {
    const message = await refusal({ source: { ...wanted().source, compressionType: 'gzip' } }, true)
    expect(message).toContain("Check 'data-format', 'column-delimiter', 'compression-type' and 'encoding'.")
  })

  it('a path with nothing there yet is said, and the dataflow is made: files may land later', async () => {
    const outcome = await ensureDataflow(deps(), ask({ source: { ...wanted().source, path: '/demo-bucket/incoming/*.csv' } }))
    expect(outcome.operation).toBe('created')
    expect(warnings.join('\n')).toContain('Nothing at "/demo-bucket/incoming/*.csv" can be previewed yet')
  })

  it('an expression reading a column the file does not have is warned about, not refused', async () => {
    const outcome = await ensureDataflow(
      deps(),
      ask({ mappings: [{ sourceType: 'EXPRESSION', source: 'lower(emial)', destination: 'personalEmail.address' }] }, true)
    )
    expect(outcome.operation).toBe('planned')
    expect(warnings.join('\n')).toContain(`Mapping entry 1's expression reads "emial"`)
  })

  it.each([
    ['a wildcard', DAILY, 'folder'],
    ['a folder without its trailing slash', '/demo-bucket/exports/daily', 'folder'],
    ['a folder with it', '/demo-bucket/exports/daily/', 'folder'],
    ['one file', '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv', 'file']
  ])('%s is sent with the type the listing shows, as the collect tutorial sends it', async (_, path, type) => {
    await ensureDataflow(deps(), ask({ source: { ...wanted().source, path } }))
    expect(sources().map((s) => s.params)).toEqual([expect.objectContaining({ type })])
  })

  it("a Schema Registry the credentials may not read leaves the destinations to Data Prep's validation, said as a warning", async () => {
    emulator.faults.add({ method: 'GET', route: '/tenant/schemas/*', action: { type: 'status', status: 403 } })
    const outcome = await ensureDataflow(deps(), ask({}, true))
    expect(outcome.operation).toBe('planned')
    expect(warnings.join('\n')).toContain('The Schema Registry did not give schema')
    expect(routes()).toContain('POST /mappingSets/validate 200')
  })

  it('a re-run that changes nothing rehearses nothing: no explore, no connection read, no validation', async () => {
    await ensureDataflow(deps(), ask())
    emulator.clearRequests()
    expect((await ensureDataflow(deps(), ask())).operation).toBe('reused')
    expect(routes().filter((r) => /explore|\/connections\/\{id\}|validate|schemas/.test(r))).toEqual([])
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
    expectOneCleanChain(outcome)
  })

  it('replaces a dataflow into another dataset, keeping nothing of the old chain', async () => {
    const first = await ensureDataflow(deps(), ask())
    const other = emulator.catalog.addDataset({ name: 'CRM copy', schemaId: emulator.catalog.schemas('prod')[0]?.id ?? '' })
    const outcome = await ensureDataflow(deps(), ask({ datasetId: other.id, onSourceChange: 'replace' }))
    expect(outcome.operation).toBe('replaced')
    expect(outcome.flowId).not.toBe(first.flowId)
    expectOneCleanChain(outcome)
    expect(targets().map((t) => t.dataSetId)).toEqual([other.id])
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
