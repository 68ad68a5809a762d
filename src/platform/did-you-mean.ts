// "Did you mean": the name a near-miss was likely meant to be, among the names the service knows
// (a schema's fields, a file's columns, a mapping entry's keys). Pure, and bounded whatever the
// input: names are compared only when their lengths are close enough to be within reach.

import { quoted } from './text.js'

/** Edits allowed between a name and its suggestion: one in four characters, at most 3 (a short name: only its case). */
function reach(name: string): number {
  return Math.min(3, Math.floor(name.length / 4))
}

/**
 * The candidate nearest to `name`: the same name in another case first, else the one fewest edits
 * away (insert, delete, replace, or swap two neighbours) within reach; undefined when none is.
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase()
  const limit = reach(name)
  let best: { candidate: string; distance: number } | undefined
  for (const candidate of candidates) {
    if (candidate === name) return undefined
    if (candidate.toLowerCase() === lower) return candidate
    if (Math.abs(candidate.length - name.length) > limit) continue
    const distance = editDistance(lower, candidate.toLowerCase(), limit)
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance }
  }
  return best?.candidate
}

/** The optimal-string-alignment distance, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1)
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > limit) return limit + 1
    before = previous
    previous = current
  }
  return previous[b.length] ?? limit + 1
}

/** ' (did you mean "x"?)' when there is a near name, else ''. Server names: quoted on one line. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = nearest(name, candidates)
  return near === undefined ? '' : ` (did you mean ${quoted(near)}?)`
}
