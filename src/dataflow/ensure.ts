// The dataflow's story with the sandbox: read what exists (the dataset's schema, the dataflow and
// the parts it points at), validate the mapping, decide, and carry the decision out; then the
// sandbox holds one dataflow with this name, reading the source path into the dataset with this
// mapping and schedule. Independent requests go out together.

import { errorMessage } from '../platform/errors.js'
import { untilSeen, type LagDeps } from '../platform/lag.js'
import { sameId } from '../platform/server-values.js'
import { oneLine, quoted } from '../platform/text.js'
import type { DataflowClient, Dataset, ExistingFlow, Made, ValidationProblem } from './client.js'
import {
  decide,
  inPlace,
  startInPast,
  transformationOperation,
  type Chain,
  type Change,
  type Decision,
  type UpdateSteps,
  type Wanted
} from './decide.js'
import { sameMappings } from './mapping.js'
import { flowBody, mappingSetBody, partNames, sourceBody, targetBody, type PatchOperation } from './requests.js'

export type Operation = 'created' | 'updated' | 'reused' | 'replaced' | 'planned'

export interface Outcome {
  operation: Operation
  flowId?: string
  etag?: string
  sourceId?: string
  targetId?: string
  mapping?: { id: string; version: number }
  changes: Change[]
  /** When the run last wrote to the dataflow (epoch ms): a run started after it is this write's. */
  wroteAt?: number
}

export interface Deps extends LagDeps {
  client: DataflowClient
  /** Under the whole step's deadline: for deleting what a failed run made. */
  cleanup: DataflowClient
  log: (message: string) => void
  warn: (message: string) => void
}

export interface Ask {
  wanted: Wanted
  /** The description of what the run creates (the given one, or the run's default). */
  description: string
  plan: boolean
}

/** Without a start-time, a new dataflow starts this long after it is created. */
export const DEFAULT_START_DELAY_S = 60

export class MappingInvalidError extends Error {
  constructor(problems: readonly ValidationProblem[]) {
    const lines = problems.map(
      (p) =>
        `- ${[p.source !== undefined ? `source ${quoted(p.source)}` : '', p.destination !== undefined ? `destination ${quoted(p.destination)}` : ''].filter((s) => s !== '').join(' -> ') || 'mapping set'}: ${oneLine(p.message)}`
    )
    super(`Data Prep refused the mapping, so nothing was created or changed:\n${lines.join('\n')}`)
    this.name = 'MappingInvalidError'
  }
}

export class DataflowConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DataflowConflictError'
  }
}

export async function ensureDataflow(d: Deps, ask: Ask): Promise<Outcome> {
  const { wanted } = ask
  const [dataset, found] = await Promise.all([d.client.dataset(wanted.datasetId), d.client.findFlows(wanted.name)])
  d.log(
    `Dataset ${dataset.id} (${quoted(dataset.name)}) has schema ${dataset.schemaId}; found ${found.length} dataflow(s) named ${quoted(wanted.name)}${found.length > 0 ? ` (${found.map((f) => f.id).join(', ')})` : ''}.`
  )
  const [chains] = await Promise.all([Promise.all(found.map((flow) => readChain(d.client, flow))), validate(d, dataset, wanted)])
  const decision = decide(chains, wanted)
  if (ask.plan) return planned(decision)
  return carryOut(d, ask, dataset, decision, found)
}

async function carryOut(d: Deps, ask: Ask, dataset: Dataset, decision: Decision, found: readonly ExistingFlow[]): Promise<Outcome> {
  switch (decision.kind) {
    case 'fail':
      throw new DataflowConflictError(decision.reason)
    case 'reuse':
      return { operation: 'reused', ...idsOf(decision.chain), changes: decision.changes }
    case 'update':
      return update(d, ask, dataset, decision.chain, decision.steps, decision.changes)
    case 'create':
      return createAndConverge(d, ask, dataset, found, decision.changes)
    case 'replace':
      return replace(d, ask, dataset, decision.chain, decision.changes)
  }
}

