// Listing a folder until an expected entry shows, within the wait the inputs allow.

import type { ExploreEntry } from '../platform/explore.js'
import { formatSeconds, pollDelayMs, type Clock } from '../platform/retry.js'
import { oneLine, quoted, shortList } from '../platform/text.js'
import type { IfMissing } from './inputs.js'
import { matchesOf } from './match.js'

export interface Looked {
  entries: ExploreEntry[]
  matches: string[]
  looks: number
  /** With expect: whether an entry matches it. Without, undefined: nothing was expected. */
  matched?: boolean
  /** With if-missing: skip, when nothing matched in time: what was listed, what was expected, and that the step reads no more. */
  missing?: string
}

/** What a run looks for: entries matching `expect`, within `waitMs`, and what to do when none shows. */
export interface Wanted {
  expect?: string
  ifMissing: IfMissing
  waitMs: number
}

export interface LookDeps {
  list: () => Promise<ExploreEntry[]>
  clock: Clock
  log: (message: string) => void
}

/** Nothing matching `expect` showed within the wait: what was listed, what was expected. */
export class NothingMatchedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NothingMatchedError'
  }
}

/** Names a message shows of the last listing; the rest are counted. */
const NAMES_SHOWN = 10

/**
 * Lists until an entry matches `expect` or the wait is over. Nothing matching then fails the step,
 * or with if-missing: skip is an answer (matched: false) that says so.
 */
export async function lookUntilMatch(d: LookDeps, where: string, { expect, ifMissing, waitMs }: Wanted): Promise<Looked> {
  const started = d.clock.now()
  for (let look = 1; ; look++) {
    const entries = await d.list()
    const matches = matchesOf(entries, expect)
    if (expect === undefined) return { entries, matches, looks: look }
    if (matches.length > 0) return { entries, matches, looks: look, matched: true }
    const leftMs = waitMs - (d.clock.now() - started)
    if (leftMs <= 0) {
      const nothing = nothingFound(where, expect, entries, look, waitMs)
      if (ifMissing === 'fail')
        throw new NothingMatchedError(`${nothing} Check 'path' and 'expect', or raise 'wait-seconds' if the file lands later.`)
      return {
        entries,
        matches,
        looks: look,
        matched: false,
        missing: `${nothing} Skipped (if-missing: skip): the step succeeds with matched=false and reads nothing more.`
      }
    }
    const delay = pollDelayMs(look, leftMs)
    d.log(`Nothing in ${where} matches ${quoted(expect)} yet (${entries.length} entries listed); looking again in ${formatSeconds(delay)}.`)
    await d.clock.sleep(delay)
  }
}

/** What the last listing held, against what was expected: one sentence. */
function nothingFound(where: string, expect: string, entries: readonly ExploreEntry[], looks: number, waitMs: number): string {
  const waited = waitMs > 0 ? ` within ${formatSeconds(waitMs)} (listed ${looks} times)` : ''
  // Only the names shown are quoted: a listing may hold ten thousand.
  const names = entries.slice(0, NAMES_SHOWN).map((e) => quoted(e.name, 80))
  const last = entries.length === 0 ? 'was empty' : `held ${entries.length}: ${shortList(names, NAMES_SHOWN, entries.length)}`
  return `No entry in ${oneLine(where)} matches ${quoted(expect)}${waited}; the last listing ${last}.`
}
