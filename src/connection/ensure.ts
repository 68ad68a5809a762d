// The run's story with the sandbox: look up, decide, prove the credentials before any write,
// write, and converge with concurrent runs; then the sandbox holds one connection with this
// name and spec, holding the credentials the workflow gave. A failed run changes nothing it
// cannot undo: what it made (a probe, a connection that failed verification) it deletes.

import { randomBytes } from 'node:crypto'
import { ApiError, errorMessage } from '../platform/errors.js'
import type { ExploreEntry } from '../platform/explore.js'
import type { RunContext } from '../platform/context.js'
import type { Clock } from '../platform/retry.js'
import { quoted } from '../platform/text.js'
import { isRecovered } from '../platform/transport/transport.js'
import type { ConnectionsClient, Found, Written } from './client.js'
import { converge, decide, decideExisting, idList, newcomers, survivorOf, type Decision, type Plan } from './decide.js'
import { isLeftover, isProbeOf, probeBody, probeName } from './probe.js'
import { patchOperations, type Auth, type NewConnection } from './requests.js'

export type Operation = 'created' | 'updated' | 'reused'

export interface Outcome extends Written {
  operation: Operation
  /** What verification found, when it ran: 'yes: 3 entries listed'. */
  verified?: string
}

/** What the inputs ask for. */
export interface Wanted {
  plan: Plan
  auth: Auth
  /** The given description; on update only a given one replaces the current. */
  description?: string
  defaultDescription: () => Promise<string>
  verify: boolean
  /** What verification lists (a bucket and folder path); the root when undefined. */
  verifyObject?: string
}

export interface Deps {
  client: ConnectionsClient
  /** For deleting what the run made: under the whole step's deadline, past the work's. */
  cleanup: ConnectionsClient
  context: Promise<RunContext>
  clock: Clock
  remainingMs: () => number
  log: (message: string) => void
  warn: (message: string) => void
  /** Waits between lookups for a list that may lag behind a create. */
  lagSchedule?: readonly number[]
}

/**
 * Adobe documents nothing about how soon a new connection shows in GET /connections: after a
 * create, lookups are repeated at these intervals (5.5 s in all) before the list is trusted.
 */
export const LAG_SCHEDULE_MS: readonly number[] = [0, 500, 1000, 2000, 2000]

/** The run cannot go on without a person deciding (a conflict with what already exists). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConflictError'
  }
}

export class VerifyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'VerifyError'
  }
}

export async function ensureConnection(d: Deps, wanted: Wanted): Promise<Outcome> {
  const { plan } = wanted
  // The probe is made while the lookup is in flight, so that proving the credentials costs no
  // round trip of its own: it is needed before any write, and the run cannot know yet whether it
  // will write.
  const probe = wanted.verify ? new Probe(d, wanted) : undefined
  try {
    const found = await d.client.find(plan.name, plan.spec.id)
    d.log(
      `Found ${found.length} connection(s) named ${quoted(plan.name)} with spec ${plan.spec.id} in sandbox ${quoted(plan.sandboxName)}${idList(found)}.`
    )
    return await carryOut(d, wanted, decide(found, plan), found, probe)
  } finally {
    await probe?.settle()
  }
}

async function carryOut(d: Deps, wanted: Wanted, decision: Decision, found: readonly Found[], probe: Probe | undefined): Promise<Outcome> {
  switch (decision.kind) {
    case 'fail':
      throw new ConflictError(decision.reason)
    case 'reuse': {
      probe?.discard()
      const verified = wanted.verify ? await verifyExisting(d, decision.target, wanted.verifyObject) : undefined
      return {
        id: decision.target.id,
        etag: await d.client.etagOf(decision.target),
        operation: 'reused',
        ...(verified !== undefined && { verified })
      }
    }
    case 'update': {
      const verified = await probe?.prove()
      return { ...(await update(d, wanted, decision.target)), ...(verified !== undefined && { verified }) }
    }
    case 'create': {
      const verified = await probe?.prove()
      return { ...(await createAndConverge(d, wanted, found)), ...(verified !== undefined && { verified }) }
    }
  }
}

/**
 * Concurrent runs that converge on one survivor all patch it at once: each may meet 412s from the
 * others, so there it may read again this many times, after a random wait that spreads them out.
 */
export const CONVERGE_PATCH_ATTEMPTS = 6

/**
 * One PATCH with If-Match; on 412 the connection is read again and the PATCH rebuilt from it: once
 * for an ordinary update, up to CONVERGE_PATCH_ATTEMPTS times when concurrent runs converge.
 */
