// Which entries a run was waiting for, and how long to wait before looking again: pure.

import type { ExploreEntry } from '../platform/explore.js'

/** One piece of a glob: `*`, `?`, a `[…]` class, or a literal character. */
type GlobPart =
  | { kind: 'any-run' }
  | { kind: 'any-one' }
  | { kind: 'class'; negated: boolean; ranges: readonly (readonly [string, string])[] }
  | { kind: 'literal'; char: string }

/**
 * A glob on entry names: `*` any run of characters, `?` one character, `[abc]`, `[a-z]` or
 * `[!abc]` one of (or none of) them; everything else literal. Matched against the whole name,
 * case-sensitively as S3 keys are. Returns what is wrong with it as a string.
 */
export function parseGlob(glob: string): GlobPart[] | string {
  const chars = Array.from(glob)
  const parts: GlobPart[] = []
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? ''
    if (c === '*') parts.push({ kind: 'any-run' })
    else if (c === '?') parts.push({ kind: 'any-one' })
    else if (c === '[' && classEnd(chars, i) !== -1) {
      const negated = chars[i + 1] === '!'
      const close = classEnd(chars, i)
      const ranges = classRanges(chars.slice(i + (negated ? 2 : 1), close))
      if (typeof ranges === 'string') return ranges
      parts.push({ kind: 'class', negated, ranges })
      i = close
    } else parts.push({ kind: 'literal', char: c })
  }
  return parts
}

/** Where the class opened at `open` closes: a `]` right after `[` or `[!` is a member, not the end. */
function classEnd(chars: readonly string[], open: number): number {
  const first = chars[open + 1] === '!' ? open + 2 : open + 1
  return chars.indexOf(']', first + 1)
}

function classRanges(members: readonly string[]): (readonly [string, string])[] | string {
  const ranges: (readonly [string, string])[] = []
  for (let i = 0; i < members.length; i++) {
    const low = members[i] ?? ''
    const high = members[i + 2]
    if (members[i + 1] === '-' && high !== undefined) {
      if ((low.codePointAt(0) ?? 0) > (high.codePointAt(0) ?? 0))
        return `has the range [${low}-${high}] out of order; write [${high}-${low}]`
      ranges.push([low, high])
      i += 2
    } else ranges.push([low, low])
  }
  return ranges
}

/**
 * Whether `name` matches the glob's parts. Iterative: on a mismatch it goes back only to the
 * last `*`, so the time is at most the name's length times the glob's, whatever the input.
 */
export function globMatches(parts: readonly GlobPart[], name: string): boolean {
  const chars = Array.from(name)
  let p = 0
  let n = 0
  let star = -1
  let starN = 0
  while (n < chars.length) {
    const part = parts[p]
    if (part?.kind === 'any-run') {
      star = p++
      starN = n
    } else if (part !== undefined && matchesOne(part, chars[n] ?? '')) {
      p++
      n++
    } else if (star !== -1) {
      p = star + 1
      n = ++starN
    } else return false
  }
  while (parts[p]?.kind === 'any-run') p++
  return p === parts.length
}

function matchesOne(part: Exclude<GlobPart, { kind: 'any-run' }>, char: string): boolean {
  switch (part.kind) {
    case 'any-one':
      return true
    case 'literal':
      return part.char === char
    case 'class': {
      const code = char.codePointAt(0) ?? 0
      const inside = part.ranges.some(([low, high]) => code >= (low.codePointAt(0) ?? 0) && code <= (high.codePointAt(0) ?? 0))
      return inside !== part.negated
    }
  }
}

/** The paths that `expect` matches by name (any entry); every file's path without one. */
export function matchesOf(entries: readonly ExploreEntry[], expect: string | undefined): string[] {
  if (expect === undefined) return entries.filter((e) => e.type === 'file').map((e) => e.path)
  const parts = parseGlob(expect)
  // The inputs were checked with parseGlob: a glob that does not parse never gets this far.
  if (typeof parts === 'string') throw new Error(`Input 'expect' ${parts}.`)
  return entries.filter((e) => globMatches(parts, e.name)).map((e) => e.path)
}
