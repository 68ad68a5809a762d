// What a run does with what the sandbox holds: pure functions of (what exists, the inputs),
// each row of the README's decision table a unit test.

import { survivorOf } from '../platform/converge.js'
import { sameId } from '../platform/server-values.js'
import { quoted, shortList } from '../platform/text.js'
import type { Found } from './client.js'
import type { IfExists } from './inputs.js'

/** The connection the inputs name (what finds it) and what to do when it exists. */
export interface WantedConnection {
  name: string
  sandboxName: string
  spec: { id: string; version: string }
  /** 'Access Key' or 'IAMRole Based': what this run's credentials are. */
  authSpecName: string
  ifExists: IfExists
}

export type Decision =
  { kind: 'create' } | { kind: 'update'; target: Found } | { kind: 'reuse'; target: Found } | { kind: 'fail'; reason: string }

export function decide(found: readonly Found[], wanted: WantedConnection): Decision {
  if (wanted.ifExists === 'create' || found.length === 0) return { kind: 'create' }
  return decideExisting(found, wanted)
}

/** What if-exists says when connections exist (also for one adopted or kept after a create). */
export function decideExisting(found: readonly Found[], wanted: WantedConnection): Exclude<Decision, { kind: 'create' }> {
  const where = `in sandbox ${quoted(wanted.sandboxName)}`
  const [only, ...others] = found
  if (only === undefined || others.length > 0) {
    return {
      kind: 'fail',
      reason:
        `${found.length} connections named ${quoted(wanted.name)} exist ${where}${idList(found)}; if-exists '${wanted.ifExists}' needs at most one, so nothing was changed. ` +
        'Delete the extra ones (DELETE /connections/{id}) or choose another connection-name.'
    }
  }
  if (wanted.ifExists === 'fail') {
    return {
      kind: 'fail',
      reason: `A connection named ${quoted(wanted.name)} already exists ${where}${idList(found)}, and if-exists is 'fail'. Use if-exists 'update' or 'reuse' to adopt it, or choose another connection-name.`
    }
  }
  const mismatch = mismatchOf(only, wanted)
  if (mismatch !== undefined) return { kind: 'fail', reason: mismatch }
  return wanted.ifExists === 'reuse' ? { kind: 'reuse', target: only } : { kind: 'update', target: only }
}

/** Why the one connection found cannot be used as this run's, if it cannot. */
function mismatchOf(found: Found, wanted: WantedConnection): string | undefined {
  const what = `Connection ${found.id} (${quoted(wanted.name)})`
  if (found.spec.version !== '' && found.spec.version !== wanted.spec.version) {
    return `${what} uses connection spec version ${quoted(found.spec.version)}, but connection-spec-version is ${quoted(wanted.spec.version)}; nothing was changed. Set connection-spec-version to match, or choose another connection-name.`
  }
  if (found.authSpecName !== undefined && found.authSpecName !== wanted.authSpecName) {
    return `${what} uses auth ${quoted(found.authSpecName)}, but this run gives ${quoted(wanted.authSpecName)}; Flow Service cannot switch a connection between auth types, so nothing was changed. Delete it, or choose another connection-name.`
  }
  return undefined
}

export type Convergence =
  /** This run's connection is the one to keep (alone, or the oldest of several). */
  | { kind: 'kept' }
  /** Another is the one to keep: this run deletes its own and goes on with the survivor. */
  | { kind: 'lost'; survivor: Found }

/** After a create: which connection stays, given every same-named one listed (this run's included). */
export function converge(listed: readonly Found[], ownId: string): Convergence {
  const survivor = survivorOf(listed)
  return survivor === undefined || sameId(survivor.id, ownId) ? { kind: 'kept' } : { kind: 'lost', survivor }
}

/** Connections listed now that the run's own lookup did not show: where a lost create may be. */
export function newcomers(before: ReadonlySet<string>, now: readonly Found[]): Found[] {
  return now.filter((c) => !before.has(c.id.toLowerCase()))
}

/** ' (id-1, id-2, … and 5 more)': at most MAX_IDS_SHOWN ids, then the count of the rest. */
export function idList(items: readonly Found[]): string {
  return items.length === 0 ? '' : ` (${shortList(items.map((c) => c.id))})`
}

// ---- state: absent --------------------------------------------------------------------------------

export type Removal = { kind: 'absent' } | { kind: 'delete'; target: Found } | { kind: 'fail'; reason: string }

/** What a teardown does with the connections found by name and spec: none is done already; two or more, a person decides. */
export function decideRemoval(found: readonly Found[], name: string, sandboxName: string): Removal {
  const [only, ...others] = found
  if (only === undefined) return { kind: 'absent' }
  if (others.length === 0) return { kind: 'delete', target: only }
  return {
    kind: 'fail',
    reason: `${found.length} connections named ${quoted(name)} exist in sandbox ${quoted(sandboxName)}${idList(found)}; state 'absent' deletes one it can tell apart, so nothing was deleted. Delete the extra ones (DELETE /connections/{id}), then run again.`
  }
}

/** Why a connection is kept: the dataflows that read it, named (Flow Service would refuse the delete with 1418-400). */
export function readByDataflows(target: Found, users: readonly { id: string; name: string }[]): string | undefined {
  if (users.length === 0) return undefined
  const named = users.map((u) => `${u.id}${u.name !== '' ? ` (${quoted(u.name)})` : ''}`)
  return `Connection ${target.id} (${quoted(target.name)}) is read by ${users.length} dataflow(s): ${shortList(named)}; nothing was deleted. Delete them first (the dataflow action with state: absent), then run this step again.`
}
