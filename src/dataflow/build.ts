// A new dataflow, for a create or a replacement: its source connection, target connection and
// mapping set, then the dataflow, each carrying the run's mark; then the convergence with runs
// that made one at the same time (every run keeps the oldest); then the commit that takes the
// marks out. Until the commit, a failure or a cancellation deletes again what was made; a run
// killed before it leaves marked parts that a later run finishes or removes.

import type { PatchOperation, Written } from '../platform/api.js'
import { listWithOwn, survivorOf } from '../platform/converge.js'
import { ConflictError, errorMessage, mayHaveTakenEffect } from '../platform/errors.js'
import { MAX_DESCRIPTION_LENGTH } from '../platform/input-reader.js'
import { untilSeen } from '../platform/lag.js'
import { cleanText, markIn, successorIn, withMark } from '../platform/ownership.js'
import { sameId } from '../platform/server-values.js'
import { takeMarkOut, type MarkedItem } from '../platform/unmark.js'
import { quoted } from '../platform/text.js'
import type { DataflowClient } from './client.js'
import { startTimeProblem } from './checks.js'
import { normalPath } from './decide.js'
import type { Ask, Deps, Rehearsed } from './deps.js'
import { PART_NAMES, type Dataset, type ExistingFlow, type ExistingPart, type Made, type PartKind } from './model.js'
import { flowBody, mappingSetBody, partNames, sourceBody, targetBody, type FlowBody } from './requests.js'

/** Without a start-time, a new dataflow starts this long after it is created. */
export const DEFAULT_START_DELAY_S = 60

/** What a run has made of a new chain so far: what a failure deletes again. */
export interface Making {
  source?: Made
  target?: Made
  flow?: Made
  /** A create was sent and its outcome never learnt: looked for by the run's mark when undoing. */
  uncertain: Set<PartKind | 'flow'>
  /** A create whose answer was lost and that was sent again: it may have taken effect twice. */
  resent: Set<PartKind | 'flow'>
  mapping?: { id: string; version: number }
}

export interface Built {
  flow: Made
  source: Made
  target: Made
  mapping?: { id: string; version: number }
  /** The start time (epoch s) the dataflow was created with: its create's last attempt's. */
  startTime: number
}

/** Source connection, target connection and mapping set together, then the dataflow; each marked with the run's mark. */
export async function build(
  d: Deps,
  ask: Rehearsed,
  dataset: Dataset,
  making: Making,
  reuseMapping?: { id: string; version: number }
): Promise<Built> {
  const { wanted } = ask
  // Rehearsed already; said again if the start time passed while the run went on.
  const late = startTimeProblem(wanted.schedule, d.clock.now())
  if (late !== undefined) throw new ConflictError(late)
  const names = partNames(wanted.name)
  const description = withMark(ask.description, d.mark, MAX_DESCRIPTION_LENGTH)
  const source = sourceBody(wanted.source, wanted.baseConnectionId, names.source, description, ask.sourceType)
  const target = targetBody(wanted.datasetId, dataset.schemaId, names.target, description)
  const [madeSource, madeTarget, mapping] = await Promise.allSettled([
    tracked(making, 'source', () =>
      d.client.createPart('source', source, () => lookForOwnPart(d, 'source', names.source, (p) => samePlace(p, source)))
    ),
    tracked(making, 'target', () =>
      d.client.createPart('target', target, () =>
        lookForOwnPart(d, 'target', names.target, (p) => 'datasetId' in p && p.datasetId === wanted.datasetId)
      )
    ),
    wanted.mappings === undefined ? undefined : (reuseMapping ?? d.client.createMapping(mappingSetBody(dataset.schemaId, wanted.mappings)))
  ])
  if (mapping.status === 'fulfilled' && mapping.value !== undefined) making.mapping = mapping.value
  if (madeSource.status === 'rejected') throw madeSource.reason
  if (madeTarget.status === 'rejected') throw madeTarget.reason
  if (mapping.status === 'rejected') throw mapping.reason
  const ids = {
    source: madeSource.value.id,
    target: madeTarget.value.id,
    ...(mapping.value !== undefined && { mapping: mapping.value })
  }
  let startTime = 0
  const body = (): FlowBody => {
    // Computed for each attempt: a start time must not have passed when the create arrives.
    startTime = wanted.schedule.startTime ?? Math.floor(d.clock.now() / 1000) + DEFAULT_START_DELAY_S
    return flowBody(wanted, description, ids, { ...wanted.schedule, startTime })
  }
  const flow = await tracked(making, 'flow', () =>
    d.client.createFlow(body, () => resentUnless(making, 'flow', lookForOwnFlow(d, wanted.name, ids.source)))
  )
  return {
    startTime,
    flow,
    source: madeSource.value,
    target: madeTarget.value,
    ...(mapping.value !== undefined && { mapping: mapping.value })
  }
}

