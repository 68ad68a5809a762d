// Verification probes: short-lived connections that carry the run's new credentials, so that
// Flow Service can prove them (by listing the bucket) before the live connection changes.
// Naming and the leftover rule are pure; the lifecycle (create, explore, delete) is below.

import type { RunContext } from '../platform/context.js'
import { TIMEOUT_SECONDS_LIMIT } from '../platform/session.js'
import { quoted } from '../platform/text.js'
import type { Found } from './client.js'
import type { Auth, NewConnection } from './requests.js'

const MARK = ' (verify probe: '

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
  return `${connectionName}${MARK}${run}, ${nonce})`
}

export function isProbeOf(connectionName: string, name: string): boolean {
  return name.startsWith(`${connectionName}${MARK}`) && name.endsWith(')')
}

/** Which run made a probe, as far as its name says. */
export function probeOwner(connectionName: string, name: string): ProbeOwner {
  const run = name.slice(`${connectionName}${MARK}`.length, -1)
  const match = /^(.*) run (\d+) attempt (\d+), [0-9a-f]+$/.exec(run)
  if (match === null) return {}
  return { repository: match[1] ?? '', runId: Number(match[2]), runAttempt: Number(match[3]) }
}

/** No run lives longer than the longest timeout-seconds; a margin covers clock skew. */
export const PROBE_MAX_AGE_MS = (TIMEOUT_SECONDS_LIMIT + 300) * 1000

/**
 * Whether a probe of this connection was left by a run that is surely over: one older than any
 * run can last, or one of an earlier attempt of this very run (a re-run starts after the earlier
 * attempt ended). Another run's probe may be in use right now, and is left alone.
 */
export function isLeftover(probe: Found, connectionName: string, self: RunContext, nowMs: number): boolean {
  if (probe.createdAt !== undefined && nowMs - probe.createdAt > PROBE_MAX_AGE_MS) return true
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
  name: string
): NewConnection {
  const madeBy = owner.runUrl !== undefined ? `, made by ${owner.runUrl}` : ''
  return {
    name,
    description: `Verification probe of connection ${quoted(connection.name)}${madeBy}: it proves new credentials before they replace the live ones, and is deleted by that run (or, if it was killed, by a later one).`,
    auth,
    connectionSpec: connection.spec
  }
}
