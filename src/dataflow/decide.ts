// What a run does with what the sandbox holds: one pure decision from what exists (observed, each
// part's run mark read) and what the inputs ask for, returning the steps; ensure.ts carries them
// out. First what runs that are over left (a killed run's dataflow to finish or undo, a replaced
// dataflow to delete, connections no dataflow uses), then the dataflow itself: create, update in
// place, replace, reuse or fail. Each row of dataflow/README.md's table is a unit test.

import type { PatchOperation } from '../platform/api.js'
import { survivorOf } from '../platform/converge.js'
import { MAX_DESCRIPTION_LENGTH } from '../platform/input-reader.js'
import { own } from '../platform/json.js'
import { claimIn, cleanText, liveClaimIn, markIn, ownershipOf, successorIn, withClaim, type Ownership } from '../platform/ownership.js'
import { sameId } from '../platform/server-values.js'
import { isoUtc } from '../platform/time.js'
import { oneLine, quoted, shortList } from '../platform/text.js'
import type { IfExists, OnSourceChange, Schedule, SourceSpec } from './inputs.js'
import { mappingDiff, sameMappings, type Mapping, type MappingDiff } from './mapping.js'
import type { Dataset, ExistingFlow, ExistingMapping, ExistingPart, ExistingSource, ExistingTarget, PartKind } from './model.js'
import { fileProperties, mappingTransformation, optionsOf } from './requests.js'

export interface Wanted {
  name: string
  /** The given description; on update only a given one replaces the current. */
  description?: string
  baseConnectionId: string
  source: SourceSpec
  datasetId: string
  /** Undefined: no Mapping transformation (XDM-shaped JSON or Parquet). */
  mappings?: readonly Mapping[]
  schedule: Schedule
  partialIngestionPercent?: number
  errorDiagnostics: boolean
  enabled: boolean
  ifExists: IfExists
  onSourceChange: OnSourceChange
}

/** A dataflow named so, and the parts it points at (read through it, never by a name search). */
export interface Chain {
  flow: ExistingFlow
  source?: ExistingSource
  target?: ExistingTarget
  mapping?: ExistingMapping
}

/** What the sandbox holds for this dataflow-name, read at the start of a run. */
export interface Observed {
  dataset: Dataset
  /** Every dataflow named so, with its parts. */
  chains: Chain[]
  /** Every connection named after the dataflow ('{name}: source', '{name}: target'). */
  sources: ExistingSource[]
  targets: ExistingTarget[]
  /** Those of them that a dataflow of another name uses (lower-case ids). */
  usedElsewhere: ReadonlySet<string>
}

/** 'keep': what a teardown leaves, and why (a connection another dataflow uses, a mapping set Data Prep cannot delete). */
export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'keep' | 'not applied'

/** One thing a run does, or would do with plan: true, or reports without doing. */
export interface Change {
  action: ChangeAction
  object: 'dataflow' | 'source connection' | 'target connection' | 'mapping set' | 'run'
  field?: string
  from?: unknown
  to?: unknown
  note?: string
}

/** What runs that are over left, and what becomes of it. */
export interface Leftovers {
  /** A killed run's dataflow that is what the inputs ask for: it stays (its mark comes out with the update). */
  adopted?: Chain
  /** Dataflows deleted with the connections they were made of: replaced ones, and killed runs' the inputs do not ask for. */
  removed: { chain: Chain; why: string }[]
  /** Connections named after the dataflow that no dataflow uses, left by runs that are over. */
  orphans: { kind: PartKind; part: ExistingPart }[]
  /** Connections of the dataflow that stays still carrying a run's mark: it comes out. */
  unmarked: { kind: PartKind; part: ExistingPart }[]
}

export type Decision =
  | { kind: 'create'; changes: Change[] }
  | { kind: 'fail'; reason: string }
  | { kind: 'reuse'; chain: Chain; changes: Change[] }
  | { kind: 'update'; chain: Chain; steps: UpdateSteps; changes: Change[] }
  | { kind: 'replace'; chain: Chain; reuseMapping?: { id: string; version: number }; changes: Change[]; overlap?: string }

