// The run's story with the sandbox: look up, decide, prove the credentials before any write,
// write, and converge with concurrent runs; then the sandbox holds one connection with this
// name and spec, holding the credentials the workflow gave. A failed run changes nothing it
// cannot undo: whatever the outcome, it deletes the probes it made.

import { randomBytes } from 'node:crypto'
import { ApiError, errorMessage } from '../platform/errors.js'
import type { ExploreEntry } from '../platform/explore.js'
import type { RunContext } from '../platform/context.js'
import { untilSeen, type LagDeps } from '../platform/lag.js'
import { sameId } from '../platform/server-values.js'
import { quoted } from '../platform/text.js'
import { isRecovered } from '../platform/transport/transport.js'
import type { ConnectionsClient, Found, Written } from './client.js'
import { converge, decide, decideExisting, idList, newcomers, survivorOf, type Decision, type Plan } from './decide.js'
import { marked, markOf } from './creation-mark.js'
import { isLeftover, isProbeOf, PROBE_MAX_AGE_MS, probeBody, probeName } from './probe.js'
import { patchOperations, unmarkOperations, type Auth, type NewConnection } from './requests.js'

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

export interface Deps extends LagDeps {
  client: ConnectionsClient
  /** For deleting what the run made: under the whole step's deadline, past the work's. */
  cleanup: ConnectionsClient
  context: Promise<RunContext>
  log: (message: string) => void
  warn: (message: string) => void
}

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
  const description = wanted.description ?? (await wanted.defaultDescription())
  const mark = randomBytes(4).toString('hex')
  const body: NewConnection = { name: plan.name, description: marked(description, mark), auth: wanted.auth, connectionSpec: plan.spec }
  const result = await d.client.create(body, () => lookForOwnCreate(d, plan, before, mark))
  const own = isRecovered(result) ? await writtenOf(d, result.recovered) : result
  // The mark comes out while the run lists again: the two do not depend on each other.
  const unmarking = unmark(d, own, description, mark)
  // A create sent again after its answer was lost may have made copies: each carries the mark.
  const copiesIn = (listed: readonly Found[]): Found[] => listed.filter((c) => !sameId(c.id, own.id) && markOf(c.description) === mark)
  if (plan.ifExists === 'create') {
    const written = await unmarking
    if (isRecovered(result)) await deleteCopies(d, copiesIn(await d.client.find(plan.name, plan.spec.id)))
    return { ...written, operation: 'created' }
  }
  const [written, listed] = await Promise.all([unmarking, listWithOwn(d, plan, own.id)])
  const convergence = converge(listed, own.id)
  const mine = copiesIn(listed)
  if (convergence.kind === 'kept') {
    await deleteCopies(d, mine)
    return { ...written, operation: 'created' }
  }
  const { survivor } = convergence
  if (markOf(survivor.description) === mark) {
    d.log(`This run's create took effect twice after a lost answer: keeping the older, ${survivor.id}, and deleting ${own.id}.`)
    await Promise.all([own, ...mine.filter((c) => !sameId(c.id, survivor.id))].map((c) => d.client.delete(c.id)))
    return { ...(await unmark(d, { id: survivor.id, etag: await d.client.etagOf(survivor) }, description, mark)), operation: 'created' }
  }
  d.log(`Another run created ${quoted(plan.name)} at the same time: keeping the oldest, ${survivor.id}, and deleting this run's ${own.id}.`)
  await Promise.all([own, ...mine].map((c) => d.client.delete(c.id)))
  return asFound(d, wanted, survivor)
}

/**
 * Takes the create's mark out of the description of this run's connection. A concurrent run that
 * converged on it may have patched it meanwhile (412): then it is read again, and left alone once
 * the mark is gone. When it cannot be done, a warning says so; the next run with update does it.
 */
