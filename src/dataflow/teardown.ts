// state: absent, the run's story: read what is named after the dataflow, ask who else uses its
// connections, decide once, then delete the dataflows (waiting until each is gone) and after them
// the connections. Every step finds what an earlier, stopped teardown left: a dataflow deleted
// twice answers 404 (gone, which is what was wanted), and connections named after the dataflow
// that nothing uses are deleted by the next teardown whatever stopped this one.

import { ConflictError, isInUse } from '../platform/errors.js'
import { sameId } from '../platform/server-values.js'
import { quoted } from '../platform/text.js'
import type { User } from '../platform/usage.js'
import type { Change } from './decide.js'
import type { Deps, Outcome } from './deps.js'
import { PART_NAMES, type PartKind } from './model.js'
import { observeNamed } from './observe.js'
import { decideRemoval, isNothing, type Removal } from './removal.js'

export interface TeardownAsk {
  name: string
  /** The guard: a dataflow of this name that reads another base connection is not deleted. */
  connectionId?: string
  /** Say what would be deleted; delete nothing. */
  plan: boolean
}

export async function removeDataflow(d: Deps, ask: TeardownAsk): Promise<Outcome> {
  const named = await observeNamed(d.client, ask.name)
  const users = await usersOfChainParts(d, named.chains)
  const decision = decideRemoval(named, users, ask.connectionId)
  if (decision.kind === 'fail') throw new ConflictError(decision.reason)
  d.log(
    `Found ${named.chains.length} dataflow(s) named ${quoted(ask.name)}${named.chains.length > 0 ? ` (${named.chains.map((c) => c.flow.id).join(', ')})` : ''} and ${decision.parts.length + decision.kept.length} connection(s) of it.`
  )
  if (isNothing(decision)) return { operation: 'absent', changes: decision.changes }
  if (ask.plan) return { operation: 'planned', ...outputsOf(decision), changes: decision.changes }
  await Promise.all(decision.flows.map(({ flow }) => d.client.deleteFlow(flow.id)))
  const stillUsed = (await Promise.all(decision.parts.map((part) => deletePart(d, part)))).flat()
  return {
    operation: 'deleted',
    ...outputsOf(decision),
    changes: [...decision.changes.filter((c) => !isStillUsed(c, stillUsed)), ...stillUsed]
  }
}

/** For each connection a dataflow of the name uses, every dataflow that uses it (asked together). */
async function usersOfChainParts(d: Deps, chains: Removal['flows']): Promise<Map<string, User[]>> {
  const parts = new Map<string, PartKind>()
  for (const chain of chains) {
    if (chain.source !== undefined) parts.set(chain.source.id.toLowerCase(), 'source')
    if (chain.target !== undefined) parts.set(chain.target.id.toLowerCase(), 'target')
  }
  const answers = await Promise.all([...parts].map(async ([id, kind]) => [id, await d.client.flowsUsing(kind, id)] as const))
  return new Map(answers)
}

/**
 * Deletes a connection the dataflows were made of. One a dataflow began to use meanwhile (Flow
 * Service's 1418-400) is kept, and said: the sandbox is as a teardown run now would leave it.
 */
async function deletePart(d: Deps, part: Removal['parts'][number]): Promise<Change[]> {
  try {
    await d.client.deletePart(part.kind, part.id)
    d.log(`Deleted ${PART_NAMES[part.kind]} ${part.id}: ${part.why}.`)
    return []
  } catch (error) {
    if (!isInUse(error)) throw error
    d.warn(`Kept ${PART_NAMES[part.kind]} ${part.id}: a dataflow began to use it while this step ran.`)
    return [{ action: 'keep', object: PART_NAMES[part.kind], from: part.id, note: 'a dataflow began to use it while this step ran' }]
  }
}

function isStillUsed(change: Change, kept: readonly Change[]): boolean {
  return (
    change.action === 'delete' &&
    kept.some((k) => typeof k.from === 'string' && typeof change.from === 'string' && sameId(k.from, change.from))
  )
}

/** The outputs of a teardown: the dataflow and connections it deletes, and the mapping set it leaves. */
function outputsOf(removal: Removal): Pick<Outcome, 'flowId' | 'sourceId' | 'targetId' | 'mapping'> {
  const [first] = removal.flows
  const [mapping] = removal.mappings
  const part = (kind: PartKind): string | undefined => removal.parts.find((p) => p.kind === kind)?.id
  const sourceId = part('source')
  const targetId = part('target')
  return {
    ...(first !== undefined && { flowId: first.flow.id }),
    ...(sourceId !== undefined && { sourceId }),
    ...(targetId !== undefined && { targetId }),
    ...(mapping !== undefined && { mapping })
  }
}