export interface Decided {
  leftovers: Leftovers
  decision: Decision
  /** Dataflows another run is making right now: they take part in the convergence after a create. */
  inProgress: Chain[]
}

export interface UpdateSteps {
  /** One PATCH of the dataflow (empty: none). Operations on /transformations use the mapping written first. */
  patch: PatchOperation[]
  /** The mapping set to write first: a new version of the one the dataflow uses, or a new set. */
  mapping?: { kind: 'new-version'; mappingId: string; index: number } | { kind: 'new-set' }
  /** Enable or disable afterwards. */
  enable?: boolean
}

export function decide(observed: Observed, wanted: Wanted, nowMs: number): Decided {
  const standing = (flow: ExistingFlow): FlowStanding => standingOf(flow, observed.chains, nowMs)
  const committed = observed.chains.filter((c) => standing(c.flow) === 'committed')
  const abandoned = observed.chains.filter((c) => standing(c.flow) === 'abandoned')
  const retired = observed.chains.filter((c) => standing(c.flow) === 'retired')
  const inProgress = observed.chains.filter((c) => standing(c.flow) === 'in-progress')
  const nothing: Leftovers = { removed: [], orphans: [], unmarked: [] }
  if (committed.length > 1)
    return { leftovers: nothing, decision: { kind: 'fail', reason: duplicates(committed, wanted.name) }, inProgress }

  const [current] = committed
  const wants = (chain: Chain): boolean => complete(chain) && sourceDifferences(chain, wanted).length === 0
  // A killed run's dataflow that reads what the inputs ask for finishes what that run began (the
  // create, or the replacement of the current one when the current one reads something else).
  const candidates = abandoned.filter((c) => wants(c) && (current === undefined || !wants(current)))
  const adopted = survivorOf(candidates.map((c) => c.flow))
  const adoptedChain = abandoned.find((c) => adopted !== undefined && sameId(c.flow.id, adopted.id))
  const removed = [
    ...retired.map((chain) => ({ chain, why: `replaced by dataflow ${successorIn(chain.flow.description) ?? ''}` })),
    ...abandoned
      .filter((c) => c !== adoptedChain)
      .map((chain) => ({ chain, why: 'left by a run that was stopped before it finished, and not what the inputs ask for' })),
    ...(adoptedChain !== undefined && current !== undefined
      ? [{ chain: current, why: `replaced by dataflow ${adoptedChain.flow.id}, which a run that was stopped had built to replace it` }]
      : [])
  ]
  const stays = adoptedChain ?? current
  const leftovers: Leftovers = {
    ...(adoptedChain !== undefined && { adopted: adoptedChain }),
    removed,
    ...partsLeft(observed, stays, inProgress, removed, nowMs)
  }
  const decision = stays === undefined ? { kind: 'create' as const, changes: createChanges(wanted) } : decideFor(stays, wanted, nowMs)
  return { leftovers, decision: withLeftoverChanges(decision, leftovers), inProgress }
}

