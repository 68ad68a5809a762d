import { randomUUID } from 'node:crypto'
import type { CatalogStore } from '../../catalog/store.js'
import { compileRules } from '../../data-prep/mapping.js'
import type { MappingSetStore } from '../../data-prep/mapping-sets.js'
import type { ReadOptions } from '../../s3/files.js'
import type { FileNode } from '../../s3/tree.js'
import type { S3World } from '../../s3/world.js'
import type { Dataflow, DataflowRun, RunClock, StoredConnection } from '../../types.js'
import { readAccess } from '../connections/explore.js'
import type { MemoryStore } from '../connections/store.js'
import { intervalMs } from '../dataflows/schedule.js'
import type { DataflowStore, Row } from '../dataflows/store.js'
import { executeRun, failedOutcome, RUN_ERRORS, type RunOutcome, type RunPlan } from './run.js'

// When dataflow runs happen. Each dataflow has its own clock, anchored at its creation, that runs
// `timeScale` times faster than the wall clock: a run is due `startDelayMs` after each scheduled
// slot (startTime, then every interval) and completes `durationMs` later, all in that clock.
// Everything is evaluated lazily by check() (the server calls it before each request) and by a
// timer set for the next event, so answers never depend on timer precision.

export const DEFAULT_RUN_CLOCK: Required<RunClock> = { startDelayMs: 150_000, durationMs: 30_000, timeScale: 1 }

/** The clock with `clock`'s fields over `base`'s; throws on a field that is not a duration or a positive scale. */
export function resolveClock(clock: RunClock | undefined, base: Required<RunClock> = DEFAULT_RUN_CLOCK): Required<RunClock> {
  const next = { ...base, ...definedFields(clock ?? {}) }
  for (const key of ['startDelayMs', 'durationMs'] as const) {
    if (!(Number.isFinite(next[key]) && next[key] >= 0)) throw new Error(`runClock.${key} must be a number of milliseconds >= 0`)
  }
  if (!(Number.isFinite(next.timeScale) && next.timeScale > 0)) throw new Error('runClock.timeScale must be a number > 0')
  return next
}

function definedFields(clock: RunClock): RunClock {
  return Object.fromEntries(Object.entries(clock).filter(([, v]) => v !== undefined))
}

export interface SchedulerDeps {
  dataflows: DataflowStore
  catalog: CatalogStore
  mappingSets: MappingSetStore
  connections: MemoryStore
  world(): S3World
  deleteFinalizeMs: number
}

interface Timing {
  // The dataflow's clock: at wall time anchorReal it read anchorEmu.
  anchorReal: number
  anchorEmu: number
  // The dataflow's time of its next scheduled run, if one is to come.
  nextSlot?: number
  lastSlot?: number
  runs: number
  ingested: WeakSet<FileNode>
  deletedAt?: number
  // Changes left that answer 1421-400.
  busy: number
  // Runs asked for on demand that have not started: their run's id, when they start (wall time), their window.
  requested: { runId: string; dueAt: number; window: { start: number; end: number } }[]
}

interface Pending {
  outcome: RunOutcome
  completesAt: number
  datasetId?: string
}

// Node's timers take at most 2^31 - 1 ms.
const MAX_TIMER_MS = 2_147_483_647

export class Scheduler {
  private readonly timings = new Map<string, Timing>()
  private readonly pending = new Map<string, Pending>()
  private readonly startClock: Required<RunClock>
  private clockNow: Required<RunClock>
  private timer: NodeJS.Timeout | undefined
  private closed = false

  constructor(
    private readonly deps: SchedulerDeps,
    clock?: RunClock
  ) {
    this.startClock = resolveClock(clock)
    this.clockNow = this.startClock
  }

  clock(): Required<RunClock> {
    return { ...this.clockNow }
  }

  /** Fields given replace the current ones; every dataflow's clock goes on from where it is now. */
  setClock(clock: RunClock, now = Date.now()): void {
    const next = resolveClock(clock, this.clockNow)
    for (const t of this.timings.values()) {
      t.anchorEmu = this.emu(t, now)
      t.anchorReal = now
    }
    this.clockNow = next
    this.check(now)
  }

  created(flow: Dataflow, now = Date.now()): void {
    this.timings.set(flow.id, {
      anchorReal: now,
      anchorEmu: now,
      nextSlot: flow.scheduleParams.startTime * 1000,
      runs: 0,
      ingested: new WeakSet(),
      busy: 0,
      requested: []
    })
    this.arm(now)
  }

