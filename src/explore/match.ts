// Which entries a run was waiting for, and how long to wait before looking again: pure.

import type { ExploreEntry } from '../platform/explore.js'

/**
 * A glob on entry names: `*` any run of characters, `?` one character, `[abc]` one of them;
 * everything else literal. Matched against the whole name, case-sensitively as S3 keys are.
 */
export function globToRegExp(glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i)
    const close = c === '[' ? glob.indexOf(']', i + 2) : -1
    if (c === '*') source += '.*'
    else if (c === '?') source += '.'
    else if (close !== -1) {
      const inner = glob.slice(i + 1, close)
      source += `[${inner.startsWith('!') ? `^${escapeClass(inner.slice(1))}` : escapeClass(inner)}]`
      i = close
    } else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  return new RegExp(`^${source}$`, 's')
}

function escapeClass(inner: string): string {
  return inner.replace(/[\\\]^]/g, '\\$&')
}

/** The paths that `expect` matches by name (any entry); every file's path without one. */
export function matchesOf(entries: readonly ExploreEntry[], expect: string | undefined): string[] {
  if (expect === undefined) return entries.filter((e) => e.type === 'file').map((e) => e.path)
  const pattern = globToRegExp(expect)
  return entries.filter((e) => pattern.test(e.name)).map((e) => e.path)
}

/** Waits between listings: 2 s, doubling to 30 s, never past the wait's end. */
export function nextWaitMs(look: number, leftMs: number): number {
  return Math.max(0, Math.min(2000 * 2 ** (look - 1), 30_000, leftMs))
}