/** Reads the parts a dataflow points at, together. */
/** Reads the parts a dataflow points at, together. */
async function readChain(client: DataflowClient, flow: ExistingFlow): Promise<Chain> {
  const [source, target, mapping] = await Promise.all([
    flow.sourceConnectionId !== undefined ? client.getSource(flow.sourceConnectionId) : undefined,
    flow.targetConnectionId !== undefined ? client.getTarget(flow.targetConnectionId) : undefined,
    flow.mapping !== undefined ? client.getMapping(flow.mapping.id, flow.mapping.version) : undefined
  ])
  return {
    flow,
    ...(source !== undefined && { source }),
    ...(target !== undefined && { target }),
    ...(mapping !== undefined && { mapping })
  }
}

async function validate(d: Deps, dataset: Dataset, wanted: Wanted): Promise<void> {
  if (wanted.mappings === undefined) return
  const problems = await d.client.validate(mappingSetBody(dataset.schemaId, wanted.mappings))
  if (problems.length > 0) throw new MappingInvalidError(problems)
  d.log(`Data Prep validated the mapping: ${wanted.mappings.length} mapping(s) into schema ${dataset.schemaId}.`)
}

function planned(decision: Decision): Outcome {
  if (decision.kind === 'fail') throw new DataflowConflictError(decision.reason)
  return { operation: 'planned', ...(decision.kind !== 'create' && idsOf(decision.chain)), changes: decision.changes }
}

// ---- update -----------------------------------------------------------------------------------

async function update(d: Deps, ask: Ask, dataset: Dataset, chain: Chain, steps: UpdateSteps, changes: Change[]): Promise<Outcome> {
  const { flow } = chain
  const mapping = await writeMapping(d, ask, dataset, steps)
  let current = flow
  let operations = patchOperations(steps, mapping)
  let etag = flow.etag
  for (let attempt = 1; operations.length > 0; attempt++) {
    const result = await d.client.patchFlow(current.id, current.etag, operations)
    if (result !== 'stale') {
      etag = result.etag
      break
    }
    if (attempt === 2) {
      throw new DataflowConflictError(
        `Dataflow ${flow.id} (${quoted(ask.wanted.name)}) changed again while this run updated it (412 twice); something else is writing to it. Run again when it is done.`
      )
    }
    // Another writer, or this run's own earlier attempt whose answer was lost: read it again and rebuild the PATCH.
    d.log(`Dataflow ${flow.id}'s etag is no longer the one read (412): reading it again and retrying once.`)
    const fresh = await d.client.getFlow(flow.id)
    if (fresh === undefined) throw new DataflowConflictError(`Dataflow ${flow.id} was deleted while this run updated it.`)
    current = fresh
    const again = inPlace({ ...chain, flow: fresh }, ask.wanted).steps
    operations = patchOperations({ ...again, ...(steps.mapping !== undefined && { mapping: steps.mapping }) }, mapping)
  }
  if (steps.enable !== undefined) etag = (await d.client.setEnabled(flow.id, steps.enable)).etag
  return { operation: 'updated', ...idsOf(chain), etag, ...(mapping !== undefined && { mapping }), changes, wroteAt: d.clock.now() }
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

// ---- create -----------------------------------------------------------------------------------

interface Built {
  flow: Made
  source: Made
  target: Made
  mapping?: { id: string; version: number }
}

/** Source connection, target connection and mapping set together, then the dataflow. */
async function build(
  d: Deps,
  ask: Ask,
  dataset: Dataset,
  knownFlows: ReadonlySet<string>,
  reuseMapping?: { id: string; version: number }
): Promise<Built> {
  const { wanted } = ask
  const startedAt = d.clock.now()
  if (startInPast(wanted.schedule, startedAt)) {
    throw new DataflowConflictError(
      `Input 'start-time' (${new Date((wanted.schedule.startTime ?? 0) * 1000).toISOString()}) has passed, and a dataflow cannot be created to start in the past; give a later one, or leave it empty (60 s from now).`
    )
  }
  const names = partNames(wanted.name)
  // A create whose answer was lost: one of this name made since the run began is taken as its own.
  const madeSince = (items: { id: string; createdAt?: number }[]): string | undefined =>
    items
      .filter((i) => i.createdAt === undefined || i.createdAt >= startedAt - 60_000)
      .sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0))[0]?.id
  const [source, target, mapping] = await Promise.allSettled([
    d.client.createSource(sourceBody(wanted.source, wanted.baseConnectionId, names.source, ask.description), async () =>
      madeSince(await d.client.findSources(names.source, wanted.baseConnectionId))
    ),
    d.client.createTarget(targetBody(wanted.datasetId, dataset.schemaId, names.target, ask.description), async () =>
      madeSince(await d.client.findTargets(names.target, wanted.datasetId))
    ),
    wanted.mappings === undefined ? undefined : (reuseMapping ?? d.client.createMapping(mappingSetBody(dataset.schemaId, wanted.mappings)))
  ])
  if (source.status === 'rejected' || target.status === 'rejected' || mapping.status === 'rejected') {
    // What was made for a dataflow that will not be made goes: a failed run leaves nothing behind.
    await removeParts(d, [...partOf('source', source), ...partOf('target', target)])
    const failed: unknown[] = [source, target, mapping].flatMap((r): unknown[] => (r.status === 'rejected' ? [r.reason] : []))
    throw failed[0]
  }
  const parts = { source: source.value, target: target.value, mapping: mapping.value }
  const startTime = wanted.schedule.startTime ?? Math.floor(d.clock.now() / 1000) + DEFAULT_START_DELAY_S
  const ids = { source: parts.source.id, target: parts.target.id, ...(parts.mapping !== undefined && { mapping: parts.mapping }) }
  const body = flowBody(wanted, ask.description, ids, { ...wanted.schedule, startTime })
  try {
    // Only a source connection this run created proves a dataflow reading it this run's own.
    const ownSource = parts.source.kind === 'created' ? parts.source.id : undefined
    const flow = await d.client.createFlow(body, () => lookForLostFlow(d, wanted.name, knownFlows, ownSource))
    return { flow, source: parts.source, target: parts.target, ...(parts.mapping !== undefined && { mapping: parts.mapping }) }
  } catch (error) {
    await removeParts(d, [
      { kind: 'source', made: parts.source },
      { kind: 'target', made: parts.target }
    ])
    throw error
  }
}

