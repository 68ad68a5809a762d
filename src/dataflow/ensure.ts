// The dataflow's story with the sandbox: read what exists, decide once (what earlier runs left,
// then the dataflow itself), carry it out; then the sandbox holds one dataflow with this name,
// reading the source path into the dataset with this mapping and schedule.

import { CancelledError, ConflictError, errorMessage } from '../platform/errors.js'
import { ownershipOf } from '../platform/ownership.js'
import { quoted } from '../platform/text.js'
import { build, converge, deleteCopies, undo, unmark, type Built, type Convergence, type Making } from './build.js'
import { decide, decideFor, type Chain, type Change, type Decision, type Decided } from './decide.js'
import { IncompleteError, type Ask, type Deps, type Outcome, type Rehearsed } from './deps.js'
import { clearLeftovers, retire } from './leftovers.js'
import type { Dataset, ExistingFlow } from './model.js'
import { chainOf, observe } from './observe.js'
import { rehearse } from './rehearse.js'
import { idsOf, setEnabled, update } from './update.js'

export async function ensureDataflow(d: Deps, ask: Ask): Promise<Outcome> {
  const { wanted } = ask
  const observed = await observe(d.client, wanted.name, wanted.datasetId)
  const { dataset, chains } = observed
  d.log(
    `Dataset ${dataset.id} (${quoted(dataset.name)}) has schema ${dataset.schemaId}; found ${chains.length} dataflow(s) named ${quoted(wanted.name)}${chains.length > 0 ? ` (${chains.map((c) => c.flow.id).join(', ')})` : ''}.`
  )
  const decided = decide(observed, wanted, d.clock.now())
  // What Platform would refuse is found before the first write (the leftovers' deletion included).
  const { sourceType } = await rehearse(d, wanted, dataset, decided.decision)
  if (ask.plan) return planned(decided)
  if (decided.decision.kind === 'fail') throw new ConflictError(decided.decision.reason)
  const leftovers = await clearLeftovers(d, decided.leftovers)
  try {
    return await carryOut(d, { ...ask, sourceType }, dataset, decided.decision, setAside(decided))
  } finally {
    await leftovers.deleted
  }
}

function planned(decided: Decided): Outcome {
  const { decision } = decided
  if (decision.kind === 'fail') throw new ConflictError(decision.reason)
  return {
    operation: 'planned',
    ...(decision.kind !== 'create' && { ...idsOf(decision.chain), flow: decision.chain.flow, schedule: decision.chain.flow.schedule }),
    changes: decision.changes,
    ...(decision.kind === 'replace' && decision.overlap !== undefined && { warnings: [decision.overlap] })
  }
}

/** The dataflows a new one does not converge with: those deleted as leftovers. */
function setAside(decided: Decided): Set<string> {
  return new Set(decided.leftovers.removed.map(({ chain }) => chain.flow.id.toLowerCase()))
}

async function carryOut(d: Deps, ask: Rehearsed, dataset: Dataset, decision: Decision, aside: ReadonlySet<string>): Promise<Outcome> {
  switch (decision.kind) {
    case 'fail':
      throw new ConflictError(decision.reason)
    case 'reuse':
      return {
        operation: 'reused',
        ...idsOf(decision.chain),
        changes: decision.changes,
        flow: decision.chain.flow,
        schedule: decision.chain.flow.schedule
      }
    case 'update':
      return update(d, ask, dataset, decision.chain, decision.steps, decision.changes)
    case 'create':
      return makeNew(d, ask, dataset, decision.changes, aside)
    case 'replace': {
      if (decision.overlap !== undefined) d.warn(decision.overlap)
      return makeNew(d, ask, dataset, decision.changes, aside, decision.chain, decision.reuseMapping)
    }
  }
}

