// What the sandbox holds for a dataflow, as the client reads it (every value checked): the
// dataset, the dataflow, the source and target connections it points at, its mapping set and its
// runs. decide.ts reasons about these; client.ts makes them from Adobe's answers.

import type { PartKind } from '../platform/usage.js'
import type { Frequency } from './inputs.js'

export interface Dataset {
  id: string
  name: string
  schemaId: string
}

export interface ExistingFlow {
  id: string
  etag: string
  name: string
  description?: string
  state: string
  sourceConnectionId?: string
  targetConnectionId?: string
  /** The Mapping transformation: its index among the transformations, and what it points at. */
  mapping?: { index: number; id: string; version: number }
  schedule: { frequency?: Frequency; interval?: number; startTime?: number; backfill?: boolean }
  /** Absent when the dataflow has no options member (JSON Patch then adds it, never replaces it). */
  options?: { partialIngestionPercent?: number; errorDiagnosticsEnabled?: boolean }
  createdAt?: number
  /** Its latest run, as the dataflow shows it (absent before the first). */
  lastRun?: { id: string; state: string; startedAt?: number }
}

export interface ExistingSource {
  id: string
  name: string
  description?: string
  etag?: string
  baseConnectionId: string
  format: string
  properties: Record<string, string>
  path: string
  recursive: boolean
  createdAt?: number
}

export interface ExistingTarget {
  id: string
  name: string
  description?: string
  etag?: string
  datasetId: string
  schemaId: string
  createdAt?: number
}

export interface ExistingMapping {
  id: string
  version: number
  mappings: { sourceType: string; source: string; destination: string }[]
}

/** A source or target connection: the two kinds of connection a dataflow is made of. */
export type { PartKind }

export type ExistingPart = ExistingSource | ExistingTarget

export interface Run {
  id: string
  /** Epoch ms: when the run was created (asked for, or due on the schedule). */
  createdAt?: number
  /** Epoch ms: when the run started (or was created). */
  startedAt?: number
  /** An on-demand run's window (epoch seconds), when the service shows the params it was asked with. */
  window?: { start: number; end: number }
  filesRead?: number
  completedAt?: number
  status: string
  recordsRead?: number
  recordsWritten?: number
  recordsFailed?: number
  errors: string[]
}

export interface ValidationProblem {
  source?: string
  destination?: string
  message: string
}

/** What a create left: this run's object (its etag when the answer had one), or one found by its mark after a lost answer. */
export type Made = { kind: 'created'; id: string; etag?: string } | { kind: 'recovered'; id: string }

/** How messages and the ledger name each part. */
export const PART_NAMES = {
  source: 'source connection',
  target: 'target connection',
  flow: 'dataflow',
  mapping: 'mapping set'
} as const satisfies Record<PartKind | 'flow' | 'mapping', string>