async function unmark(d: Deps, own: Written, description: string, mark: string): Promise<Written> {
  try {
    let etag = own.etag
    for (let attempt = 1; attempt <= CONVERGE_PATCH_ATTEMPTS; attempt++) {
      const result = await d.client.patch(own.id, etag, unmarkOperations(description))
      if (result !== 'stale') return result
      const current = await d.client.get(own.id)
      etag = await d.client.etagOf(current)
      if (markOf(current.description) !== mark) return { id: own.id, etag }
      await d.clock.sleep(Math.floor(Math.random() * 250 * attempt))
    }
    throw new Error(`its etag changed ${CONVERGE_PATCH_ATTEMPTS} times while this run wrote it`)
  } catch (error) {
    d.warn(
      `Connection ${own.id}'s description still ends with this run's creation mark "[creating ${mark}]": it could not be taken out (${errorMessage(error)}). The next run with if-exists 'update' takes it out.`
    )
    return own
  }
}

/** Deletes the copies a create sent again made (they carry this run's mark: its own alone). */
async function deleteCopies(d: Deps, copies: readonly Found[]): Promise<void> {
  if (copies.length === 0) return
  d.log(`This run's create took effect more than once after a lost answer: deleting the newer copies${idList(copies)}.`)
  await Promise.all(copies.map((c) => d.client.delete(c.id)))
}

/** A connection found by listing, as a create's answer would have given it. */
async function writtenOf(d: Deps, found: Found): Promise<Written> {
  return { id: found.id, etag: await d.client.etagOf(found) }
}

/** A connection this run did not create: what if-exists says for one that exists. */
async function asFound(d: Deps, wanted: Wanted, target: Found): Promise<Outcome> {
  const decision = decideExisting([target], wanted.plan)
  if (decision.kind === 'update') return update(d, wanted, decision.target, CONVERGE_PATCH_ATTEMPTS)
  if (decision.kind === 'reuse') return { id: target.id, etag: await d.client.etagOf(target), operation: 'reused' }
  throw new ConflictError(decision.reason)
}

/**
 * Asked after a create whose outcome is unknown: did it take effect? The connection that appeared
 * since the lookup with this run's mark, looked for as long as a list may lag (a concurrent run's
 * may show first); or undefined, and the create is sent again. A listing without descriptions is
 * read item by item.
 */
async function lookForOwnCreate(d: Deps, plan: Plan, before: ReadonlySet<string>, mark: string): Promise<Found | undefined> {
  const isOwn = (c: Found): boolean => markOf(c.description) === mark
  const look = async (): Promise<Found[]> => newcomers(before, await d.client.find(plan.name, plan.spec.id))
  const { last, looks } = await untilSeen(d, look, (appeared) => appeared.some(isOwn))
  const undescribed = last.filter((c) => c.description === undefined)
  const read = await Promise.all(undescribed.map((c) => readIfExists(d, c.id)))
  // After more than one lost answer there may be several: the oldest is the one that stays.
  const own = survivorOf(last.filter(isOwn)) ?? survivorOf(read.filter((c): c is Found => c !== undefined && isOwn(c)))
  if (own !== undefined) {
    d.log(
      `Connection ${own.id} appeared after this run's lookup with this run's creation mark: its create took effect, and its answer was lost.`
    )
    return own
  }
  const others =
    last.length > 0 ? ` (${last.length} other connection(s) named ${quoted(plan.name)} appeared, concurrent runs'${idList(last)})` : ''
  d.log(
    `No connection with this run's creation mark appeared after ${looks} lookup(s) following the create whose outcome is unknown${others}: sending it again.`
  )
  return undefined
}

/**
 * Every same-named connection, listed until `ownId` shows (the list may lag). When it never
 * does, the run's own is read to learn its creation time; without one, it is kept: a run that
 * cannot date its connection never deletes it, for the other run may be deleting its own.
 */