  /** After a patch: the next slot follows the last one with the new interval (or is the new startTime). */
  changed(flow: Dataflow, now = Date.now()): void {
    const t = this.timings.get(flow.id)
    if (!t) return
    const interval = intervalMs(flow.scheduleParams)
    if (t.lastSlot === undefined) t.nextSlot = flow.scheduleParams.startTime * 1000
    else t.nextSlot = interval === undefined ? undefined : t.lastSlot + interval
    this.arm(now)
  }

  deleted(flowId: string, now = Date.now()): void {
    const t = this.timings.get(flowId)
    if (t) t.deletedAt = now
    this.arm(now)
  }

  /** Why a change of the dataflow must wait: a run in progress (1420), or a forced busy spell (1421, used up by this call). */
  busy(flowId: string): '1420-400' | '1421-400' | undefined {
    if (this.deps.dataflows.runs.all().some((r) => r.item.flowId === flowId && r.item.status === 'inProgress')) return '1420-400'
    const t = this.timings.get(flowId)
    if (!t || t.busy <= 0) return undefined
    t.busy -= 1
    return '1421-400'
  }

  markBusy(flowId: string, requests = 1): void {
    const t = this.timings.get(flowId)
    if (!t) throw new Error(`markBusy: no dataflow ${flowId}`)
    if (!(requests >= 0)) throw new Error('markBusy: requests must be >= 0')
    t.busy = requests
  }

  /** Starts the runs that are due, completes those whose time is up, finishes deletions. */
  check(now = Date.now()): void {
    if (this.closed) return
    for (const [id, t] of this.timings) this.checkFlow(id, t, now)
    const done = [...this.pending].filter(([, p]) => p.completesAt <= now).sort(([, a], [, b]) => a.completesAt - b.completesAt)
    for (const [runId, p] of done) this.complete(runId, p)
    this.arm(now)
  }

  /** A run of an enabled dataflow now: its pending slot is the one that runs; the schedule goes on after it. */
  runNow(flowId: string, now = Date.now()): DataflowRun {
    this.check(now)
    const row = this.deps.dataflows.flows.get(flowId)
    const t = this.timings.get(flowId)
    if (!row || !t) throw new Error(`runNow: no dataflow ${flowId}`)
    if (row.item.state !== 'enabled') throw new Error(`runNow: the dataflow ${flowId} is ${row.item.state}`)
    const slot = t.nextSlot ?? Math.round(this.emu(t, now))
    const run = this.start(row, t, slot, now)
    if (t.nextSlot !== undefined) this.advance(t, row.item, slot, now)
    this.check(now)
    return { ...(this.deps.dataflows.runs.get(run.id)?.item ?? run) }
  }

  /**
   * A run on demand (POST /runs): of an enabled dataflow scheduled once; `scheduled` until its start
   * time (epoch s, the dataflow's clock) and the start delay, then it reads the files added within
   * the window (epoch s). Throws why not, for the route to answer.
   */
  requestRun(flowId: string, startTime: number, window: { start: number; end: number }, now = Date.now()): DataflowRun {
    this.check(now)
    const row = this.deps.dataflows.flows.get(flowId)
    const t = this.timings.get(flowId)
    if (!row || !t) throw new Error(`requestRun: no dataflow ${flowId}`)
    if (row.item.state !== 'enabled') throw new Error(`The dataflow ${flowId} is ${row.item.state}; an on-demand run needs it enabled.`)
    if (row.item.scheduleParams.frequency !== 'once')
      throw new Error(
        `The dataflow ${flowId} is scheduled every ${row.item.scheduleParams.frequency}; on-demand runs are for dataflows scheduled once.`
      )
    const run: DataflowRun = {
      ...emptyRun(row.item, 'scheduled', now, startTime * 1000),
      window: { ...window }
    }
    this.deps.dataflows.runs.insert(run, row.createdClient)
    // It starts the start delay (on the run clock's scale) after its start time, as a scheduled run does.
    const dueAt = startTime * 1000 + Math.ceil(this.clockNow.startDelayMs / this.clockNow.timeScale)
    t.requested.push({ runId: run.id, dueAt, window })
    this.check(now)
    return { ...(this.deps.dataflows.runs.get(run.id)?.item ?? run) }
  }

