// The run's story with the sandbox: look up, decide, prove the credentials before any write,
// write, and converge with concurrent runs; then the sandbox holds one connection with this
// name and spec, holding the credentials the workflow gave. A failed run changes nothing it
// cannot undo: whatever the outcome, it deletes the probes it made.

import type { Written } from '../platform/api.js'
import { listWithOwn, survivorOf } from '../platform/converge.js'
import { ConflictError, errorMessage, isNotFound } from '../platform/errors.js'
import { untilSeen } from '../platform/lag.js'
import { MAX_DESCRIPTION_LENGTH } from '../platform/input-reader.js'
import { markIn, withMark } from '../platform/ownership.js'
import { sameId } from '../platform/server-values.js'
import { takeMarkOut } from '../platform/unmark.js'
import { quoted } from '../platform/text.js'
import { isRecovered } from '../platform/transport/transport.js'
import type { Found } from './client.js'
import { converge, decide, decideExisting, idList, newcomers, type Decision, type WantedConnection } from './decide.js'
import type { Deps, Outcome, Wanted } from './deps.js'
import { Probe, verifyExisting } from './probe.js'
import { patchOperations, unmarkOperations, type NewConnection } from './requests.js'

export async function ensureConnection(d: Deps, wanted: Wanted): Promise<Outcome> {
  const { connection } = wanted
  // The probe is made while the lookup is in flight, so that proving the credentials costs no
  // round trip of its own: it is needed before any write, and the run cannot know yet whether it
  // will write.
  const probe = wanted.verify ? new Probe(d, wanted) : undefined
  try {
    const found = await d.client.find(connection.name, connection.spec.id)
    d.log(
      `Found ${found.length} connection(s) named ${quoted(connection.name)} with spec ${connection.spec.id} in sandbox ${quoted(connection.sandboxName)}${idList(found)}.`
    )
    return await carryOut(d, wanted, decide(found, connection), found, probe)
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
    `Connection ${target.id} (${quoted(wanted.connection.name)}) changed again while this run updated it (412 ${attempts === 2 ? 'twice' : `${attempts} times`}); something else is writing to it. Run again when it is done.`
  )
}

/**
 * A create carries the run's mark in its description until the run has its answer: after a lost
 * answer, the mark tells this run's connection from a concurrent run's. It comes out while the run
 * lists again (the two do not depend on each other); then concurrent runs converge on the oldest.
 */
async function createAndConverge(d: Deps, wanted: Wanted, found: readonly Found[]): Promise<Outcome> {
  const { connection } = wanted
  const before = new Set(found.map((c) => c.id.toLowerCase()))
  const description = wanted.description ?? (await wanted.defaultDescription())
  const body: NewConnection = {
    name: connection.name,
    description: withMark(description, d.mark, MAX_DESCRIPTION_LENGTH),
    auth: wanted.auth,
    connectionSpec: connection.spec
  }
  const result = await d.client.create(body, () => lookForOwnCreate(d, connection, before))
  const own = isRecovered(result) ? await writtenOf(d, result.recovered) : result
  const unmarking = unmark(d, own, description)
  // A create sent again after its answer was lost may have made copies: each carries the mark.
  const mine = (c: Found): boolean => markIn(c.description)?.token === d.mark.token
  const copiesIn = (listed: readonly Found[]): Found[] => listed.filter((c) => !sameId(c.id, own.id) && mine(c))
  if (connection.ifExists === 'create') {
    const written = await unmarking
    if (isRecovered(result)) await deleteCopies(d, copiesIn(await d.client.find(connection.name, connection.spec.id)))
    return { ...written, operation: 'created' }
  }
  const [written, listed] = await Promise.all([unmarking, listIncludingOwn(d, connection, own.id)])
  const convergence = converge(listed, own.id)
  if (convergence.kind === 'kept') {
    await deleteCopies(d, copiesIn(listed))
    return { ...written, operation: 'created' }
  }
  const { survivor } = convergence
  if (mine(survivor)) {
    d.log(`This run's create took effect twice after a lost answer: keeping the older, ${survivor.id}, and deleting ${own.id}.`)
    await Promise.all([own, ...copiesIn(listed).filter((c) => !sameId(c.id, survivor.id))].map((c) => d.client.delete(c.id)))
    return { ...(await unmark(d, { id: survivor.id, etag: await d.client.etagOf(survivor) }, description)), operation: 'created' }
  }
  d.log(
    `Another run created ${quoted(connection.name)} at the same time: keeping the oldest, ${survivor.id}, and deleting this run's ${own.id}.`
  )
  await Promise.all([own, ...copiesIn(listed)].map((c) => d.client.delete(c.id)))
  return asFound(d, wanted, survivor)
}

