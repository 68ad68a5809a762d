// Verification: probes, short-lived connections that carry the run's new credentials so that
// Flow Service can prove them (by listing the bucket) before the live connection changes; and the
// listing that proves an existing connection. Naming and the leftover rule are pure; the
// probe's life (create, explore, delete) is below. A probe carries its run's mark, like every
// create: a later run knows one a killed run left once that run's time is over.

import { randomBytes } from 'node:crypto'
import type { RunContext } from '../platform/context.js'
import { ApiError, errorMessage } from '../platform/errors.js'
import type { ExploreEntry } from '../platform/explore.js'
import { MAX_DESCRIPTION_LENGTH } from '../platform/input-reader.js'
import { untilSeen } from '../platform/lag.js'
import { ownershipOf, withMark, type RunMark } from '../platform/ownership.js'
import { sameId } from '../platform/server-values.js'
import { TIMEOUT_SECONDS_LIMIT } from '../platform/session.js'
import { quoted } from '../platform/text.js'
import { isRecovered } from '../platform/transport/transport.js'
import type { Found } from './client.js'
import { VerifyError, type Deps, type Wanted } from './deps.js'
import type { Auth, NewConnection } from './requests.js'

const PROBE_INFIX = ' (verify probe: '

export interface ProbeOwner {
  repository?: string
  runId?: number
  runAttempt?: number
}

/**
 * `S3 Connection (verify probe: octo-org/pipeline run 4242 attempt 1)`: a person in the Platform
 * UI sees what it is and which run made it; a later run of the workflow recognises it.
 */
export function probeName(connectionName: string, owner: RunContext, nowMs: number, nonce: string): string {
  // The jobs of a matrix share their run id and attempt: the nonce tells their probes apart.
  const run =
    owner.runId !== undefined
      ? `${owner.repository ?? 'unknown repository'} run ${owner.runId} attempt ${owner.runAttempt ?? 1}`
      : `a run outside GitHub Actions at ${new Date(nowMs).toISOString()}`
  return `${connectionName}${PROBE_INFIX}${run}, ${nonce})`
}

export function isProbeOf(connectionName: string, name: string): boolean {
  return name.startsWith(`${connectionName}${PROBE_INFIX}`) && name.endsWith(')')
}

/** Which run made a probe, as far as its name says. */
export function probeOwner(connectionName: string, name: string): ProbeOwner {
  const run = name.slice(`${connectionName}${PROBE_INFIX}`.length, -1)
  const match = /^(.*) run (\d+) attempt (\d+), [0-9a-f]+$/.exec(run)
  if (match === null) return {}
  return { repository: match[1] ?? '', runId: Number(match[2]), runAttempt: Number(match[3]) }
}

/** No run lives longer than the longest timeout-seconds; a margin covers clock skew. */
export const PROBE_MAX_AGE_MS = (TIMEOUT_SECONDS_LIMIT + 300) * 1000

/**
 * Whether a probe of this connection was left by a run that is surely over: its mark's time has
 * passed; or it is one of an earlier attempt of this very run (a re-run starts after the earlier
 * attempt ended); or, carrying no mark, it is older than any run can last. Another run's probe may
 * be in use right now, and is left alone.
 */
export function isLeftover(probe: Found, connectionName: string, self: RunContext, nowMs: number): boolean {
  const ownership = ownershipOf(probe.description, undefined, nowMs)
  if (ownership === 'abandoned') return true
  if (ownership === 'committed' && probe.createdAt !== undefined && nowMs - probe.createdAt > PROBE_MAX_AGE_MS) return true
  const owner = probeOwner(connectionName, probe.name)
  return (
    self.runId !== undefined &&
    owner.runId === self.runId &&
    owner.repository === (self.repository ?? 'unknown repository') &&
    (owner.runAttempt ?? 0) < (self.runAttempt ?? 1)
  )
}

/** The probe's create body: the run's new credentials, under a name and description that say what it is. */
export function probeBody(
  connection: { name: string; spec: { id: string; version: string } },
  auth: Auth,
  owner: RunContext,
  name: string,
  mark: RunMark
): NewConnection {
  const madeBy = owner.runUrl !== undefined ? `, made by ${owner.runUrl}` : ''
  const description = `Verification probe of connection ${quoted(connection.name)}${madeBy}: it proves new credentials before they replace the live ones, and is deleted by that run (or, if it was killed, by a later one).`
  return { name, description: withMark(description, mark, MAX_DESCRIPTION_LENGTH), auth, connectionSpec: connection.spec }
}

export async function verifyExisting(d: Deps, target: Found, object: string | undefined): Promise<string> {
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
export class Probe {
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
    this.name = d.context.then((context) => probeName(wanted.connection.name, context, d.clock.now(), randomBytes(4).toString('hex')))
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
    const { connection } = this.wanted
    const [context, name] = await Promise.all([this.d.context, this.name])
    const body = probeBody(connection, this.wanted.auth, context, name, this.d.mark)
    // The name is this run's alone: one that shows after a lost answer is this run's probe.
    const recover = async (): Promise<Found | undefined> => {
      this.uncertain = true
      const { last } = await untilSeen(
        this.d,
        () => this.d.client.find(name, connection.spec.id),
        (found) => found.length > 0
      )
      return last[0]
    }
    const result = await this.d.client.create(body, recover, 'verification probe')
    return isRecovered(result) ? result.recovered.id : result.id
  }

  /** Deletes every probe with this run's name but `except`; one the list does not show yet is reported. */
  private async removeNamed(except?: string): Promise<void> {
    let name: string
    try {
      name = await this.name
      const { connection } = this.wanted
      const found = (await this.d.cleanup.find(name, connection.spec.id)).filter((p) => except === undefined || !sameId(p.id, except))
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
    const { connection } = this.wanted
    try {
      const context = await this.d.context
      const probes = await this.d.cleanup.findNamed(connection.spec.id, (name) => isProbeOf(connection.name, name))
      const leftovers = probes.filter((p) => isLeftover(p, connection.name, context, this.d.clock.now()))
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