async function createAndConverge(d: Deps, ask: Ask, dataset: Dataset, found: readonly ExistingFlow[], changes: Change[]): Promise<Outcome> {
  const known = new Set(found.map((f) => f.id.toLowerCase()))
  const built = await build(d, ask, dataset, known)
  const adopted = built.flow.kind === 'adopted' ? await d.client.getFlow(built.flow.id) : undefined
  // A dataflow that reads the source connection this run created is this run's create, whose answer was lost.
  const readsOwnSource =
    adopted !== undefined && built.source.kind === 'created' && sameId(adopted.sourceConnectionId ?? '', built.source.id)
  if (built.flow.kind === 'adopted' && !readsOwnSource) {
    d.log(
      `Dataflow ${built.flow.id} appeared after this run's lookup, while the outcome of its create was unknown, and it does not read a source connection this run created, so it cannot be proven this run's: treating it as found, and deleting the connections this run created that it does not use.`
    )
    const used = new Set([adopted?.sourceConnectionId, adopted?.targetConnectionId].map((id) => id?.toLowerCase()))
    const parts: Part[] = [
      { kind: 'source', made: built.source },
      { kind: 'target', made: built.target }
    ]
    await removeParts(
      d,
      parts.filter((part) => !used.has(part.made.id.toLowerCase()))
    )
    return asFound(d, ask, dataset, built.flow.id)
  }
  const own = built.flow.id
  if (built.flow.kind === 'adopted') {
    d.log(
      `Dataflow ${own} appeared after this run's lookup, while the outcome of its create was unknown: it reads this run's source connection, so it is this run's own.`
    )
  }
  const listed = await listWithOwn(d, ask.wanted.name, own)
  const survivor = [...listed].sort(
    (a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity) || (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1)
  )[0]
  if (survivor !== undefined && !sameId(survivor.id, own)) {
    d.log(
      `${listed.length} dataflows named ${quoted(ask.wanted.name)} exist now: another run created one at the same time. Keeping the oldest, ${survivor.id}, and deleting this run's ${own} and its connections.`
    )
    await d.client.deleteFlow(own)
    await removeParts(d, [
      { kind: 'source', made: built.source },
      { kind: 'target', made: built.target }
    ])
    return asFound(d, ask, dataset, survivor.id)
  }
  d.log(
    `Created dataflow ${own} with source connection ${built.source.id}, target connection ${built.target.id}${built.mapping !== undefined ? ` and mapping set ${built.mapping.id} version ${built.mapping.version}` : ''}.`
  )
  return finish(d, ask, built, 'created', changes)
}

