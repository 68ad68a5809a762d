// Lists that may lag behind a create. Adobe documents nothing about how soon a new connection
// or dataflow shows in its listing, so a run that must know looks again, at growing intervals,
// before it trusts what the list says.

import type { Clock } from './retry.js'

/** The waits between lookups: 5.5 s in all. */
export const LAG_SCHEDULE_MS: readonly number[] = [0, 500, 1000, 2000, 2000]

export interface LagDeps {
  clock: Clock
  remainingMs: () => number
  /** The waits between lookups; LAG_SCHEDULE_MS unless a test shortens them. */
  lagSchedule?: readonly number[]
}

export interface Seen<T> {
  /** What the last lookup answered. */
  last: T
  seen: boolean
  looks: number
}

/**
 * Asks `look` again and again, waiting the schedule's intervals in between, until `seen` holds
 * or the schedule runs out; a wait the time left cannot hold (with a second to spare) ends it.
 */
export async function untilSeen<T>(d: LagDeps, look: () => Promise<T>, seen: (value: T) => boolean): Promise<Seen<T>> {
  const [first = 0, ...later] = d.lagSchedule ?? LAG_SCHEDULE_MS
  await d.clock.sleep(first)
  let last = await look()
  let looks = 1
  for (const delay of later) {
    if (seen(last) || d.remainingMs() < delay + 1000) break
    await d.clock.sleep(delay)
    last = await look()
    looks += 1
  }
  return { last, seen: seen(last), looks }
}
