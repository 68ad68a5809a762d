// Taking a run's mark out of what it created, once the run has confirmed it. Another writer may
// have written the item meanwhile (a concurrent run converging on it): the write is made with
// If-Match, and on a 412 the item is read again; once the mark is no longer this run's, someone
// else took it out and the item is left as it is. The action says how to read and write.

import { markIn, type RunMark } from './ownership.js'

export interface MarkedItem {
  etag?: string
  description?: string
}

export interface UnmarkIo<W> {
  /** The item as it is now; undefined when it is gone. */
  read: () => Promise<MarkedItem | undefined>
  /** The description without the mark, written with If-Match on `etag`: what was written, or 'stale' (412). */
  write: (etag: string) => Promise<W | 'stale'>
  /** A wait before reading again after a 412 (spreading concurrent writers out); none by default. */
  pause?: (attempt: number) => Promise<void>
  /** How many writes may meet another writer before it gives up. */
  attempts: number
}

export type Unmarked<W> = { kind: 'written'; written: W } | { kind: 'by-another'; item: MarkedItem }

/** Writes the description without the mark; throws when the item is gone or kept changing. */
export async function takeMarkOut<W>(self: Pick<RunMark, 'token'>, etag: string | undefined, io: UnmarkIo<W>): Promise<Unmarked<W>> {
  let current = etag
  for (let attempt = 1; attempt <= io.attempts; attempt++) {
    if (current === undefined || attempt > 1) {
      if (attempt > 1) await io.pause?.(attempt - 1)
      const item = await io.read()
      if (item === undefined) throw new Error('it is gone')
      if (markIn(item.description)?.token !== self.token) return { kind: 'by-another', item }
      if (item.etag === undefined) throw new Error('it has no etag')
      current = item.etag
    }
    const result = await io.write(current)
    if (result !== 'stale') return { kind: 'written', written: result }
  }
  throw new Error(`its etag changed ${io.attempts} times while this run wrote it`)
}