/** What if-exists and on-source-change say for the one dataflow there is (also for one found after converging). */
export function decideFor(chain: Chain, wanted: Wanted, nowMs: number): Exclude<Decision, { kind: 'create' }> {
  if (wanted.ifExists === 'fail') {
    return {
      kind: 'fail',
      reason: `A dataflow named ${quoted(wanted.name)} already exists (${chain.flow.id}), and if-exists is 'fail'. Use 'update' or 'reuse', or choose another dataflow-name.`
    }
  }
  const sourceChanges = sourceDifferences(chain, wanted)
  const { steps, changes } = inPlace(chain, wanted, nowMs)
  if (wanted.ifExists === 'reuse') {
    // Reuse changes nothing the inputs describe; a run's mark left in the description still comes out.
    const notApplied = [...sourceChanges, ...changes]
      .filter((c) => !isLeftoverChange(c))
      .map((c) => ({ ...c, action: 'not applied' as const, note: 'if-exists is reuse' }))
    const cleanUp = leftoverInDescription(chain.flow, nowMs)
    return cleanUp === undefined
      ? { kind: 'reuse', chain, changes: notApplied }
      : { kind: 'update', chain, steps: { patch: [cleanUp.operation] }, changes: [cleanUp.change, ...notApplied] }
  }
  if (sourceChanges.length > 0) {
    if (wanted.onSourceChange === 'fail') {
      const lines = sourceChanges.map((c) => `${c.object} ${oneLine(c.field ?? '')}: is ${show(c.from)}, the inputs ask for ${show(c.to)}`)
      return {
        kind: 'fail',
        reason: `Dataflow ${chain.flow.id} (${quoted(wanted.name)}) reads another source or writes another dataset than the inputs ask for, and Adobe advises against patching those; nothing was changed (on-source-change: fail):\n${lines.map((l) => `- ${l}`).join('\n')}\nSet on-source-change: replace to build a new source connection, target connection and dataflow and delete the old ones, or choose another dataflow-name.`
      }
    }
    return replaceDecision(chain, wanted, sourceChanges)
  }
  const writes = steps.patch.length > 0 || steps.mapping !== undefined || steps.enable !== undefined
  return writes ? { kind: 'update', chain, steps, changes } : { kind: 'reuse', chain, changes }
}

// ---- leftovers --------------------------------------------------------------------------------

type FlowStanding = Ownership | 'retired'

/**
 * A dataflow's standing: 'retired' when it records its replacement and that replacement exists;
 * a replacement named so is committed whatever its mark says (the record committed the swap).
 */
function standingOf(flow: ExistingFlow, chains: readonly Chain[], nowMs: number): FlowStanding {
  const successor = successorIn(flow.description)
  if (successor !== undefined && chains.some((c) => sameId(c.flow.id, successor))) return 'retired'
  if (chains.some((c) => sameId(successorIn(c.flow.description) ?? '', flow.id))) return 'committed'
  return ownershipOf(flow.description, undefined, nowMs)
}

/** The connections named after the dataflow that no dataflow staying uses (orphans), or that it uses while marked. */
function partsLeft(
  observed: Observed,
  stays: Chain | undefined,
  inProgress: readonly Chain[],
  removed: readonly { chain: Chain }[],
  nowMs: number
): Pick<Leftovers, 'orphans' | 'unmarked'> {
  const orphans: Leftovers['orphans'] = []
  const unmarked: Leftovers['unmarked'] = []
  const goingWith = (id: string): boolean =>
    removed.some(({ chain }) => [chain.source?.id, chain.target?.id].some((p) => sameId(p ?? '', id)))
  const parts = [
    ...observed.sources.map((part) => ({ kind: 'source' as const, part })),
    ...observed.targets.map((part) => ({ kind: 'target' as const, part }))
  ]
  for (const { kind, part } of parts) {
    const ownership = ownershipOf(part.description, undefined, nowMs)
    if (ownership === 'in-progress' || goingWith(part.id)) continue
    const usedBy = (chain: Chain): boolean =>
      sameId((kind === 'source' ? chain.flow.sourceConnectionId : chain.flow.targetConnectionId) ?? '', part.id)
    if (stays !== undefined && usedBy(stays)) {
      if (ownership === 'abandoned') unmarked.push({ kind, part })
      continue
    }
    const used = observed.chains.some(usedBy) || inProgress.some(usedBy) || observed.usedElsewhere.has(part.id.toLowerCase())
    if (!used) orphans.push({ kind, part })
  }
  return { orphans, unmarked }
}

