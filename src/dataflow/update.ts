// Changing the one dataflow in place: a new mapping-set version when the mapping changed, one
// PATCH with If-Match for the rest, then enable or disable. A 412 means someone else wrote it
// meanwhile (or this run's own earlier attempt, whose answer was lost): it is read again and the
// decision taken again from what it holds now, so that the outputs and `changes` say what the run
// wrote, never what it meant to write before.

import type { PatchOperation } from '../platform/api.js'
import { ConflictError, errorMessage } from '../platform/errors.js'
import { quoted } from '../platform/text.js'
import { appliedSchedule, decideFor, transformationOperation, type Chain, type Change, type UpdateSteps } from './decide.js'
import { IncompleteError, type Ask, type Deps, type Outcome } from './deps.js'
import type { Dataset, ExistingFlow } from './model.js'
import { mappingSetBody } from './requests.js'

/** A PATCH that meets another writer this many times gives up. */
const PATCH_ATTEMPTS = 3

export async function update(d: Deps, ask: Ask, dataset: Dataset, chain: Chain, steps: UpdateSteps, changes: Change[]): Promise<Outcome> {
  const mapping = await writeMapping(d, ask, dataset, steps)
  let flow = chain.flow
  let current = { steps, changes }
  let etag = flow.etag
  for (let attempt = 1; ; attempt++) {
    const operations = patchOperations(current.steps, mapping)
    if (operations.length === 0) break
    const result = await d.client.patchFlow(flow.id, flow.etag, operations)
    if (result !== 'stale') {
      etag = result.etag
      break
    }
    if (attempt === PATCH_ATTEMPTS) {
      throw new ConflictError(
        `Dataflow ${flow.id} (${quoted(ask.wanted.name)}) changed ${PATCH_ATTEMPTS} times while this run updated it (412); something else is writing to it. Run again when it is done.`
      )
    }
    d.log(`Dataflow ${flow.id}'s etag is no longer the one read (412): reading it again and deciding again from what it holds now.`)
    const fresh = await d.client.getFlow(flow.id)
    if (fresh === undefined) throw new ConflictError(`Dataflow ${flow.id} was deleted while this run updated it.`)
    flow = fresh
    etag = fresh.etag
    current = again({ ...chain, flow: fresh }, ask, steps, changes, d.clock.now())
  }
  const ids = idsOf({ ...chain, flow: { ...flow, etag } })
  const written = { ...ids, etag, ...(mapping !== undefined && { mapping }) }
  if (current.steps.enable !== undefined)
    written.etag = await setEnabled(d, flow, current.steps.enable, { operation: 'updated', ...written, changes: current.changes })
  // Reuse writes only a leftover out of the description: the schedule stays what it was.
  const schedule = ask.wanted.ifExists === 'reuse' ? flow.schedule : appliedSchedule(flow.schedule, ask.wanted.schedule)
  return { operation: 'updated', ...written, changes: current.changes, wroteAt: d.clock.now(), flow, schedule }
}

/**
 * The decision taken again, by the same rule, from the dataflow as it is now (with if-exists
 * reuse, still only a leftover out of the description); the mapping set written already stays
 * written.
 */
function again(
  chain: Chain,
  ask: Ask,
  first: UpdateSteps,
  firstChanges: readonly Change[],
  nowMs: number
): { steps: UpdateSteps; changes: Change[] } {
  const decision = decideFor(chain, ask.wanted, nowMs)
  if (decision.kind === 'replace' || decision.kind === 'fail')
    throw new ConflictError(
      `Dataflow ${chain.flow.id} (${quoted(ask.wanted.name)}) was changed while this run updated it, and now reads another source or writes another dataset than the inputs ask for; run again to decide from what it holds now.`
    )
  const fresh = decision.kind === 'update' ? decision : { steps: { patch: [] }, changes: decision.changes }
  const mappingChanges = firstChanges.filter((c) => c.object === 'mapping set')
  return {
    steps: { ...fresh.steps, ...(first.mapping !== undefined ? { mapping: first.mapping } : {}) },
    changes: [...fresh.changes.filter((c) => c.object !== 'mapping set'), ...mappingChanges]
  }
}

/**
 * Enables or disables the dataflow and returns its etag. `enabled: false` is a promise: when the
 * disable cannot be confirmed (its answer lost, then a read that says otherwise), the step fails
 * naming the dataflow that is still enabled, with its ids in the outputs.
 */
export async function setEnabled(d: Deps, flow: Pick<ExistingFlow, 'id'>, enabled: boolean, outcome: Outcome): Promise<string> {
  try {
    return (await d.client.setEnabled(flow.id, enabled)).etag
  } catch (error) {
    const read = await d.cleanup.getFlow(flow.id).catch(() => undefined)
    if (read !== undefined && read.state === (enabled ? 'enabled' : 'disabled')) return read.etag
    const state = read?.state ?? (enabled ? 'disabled' : 'enabled, as far as this run knows')
    throw new IncompleteError(
      `Dataflow ${flow.id} could not be ${enabled ? 'enabled' : 'disabled'}, so it is still ${state}: ${errorMessage(error)}${enabled ? '' : ' It will run on its schedule until it is disabled: run again, or disable it in the Platform UI (Sources > Dataflows).'}`,
      read !== undefined ? { ...outcome, etag: read.etag } : outcome
    )
  }
}

/** The one PATCH: the planned operations, with the transformation pointed at the mapping set just written. */
function patchOperations(steps: UpdateSteps, mapping: { id: string; version: number } | undefined): PatchOperation[] {
  return [...steps.patch, ...(mapping !== undefined ? [transformationOperation(steps, mapping)] : [])]
}

/** A new version of the mapping set the dataflow uses (or a new set when it used none), into the dataset's schema. */
async function writeMapping(d: Deps, ask: Ask, dataset: Dataset, steps: UpdateSteps): Promise<{ id: string; version: number } | undefined> {
  const mappings = ask.wanted.mappings
  if (steps.mapping === undefined || mappings === undefined) return undefined
  const body = mappingSetBody(dataset.schemaId, mappings)
  return steps.mapping.kind === 'new-version' ? d.client.putMapping(steps.mapping.mappingId, body) : d.client.createMapping(body)
}

/** The outputs of a dataflow as it stands. */
export function idsOf(chain: Chain): Pick<Outcome, 'flowId' | 'etag' | 'sourceId' | 'targetId' | 'mapping'> {
  const { flow } = chain
  return {
    flowId: flow.id,
    etag: flow.etag,
    ...(flow.sourceConnectionId !== undefined && { sourceId: flow.sourceConnectionId }),
    ...(flow.targetConnectionId !== undefined && { targetId: flow.targetConnectionId }),
    ...(flow.mapping !== undefined && { mapping: { id: flow.mapping.id, version: flow.mapping.version } })
  }
}
