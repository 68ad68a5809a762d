// What the connection's story is given (its clients, its run's mark, its log) and what it returns.

import type { RunContext } from '../platform/context.js'
import type { LagDeps } from '../platform/lag.js'
import type { RunMark } from '../platform/ownership.js'
import type { Written } from '../platform/api.js'
import type { ConnectionsClient } from './client.js'
import type { WantedConnection } from './decide.js'
import type { Auth } from './requests.js'

export type Operation = 'created' | 'updated' | 'reused'

export interface Outcome extends Written {
  operation: Operation
  /** What verification found, when it ran: 'yes: 3 entries listed'. */
  verified?: string
}

/** What the inputs ask for. */
export interface Wanted {
  connection: WantedConnection
  auth: Auth
  /** The given description; on update only a given one replaces the current. */
  description?: string
  defaultDescription: () => Promise<string>
  verify: boolean
  /** What verification lists (a bucket and folder path); the root when undefined. */
  verifyObject?: string
}

export interface Deps extends LagDeps {
  client: ConnectionsClient
  /** For deleting what the run made: under the whole step's deadline, past the work's. */
  cleanup: ConnectionsClient
  context: Promise<RunContext>
  /** What everything this run creates carries until the run confirms it. */
  mark: RunMark
  log: (message: string) => void
  warn: (message: string) => void
}

export class VerifyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'VerifyError'
  }
}
