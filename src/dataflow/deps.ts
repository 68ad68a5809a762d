// What the dataflow's story is given (its clients, its run's mark, its log) and what it returns.

import type { LagDeps } from '../platform/lag.js'
import type { Ledger } from '../platform/ledger.js'
import type { RunMark } from '../platform/ownership.js'
import type { DataflowClient } from './client.js'
import type { Change, Wanted } from './decide.js'
import type { ExistingFlow } from './model.js'
import type { PathType } from './source-look.js'

export interface Deps extends LagDeps {
  client: DataflowClient
  /** Under the whole step's deadline, and not cancellable: for deleting what a failed run made. */
  cleanup: DataflowClient
  /** What everything this run creates carries until the run confirms it. */
  mark: RunMark
  /** What the run made (the client writes it there) and, once confirmed, keeps. */
  ledger: Ledger
  log: (message: string) => void
  warn: (message: string) => void
}

export interface Ask {
  wanted: Wanted
  /** The description of what the run creates (the given one, or the run's default). */
  description: string
  /** Read what exists and say what a run would do; change nothing. */
  plan: boolean
}

/** The ask once rehearsed: what the source path names, as a listing showed it (the source connection's type). */
export interface Rehearsed extends Ask {
  sourceType: PathType
}

export type Operation = 'created' | 'updated' | 'reused' | 'replaced' | 'planned' | 'deleted' | 'absent'

export interface Outcome {
  operation: Operation
  flowId?: string
  etag?: string
  sourceId?: string
  targetId?: string
  mapping?: { id: string; version: number }
  changes: Change[]
  /** When the run last wrote to the dataflow (epoch ms). */
  wroteAt?: number
  /** The dataflow as this run read it, when it existed before (its etag may have changed since). */
  flow?: ExistingFlow
  /** Its schedule after the run: a new dataflow's start time is the one it was created with. */
  schedule?: ExistingFlow['schedule']
  /** What the run (or the plan) did or would do that a reader must see: said as warnings. */
  warnings?: string[]
}

/**
 * A failure after which the outputs are still true (a replacement is in place although the old
 * dataflow could not be deleted; a dataflow that could not be disabled): main writes them, then
 * fails the step with the message.
 */
export class IncompleteError extends Error {
  constructor(
    message: string,
    readonly outcome: Outcome
  ) {
    super(message)
    this.name = 'IncompleteError'
  }
}