  /** No dataflow, no run pending, the start-up clock. */
  clear(): void {
    this.timings.clear()
    this.pending.clear()
    this.clockNow = this.startClock
    this.arm(Date.now())
  }

  close(): void {
    this.closed = true
    clearTimeout(this.timer)
  }

  private checkFlow(id: string, t: Timing, now: number): void {
    const row = this.deps.dataflows.flows.get(id)
    if (!row) {
      this.timings.delete(id)
      return
    }
    if (t.deletedAt !== undefined) {
      if (now >= t.deletedAt + this.deps.deleteFinalizeMs) {
        this.deps.dataflows.flows.remove(id)
        this.timings.delete(id)
      }
      return
    }
    if (row.item.state !== 'enabled') return
    for (const asked of [...t.requested]) {
      if (asked.dueAt > now) continue
      t.requested = t.requested.filter((r) => r !== asked)
      this.start(row, t, asked.dueAt, asked.dueAt, { runId: asked.runId, window: asked.window })
    }
    if (t.nextSlot === undefined) return
    const due = this.dueAt(t, t.nextSlot)
    if (due > now) return
    const slot = t.nextSlot
    this.start(row, t, slot, due)
    this.advance(t, row.item, slot, now)
  }

  // The next slot whose run is not yet due: slots missed meanwhile (a sparse check, a disabled spell) collapse into the run just started.
  private advance(t: Timing, flow: Dataflow, slot: number, now: number): void {
    t.lastSlot = slot
    const interval = intervalMs(flow.scheduleParams)
    if (interval === undefined) {
      t.nextSlot = undefined
      return
    }
    // A slot is due once the dataflow's clock has passed it by the start delay.
    const latestDue = this.emu(t, now) - this.clockNow.startDelayMs
    let next = slot + interval
    if (next <= latestDue) next += interval * (Math.floor((latestDue - next) / interval) + 1)
    t.nextSlot = next
  }

  /** Starts a run: a new one for a slot, or the one asked for on demand (`asked`), which reads the files added within its window. */
  private start(
    row: Row<Dataflow>,
    t: Timing,
    slot: number,
    at: number,
    asked?: { runId: string; window: { start: number; end: number } }
  ): DataflowRun {
    const { outcome, datasetId } = this.perform(row.item, t, at, asked?.window)
    for (const file of outcome.files) t.ingested.add(file)
    t.runs += 1
    const known = asked !== undefined ? this.deps.dataflows.runs.get(asked.runId) : undefined
    const run: DataflowRun = {
      ...(known?.item ?? emptyRun(row.item, 'inProgress', at, slot)),
      status: 'inProgress',
      startedAt: at,
      files: outcome.files.map((f) => f.path)
    }
    if (known !== undefined) known.item = run
    else this.deps.dataflows.runs.insert(run, row.createdClient)
    const completesAt = at + Math.ceil(this.clockNow.durationMs / this.clockNow.timeScale)
    this.pending.set(run.id, datasetId === undefined ? { outcome, completesAt } : { outcome, completesAt, datasetId })
    return run
  }

  private complete(runId: string, p: Pending): void {
    this.pending.delete(runId)
    const row = this.deps.dataflows.runs.get(runId)
    if (!row) return
    const o = p.outcome
    row.item = {
      ...row.item,
      status: o.status,
      completedAt: p.completesAt,
      filesFailed: o.filesFailed,
      inputBytes: o.inputBytes,
      recordsRead: o.recordsRead,
      recordsWritten: o.records.length,
      recordsFailed: o.recordsFailed,
      errors: o.errors.map((e) => ({ ...e }))
    }
    if (p.datasetId !== undefined && o.records.length > 0) this.deps.catalog.write(p.datasetId, o.records)
  }

