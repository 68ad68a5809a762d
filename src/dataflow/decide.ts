// What a run does with the dataflow the sandbox holds: pure functions of (what exists, what the
// inputs ask for), each row of the README's table a unit test. The run executes the result.

import { quoted } from '../platform/text.js'
import type { ExistingFlow, ExistingMapping, ExistingSource, ExistingTarget } from './client.js'
import type { IfExists, OnSourceChange, Schedule, SourceSpec } from './inputs.js'
import { sameMappings, type Mapping } from './mapping.js'
import { fileProperties, mappingTransformation, optionsOf, type PatchOperation } from './requests.js'

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

/** The dataflow found, and the parts it points at (read through it, never by a name search). */
export interface Chain {
  flow: ExistingFlow
  source?: ExistingSource
  target?: ExistingTarget
  mapping?: ExistingMapping
}

export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'not applied'

/** One thing a run does, or would do with plan: true, or reports without doing. */
export interface Change {
  action: ChangeAction
  object: 'dataflow' | 'source connection' | 'target connection' | 'mapping set'
  field?: string
  from?: unknown
  to?: unknown
  note?: string
}

export type Decision =
  | { kind: 'create'; changes: Change[] }
  | { kind: 'fail'; reason: string }
  | { kind: 'reuse'; chain: Chain; changes: Change[] }
  | { kind: 'update'; chain: Chain; steps: UpdateSteps; changes: Change[] }
  | { kind: 'replace'; chain: Chain; changes: Change[] }

export interface UpdateSteps {
  /** One PATCH of the dataflow (empty: none). Operations on /transformations use `newMappingVersion`. */
  patch: PatchOperation[]
  /** The mapping set to write first: a new version of the one the dataflow uses, or a new set. */
  mapping?: { kind: 'new-version'; mappingId: string; index: number } | { kind: 'new-set' }
  /** Enable or disable afterwards. */
  enable?: boolean
}

/** Which of a listing's ids a message shows; the rest are counted. */
export const MAX_IDS_SHOWN = 10

export const CREATE_CHANGES: readonly Change[] = [
  { action: 'create', object: 'source connection' },
  { action: 'create', object: 'target connection' },
  { action: 'create', object: 'mapping set' },
  { action: 'create', object: 'dataflow' }
]

export function decide(found: readonly Chain[], wanted: Wanted): Decision {
  const [chain, ...others] = found
  if (chain === undefined) return { kind: 'create', changes: createChanges(wanted) }
  if (others.length > 0) {
    const shown = found.slice(0, MAX_IDS_SHOWN).map((c) => c.flow.id)
    const more = found.length > shown.length ? ` and ${found.length - shown.length} more` : ''
    return {
      kind: 'fail',
      reason: `${found.length} dataflows named ${quoted(wanted.name)} exist (${shown.join(', ')}${more}); the action needs at most one, so nothing was changed. Delete the extra ones, or choose another dataflow-name.`
    }
  }
  if (wanted.ifExists === 'fail') {
    return {
      kind: 'fail',
      reason: `A dataflow named ${quoted(wanted.name)} already exists (${chain.flow.id}), and if-exists is 'fail'. Use 'update' or 'reuse', or choose another dataflow-name.`
    }
  }
  const sourceChanges = sourceDifferences(chain, wanted)
  if (wanted.ifExists === 'reuse')
    return { kind: 'reuse', chain, changes: [...sourceChanges, ...inPlace(chain, wanted).changes].map(notApplied('if-exists is reuse')) }
  if (sourceChanges.length > 0) {
    if (wanted.onSourceChange === 'fail') {
      const lines = sourceChanges.map((c) => `${c.object} ${c.field ?? ''}: is ${show(c.from)}, the inputs ask for ${show(c.to)}`)
      return {
        kind: 'fail',
        reason: `Dataflow ${chain.flow.id} (${quoted(wanted.name)}) reads another source or writes another dataset than the inputs ask for, and Adobe advises against patching those; nothing was changed (on-source-change: fail):\n${lines.map((l) => `- ${l}`).join('\n')}\nSet on-source-change: replace to build a new source connection, target connection and dataflow and delete the old ones, or choose another dataflow-name.`
      }
    }
    return {
      kind: 'replace',
      chain,
      changes: [...sourceChanges.map((c) => ({ ...c, action: 'replace' as const })), ...replaceChanges(chain, wanted)]
    }
  }
  const { steps, changes } = inPlace(chain, wanted)
  const writes = steps.patch.length > 0 || steps.mapping !== undefined || steps.enable !== undefined
  return writes ? { kind: 'update', chain, steps, changes } : { kind: 'reuse', chain, changes }
}

function createChanges(wanted: Wanted): Change[] {
  return CREATE_CHANGES.filter((c) => c.object !== 'mapping set' || wanted.mappings !== undefined).map((c) => ({ ...c }))
}

