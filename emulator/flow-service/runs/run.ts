import { identityRow, mapRow, type CompiledRule, type Mapped } from '../../data-prep/mapping.js'
import { fileBytes, readFile, selectFiles, type FileSelection, type ReadOptions } from '../../s3/files.js'
import type { Buckets, FileNode } from '../../s3/tree.js'
import type { RunError, XdmFieldType } from '../../types.js'

// One dataflow run, as ingestion does it: read each new file the source connection names, map
// every row onto the target schema, and decide the outcome from what was written and what
// failed. Pure: the scheduler decides when, and keeps the outcome until the run completes.

export interface RunPlan {
  buckets: Buckets
  selection: FileSelection
  read: ReadOptions
  fields: Record<string, XdmFieldType>
  /** The Mapping transformation's rules; without one, rows are taken as XDM already. */
  rules?: CompiledRule[]
  partialIngestionPercent?: number
  /** Whether a selected file is for this run (backfill, or not ingested by an earlier run). */
  isNew(file: FileNode): boolean
}

export interface RunOutcome {
  status: 'success' | 'failed'
  files: FileNode[]
  filesFailed: number
  inputBytes: number
  recordsRead: number
  recordsFailed: number
  /** What the run writes into the dataset: the good records of a successful run, nothing otherwise. */
  records: Record<string, unknown>[]
  errors: RunError[]
}

/** Row failures quoted in the run's error message at most; the count covers them all. */
export const QUOTED_ROW_ERRORS = 3

export const RUN_ERRORS = {
  access: 'CONNECTOR-1006-400',
  nothing: 'CONNECTOR-2001-404',
  unreadable: 'CONNECTOR-2002-400',
  threshold: 'CONNECTOR-2003-400',
  missing: 'CONNECTOR-2005-404',
  rows: 'MAPPER-3001-400'
} as const

export function failedOutcome(code: string, message: string): RunOutcome {
  return {
    status: 'failed',
    files: [],
    filesFailed: 0,
    inputBytes: 0,
    recordsRead: 0,
    recordsFailed: 0,
    records: [],
    errors: [{ code, message }]
  }
}

interface Tally {
  records: Record<string, unknown>[]
  rowErrors: string[]
  read: number
  failed: number
  fileErrors: RunError[]
  bytes: number
}

export function executeRun(plan: RunPlan): RunOutcome {
  const selected = selectFiles(plan.buckets, plan.selection)
  if (!selected.ok) return failedOutcome(RUN_ERRORS.nothing, selected.problem.message)
  const files = selected.value.filter((f) => plan.isNew(f))
  const tally: Tally = { records: [], rowErrors: [], read: 0, failed: 0, fileErrors: [], bytes: 0 }
  for (const file of files) readInto(tally, file, plan)
  const written = tally.records.length
  const partial = plan.partialIngestionPercent
  const success =
    written > 0 &&
    (partial === undefined ? tally.failed === 0 && tally.fileErrors.length === 0 : tally.failed * 100 <= partial * tally.read)
  return {
    status: success ? 'success' : 'failed',
    files,
    filesFailed: tally.fileErrors.length,
    inputBytes: tally.bytes,
    recordsRead: tally.read,
    recordsFailed: tally.failed,
    records: success ? tally.records : [],
    errors: [...tally.fileErrors, ...rowErrors(tally), ...verdictErrors(tally, plan, files.length, success)]
  }
}

function readInto(tally: Tally, node: FileNode, plan: RunPlan): void {
  tally.bytes += fileBytes(node.file).length
  const table = readFile(node.file, plan.read, node.path)
  if (!table.ok) {
    tally.fileErrors.push({ code: RUN_ERRORS.unreadable, message: table.problem.message })
    return
  }
  for (const [index, row] of table.value.rows.entries()) {
    tally.read += 1
    const mapped: Mapped = plan.rules ? mapRow(plan.rules, row) : identityRow(plan.fields, row)
    if (mapped.ok) tally.records.push(mapped.record)
    else {
      tally.failed += 1
      if (tally.rowErrors.length < QUOTED_ROW_ERRORS) tally.rowErrors.push(`record ${index + 1} of '${node.path}': ${mapped.reason}`)
    }
  }
}

function rowErrors(tally: Tally): RunError[] {
  if (tally.failed === 0) return []
  return [{ code: RUN_ERRORS.rows, message: `${tally.failed} of ${tally.read} records failed: ${tally.rowErrors.join('; ')}.` }]
}

function verdictErrors(tally: Tally, plan: RunPlan, fileCount: number, success: boolean): RunError[] {
  if (success) return []
  const path = plan.selection.path
  if (fileCount === 0) return [{ code: RUN_ERRORS.nothing, message: `No new file to ingest at '${path}'.` }]
  if (tally.failed === 0 && tally.fileErrors.length === 0)
    return [{ code: RUN_ERRORS.nothing, message: `The files at '${path}' hold no record.` }]
  const partial = plan.partialIngestionPercent
  if (partial === undefined)
    return [{ code: RUN_ERRORS.threshold, message: 'Partial ingestion is off: a run with a failed record or file writes nothing.' }]
  if (tally.records.length === 0) return [{ code: RUN_ERRORS.threshold, message: 'No record could be written.' }]
  const percent = Math.round((tally.failed * 1000) / tally.read) / 10
  return [
    { code: RUN_ERRORS.threshold, message: `${percent}% of the records failed, over the partial ingestion threshold of ${partial}%.` }
  ]
}