function withLeftoverChanges(decision: Decision, leftovers: Leftovers): Decision {
  if (decision.kind === 'fail') return decision
  const changes: Change[] = [
    ...leftovers.removed.map(({ chain, why }): Change => ({ action: 'delete', object: 'dataflow', from: chain.flow.id, note: why })),
    ...leftovers.orphans.map(({ kind, part }): Change => ({
      action: 'delete',
      object: kind === 'source' ? 'source connection' : 'target connection',
      from: part.id,
      note: 'no dataflow uses it; an earlier run left it'
    }))
  ]
  return changes.length === 0 ? decision : { ...decision, changes: [...changes, ...decision.changes] }
}

function complete(chain: Chain): boolean {
  return chain.source !== undefined && chain.target !== undefined
}

function duplicates(chains: readonly Chain[], name: string): string {
  return `${chains.length} dataflows named ${quoted(name)} exist (${shortList(chains.map((c) => c.flow.id))}); the action needs at most one, so nothing was changed. Delete the extra ones, or choose another dataflow-name.`
}

// ---- create and replace -------------------------------------------------------------------------

function createChanges(wanted: Wanted, reusedMapping = false): Change[] {
  return [
    { action: 'create', object: 'source connection' },
    { action: 'create', object: 'target connection' },
    ...(wanted.mappings !== undefined && !reusedMapping ? [{ action: 'create' as const, object: 'mapping set' as const }] : []),
    { action: 'create', object: 'dataflow' }
  ]
}

function replaceDecision(chain: Chain, wanted: Wanted, sourceChanges: readonly Change[]): Decision & { kind: 'replace' } {
  // The mapping set carries over when it still fits: the same schema and the same mappings.
  const { mapping } = chain.flow
  const fits =
    mapping !== undefined &&
    chain.mapping !== undefined &&
    wanted.mappings !== undefined &&
    chain.target?.schemaId !== undefined &&
    sameMappings(chain.mapping.mappings, wanted.mappings)
  const reuseMapping = fits ? { id: mapping.id, version: mapping.version } : undefined
  const kept = reuseMapping !== undefined ? `, with mapping set ${reuseMapping.id} version ${reuseMapping.version} as it is` : ''
  const changes: Change[] = [
    ...sourceChanges.map((c) => ({ ...c, action: 'replace' as const })),
    ...createChanges(wanted, reuseMapping !== undefined).map((c) => ({
      ...c,
      note: `the replacement${c.object === 'dataflow' ? kept : ''}`
    })),
    { action: 'delete', object: 'dataflow', from: chain.flow.id },
    ...(chain.source !== undefined ? [{ action: 'delete' as const, object: 'source connection' as const, from: chain.source.id }] : []),
    ...(chain.target !== undefined ? [{ action: 'delete' as const, object: 'target connection' as const, from: chain.target.id }] : []),
    // The replacement's mapping set against the old one's, when it is new and the old one mapped.
    ...(reuseMapping === undefined && chain.mapping !== undefined && wanted.mappings !== undefined
      ? entryChanges(mappingDiff(chain.mapping.mappings, wanted.mappings))
      : [])
  ]
  const overlap = overlapOf(chain, wanted)
  return { kind: 'replace', chain, ...(reuseMapping !== undefined && { reuseMapping }), changes, ...(overlap !== undefined && { overlap }) }
}

/**
 * What a replacement ingests again: its first run reads every file at its path (backfill, or a
 * dataflow scheduled once), so files the old dataflow already wrote into the same dataset are
 * written again. Said, not refused: a replacement may mean to.
 */
export function overlapOf(chain: Chain, wanted: Wanted): string | undefined {
  const { flow, source, target } = chain
  const readsAll = wanted.schedule.frequency === 'once' || wanted.schedule.backfill !== false
  if (flow.lastRun === undefined || target?.datasetId !== wanted.datasetId || source === undefined || !readsAll) return undefined
  const folder = (path: string): string => normalPath(path).slice(0, normalPath(path).lastIndexOf('/') + 1)
  const inside = (a: string, b: string): boolean => normalPath(a).startsWith(folder(b)) || normalPath(b).startsWith(folder(a))
  if (!inside(source.path, wanted.source.path)) return undefined
  const how = wanted.schedule.frequency === 'once' ? 'it is scheduled once' : 'backfill is true'
  return `The replacement reads ${wanted.source.path}, next to ${source.path} that dataflow ${flow.id} has read into the same dataset: its first run takes every file there (${how}), so files the old dataflow ingested are ingested again. To take only files added after its start, set backfill: false (with a frequency other than once).`
}