  // What the run reads and writes is fixed when it starts: the files then, the mapping version the dataflow names then.
  private perform(
    flow: Dataflow,
    t: Timing,
    at: number,
    window?: { start: number; end: number }
  ): { outcome: RunOutcome; datasetId?: string } {
    const parts = this.parts(flow)
    if (typeof parts === 'string') return { outcome: failedOutcome(RUN_ERRORS.missing, parts) }
    const world = this.deps.world()
    const denied = readAccess(parts.base, world, parts.plan.selection.path)
    if (denied !== undefined) return { outcome: failedOutcome(RUN_ERRORS.access, denied), datasetId: parts.datasetId }
    const fromStart = t.runs === 0 && flow.scheduleParams.frequency !== 'once' && flow.scheduleParams.backfill !== true
    const startReal = this.wall(t, flow.scheduleParams.startTime * 1000)
    const plan: RunPlan = {
      ...parts.plan,
      buckets: world.buckets,
      // On demand, the window says which files (Adobe: the files whose time is within it); on a
      // schedule, those not read before (and, without backfill, none added before the start).
      isNew: (file) =>
        window !== undefined
          ? file.addedAt >= window.start * 1000 && file.addedAt < window.end * 1000
          : !t.ingested.has(file) && (!fromStart || file.addedAt >= Math.min(startReal, at))
    }
    return { outcome: executeRun(plan), datasetId: parts.datasetId }
  }

  private parts(flow: Dataflow): string | { base: StoredConnection; plan: Omit<RunPlan, 'buckets' | 'isNew'>; datasetId: string } {
    const { dataflows, connections, catalog, mappingSets } = this.deps
    const source = dataflows.sources.get(flow.sourceConnectionIds[0] ?? '')?.item
    const target = dataflows.targets.get(flow.targetConnectionIds[0] ?? '')?.item
    const base = source && connections.get(source.baseConnectionId)
    const dataset = target && catalog.dataset(target.dataSetId, flow.sandboxName)
    const schema = dataset && catalog.schema(dataset.schemaId, flow.sandboxName)
    const mapping = flow.transformations[0]
    const set = mapping && mappingSets.get(mapping.params.mappingId, flow.sandboxName, mapping.params.mappingVersion)
    if (!source || !base) return `The source connection or its base connection of dataflow ${flow.id} no longer exists.`
    if (!target || !dataset || !schema)
      return `The target connection, its dataset or the dataset's schema of dataflow ${flow.id} no longer exists.`
    if (mapping && !set) return `The mapping set ${mapping.params.mappingId} version ${mapping.params.mappingVersion} no longer exists.`
    const { format, properties } = source.data
    const read: ReadOptions = { format, ...properties }
    const selection = {
      path: source.params.path,
      recursive: source.params.recursive,
      ...(source.params.type ? { type: source.params.type } : {})
    }
    const partial = flow.options?.partialIngestionPercent
    const plan = {
      selection,
      read,
      fields: schema.fields,
      ...(set ? { rules: compileRules(set.mappings, schema.fields) } : {}),
      ...(partial !== undefined ? { partialIngestionPercent: partial } : {})
    }
    return { base, plan, datasetId: dataset.id }
  }

  private emu(t: Timing, real: number): number {
    return t.anchorEmu + (real - t.anchorReal) * this.clockNow.timeScale
  }

  // Whole milliseconds, never early: what runs report is a wall-clock time.
  private wall(t: Timing, emu: number): number {
    return Math.ceil(t.anchorReal + (emu - t.anchorEmu) / this.clockNow.timeScale)
  }

  private dueAt(t: Timing, slot: number): number {
    return this.wall(t, slot + this.clockNow.startDelayMs)
  }

  // One timer, for the earliest next event: a run due, a run completing, a deletion finishing.
  private arm(now: number): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.closed) return
    const times: number[] = [...this.pending.values()].map((p) => p.completesAt)
    for (const [id, t] of this.timings) {
      if (t.deletedAt !== undefined) {
        times.push(t.deletedAt + this.deps.deleteFinalizeMs)
        continue
      }
      if (this.deps.dataflows.flows.get(id)?.item.state !== 'enabled') continue
      for (const r of t.requested) times.push(r.dueAt)
      if (t.nextSlot !== undefined) times.push(this.dueAt(t, t.nextSlot))
    }
    if (times.length === 0) return
    const wait = Math.min(Math.max(0, Math.min(...times) - now), MAX_TIMER_MS)
    this.timer = setTimeout(() => this.check(), wait)
    this.timer.unref()
  }
}

/** A run before it has read anything. */
function emptyRun(flow: Dataflow, status: DataflowRun['status'], createdAt: number, slot: number): DataflowRun {
  return {
    id: randomUUID(),
    flowId: flow.id,
    sandboxName: flow.sandboxName,
    status,
    createdAt,
    scheduledAt: slot,
    files: [],
    filesFailed: 0,
    inputBytes: 0,
    recordsRead: 0,
    recordsWritten: 0,
    recordsFailed: 0,
    errors: []
  }
}