/**
 * A new dataflow (for a create, or replacing `old`): built, converged with concurrent runs, then
 * committed. Before the commit a failure undoes what was made (and enables `old` again if the run
 * disabled it); the commit of a replacement is the record on `old` that the new one replaces it.
 * Old and new are never both enabled: `old` is disabled before the new one exists.
 */
async function makeNew(
  d: Deps,
  ask: Rehearsed,
  dataset: Dataset,
  changes: Change[],
  aside: ReadonlySet<string>,
  old?: Chain,
  reuseMapping?: { id: string; version: number }
): Promise<Outcome> {
  const making: Making = { uncertain: new Set(), resent: new Set() }
  let disabledOld = false
  let built: Built
  let convergence: Convergence
  try {
    if (old !== undefined && old.flow.state === 'enabled') {
      const disabled = await d.client.setEnabled(old.flow.id, false)
      old = { ...old, flow: { ...old.flow, etag: disabled.etag, state: 'disabled' } }
      disabledOld = true
      d.log(`Disabled dataflow ${old.flow.id} while its replacement is built: the two are never enabled at once.`)
    }
    built = await build(d, ask, dataset, making, reuseMapping)
    convergence = await converge(d, ask, built, new Set([...aside, ...(old !== undefined ? [old.flow.id.toLowerCase()] : [])]))
    await deleteCopies(d, making, ask.wanted.name)
    // The commit of a replacement: from here on, the new dataflow is the one, whatever happens.
    if (convergence.kind === 'won' && old !== undefined) await retire(d, old.flow, built.flow.id)
  } catch (error) {
    await undo(d, making, ask.wanted.name)
    if (disabledOld && old !== undefined) await enableAgain(d, old.flow)
    throw error
  }
  if (convergence.kind === 'won') return commit(d, ask, built, changes, old)
  // The one that stays is another run's (which deletes what it replaces, if anything).
  const { survivor } = convergence
  d.log(
    `Another run created ${quoted(ask.wanted.name)} at the same time: keeping the oldest, ${survivor.id}, and deleting this run's ${built.flow.id} and its connections.`
  )
  await undo(d, making, ask.wanted.name)
  return asFound(d, ask, dataset, survivor)
}

/** The new dataflow confirmed: disabled if the inputs say so, its mark out; a replaced one deleted with its connections. */
async function commit(d: Deps, ask: Ask, built: Built, changes: Change[], old?: Chain): Promise<Outcome> {
  const outcome: Outcome = {
    operation: old !== undefined ? 'replaced' : 'created',
    schedule: { ...ask.wanted.schedule, startTime: built.startTime },
    flowId: built.flow.id,
    sourceId: built.source.id,
    targetId: built.target.id,
    ...(built.mapping !== undefined && { mapping: built.mapping }),
    changes,
    wroteAt: d.clock.now()
  }
  for (const id of [built.flow.id, built.source.id, built.target.id, ...(built.mapping !== undefined ? [built.mapping.id] : [])])
    d.ledger.kept(id)
  const [confirmed, removed] = await Promise.allSettled([
    confirmFlow(d, ask, built, outcome),
    old !== undefined ? removeOld(d, old) : undefined
  ])
  if (confirmed.status === 'rejected') throw confirmed.reason
  outcome.etag = confirmed.value
  d.log(
    `${old !== undefined ? `Replaced dataflow ${old.flow.id} with` : 'Created'} dataflow ${built.flow.id}, source connection ${built.source.id}, target connection ${built.target.id}${built.mapping !== undefined ? `, mapping set ${built.mapping.id} version ${built.mapping.version}` : ''}.`
  )
  if (removed.status === 'rejected') throw new IncompleteError(errorMessage(removed.reason), outcome)
  return outcome
}

