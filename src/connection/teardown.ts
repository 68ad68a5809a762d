// state: absent, the run's story: find the connection by name and spec; none is what was asked
// (absent); one is deleted unless a dataflow reads it, which the step names and keeps; two or
// more, a person decides. Probes of it that killed runs with verify left are deleted alongside:
// a teardown leaves nothing of the connection's behind. Nothing here is half done: the only write
// is the delete, and a delete answered 404 found it gone, as a concurrent teardown leaves it.

import type { RunContext } from '../platform/context.js'
import { ConflictError, errorMessage, isInUse } from '../platform/errors.js'
import type { Clock } from '../platform/retry.js'
import { quoted } from '../platform/text.js'
import type { ConnectionsClient } from './client.js'
import { decideRemoval, idList, readByDataflows } from './decide.js'
import { isLeftover, isProbeOf } from './probe.js'

export interface TeardownDeps {
  client: ConnectionsClient
  context: Promise<RunContext>
  clock: Clock
  log: (message: string) => void
  warn: (message: string) => void
}

export interface Removed {
  operation: 'deleted' | 'absent'
  /** The connection deleted. */
  id?: string
}

export async function removeConnection(d: TeardownDeps, wanted: { name: string; sandboxName: string; specId: string }): Promise<Removed> {
  const [found, probes] = await Promise.all([
    d.client.find(wanted.name, wanted.specId),
    d.client.findNamed(wanted.specId, (name) => isProbeOf(wanted.name, name))
  ])
  d.log(
    `Found ${found.length} connection(s) named ${quoted(wanted.name)} with spec ${wanted.specId} in sandbox ${quoted(wanted.sandboxName)}${idList(found)}.`
  )
  const decision = decideRemoval(found, wanted.name, wanted.sandboxName)
  if (decision.kind === 'fail') throw new ConflictError(decision.reason)
  await deleteLeftoverProbes(d, wanted.name, probes)
  if (decision.kind === 'absent') return { operation: 'absent' }
  const { target } = decision
  const kept = readByDataflows(target, await d.client.flowsReading(target.id))
  if (kept !== undefined) throw new ConflictError(kept)
  try {
    await d.client.delete(target.id)
  } catch (error) {
    // Between the question and the delete a dataflow may have begun to read it: Flow Service says so.
    if (isInUse(error))
      throw new ConflictError(`${errorMessage(error)} A dataflow began to read the connection while this step ran; nothing was deleted.`)
    throw error
  }
  d.log(`Deleted connection ${target.id} (${quoted(target.name)}).`)
  return { operation: 'deleted', id: target.id }
}

/** Probes whose run is over; another run's probe, in use now, is left to it (it deletes its own). */
async function deleteLeftoverProbes(
  d: TeardownDeps,
  name: string,
  probes: Awaited<ReturnType<ConnectionsClient['findNamed']>>
): Promise<void> {
  if (probes.length === 0) return
  const context = await d.context
  const leftovers = probes.filter((p) => isLeftover(p, name, context, d.clock.now()))
  await Promise.all(leftovers.map((p) => d.client.delete(p.id)))
  if (leftovers.length > 0)
    d.log(`Deleted ${leftovers.length} verification probe(s) that earlier runs left: ${leftovers.map((p) => p.id).join(', ')}.`)
  const inUse = probes.length - leftovers.length
  if (inUse > 0)
    d.warn(`${inUse} verification probe(s) of ${quoted(name)} belong to runs that may still be going; each is deleted by its own run.`)
}