/** A dataflow this run did not (provably) make: what if-exists says for one that exists. */
async function asFound(d: Deps, ask: Ask, dataset: Dataset, flowId: string): Promise<Outcome> {
  const flow = await d.client.getFlow(flowId)
  if (flow === undefined) throw new DataflowConflictError(`Dataflow ${flowId} vanished while this run converged on it; run again.`)
  const decision = decide([await readChain(d.client, flow)], ask.wanted)
  if (decision.kind === 'create') throw new DataflowConflictError(`Dataflow ${flowId} could not be read as found; run again.`)
  return carryOut(d, ask, dataset, decision, [flow])
}

/**
 * Every same-named dataflow, listed until this run's own shows (the list may lag). When it never
 * does, its own is read to learn its creation time; without one, it is kept: a run that cannot
 * date its dataflow never deletes it, for the other run may be deleting its own.
 */
async function listWithOwn(d: Deps, name: string, own: string): Promise<ExistingFlow[]> {
  const { last, seen } = await untilSeen(
    d,
    () => d.client.findFlows(name),
    (listed) => listed.some((f) => sameId(f.id, own))
  )
  if (seen) return last
  const read = await d.client.getFlow(own)
  if (read === undefined) {
    if (last.length > 0) return last
    throw new DataflowConflictError(
      `Dataflow ${own} was deleted while this run converged on ${quoted(name)}, and no other shows; run again.`
    )
  }
  d.warn(
    `Dataflow ${own} does not show in GET /flows yet: ${
      read.createdAt === undefined
        ? `its creation time is unknown, so it is kept, even if another run created ${quoted(name)} at the same time.`
        : `it is compared by creation time with the ${last.length} listed.`
    }`
  )
  return read.createdAt === undefined ? [read] : [...last, read]
}

/**
 * After a create whose outcome is unknown: the dataflow of this name that appeared since the
 * lookup. The one reading `ownSource` (created by this run alone) is this run's, and is looked for
 * as long as a lagging list may hide it, even when another run's shows first; else the oldest.
 */
async function lookForLostFlow(
  d: Deps,
  name: string,
  known: ReadonlySet<string>,
  ownSource: string | undefined
): Promise<string | undefined> {
  const look = async (): Promise<ExistingFlow[]> => (await d.client.findFlows(name)).filter((f) => !known.has(f.id.toLowerCase()))
  const readsOwn = (f: ExistingFlow): boolean => ownSource !== undefined && sameId(f.sourceConnectionId ?? '', ownSource)
  const { last } = await untilSeen(d, look, (appeared) => (ownSource === undefined ? appeared.length > 0 : appeared.some(readsOwn)))
  const own = last.find(readsOwn)
  const oldest = [...last].sort((a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity))[0]
  const adopted = own ?? oldest
  if (adopted !== undefined) return adopted.id
  d.log(`No dataflow named ${quoted(name)} appeared after the create whose outcome is unknown: sending it again.`)
  return undefined
}

// ---- replace ----------------------------------------------------------------------------------

