import { randomBytes } from 'node:crypto'

// Etags of every Flow Service collection, shaped like Adobe's
// ("1700d77b-0000-0200-0000-5e3b41a10000"), quotes included.

export function newEtag(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')
  return `"${randomBytes(4).toString('hex')}-0000-0200-0000-${seconds}0000"`
}

/** The etag of a change: never the one it replaces, so that an If-Match on the old one fails. */
export function changedEtag(previous: string): string {
  let etag = newEtag()
  while (etag === previous) etag = newEtag()
  return etag
}