async function update(d: Deps, wanted: Wanted, target: Found, attempts = 2): Promise<Outcome> {
  let current = target
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const operations = patchOperations(wanted.auth, wanted.description, current)
    const result = await d.client.patch(current.id, await d.client.etagOf(current), operations)
    if (result !== 'stale') return { ...result, operation: 'updated' }
    if (attempt < attempts) {
      // Either another writer changed it, or this run's own earlier attempt did and its answer was lost.
      d.log(
        `Connection ${current.id}'s etag is no longer the one read (412): reading it again and retrying${attempts === 2 ? ' once' : ''}.`
      )
      if (attempts > 2) await d.clock.sleep(Math.floor(Math.random() * 250 * attempt))
      current = await d.client.get(current.id)
    }
  }
  throw new ConflictError(
    `Connection ${target.id} (${quoted(wanted.plan.name)}) changed again while this run updated it (412 ${attempts === 2 ? 'twice' : `${attempts} times`}); something else is writing to it. Run again when it is done.`
  )
}

async function createAndConverge(d: Deps, wanted: Wanted, found: readonly Found[]): Promise<Outcome> {
  const { plan } = wanted
  const before = new Set(found.map((c) => c.id.toLowerCase()))
  const body: NewConnection = {
    name: plan.name,
    description: wanted.description ?? (await wanted.defaultDescription()),
    auth: wanted.auth,
    connectionSpec: plan.spec
  }
  const result = await d.client.create(body, () => lookForLostCreate(d, plan, before))
  const made: Made = isRecovered(result) ? { kind: 'adopted', found: result.recovered } : { kind: 'created', written: result }
  if (made.kind === 'adopted') {
    d.log(
      `Connection ${made.found.id} appeared after this run's lookup, while the outcome of its create was unknown: adopting it (it is this run's own create, or a concurrent run's) and treating it as found.`
    )
  }
  // if-exists 'create' asked for another connection, whatever else exists.
  if (plan.ifExists === 'create') {
    return made.kind === 'created'
      ? { ...made.written, operation: 'created' }
      : { id: made.found.id, etag: await d.client.etagOf(made.found), operation: 'created' }
  }
  const ownId = made.kind === 'created' ? made.written.id : made.found.id
  const listed = await listUntilShown(d, plan, ownId)
  const convergence = converge(listed, ownId)
  if (convergence.kind === 'kept') {
    // A connection this run cannot prove it made is brought to the inputs like any it found.
    return made.kind === 'created' ? { ...made.written, operation: 'created' } : asFound(d, wanted, made.found)
  }
  const { survivor } = convergence
  if (made.kind === 'created') {
    d.log(
      `${listed.length} connections named ${quoted(plan.name)} exist now${idList(listed)}: another run created one at the same time. Keeping the oldest, ${survivor.id}, and deleting this run's ${ownId}.`
    )
    await d.client.delete(ownId)
  }
  return asFound(d, wanted, survivor)
}

/** What a create left: this run's connection, or one adopted after a lost answer. */
type Made = { kind: 'created'; written: Written } | { kind: 'adopted'; found: Found }

/** A connection this run did not (provably) create: what if-exists says for one that exists. */
async function asFound(d: Deps, wanted: Wanted, target: Found): Promise<Outcome> {
  const decision = decideExisting([target], wanted.plan)
  if (decision.kind === 'update') return update(d, wanted, decision.target, CONVERGE_PATCH_ATTEMPTS)
  if (decision.kind === 'reuse') return { id: target.id, etag: await d.client.etagOf(target), operation: 'reused' }
  throw new ConflictError(decision.reason)
}

/**
 * Asked after a create whose outcome is unknown: did it (or a concurrent run's) take effect? A
 * list may lag, so it is asked several times with growing waits before the create is sent again.
 */
async function lookForLostCreate(d: Deps, plan: Plan, before: ReadonlySet<string>): Promise<Found | undefined> {
  let looks = 0
  for (const delay of d.lagSchedule ?? LAG_SCHEDULE_MS) {
    if (looks > 0 && d.remainingMs() < delay + 1000) break
    await d.clock.sleep(delay)
    looks += 1
    const appeared = newcomers(before, await d.client.find(plan.name, plan.spec.id))
    if (appeared.length > 0) return survivorOf(appeared)
  }
  d.log(
    `No connection named ${quoted(plan.name)} appeared after ${looks} lookup(s) following the create whose outcome is unknown: sending it again.`
  )
  return undefined
}

