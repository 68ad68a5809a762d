// What runs that are over left, finished or removed before (and beside) this run's own work: the
// dataflow a replacement replaced, a killed run's dataflow the inputs do not ask for, connections
// no dataflow uses; and marks on the parts of the dataflow that stays. Only the record that a
// dataflow is replaced must be written before the run goes on; the deletions run beside the rest
// of the work, and one that fails is said in a warning: the next run tries again.

import { errorMessage } from '../platform/errors.js'
import { MAX_DESCRIPTION_LENGTH } from '../platform/input-reader.js'
import { cleanText, markIn, successorIn, withRetirement } from '../platform/ownership.js'
import { sameId } from '../platform/server-values.js'
import type { Chain, Leftovers } from './decide.js'
import type { Deps } from './deps.js'
import { PART_NAMES, type ExistingFlow, type ExistingPart, type PartKind } from './model.js'

/** Writes what must come first, then starts the deletions: `deleted` settles once they are done (never rejects). */
export async function clearLeftovers(d: Deps, leftovers: Leftovers): Promise<{ deleted: Promise<void> }> {
  const { adopted } = leftovers
  const committedOld = leftovers.removed.filter(({ chain }) => isCommitted(chain.flow))
  if (adopted !== undefined) await Promise.all(committedOld.map(({ chain }) => retire(d, chain.flow, adopted.flow.id)))
  const deleted = Promise.all([
    ...leftovers.removed.map(({ chain, why }) => removeChain(d, chain, why)),
    ...leftovers.orphans.map(({ kind, part }) => removePart(d, kind, part.id, 'no dataflow uses it; an earlier run left it')),
    ...leftovers.unmarked.map(({ kind, part }) => confirmPart(d, kind, part))
  ]).then(() => undefined)
  return { deleted }
}

function isCommitted(flow: ExistingFlow): boolean {
  return markIn(flow.description) === undefined && successorIn(flow.description) === undefined
}

/**
 * Records in the old dataflow's description that `successorId` replaces it. Once written, every
 * later run deletes it rather than count it: the swap is committed, whatever happens next.
 */
export async function retire(d: Deps, flow: ExistingFlow, successorId: string): Promise<void> {
  let current: ExistingFlow | undefined = flow
  for (let attempt = 1; attempt <= 3 && current !== undefined; attempt++) {
    if (sameId(successorIn(current.description) ?? '', successorId)) return
    const value = withRetirement(current.description ?? '', successorId, MAX_DESCRIPTION_LENGTH)
    const op = current.description === undefined ? 'add' : 'replace'
    const result = await d.client.patchFlow(current.id, current.etag, [{ op, path: '/description', value }])
    if (result !== 'stale') return
    current = await d.client.getFlow(flow.id)
  }
  if (current === undefined) return
  throw new Error(`dataflow ${flow.id} kept changing while this run recorded that ${successorId} replaces it`)
}

/** Deletes a dataflow (waiting until it is gone), then the connections it was made of. */
async function removeChain(d: Deps, chain: Chain, why: string): Promise<void> {
  try {
    await d.cleanup.deleteFlow(chain.flow.id)
    d.log(`Deleted dataflow ${chain.flow.id}: ${why}.`)
  } catch (error) {
    d.warn(`Could not delete dataflow ${chain.flow.id} (${why}): ${errorMessage(error)}. The next run tries again.`)
    return
  }
  const parts: [PartKind, ExistingPart | undefined][] = [
    ['source', chain.source],
    ['target', chain.target]
  ]
  await Promise.all(
    parts.flatMap(([kind, part]) => (part !== undefined ? [removePart(d, kind, part.id, `dataflow ${chain.flow.id} was made of it`)] : []))
  )
}

async function removePart(d: Deps, kind: PartKind, id: string, why: string): Promise<void> {
  try {
    await d.cleanup.deletePart(kind, id)
    d.log(`Deleted ${PART_NAMES[kind]} ${id}: ${why}.`)
  } catch (error) {
    d.warn(`Could not delete ${PART_NAMES[kind]} ${id} (${why}): ${errorMessage(error)}. The next run tries again.`)
  }
}

/** A connection of the dataflow that stays, marked by a run that was stopped: its mark comes out. */
async function confirmPart(d: Deps, kind: PartKind, part: ExistingPart): Promise<void> {
  const clean = cleanText(part.description ?? '')
  try {
    const etag = part.etag ?? (await readPart(d, kind, part.id))?.etag
    if (etag === undefined) return
    await d.client.patchPart(kind, part.id, etag, [{ op: 'replace', path: '/description', value: clean }])
    d.log(`Took the mark of a run that was stopped out of ${PART_NAMES[kind]} ${part.id}: the dataflow that stays uses it.`)
  } catch (error) {
    d.warn(`Could not take the mark out of ${PART_NAMES[kind]} ${part.id}: ${errorMessage(error)}. The next run tries again.`)
  }
}

function readPart(d: Deps, kind: PartKind, id: string): Promise<ExistingPart | undefined> {
  return kind === 'source' ? d.client.getPart('source', id) : d.client.getPart('target', id)
}
