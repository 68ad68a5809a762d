// Which run a resource belongs to. Flow Service has no idempotency key and names are not unique,
// so every create of every action carries its run's mark at the end of a free-text field (a
// description) until the run has confirmed the resource as part of its outcome:
//
//   'Managed by GitHub Actions: acme/app, workflow Release [creating 3f9a1c2e until 2026-12-05T23:45:00Z]'
//
// The token tells this run's resource from a concurrent run's after an answer was lost; the time
// is when the run that wrote it stops sending requests (its timeout-seconds end), so that a later
// run knows a marked resource is a leftover of a run that was killed (or failed to confirm it)
// once that time has passed, with a margin for clocks that disagree. Pure: the actions decide
// with it, their clients carry it out (as Kubernetes controllers own what their labels name).

import { randomBytes } from 'node:crypto'
import { isoUtc } from './time.js'

/** A run's mark: the same on everything it creates. */
export interface RunMark {
  /** 8 lower-case hex digits, random: unique to the run. */
  token: string
  /** Epoch ms, a whole second: when the run's last request is over (its deadline). */
  until: number
}

/** How far the clocks of two runners (or of a runner and Adobe) may disagree. */
export const CLOCK_SKEW_MS = 2 * 60_000

/** ' [creating 3f9a1c2e until 2026-12-05T23:45:00Z]': a space, then the mark in brackets, at the very end. */
const MARK = / \[creating ([0-9a-f]{8}) until (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\]$/

/** The longest a mark is: text carrying one is cut to leave room for it. */
export const MARK_LENGTH = ' [creating 00000000 until 2026-01-01T00:00:00Z]'.length

/** A fresh mark for a run whose requests end at `untilMs`. */
export function newRunMark(untilMs: number, random: (bytes: number) => Buffer = randomBytes): RunMark {
  return { token: random(4).toString('hex'), until: Math.ceil(untilMs / 1000) * 1000 }
}

/** `text` with the mark at its end, cut first (if it must be) so that the whole fits in `max` characters. */
export function withMark(text: string, mark: RunMark, max: number): string {
  return `${text.slice(0, Math.max(0, max - MARK_LENGTH))} [creating ${mark.token} until ${isoUtc(mark.until)}]`
}

/** The mark `text` ends with, if it ends with one. */
export function markIn(text: string | undefined): RunMark | undefined {
  const match = text === undefined ? null : MARK.exec(text)
  if (match === null) return undefined
  const until = Date.parse(match[2] ?? '')
  return Number.isNaN(until) ? undefined : { token: match[1] ?? '', until }
}

/** `text` without its mark: what the resource means once its run confirmed it. */
export function withoutMark(text: string): string {
  return text.replace(MARK, '')
}

/**
 * - `committed`: no mark; a run confirmed it (or a person made it).
 * - `mine`: this run's mark.
 * - `in-progress`: another run's mark, and that run may still be working on it.
 * - `abandoned`: another run's mark, and that run is surely over: a leftover to finish or remove.
 */
export type Ownership = 'committed' | 'mine' | 'in-progress' | 'abandoned'

export function ownershipOf(text: string | undefined, self: Pick<RunMark, 'token'> | undefined, nowMs: number): Ownership {
  const mark = markIn(text)
  if (mark === undefined) return 'committed'
  if (self !== undefined && mark.token === self.token) return 'mine'
  return nowMs > mark.until + CLOCK_SKEW_MS ? 'abandoned' : 'in-progress'
}

// A resource superseded by another (a dataflow replaced by a new one) says so at the end of its
// description before it is deleted: the record commits the swap, so that whatever happens to
// the run that wrote it, a later run knows to delete it rather than count it as a second one.
const RETIRED = / \[replaced by ([0-9a-fA-F-]{36})\]$/

/** `text` ending with the record that `successorId` replaces it, cut first (if it must be) to fit in `max`. */
export function withRetirement(text: string, successorId: string, max: number): string {
  const record = ` [replaced by ${successorId}]`
  return `${withoutMark(text).slice(0, Math.max(0, max - record.length))}${record}`
}

/** The id of what replaces it, when `text` ends with the record. */
export function successorIn(text: string | undefined): string | undefined {
  return text === undefined ? undefined : RETIRED.exec(text)?.[1]
}

// A run that must be alone at something (starting a dataflow's on-demand run over a window no
// other run takes too) claims it: it writes its claim with If-Match, so of two runs that read the
// same etag one wins, and the other sees the claim when it reads again. The claim says until when
// it holds: a claim whose time (and the clock margin) is over is taken over.
const CLAIM = / \[claimed by ([0-9a-f]{8}) until (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\]$/

/** `text` ending with the run's claim, cut first (if it must be) to fit in `max`. */
export function withClaim(text: string, mark: RunMark, max: number): string {
  const claim = ` [claimed by ${mark.token} until ${isoUtc(mark.until)}]`
  return `${cleanText(text).slice(0, Math.max(0, max - claim.length))}${claim}`
}

/** The claim `text` ends with, if any. */
export function claimIn(text: string | undefined): RunMark | undefined {
  const match = text === undefined ? null : CLAIM.exec(text)
  if (match === null) return undefined
  const until = Date.parse(match[2] ?? '')
  return Number.isNaN(until) ? undefined : { token: match[1] ?? '', until }
}

/** Whether another run's claim on `text` may still hold. */
export function claimedByAnother(text: string | undefined, self: Pick<RunMark, 'token'>, nowMs: number): RunMark | undefined {
  const claim = liveClaimIn(text, nowMs)
  return claim !== undefined && claim.token !== self.token ? claim : undefined
}

/** The claim `text` ends with while it may still hold (its time and the clock margin are not over), whoever holds it. */
export function liveClaimIn(text: string | undefined, nowMs: number): RunMark | undefined {
  const claim = claimIn(text)
  return claim !== undefined && nowMs <= claim.until + CLOCK_SKEW_MS ? claim : undefined
}

/** `text` as a person wrote it: without a run's mark, claim or retirement record. */
export function cleanText(text: string): string {
  return withoutMark(text).replace(RETIRED, '').replace(CLAIM, '')
}
