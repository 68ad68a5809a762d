// A create carries a mark at the end of its description until the run has its answer. Flow Service
// has no idempotency key and names are not unique, so after an answer that was lost, the mark is
// what tells this run's connection from one a concurrent run made at the same moment; the
// description is the only free field of a create (name, description, auth, connectionSpec). Once
// the run knows its connection, the mark is taken out (while it lists again, costing no round trip).

import { MAX_DESCRIPTION_LENGTH } from '../platform/input-reader.js'

/** ' [creating 3f9a1c2e]': a space, then 8 hex digits in brackets, at the very end. */
const MARK = / \[creating ([0-9a-f]{8})\]$/

const MARK_LENGTH = ' [creating 00000000]'.length

/** The description a create sends (mark: 8 hex digits): the wanted one, cut if it must be to leave room, then the mark. */
export function marked(description: string, mark: string): string {
  return `${description.slice(0, MAX_DESCRIPTION_LENGTH - MARK_LENGTH)} [creating ${mark}]`
}

/** The mark a description ends with, if it ends with one. */
export function markOf(description: string | undefined): string | undefined {
  return description === undefined ? undefined : MARK.exec(description)?.[1]
}

/** The description without its mark: what a create that never finished (a killed run) meant. */
export function unmarked(description: string): string {
  return description.replace(MARK, '')
}