/** Records a create in `making` as it goes: made, or uncertain when it was sent and its outcome never learnt. */
async function tracked(making: Making, kind: PartKind | 'flow', create: () => Promise<Made>): Promise<Made> {
  try {
    const made = await create()
    making[kind] = made
    return made
  } catch (error) {
    if (mayHaveTakenEffect(error)) making.uncertain.add(kind)
    throw error
  }
}

/** What a lookup after a lost answer found; when it found nothing, the create is sent again, and that is noted. */
async function resentUnless(making: Making, kind: PartKind | 'flow', found: Promise<string | undefined>): Promise<string | undefined> {
  const id = await found
  if (id === undefined) making.resent.add(kind)
  return id
}

function samePlace(part: ExistingPart, body: ReturnType<typeof sourceBody>): boolean {
  return 'path' in part && sameId(part.baseConnectionId, body.baseConnectionId) && normalPath(part.path) === normalPath(body.params.path)
}

/**
 * After a create whose outcome is unknown: the connection of this name that carries this run's
 * mark and reads or writes what the create asked for, looked for as long as a list may lag (a
 * concurrent run's may show first); undefined, and the create is sent again.
 */
async function lookForOwnPart(d: Deps, kind: PartKind, name: string, same: (part: ExistingPart) => boolean): Promise<string | undefined> {
  const own = (p: ExistingPart): boolean => markIn(p.description)?.token === d.mark.token && same(p)
  const look = (): Promise<ExistingPart[]> => (kind === 'source' ? d.client.findParts('source', name) : d.client.findParts('target', name))
  const { last } = await untilSeen(d, look, (parts) => parts.some(own))
  const found = last.find(own)
  d.log(
    found !== undefined
      ? `The ${PART_NAMES[kind]} ${found.id} with this run's mark appeared after its create's answer was lost: it is this run's.`
      : `No ${PART_NAMES[kind]} with this run's mark appeared after the create whose outcome is unknown: sending it again.`
  )
  return found?.id
}

/** After a dataflow create whose outcome is unknown: the dataflow with this run's mark reading this run's source connection. */
async function lookForOwnFlow(d: Deps, name: string, sourceId: string): Promise<string | undefined> {
  const own = (f: ExistingFlow): boolean => markIn(f.description)?.token === d.mark.token && sameId(f.sourceConnectionId ?? '', sourceId)
  const { last } = await untilSeen(
    d,
    () => d.client.findFlows(name),
    (flows) => flows.some(own)
  )
  const found = last.find(own)
  d.log(
    found !== undefined
      ? `Dataflow ${found.id} with this run's mark appeared after its create's answer was lost: it is this run's.`
      : `No dataflow with this run's mark appeared after the create whose outcome is unknown: sending it again.`
  )
  return found?.id
}

// ---- convergence ------------------------------------------------------------------------------

export type Convergence = { kind: 'won' } | { kind: 'lost'; survivor: ExistingFlow }

/**
 * Every dataflow named so but the ones the run set aside (the one a replacement replaces, those
 * it deleted): the oldest stays. The connections' marks come out meanwhile (a loser deletes them
 * all the same); the dataflow's only once it has won, so that no moment shows two confirmed ones.
 */
export async function converge(d: Deps, ask: Ask, built: Built, setAside: ReadonlySet<string>): Promise<Convergence> {
  const own = built.flow.id
  const [listed] = await Promise.all([
    listWithOwn(
      d,
      () => d.client.findFlows(ask.wanted.name),
      own,
      () => d.client.getFlow(own)
    ),
    unmarkPart(d, 'source', built.source, ask.description),
    unmarkPart(d, 'target', built.target, ask.description)
  ])
  if (listed.kind === 'undated') {
    d.warn(
      `Dataflow ${own} does not show in GET /flows yet, and has no creation time: it is kept, even if another run created ${quoted(ask.wanted.name)} at the same time.`
    )
    return { kind: 'won' }
  }
  // Copies of this run's own (a create sent again after a lost answer) are not candidates: they go.
  const copy = (f: ExistingFlow): boolean => markIn(f.description)?.token === d.mark.token && !sameId(f.id, own)
  const candidates = listed.items.filter((f) => !setAside.has(f.id.toLowerCase()) && successorIn(f.description) === undefined && !copy(f))
  if (listed.kind === 'gone' && candidates.length === 0)
    throw new ConflictError(
      `Dataflow ${own} was deleted while this run converged on ${quoted(ask.wanted.name)}, and no other shows; run again.`
    )
  if (listed.kind === 'listed' && listed.lagging)
    d.warn(`Dataflow ${own} does not show in GET /flows yet: it is compared by creation time with the ${listed.items.length - 1} listed.`)
  const survivor = survivorOf(candidates)
  return survivor === undefined || sameId(survivor.id, own) ? { kind: 'won' } : { kind: 'lost', survivor }
}

/** Takes the run's mark out of a connection it made; when it cannot, the next run does (it is in use by the dataflow). */
async function unmarkPart(d: Deps, kind: PartKind, made: Made, description: string): Promise<void> {
  try {
    await unmark(d, { id: made.id, ...(made.kind === 'created' && made.etag !== undefined && { etag: made.etag }) }, description, {
      read: async () => (kind === 'source' ? d.client.getPart('source', made.id) : d.client.getPart('target', made.id)),
      patch: (etag, ops) => d.client.patchPart(kind, made.id, etag, ops)
    })
  } catch (error) {
    d.warn(`The ${PART_NAMES[kind]} ${made.id} still carries this run's mark: ${errorMessage(error)}. The next run takes it out.`)
  }
}