async function listWithOwn(d: Deps, plan: Plan, ownId: string): Promise<Found[]> {
  const look = (): Promise<Found[]> => d.client.find(plan.name, plan.spec.id)
  const { last, seen } = await untilSeen(d, look, (listed) => listed.some((c) => sameId(c.id, ownId)))
  if (seen) return last
  const own = await readIfExists(d, ownId)
  if (own === undefined) {
    // Someone deleted it meanwhile: the others listed are what is left.
    if (last.length > 0) return last
    throw new ConflictError(
      `Connection ${ownId} was deleted while this run converged on ${quoted(plan.name)}, and no other shows; run again.`
    )
  }
  d.warn(
    `Connection ${ownId} does not show in GET /connections yet: ${
      own.createdAt === undefined
        ? `its creation time is unknown, so it is kept, even if another run created ${quoted(plan.name)} at the same time.`
        : `it is compared by creation time with the ${last.length} listed.`
    }`
  )
  return own.createdAt === undefined ? [own] : [...last, own]
}

async function readIfExists(d: Deps, id: string): Promise<Found | undefined> {
  try {
    return await d.client.get(id)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined
    throw error
  }
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
  private readonly name: Promise<string>
  private readonly created: Promise<string>
  private readonly swept: Promise<void>
  private deletion: Promise<void> | undefined
  /** Whether a create attempt's outcome was ever unknown: then a second probe may exist. */
  private uncertain = false

  constructor(
    private readonly d: Deps,
    private readonly wanted: Wanted
  ) {
    this.name = d.context.then((context) => probeName(wanted.plan.name, context, d.clock.now(), randomBytes(4).toString('hex')))
    this.created = this.create()
    this.swept = this.sweep()
    // Settled in settle(); an early failure must not surface as an unhandled rejection.
    this.created.catch(() => undefined)
    this.name.catch(() => undefined)
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

  /**
   * Starts deleting the probe. When its create failed or its outcome was ever unknown, the probe
   * (or a second one) may exist unseen: every probe with this run's unique name is looked up.
   */
  discard(): void {
    this.deletion ??= this.created.then(
      async (probe) => {
        const deleted = await this.remove(probe)
        if (this.uncertain && deleted) await this.removeNamed(probe)
      },
      async (error: unknown) => {
        if (error instanceof ApiError && error.status !== undefined && error.status < 500 && !this.uncertain) return
        await this.removeNamed()
      }
    )
  }

  /** Waits until the probe and the leftovers are gone; what cannot be deleted is reported, never fatal. */
  async settle(): Promise<void> {
    this.discard()
    await Promise.all([this.deletion, this.swept])
  }

  private async create(): Promise<string> {
    const { plan } = this.wanted
    const [context, name] = await Promise.all([this.d.context, this.name])
    const body = probeBody(plan, this.wanted.auth, context, name)
    // The name is this run's alone: one that shows after a lost answer is this run's probe.
    const recover = async (): Promise<Found | undefined> => {
      this.uncertain = true
      const { last } = await untilSeen(
        this.d,
        () => this.d.client.find(name, plan.spec.id),
        (found) => found.length > 0
      )
      return last[0]
    }
    const result = await this.d.client.create(body, recover)
    return isRecovered(result) ? result.recovered.id : result.id
  }

  /** Deletes every probe with this run's name but `except`; one the list does not show yet is reported. */
  private async removeNamed(except?: string): Promise<void> {
    let name: string
    try {
      name = await this.name
      const { plan } = this.wanted
      const found = (await this.d.cleanup.find(name, plan.spec.id)).filter((p) => except === undefined || !sameId(p.id, except))
      await Promise.all(found.map((p) => this.remove(p.id)))
      if (found.length > 0 || except !== undefined) return
    } catch (error) {
      this.d.warn(`Could not look for this run's verification probe: ${errorMessage(error)}`)
      return
    }
    this.d.warn(
      `This run's verification probe may have been created without the answer arriving, and does not show yet. If ${quoted(name)} appears, delete it; a later run with verify does once it is ${PROBE_MAX_AGE_MS / 60_000} minutes old.`
    )
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
