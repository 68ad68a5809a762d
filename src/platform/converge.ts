// Concurrent runs that each created the same-named thing converge on one: every run lists them all,
// and all agree on the survivor by the same rule, so that each loser deletes what it made. Adobe
// documents nothing about how soon a new item shows in a listing, so a run lists until its own
// shows before it trusts the list.

import { untilSeen, type LagDeps } from './lag.js'
import { sameId } from './server-values.js'

export interface Dated {
  id: string
  /** Epoch ms, the service's clock: the tie-breaker among same-named items made at once. */
  createdAt?: number
}

/** The oldest by createdAt (one without it counts as newest), then the smallest id: any run that sees the same set picks the same one. */
export function survivorOf<T extends Dated>(items: readonly T[]): T | undefined {
  return [...items].sort((a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity) || compareIds(a.id, b.id))[0]
}

export function compareIds(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : 0
}

/** What a run learns by listing after its create. */
export type Listed<T> =
  /** Every same-named item, this run's among them (or added from a read, when the list never showed it but it is dated). */
  | { kind: 'listed'; items: T[]; lagging: boolean }
  /** The list never showed this run's own, and a read of it has no creation time: it is kept, never compared. */
  | { kind: 'undated'; own: T }
  /** This run's own is gone (someone deleted it meanwhile): the others listed are what is left. */
  | { kind: 'gone'; items: T[] }

/**
 * Every same-named item, listed until `ownId` shows (the list may lag). When it never does, the
 * run's own is read: dated, it is compared with the others; undated, it is kept, for a run that
 * cannot date its item never deletes it (the other run may be deleting its own).
 */
export async function listWithOwn<T extends Dated>(
  d: LagDeps,
  list: () => Promise<T[]>,
  ownId: string,
  readOwn: () => Promise<T | undefined>
): Promise<Listed<T>> {
  const { last, seen } = await untilSeen(d, list, (items) => items.some((i) => sameId(i.id, ownId)))
  if (seen) return { kind: 'listed', items: last, lagging: false }
  const own = await readOwn()
  if (own === undefined) return { kind: 'gone', items: last }
  if (own.createdAt === undefined) return { kind: 'undated', own }
  return { kind: 'listed', items: [...last, own], lagging: true }
}