/** How many times a mark's PATCH may meet another writer (412) before it gives up. */
const UNMARK_ATTEMPTS = 4

/**
 * PATCHes the description without the run's mark (the core's takeMarkOut: read again on a 412,
 * left alone once the mark is no longer this run's): what was written, or undefined then.
 */
export async function unmark(
  d: Pick<Deps, 'mark'>,
  item: { id: string; etag?: string },
  description: string,
  io: { read: () => Promise<MarkedItem | undefined>; patch: (etag: string, ops: PatchOperation[]) => Promise<Written | 'stale'> }
): Promise<Written | undefined> {
  const result = await takeMarkOut(d.mark, item.etag, {
    read: io.read,
    write: (etag) => io.patch(etag, [{ op: 'replace', path: '/description', value: cleanText(description) }]),
    attempts: UNMARK_ATTEMPTS
  })
  return result.kind === 'written' ? result.written : undefined
}

// ---- undoing ----------------------------------------------------------------------------------

/**
 * A create sent again after its answer was lost may have taken effect twice: every copy carries
 * this run's mark, and all but the one the run uses are deleted (the dataflow's first: a copy of
 * it reads this run's source connection).
 */
export async function deleteCopies(d: Deps, making: Making, name: string): Promise<void> {
  if (making.resent.size === 0) return
  const names = partNames(name)
  const own = (item: { id: string; description?: string }, used: string | undefined): boolean =>
    markIn(item.description)?.token === d.mark.token && !sameId(item.id, used ?? '')
  if (making.resent.has('flow')) {
    const copies = (await d.client.findFlows(name)).filter((f) => own(f, making.flow?.id))
    await Promise.all(copies.map((f) => tryDelete(d, PART_NAMES.flow, f.id, () => d.cleanup.deleteFlow(f.id))))
  }
  await Promise.all(
    (['source', 'target'] as const)
      .filter((kind) => making.resent.has(kind))
      .map(async (kind) => {
        const listed: ExistingPart[] =
          kind === 'source' ? await d.client.findParts('source', names.source) : await d.client.findParts('target', names.target)
        const copies = listed.filter((p) => own(p, making[kind]?.id))
        if (copies.length > 0)
          d.log(
            `This run's ${PART_NAMES[kind]} create took effect more than once after a lost answer: deleting the copies (${copies.map((c) => c.id).join(', ')}).`
          )
        await Promise.all(copies.map((c) => tryDelete(d, PART_NAMES[kind], c.id, () => d.cleanup.deletePart(kind, c.id))))
      })
  )
}

/**
 * Deletes what the run made of a chain that will not be kept: the dataflow first (waiting until
 * it is gone), then its connections. A create whose outcome is unknown is looked for by the mark.
 * What cannot be deleted is said in a warning, and left marked for a later run.
 */
export async function undo(d: Deps, making: Making, name: string): Promise<void> {
  const client = d.cleanup
  const flow = making.flow?.id ?? (making.uncertain.has('flow') ? await findMarked(d, client, 'flow', name) : undefined)
  if (flow !== undefined && !(await tryDelete(d, PART_NAMES.flow, flow, () => client.deleteFlow(flow)))) return
  await Promise.all(
    (['source', 'target'] as const).map(async (kind) => {
      const id = making[kind]?.id ?? (making.uncertain.has(kind) ? await findMarked(d, client, kind, name) : undefined)
      if (id !== undefined) await tryDelete(d, PART_NAMES[kind], id, () => client.deletePart(kind, id))
    })
  )
}

/** A create whose outcome is unknown, found by the run's mark: then it is known to be this run's. */
async function findMarked(d: Deps, client: DataflowClient, kind: PartKind | 'flow', name: string): Promise<string | undefined> {
  const names = partNames(name)
  try {
    const items: { id: string; description?: string }[] =
      kind === 'flow'
        ? await client.findFlows(name)
        : kind === 'source'
          ? await client.findParts('source', names.source)
          : await client.findParts('target', names.target)
    const found = items.find((i) => markIn(i.description)?.token === d.mark.token)?.id
    if (found !== undefined) d.ledger.made(PART_NAMES[kind], found)
    return found
  } catch (error) {
    d.warn(`Could not look for a ${PART_NAMES[kind]} this run may have made: ${errorMessage(error)}`)
    return undefined
  }
}

async function tryDelete(d: Deps, what: string, id: string, remove: () => Promise<void>): Promise<boolean> {
  try {
    await remove()
    return true
  } catch (error) {
    d.warn(
      `Could not delete ${what} ${id}, made by this run: ${errorMessage(error)}. It carries this run's mark; a later run with this dataflow-name removes it.`
    )
    return false
  }
}
