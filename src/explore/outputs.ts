// The explore action's outputs: compact JSON, each within what the runner carries. A step
// output is at most 1 MB; a long listing keeps its first entries and says so.

import type { ExploreEntry } from '../platform/explore.js'

/** Characters one JSON output may take: under the runner's 1 MB, with room for the rest. */
export const MAX_OUTPUT_CHARS = 900_000

export interface Bounded {
  json: string
  /** How many of the items the JSON holds. */
  kept: number
}

/** As many items as fit, in order, as one compact JSON array. */
export function boundedJson(items: readonly unknown[], maxChars = MAX_OUTPUT_CHARS): Bounded {
  const parts: string[] = []
  let length = 2
  for (const item of items) {
    const part = JSON.stringify(item)
    if (length + part.length + (parts.length > 0 ? 1 : 0) > maxChars) break
    parts.push(part)
    length += part.length + (parts.length > 1 ? 1 : 0)
  }
  return { json: `[${parts.join(',')}]`, kept: parts.length }
}

/** An entry as the `entries` output shows it. */
export function entryOutput(entry: ExploreEntry): { type: string; name: string; path: string } {
  return { type: entry.type, name: entry.name, path: entry.path }
}