/** Adobe stores a source path without its trailing '/' (the S3 source page): compared that way. */
export function normalPath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path
}

/** What the dataflow reads and where it writes: changed only by replacing the chain. */
export function sourceDifferences(chain: Chain, wanted: Wanted): Change[] {
  const changes: Change[] = []
  const differ = (object: Change['object'], field: string, from: unknown, to: unknown): void => {
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ action: 'replace', object, field, from, to })
  }
  const { source, target } = chain
  if (source !== undefined) {
    differ('source connection', 'baseConnectionId', source.baseConnectionId.toLowerCase(), wanted.baseConnectionId.toLowerCase())
    if (normalPath(source.path) !== normalPath(wanted.source.path)) differ('source connection', 'path', source.path, wanted.source.path)
    differ('source connection', 'format', source.format, wanted.source.format)
    differ('source connection', 'recursive', source.recursive, wanted.source.recursive)
    const wantedProperties = fileProperties(wanted.source)
    for (const key of new Set([...Object.keys(source.properties), ...Object.keys(wantedProperties)])) {
      differ(
        'source connection',
        `properties.${key}`,
        own(source.properties, key) ?? defaultProperty(key, source.format),
        own(wantedProperties, key) ?? defaultProperty(key, wanted.source.format)
      )
    }
  }
  if (target !== undefined) differ('target connection', 'dataSetId', target.datasetId, wanted.datasetId)
  return changes
}

/** What a source connection means when it leaves a property out. */
function defaultProperty(key: string, format: string): string | undefined {
  if (format !== 'delimited') return undefined
  return key === 'columnDelimiter' ? ',' : key === 'encoding' ? 'UTF-8' : undefined
}

// ---- in place -----------------------------------------------------------------------------------

/** The changes the service takes in place: description (and any run's mark in it), schedule, options, mapping, enabled. */
function inPlace(chain: Chain, wanted: Wanted, nowMs: number): { steps: UpdateSteps; changes: Change[] } {
  const { flow } = chain
  const patch: PatchOperation[] = []
  const changes: Change[] = []
  const update = (field: string, from: unknown, to: unknown, note?: string): void =>
    void changes.push({ action: 'update', object: 'dataflow', field, from, to, ...(note !== undefined && { note }) })

  const clean = flow.description === undefined ? undefined : cleanText(flow.description)
  const description = wanted.description ?? clean
  const written = description === undefined ? undefined : keepingLiveClaim(description, flow.description, nowMs)
  if (written !== undefined && flow.description !== written) {
    patch.push({ op: flow.description === undefined ? 'add' : 'replace', path: '/description', value: written })
    if (clean !== description) update('description', clean, description)
    else changes.push(leftoverChange(flow.description))
  }
  scheduleChanges(flow, wanted.schedule, patch, changes)
  const options = optionsOf(wanted)
  const current = {
    ...(flow.options?.partialIngestionPercent !== undefined && { partialIngestionPercent: flow.options.partialIngestionPercent }),
    ...(flow.options?.errorDiagnosticsEnabled === true && { errorDiagnosticsEnabled: true })
  }
  if (JSON.stringify(sorted(current)) !== JSON.stringify(sorted(options))) {
    // JSON Patch replaces only a member that is there; Adobe's partial-ingestion page enables it
    // on a dataflow created without options with `add /options`.
    patch.push({ op: flow.options === undefined ? 'add' : 'replace', path: '/options', value: options })
    update('options', current, options)
  }
  const mapping = mappingChange(chain, wanted, patch, changes)
  const enabled = flow.state === 'enabled'
  if (enabled !== wanted.enabled) update('state', flow.state, wanted.enabled ? 'enabled' : 'disabled')
  return {
    steps: { patch, ...(mapping !== undefined && { mapping }), ...(enabled !== wanted.enabled && { enable: wanted.enabled }) },
    changes
  }
}