function replaceChanges(chain: Chain, wanted: Wanted): Change[] {
  return [
    ...createChanges(wanted).map((c) => ({ ...c, note: 'the replacement' })),
    { action: 'delete', object: 'dataflow', from: chain.flow.id },
    ...(chain.source !== undefined ? [{ action: 'delete' as const, object: 'source connection' as const, from: chain.source.id }] : []),
    ...(chain.target !== undefined ? [{ action: 'delete' as const, object: 'target connection' as const, from: chain.target.id }] : [])
  ]
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
    differ('source connection', 'path', source.path, wanted.source.path)
    differ('source connection', 'format', source.format, wanted.source.format)
    differ('source connection', 'recursive', source.recursive, wanted.source.recursive)
    const wantedProperties = fileProperties(wanted.source)
    for (const key of new Set([...Object.keys(source.properties), ...Object.keys(wantedProperties)])) {
      differ(
        'source connection',
        `properties.${key}`,
        source.properties[key] ?? defaultProperty(key, source.format),
        wantedProperties[key] ?? defaultProperty(key, wanted.source.format)
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

/** The changes the service takes in place: description, schedule, options, mapping, enabled. */
export function inPlace(chain: Chain, wanted: Wanted): { steps: UpdateSteps; changes: Change[] } {
  const { flow } = chain
  const patch: PatchOperation[] = []
  const changes: Change[] = []
  const update = (field: string, from: unknown, to: unknown): void =>
    void changes.push({ action: 'update', object: 'dataflow', field, from, to })

  if (wanted.description !== undefined && flow.description !== wanted.description) {
    patch.push({ op: flow.description === undefined ? 'add' : 'replace', path: '/description', value: wanted.description })
    update('description', flow.description, wanted.description)
  }
  scheduleChanges(flow, wanted.schedule, patch, changes)
  const options = optionsOf(wanted)
  const current = {
    ...(flow.options.partialIngestionPercent !== undefined && { partialIngestionPercent: flow.options.partialIngestionPercent }),
    ...(flow.options.errorDiagnosticsEnabled === true && { errorDiagnosticsEnabled: true })
  }
  if (JSON.stringify(sorted(current)) !== JSON.stringify(sorted(options))) {
    patch.push({ op: 'replace', path: '/options', value: options })
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

function scheduleChanges(flow: ExistingFlow, wanted: Schedule, patch: PatchOperation[], changes: Change[]): void {
  const now = flow.schedule
  const notApplied = (field: string, from: unknown, to: unknown, note: string): void =>
    void changes.push({ action: 'not applied', object: 'dataflow', field, from, to, note })
  if (now.frequency !== wanted.frequency) {
    if (wanted.frequency === 'once') {
      notApplied(
        'scheduleParams.frequency',
        now.frequency,
        'once',
        'a scheduled dataflow cannot become once; replace it (a new dataflow-name) to run it once'
      )
    } else {
      patch.push({ op: 'replace', path: '/scheduleParams/frequency', value: wanted.frequency })
      changes.push({ action: 'update', object: 'dataflow', field: 'scheduleParams.frequency', from: now.frequency, to: wanted.frequency })
    }
  }
  if (wanted.frequency !== 'once' && wanted.interval !== undefined && now.interval !== wanted.interval) {
    patch.push({ op: now.interval === undefined ? 'add' : 'replace', path: '/scheduleParams/interval', value: wanted.interval })
    changes.push({ action: 'update', object: 'dataflow', field: 'scheduleParams.interval', from: now.interval, to: wanted.interval })
  }
  if (wanted.startTime !== undefined && now.startTime !== wanted.startTime) {
    notApplied('scheduleParams.startTime', now.startTime, wanted.startTime, 'start-time is used only when a dataflow is created')
  }
  if (wanted.backfill !== undefined && now.backfill !== undefined && now.backfill !== wanted.backfill) {
    notApplied('scheduleParams.backfill', now.backfill, wanted.backfill, 'backfill is used only when a dataflow is created')
  }
}

function mappingChange(chain: Chain, wanted: Wanted, patch: PatchOperation[], changes: Change[]): UpdateSteps['mapping'] {
  const { flow, mapping } = chain
  if (wanted.mappings === undefined) {
    if (flow.mapping === undefined) return undefined
    patch.push({ op: 'remove', path: `/transformations/${flow.mapping.index}` })
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
  changes.push({
    action: 'update',
    object: 'mapping set',
    field: 'mappings',
    from: `version ${mapping.version} (${mapping.mappings.length} mappings)`,
    to: `a new version (${wanted.mappings.length} mappings)`
  })
  return { kind: 'new-version', mappingId: flow.mapping.id, index: flow.mapping.index }
}

/** The PATCH operation that points the dataflow at a mapping set's version. */
export function transformationOperation(steps: UpdateSteps, mapping: { id: string; version: number }): PatchOperation {
  const value = mappingTransformation(mapping)
  return steps.mapping?.kind === 'new-version'
    ? { op: 'replace', path: `/transformations/${steps.mapping.index}`, value }
    : { op: 'add', path: '/transformations/-', value }
}

function notApplied(note: string): (change: Change) => Change {
  return (change) => ({ ...change, action: 'not applied', note })
}

function sorted(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value)
}

/** Whether a start time has passed (a dataflow cannot be created to start in the past). */
export function startInPast(schedule: Schedule, nowMs: number): boolean {
  return schedule.startTime !== undefined && schedule.startTime * 1000 < nowMs
}
