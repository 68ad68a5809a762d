// state: absent, decided once from what is named after the dataflow: every dataflow of the name
// is deleted (a run's half-made one and a replaced one alike), then every source and target
// connection it was made of or named after it, unless a dataflow that stays uses it; mapping sets
// stay (Data Prep has no DELETE). Pure: the teardown story carries it out.

import { sameId } from '../platform/server-values.js'
import { quoted } from '../platform/text.js'
import type { User } from '../platform/usage.js'
import type { Chain, Change, Observed } from './decide.js'
import { PART_NAMES, type PartKind } from './model.js'

export interface Removal {
  kind: 'remove'
  /** Deleted first, each waited for until gone. */
  flows: Chain[]
  /** Deleted once the dataflows are gone. */
  parts: { kind: PartKind; id: string; why: string }[]
  /** Used by a dataflow that stays: kept, and named. */
  kept: { kind: PartKind; id: string; users: User[] }[]
  /** What Data Prep cannot delete: left, and named. */
  mappings: { id: string; version: number }[]
  changes: Change[]
}

export type RemovalDecision = Removal | { kind: 'fail'; reason: string }

/**
 * `users` holds, for the connections a dataflow of the name uses, every dataflow that uses them
 * (lower-case ids); the connections no such dataflow uses are asked about in `named.usedElsewhere`.
 */
export function decideRemoval(
  named: Omit<Observed, 'dataset'>,
  users: ReadonlyMap<string, readonly User[]>,
  connectionId: string | undefined
): RemovalDecision {
  const strangers =
    connectionId === undefined ? [] : named.chains.filter((c) => c.source !== undefined && !sameId(c.source.baseConnectionId, connectionId))
  if (strangers.length > 0 && connectionId !== undefined) return { kind: 'fail', reason: readsElsewhere(strangers, connectionId) }
  const going = new Set(named.chains.map((c) => c.flow.id.toLowerCase()))
  const staying = (kind: PartKind, id: string): User[] => (users.get(id.toLowerCase()) ?? []).filter((u) => !going.has(u.id.toLowerCase()))
  const parts: Removal['parts'] = []
  const kept: Removal['kept'] = []
  const seen = new Set<string>()
  const consider = (kind: PartKind, id: string, why: string, usedElsewhere: boolean): void => {
    if (seen.has(id.toLowerCase())) return
    seen.add(id.toLowerCase())
    const others = staying(kind, id)
    if (others.length > 0 || usedElsewhere) kept.push({ kind, id, users: others })
    else parts.push({ kind, id, why })
  }
  for (const chain of named.chains) {
    if (chain.source !== undefined) consider('source', chain.source.id, `dataflow ${chain.flow.id} was made of it`, false)
    if (chain.target !== undefined) consider('target', chain.target.id, `dataflow ${chain.flow.id} was made of it`, false)
  }
  const elsewhere = (id: string): boolean => named.usedElsewhere.has(id.toLowerCase())
  for (const part of named.sources) consider('source', part.id, 'named after the dataflow', elsewhere(part.id))
  for (const part of named.targets) consider('target', part.id, 'named after the dataflow', elsewhere(part.id))
  const mappings = uniqueMappings(named.chains)
  return { kind: 'remove', flows: named.chains, parts, kept, mappings, changes: changesOf(named.chains, parts, kept, mappings) }
}

/** Whether the removal finds nothing to do: the sandbox is without the dataflow already. */
export function isNothing(removal: Removal): boolean {
  return removal.flows.length === 0 && removal.parts.length === 0
}

function readsElsewhere(strangers: readonly Chain[], connectionId: string): string {
  const shown = strangers.map((c) => `${c.flow.id} reads base connection ${c.source?.baseConnectionId ?? '?'}`).join('; ')
  return `The dataflow named so does not read connection-id ${connectionId} (${shown}); nothing was deleted. Check 'dataflow-name' and 'connection-id', or leave 'connection-id' empty to delete it whatever it reads.`
}

function uniqueMappings(chains: readonly Chain[]): Removal['mappings'] {
  const byId = new Map<string, { id: string; version: number }>()
  for (const { flow } of chains)
    if (flow.mapping !== undefined) byId.set(flow.mapping.id.toLowerCase(), { id: flow.mapping.id, version: flow.mapping.version })
  return [...byId.values()]
}

function changesOf(chains: readonly Chain[], parts: Removal['parts'], kept: Removal['kept'], mappings: Removal['mappings']): Change[] {
  const named = (users: readonly User[]): string =>
    users.length === 0
      ? 'a dataflow of another name uses it'
      : `used by ${users.map((u) => `${u.id}${u.name !== '' ? ` (${quoted(u.name)})` : ''}`).join(', ')}`
  return [
    ...chains.map((c): Change => ({ action: 'delete', object: 'dataflow', from: c.flow.id })),
    ...parts.map((p): Change => ({ action: 'delete', object: PART_NAMES[p.kind], from: p.id, note: p.why })),
    ...kept.map((k): Change => ({ action: 'keep', object: PART_NAMES[k.kind], from: k.id, note: named(k.users) })),
    ...mappings.map((m): Change => ({
      action: 'keep',
      object: 'mapping set',
      from: `${m.id} version ${m.version}`,
      note: 'Data Prep has no DELETE for mapping sets: it stays, used by nothing'
    }))
  ]
}