/**
 * A run's mark, a claim whose time is over, or a record of a replacement that did not happen,
 * left at the end of the description: it comes out.
 */
function leftoverInDescription(flow: ExistingFlow, nowMs: number): { operation: PatchOperation; change: Change } | undefined {
  if (flow.description === undefined) return undefined
  const value = keepingLiveClaim(cleanText(flow.description), flow.description, nowMs)
  if (value === flow.description) return undefined
  return { operation: { op: 'replace', path: '/description', value }, change: leftoverChange(flow.description) }
}

/**
 * The description to write: `text`, ending with the claim the current one holds while it may
 * still hold. Another step holding it is starting a run-now run; taking its claim out would let
 * a third step start a second run over the same window. A text within a claim's length of the
 * limit is cut to make room; the next run writes it whole again.
 */
function keepingLiveClaim(text: string, current: string | undefined, nowMs: number): string {
  const claim = liveClaimIn(current, nowMs)
  return claim === undefined ? text : withClaim(text, claim, MAX_DESCRIPTION_LENGTH)
}

const LEFTOVER_NOTES = {
  mark: 'the mark of the run that created it comes out: it is confirmed',
  claim: 'the claim of a run whose time is over comes out',
  retirement: 'the record of a replacement that did not happen comes out'
}

function leftoverChange(description: string | undefined): Change {
  const note =
    markIn(description) !== undefined
      ? LEFTOVER_NOTES.mark
      : claimIn(description) !== undefined
        ? LEFTOVER_NOTES.claim
        : LEFTOVER_NOTES.retirement
  return { action: 'update', object: 'dataflow', field: 'description', note }
}

/** A change that takes a leftover out of the description, which reuse does too (it is no input's). */
function isLeftoverChange(change: Change): boolean {
  return change.field === 'description' && Object.values(LEFTOVER_NOTES).some((note) => note === change.note)
}

/**
 * The schedule a dataflow has once an update has applied what it can of `wanted`: the frequency
 * and interval change in place, except that a scheduled dataflow cannot become once (1366-400);
 * the start time and backfill are the create's.
 */
export function appliedSchedule(now: ExistingFlow['schedule'], wanted: Schedule): ExistingFlow['schedule'] {
  // One whose frequency could not be read is taken as scheduled: nothing is written to make it once.
  if (wanted.frequency === 'once' && now.frequency !== 'once') return now
  const interval = wanted.frequency !== 'once' && wanted.interval !== undefined ? wanted.interval : now.interval
  return { ...now, frequency: wanted.frequency, ...(interval !== undefined && { interval }) }
}

function scheduleChanges(flow: ExistingFlow, wanted: Schedule, patch: PatchOperation[], changes: Change[]): void {
  const now = flow.schedule
  const next = appliedSchedule(now, wanted)
  const notApplied = (field: string, from: unknown, to: unknown, note: string): void =>
    void changes.push({ action: 'not applied', object: 'dataflow', field, from, to, note })
  if (next.frequency !== now.frequency) {
    patch.push({ op: 'replace', path: '/scheduleParams/frequency', value: next.frequency })
    changes.push({ action: 'update', object: 'dataflow', field: 'scheduleParams.frequency', from: now.frequency, to: next.frequency })
  } else if (wanted.frequency !== now.frequency) {
    notApplied(
      'scheduleParams.frequency',
      now.frequency,
      wanted.frequency,
      'a scheduled dataflow cannot become once; replace it (a new dataflow-name) to run it once'
    )
  }
  if (next.interval !== now.interval) {
    patch.push({ op: now.interval === undefined ? 'add' : 'replace', path: '/scheduleParams/interval', value: next.interval })
    changes.push({ action: 'update', object: 'dataflow', field: 'scheduleParams.interval', from: now.interval, to: next.interval })
  }
  if (wanted.startTime !== undefined && now.startTime !== wanted.startTime) {
    const at = (s: number | undefined): string | undefined => (s === undefined ? undefined : isoUtc(s * 1000))
    notApplied('scheduleParams.startTime', at(now.startTime), at(wanted.startTime), 'start-time is used only when a dataflow is created')
  }
  if (wanted.backfill !== undefined && now.backfill !== undefined && now.backfill !== wanted.backfill) {
    notApplied('scheduleParams.backfill', now.backfill, wanted.backfill, 'backfill is used only when a dataflow is created')
  }
}