/** Lists the same-named connections until this run's own shows (the list may lag), within the lag schedule. */
async function listUntilShown(d: Deps, plan: Plan, ownId: string): Promise<Found[]> {
  let listed: Found[] = []
  for (const delay of d.lagSchedule ?? LAG_SCHEDULE_MS) {
    if (listed.length > 0 && d.remainingMs() < delay + 1000) break
    await d.clock.sleep(delay)
    listed = await d.client.find(plan.name, plan.spec.id)
    if (listed.some((c) => c.id.toLowerCase() === ownId.toLowerCase())) return listed
  }
  d.warn(
    `Connection ${ownId} does not show in GET /connections yet: whether another run created ${quoted(plan.name)} at the same time could not be checked.`
  )
  // Listed without a creation time, it counts as the newest: an older one listed wins.
  return [...listed, { id: ownId, name: plan.name, spec: plan.spec }]
}

async function verifyExisting(d: Deps, target: Found, object: string | undefined): Promise<string> {
  try {
    return describeListing(await d.client.explore(target.id, object), object)
  } catch (error) {
    throw new VerifyError(
      `Verification failed: Flow Service could not list ${object ?? 'the bucket root'} through connection ${target.id}. ${errorMessage(error)}`
    )
  }
}

function describeListing(entries: readonly ExploreEntry[], object: string | undefined): string {
  return `yes: ${listed(entries, object)}`
}

/** '3 entries listed in /bucket/': what verification saw. */
function listed(entries: readonly ExploreEntry[], object: string | undefined): string {
  return `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} listed in ${object ?? 'the root'}`
}

/**
 * A verification probe's life: created at once, explored when the run is about to write,
 * deleted as soon as it has spoken (while the write is in flight), and in any case before the
 * run ends. Probes an earlier, killed run left behind are swept at the same time.
 */
class Probe {
  private readonly created: Promise<string>
  private readonly swept: Promise<void>
  private deletion: Promise<void> | undefined

  constructor(
    private readonly d: Deps,
    private readonly wanted: Wanted
  ) {
    this.created = this.create()
    this.swept = this.sweep()
    // Settled in settle(); an early failure must not surface as an unhandled rejection.
    this.created.catch(() => undefined)
  }

  /** Lists the bucket through the probe: the new credentials' proof. Throws VerifyError when Flow Service cannot. */
  async prove(): Promise<string> {
    const object = this.wanted.verifyObject
    let probe: string
    try {
      probe = await this.created
    } catch (error) {
      throw new VerifyError(
        `Verification failed: the verification probe could not be created, so nothing was changed. ${errorMessage(error)}`
      )
    }
    try {
      const entries = await this.d.client.explore(probe, object)
      this.d.log(`Verified the credentials through probe ${probe}: ${listed(entries, object)} by Flow Service.`)
      return `${describeListing(entries, object)} (through a probe, before the write)`
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      throw new VerifyError(
        `Verification failed: Flow Service could not list ${object ?? 'the bucket root'} with these credentials, so the connection was not changed (a probe was used, and is deleted). ${errorMessage(error)}`
      )
    } finally {
      this.discard()
    }
  }

  /** Starts deleting the probe, if it was made. */
  discard(): void {
    this.deletion ??= this.created.then(
      async (probe) => {
        await this.remove(probe)
      },
      () => undefined
    )
  }

  /** Waits until the probe and the leftovers are gone; what cannot be deleted is reported, never fatal. */
  async settle(): Promise<void> {
    this.discard()
    await Promise.all([this.deletion, this.swept])
  }

  private async create(): Promise<string> {
    const { plan } = this.wanted
    const context = await this.d.context
    const name = probeName(plan.name, context, this.d.clock.now(), randomBytes(4).toString('hex'))
    const body = probeBody(plan, this.wanted.auth, context, name)
    // The name is this run's alone: one that shows after a lost answer is this run's probe.
    const result = await this.d.client.create(body, async () => (await this.d.client.find(name, plan.spec.id))[0])
    return isRecovered(result) ? result.recovered.id : result.id
  }

  private async sweep(): Promise<void> {
    const { plan } = this.wanted
    try {
      const context = await this.d.context
      const probes = await this.d.cleanup.findNamed(plan.spec.id, (name) => isProbeOf(plan.name, name))
      const leftovers = probes.filter((p) => isLeftover(p, plan.name, context, this.d.clock.now()))
      await Promise.all(
        leftovers.map(async (p) => {
          if (await this.remove(p.id)) this.d.log(`Deleted verification probe ${p.id} (${quoted(p.name)}), left behind by an earlier run.`)
        })
      )
    } catch (error) {
      this.d.warn(`Could not look for verification probes left by earlier runs: ${errorMessage(error)}`)
    }
  }

  private async remove(id: string): Promise<boolean> {
    try {
      await this.d.cleanup.delete(id)
      return true
    } catch (error) {
      this.d.warn(
        `Could not delete verification probe ${id}; delete it by hand (DELETE /connections/${id}), or a later run will: ${errorMessage(error)}`
      )
      return false
    }
  }
}