/** The new chain first; only once the new dataflow exists do the old dataflow and then its connections go. */
async function replace(d: Deps, ask: Ask, dataset: Dataset, old: Chain, changes: Change[]): Promise<Outcome> {
  // The mapping set carries over when it still fits: the same schema and the same mappings.
  const { mapping: oldMapping } = old.flow
  const fits =
    oldMapping !== undefined &&
    old.mapping !== undefined &&
    ask.wanted.mappings !== undefined &&
    old.target?.schemaId === dataset.schemaId &&
    sameMappings(old.mapping.mappings, ask.wanted.mappings)
  const built = await build(
    d,
    ask,
    dataset,
    new Set([old.flow.id.toLowerCase()]),
    fits ? { id: oldMapping.id, version: oldMapping.version } : undefined
  )
  d.log(`Built the replacement, dataflow ${built.flow.id}; deleting the old dataflow ${old.flow.id}, then its connections.`)
  await d.client.deleteFlow(old.flow.id)
  await Promise.all([
    old.source !== undefined ? d.client.deleteSource(old.source.id) : undefined,
    old.target !== undefined ? d.client.deleteTarget(old.target.id) : undefined
  ])
  return finish(d, ask, built, 'replaced', changes)
}

/** A new dataflow made: disabled when the inputs say so (new ones start enabled), and its outcome. */
async function finish(d: Deps, ask: Ask, built: Built, operation: 'created' | 'replaced', changes: Change[]): Promise<Outcome> {
  let etag = await etagOf(d, built.flow)
  if (!ask.wanted.enabled) etag = (await d.client.setEnabled(built.flow.id, false)).etag
  return {
    operation,
    flowId: built.flow.id,
    ...(etag !== undefined && { etag }),
    sourceId: built.source.id,
    targetId: built.target.id,
    ...(built.mapping !== undefined && { mapping: built.mapping }),
    changes,
    wroteAt: d.clock.now()
  }
}

// ---- helpers ----------------------------------------------------------------------------------

interface Part {
  kind: 'source' | 'target'
  made: Made
}

function partOf(kind: Part['kind'], result: PromiseSettledResult<Made>): Part[] {
  return result.status === 'fulfilled' ? [{ kind, made: result.value }] : []
}

/** Deletes the connections this run made (never adopted ones, which may be another run's); failures are reported. */
async function removeParts(d: Deps, parts: readonly Part[]): Promise<void> {
  await Promise.all(
    parts.map(async ({ kind, made }) => {
      if (made.kind !== 'created') return
      try {
        await (kind === 'source' ? d.cleanup.deleteSource(made.id) : d.cleanup.deleteTarget(made.id))
      } catch (error) {
        d.warn(`Could not delete ${kind} connection ${made.id}, made by this run; delete it by hand: ${errorMessage(error)}`)
      }
    })
  )
}

/** The create answer's etag, or the dataflow's read back when the answer had none. */
async function etagOf(d: Deps, made: Made): Promise<string | undefined> {
  if (made.kind === 'created' && made.etag !== undefined) return made.etag
  return (await d.client.getFlow(made.id))?.etag
}

function idsOf(chain: Chain): Pick<Outcome, 'flowId' | 'etag' | 'sourceId' | 'targetId' | 'mapping'> {
  const { flow } = chain
  return {
    flowId: flow.id,
    etag: flow.etag,
    ...(flow.sourceConnectionId !== undefined && { sourceId: flow.sourceConnectionId }),
    ...(flow.targetConnectionId !== undefined && { targetId: flow.targetConnectionId }),
    ...(flow.mapping !== undefined && { mapping: { id: flow.mapping.id, version: flow.mapping.version } })
  }
}

export function describeChange(c: Change): string {
  const what = [c.object, c.field].filter((p) => p !== undefined).join(' ')
  const values = c.from !== undefined || c.to !== undefined ? `: ${JSON.stringify(c.from ?? null)} -> ${JSON.stringify(c.to ?? null)}` : ''
  return `${c.action} ${what}${values}${c.note !== undefined ? ` (${c.note})` : ''}`
}