function mappingChange(chain: Chain, wanted: Wanted, patch: PatchOperation[], changes: Change[]): UpdateSteps['mapping'] {
  const { flow, mapping } = chain
  if (wanted.mappings === undefined) {
    if (flow.mapping === undefined) return undefined
    // A remove carries the value it removes: the OpenAPI PatchInstruction requires one, and
    // Adobe's own remove examples send it.
    patch.push({ op: 'remove', path: `/transformations/${flow.mapping.index}`, value: mappingTransformation(flow.mapping) })
    changes.push({
      action: 'delete',
      object: 'mapping set',
      field: 'transformation',
      from: flow.mapping.id,
      note: 'the dataflow no longer maps (no mapping input)'
    })
    return undefined
  }
  if (flow.mapping === undefined || mapping === undefined) {
    changes.push({ action: 'create', object: 'mapping set', note: 'the dataflow had no mapping' })
    return { kind: 'new-set' }
  }
  if (sameMappings(mapping.mappings, wanted.mappings)) return undefined
  changes.push(
    {
      action: 'update',
      object: 'mapping set',
      field: 'mappings',
      from: `version ${mapping.version} (${mapping.mappings.length} mappings)`,
      to: `a new version (${wanted.mappings.length} mappings)`
    },
    ...entryChanges(mappingDiff(mapping.mappings, wanted.mappings))
  )
  return { kind: 'new-version', mappingId: flow.mapping.id, index: flow.mapping.index }
}

/** Entry changes a run lists at most; the rest are counted in one more line. */
export const MAX_ENTRY_CHANGES = 50

/** A mapping's change entry by entry, as a reviewer reads it: each destination added, removed or fed from another source. */
export function entryChanges(diff: MappingDiff): Change[] {
  const entry = (m: { sourceType: string; source: string }): string => `${m.source} (${m.sourceType})`
  const all: Change[] = [
    ...diff.changed.map(({ destination, from, to }): Change => ({
      ...mappingEntry(destination),
      from: entry(from),
      to: entry(to),
      note: 'changed'
    })),
    ...diff.added.map((m): Change => ({ ...mappingEntry(m.destination), to: entry(m), note: 'added' })),
    ...diff.removed.map((m): Change => ({ ...mappingEntry(m.destination), from: entry(m), note: 'removed' }))
  ]
  if (all.length <= MAX_ENTRY_CHANGES) return all
  const more = all.length - MAX_ENTRY_CHANGES
  return [...all.slice(0, MAX_ENTRY_CHANGES), { action: 'update', object: 'mapping set', note: `and ${more} more mapping entries` }]
}

function mappingEntry(destination: string): Change {
  return { action: 'update', object: 'mapping set', field: `destination ${destination}` }
}

/** The PATCH operation that points the dataflow at a mapping set's version. */
export function transformationOperation(steps: UpdateSteps, mapping: { id: string; version: number }): PatchOperation {
  const value = mappingTransformation(mapping)
  return steps.mapping?.kind === 'new-version'
    ? { op: 'replace', path: `/transformations/${steps.mapping.index}`, value }
    : { op: 'add', path: '/transformations/-', value }
}

function sorted(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))
}

/** A value as JSON on one line: server values can hold line or paragraph separators and bidi controls, which JSON leaves as they are. */
function show(value: unknown): string {
  return value === undefined ? '(none)' : oneLine(JSON.stringify(value))
}