/**
 * Takes the create's mark out of the description of this run's connection. A concurrent run that
 * converged on it may have patched it meanwhile (412): then it is read again, and left alone once
 * the mark is gone. When it cannot be done, a warning says so; the next run with update does it.
 */
async function unmark(d: Deps, own: Written, description: string): Promise<Written> {
  try {
    const result = await takeMarkOut(d.mark, own.etag, {
      read: async () => {
        const current = await d.client.get(own.id)
        return { etag: await d.client.etagOf(current), ...(current.description !== undefined && { description: current.description }) }
      },
      write: (etag) => d.client.patch(own.id, etag, unmarkOperations(description)),
      pause: (attempt) => d.clock.sleep(Math.floor(Math.random() * 250 * attempt)),
      attempts: CONVERGE_PATCH_ATTEMPTS
    })
    return result.kind === 'written' ? result.written : { id: own.id, etag: result.item.etag ?? own.etag }
  } catch (error) {
    d.warn(
      `Connection ${own.id}'s description still ends with this run's creation mark "[creating ${d.mark.token} …]": it could not be taken out (${errorMessage(error)}). The next run with if-exists 'update' takes it out.`
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
  const decision = decideExisting([target], wanted.connection)
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
async function lookForOwnCreate(d: Deps, connection: WantedConnection, before: ReadonlySet<string>): Promise<Found | undefined> {
  const isOwn = (c: Found): boolean => markIn(c.description)?.token === d.mark.token
  const look = async (): Promise<Found[]> => newcomers(before, await d.client.find(connection.name, connection.spec.id))
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
    last.length > 0
      ? ` (${last.length} other connection(s) named ${quoted(connection.name)} appeared, concurrent runs'${idList(last)})`
      : ''
  d.log(
    `No connection with this run's creation mark appeared after ${looks} lookup(s) following the create whose outcome is unknown${others}: sending it again.`
  )
  return undefined
}

/** Every same-named connection, this run's included even when the list lags (see listWithOwn). */
async function listIncludingOwn(d: Deps, connection: WantedConnection, ownId: string): Promise<Found[]> {
  const listed = await listWithOwn(
    d,
    () => d.client.find(connection.name, connection.spec.id),
    ownId,
    () => readIfExists(d, ownId)
  )
  if (listed.kind === 'gone') {
    // Someone deleted it meanwhile: the others listed are what is left.
    if (listed.items.length > 0) return listed.items
    throw new ConflictError(
      `Connection ${ownId} was deleted while this run converged on ${quoted(connection.name)}, and no other shows; run again.`
    )
  }
  if (listed.kind === 'undated') {
    d.warn(
      `Connection ${ownId} does not show in GET /connections yet: its creation time is unknown, so it is kept, even if another run created ${quoted(connection.name)} at the same time.`
    )
    return [listed.own]
  }
  if (listed.lagging)
    d.warn(
      `Connection ${ownId} does not show in GET /connections yet: it is compared by creation time with the ${listed.items.length - 1} listed.`
    )
  return listed.items
}

async function readIfExists(d: Deps, id: string): Promise<Found | undefined> {
  try {
    return await d.client.get(id)
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}