/** Disables the new dataflow when the inputs say so, then takes the mark out; its etag after both. */
async function confirmFlow(d: Deps, ask: Ask, built: Built, outcome: Outcome): Promise<string> {
  const created = built.flow.kind === 'created' ? built.flow.etag : undefined
  const etag = ask.wanted.enabled ? created : await setEnabled(d, built.flow, false, outcome)
  const flow = built.flow.id
  try {
    const written = await unmark(d, { id: flow, ...(etag !== undefined && { etag }) }, ask.description, {
      read: () => d.client.getFlow(flow),
      patch: (current, ops) => d.client.patchFlow(flow, current, ops)
    })
    if (written !== undefined) return written.etag
  } catch (error) {
    d.warn(`Dataflow ${flow} still carries this run's mark: ${errorMessage(error)}. The next run takes it out.`)
  }
  const read = await d.cleanup.getFlow(flow)
  if (read === undefined) throw new ConflictError(`Dataflow ${flow} was deleted while this run confirmed it; run again.`)
  return read.etag
}

/**
 * The replaced dataflow (recorded as replaced) goes, waited for, then its connections; what cannot
 * go is said. The swap is committed: a cancellation stops this (the next run finishes it).
 */
async function removeOld(d: Deps, old: Chain): Promise<void> {
  const left: string[] = []
  const next = 'the next run of this step deletes it and its connections'
  try {
    await d.client.deleteFlow(old.flow.id)
  } catch (error) {
    const why =
      error instanceof CancelledError
        ? `${error.message} The replacement is in place; the old dataflow ${old.flow.id} was being deleted.`
        : `The replacement is in place, but the old dataflow ${old.flow.id} could not be deleted: ${errorMessage(error)}`
    throw new Error(
      `${why} It is disabled and recorded as replaced: ${next}; or delete it by hand (DELETE /flows/${old.flow.id}), then its source and target connections.`,
      { cause: error }
    )
  }
  await Promise.all(
    (['source', 'target'] as const).map(async (kind) => {
      const part = old[kind]
      if (part === undefined) return
      try {
        await d.client.deletePart(kind, part.id)
      } catch (error) {
        left.push(`${kind} connection ${part.id} (${errorMessage(error)})`)
      }
    })
  )
  if (left.length > 0)
    throw new Error(
      `The replacement is in place and the old dataflow ${old.flow.id} is deleted, but not its ${left.join(', ')}: no dataflow uses it, and the next run of this step deletes it.`
    )
}

async function enableAgain(d: Deps, flow: ExistingFlow): Promise<void> {
  try {
    await d.cleanup.setEnabled(flow.id, true)
    d.log(`Enabled dataflow ${flow.id} again: its replacement was not made.`)
  } catch (error) {
    d.warn(
      `Dataflow ${flow.id} was disabled for its replacement, which was not made, and could not be enabled again: ${errorMessage(error)}. The next run enables it.`
    )
  }
}

/**
 * The dataflow a concurrent run made, which stays: what if-exists says for one that exists. One
 * its run has not confirmed yet is left to that run (it takes the mark out, and deletes what it
 * replaced first): this run writes nothing to it.
 */
async function asFound(d: Deps, ask: Rehearsed, dataset: Dataset, survivor: ExistingFlow): Promise<Outcome> {
  const flow = await d.client.getFlow(survivor.id)
  if (flow === undefined) throw new ConflictError(`Dataflow ${survivor.id} vanished while this run converged on it; run again.`)
  const chain = await chainOf(d.client, flow, [], [])
  const decision = decideFor(chain, ask.wanted, d.clock.now())
  if (decision.kind === 'replace')
    throw new ConflictError(
      `Dataflow ${flow.id}, which another run created at the same time, reads another source or writes another dataset than these inputs ask for; run again to apply them.`
    )
  if (ownershipOf(flow.description, d.mark, d.clock.now()) === 'in-progress') {
    if (decision.kind === 'update')
      d.warn(`Dataflow ${flow.id} is still being created by another run: its settings are that run's; run again to apply these inputs.`)
    return { operation: 'reused', ...idsOf(chain), changes: [], flow, schedule: flow.schedule }
  }
  return carryOut(d, ask, dataset, decision, new Set())
}
