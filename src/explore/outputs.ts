// The explore action's outputs: compact JSON, all of them together within what the runner
// carries for a step (an output is at most 1 MB, counted in bytes); a long listing keeps its
// first entries and says so.

import type { ExploreEntry, Preview } from '../platform/explore.js'
import type { Looked } from './look.js'

/** UTF-8 bytes all of one step's outputs may take: under the runner's 1 MB, with room to spare. */
export const MAX_OUTPUTS_BYTES = 900_000

export interface Bounded {
  json: string
  /** How many of the items the JSON holds. */
  kept: number
  /** Its length in UTF-8 bytes. */
  bytes: number
}

/** As many items as fit in `maxBytes`, in order, as one compact JSON array. */
export function boundedJson(items: readonly unknown[], maxBytes = MAX_OUTPUTS_BYTES): Bounded {
  const parts: string[] = []
  let bytes = 2
  for (const item of items) {
    const part = JSON.stringify(item)
    const more = Buffer.byteLength(part) + (parts.length > 0 ? 1 : 0)
    if (bytes + more > maxBytes) break
    parts.push(part)
    bytes += more
  }
  return { json: `[${parts.join(',')}]`, kept: parts.length, bytes }
}

/** An entry as the `entries` output shows it. */
export function entryOutput(entry: ExploreEntry): { type: string; name: string; path: string } {
  return { type: entry.type, name: entry.name, path: entry.path }
}

export interface Outputs {
  values: Record<string, string>
  /** The outputs cut short: name, items kept, items in all. */
  cut: { name: string; kept: number; total: number }[]
}

/**
 * Every output of a run, sharing one byte budget: what a later step most likely reads first
 * (whether the expected file is there, the preview's columns, the matches) is served first, the
 * whole listing last. `matched` is set only with expect: without it, nothing was expected.
 */
export function outputsOf(
  { entries, matches, matched }: Pick<Looked, 'entries' | 'matches' | 'matched'>,
  preview: Preview | undefined,
  budget = MAX_OUTPUTS_BYTES
): Outputs {
  const count = String(entries.length)
  const found = matched !== undefined ? String(matched) : undefined
  let left = budget - count.length - (found?.length ?? 0)
  const cut: Outputs['cut'] = []
  const take = (name: string, items: readonly unknown[]): string => {
    const bounded = boundedJson(items, left)
    left -= bounded.bytes
    if (bounded.kept < items.length) cut.push({ name, kept: bounded.kept, total: items.length })
    return bounded.json
  }
  const columns = preview !== undefined ? take('columns', preview.columns) : undefined
  const matchList = take('matches', matches)
  const rows = preview !== undefined ? take('rows', preview.rows) : undefined
  const listed = take('entries', entries.map(entryOutput))
  return {
    values: {
      entries: listed,
      count,
      matches: matchList,
      ...(found !== undefined && { matched: found }),
      ...(columns !== undefined && { columns }),
      ...(rows !== undefined && { rows })
    },
    cut
  }
}
