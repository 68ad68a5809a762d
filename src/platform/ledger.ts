// What a run made, and where each thing stands: kept as part of its outcome, deleted again, or
// left behind. A failed or cancelled run's message is read from it, so that it says what is true:
// what was deleted, and what is left for the next run (or a person) to finish or remove.

import { oneLine } from './text.js'

export type Standing = 'made' | 'uncertain' | 'kept' | 'deleted' | 'undeletable'

interface Entry {
  /** 'source connection', 'dataflow': how a message names it. */
  what: string
  /** Undefined for a create whose outcome is unknown and that no lookup found. */
  id?: string
  standing: Standing
}

export class Ledger {
  private readonly entries: Entry[] = []

  /** A create was answered (or found by the run's mark after its answer was lost): the thing exists and is this run's. */
  made(what: string, id: string): void {
    const known = this.find(id) ?? this.entries.find((e) => e.standing === 'uncertain' && e.what === what)
    if (known === undefined) {
      this.entries.push({ what, id, standing: 'made' })
      return
    }
    known.id = id
    known.standing = 'made'
  }

  /** A create's outcome is unknown (its answer was lost, then the run stopped before it could look). */
  uncertain(what: string): void {
    this.entries.push({ what, standing: 'uncertain' })
  }

  /** Made, and no API can delete it (a Data Prep mapping set): it stays whatever happens, and a failure says so. */
  undeletable(what: string, id: string): void {
    this.entries.push({ what, id, standing: 'undeletable' })
  }

  /** Part of the run's outcome: it stays, on purpose. */
  kept(id: string): void {
    const entry = this.find(id)
    if (entry !== undefined) entry.standing = 'kept'
  }

  deleted(id: string): void {
    const entry = this.find(id)
    if (entry !== undefined) entry.standing = 'deleted'
  }

  /** Made by this run and neither kept nor deleted. */
  left(): readonly Entry[] {
    return this.entries.filter((e) => e.standing === 'made' || e.standing === 'uncertain')
  }

  /** What a failure says: what the run deleted of what it made, and what it left; undefined when it made nothing. */
  account(nextRun: string): string | undefined {
    const deleted = this.entries.filter((e) => e.standing === 'deleted')
    const left = this.left()
    const stays = this.entries.filter((e) => e.standing === 'undeletable')
    const sentences = [
      ...(deleted.length > 0 && left.length === 0 ? [`This run deleted what it had made (${names(deleted)}).`] : []),
      ...(left.length > 0 ? [`Left by this run: ${leftNames(left)}; ${nextRun}.`] : []),
      ...(stays.length > 0 ? [`Made by this run and kept, as no API deletes it: ${names(stays)}.`] : [])
    ]
    return sentences.length > 0 ? sentences.join(' ') : undefined
  }

  private find(id: string): Entry | undefined {
    return this.entries.find((e) => e.id !== undefined && e.id.toLowerCase() === id.toLowerCase())
  }
}

function leftNames(left: readonly Entry[]): string {
  const made = left.filter((e) => e.standing === 'made')
  const uncertain = left.some((e) => e.standing === 'uncertain') ? ' (and a create whose answer was lost may have made one more)' : ''
  return `${made.length > 0 ? names(made) : 'nothing it knows of'}${uncertain}`
}

function names(entries: readonly Entry[]): string {
  return entries.map((e) => oneLine(`${e.what} ${e.id ?? ''}`.trim(), 100)).join(', ') || 'nothing it knows of'
}
