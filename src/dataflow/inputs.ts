// The dataflow action's inputs: the session's, then the dataflow's own (source, format, dataset,
// mapping, schedule, options, what to do with one that exists), validated before any request.

import { s3UriProblem } from '../platform/explore.js'
import {
  ENCODINGS,
  FILE_TYPES,
  readColumnDelimiter,
  readCompression,
  type Compression,
  type Encoding,
  type FileType
} from '../platform/file-format.js'
import { SESSION_DEFAULTS } from '../platform/defaults.js'
import { hasControl, InputReader, printable, type GetInput } from '../platform/input-reader.js'
import { isId } from '../platform/server-values.js'
import { readSession, serviceUrl, SESSION_SECRET_INPUTS, type Session } from '../platform/session.js'

export type Frequency = 'once' | 'minute' | 'hour' | 'day' | 'week'
export type IfExists = 'update' | 'reuse' | 'fail'
export type OnSourceChange = 'fail' | 'replace'

export interface SourceSpec {
  path: string
  recursive: boolean
  format: FileType
  columnDelimiter?: string
  compressionType?: Compression
  encoding?: Encoding
}

export interface Schedule {
  frequency: Frequency
  /** Absent with 'once'. */
  interval?: number
  /** Epoch seconds; undefined means 60 s from the moment the dataflow is created. */
  startTime?: number
  /** Absent with 'once'. */
  backfill?: boolean
}

/**
 * state: absent, the dataflow to delete with its connections: only what finds it is read, so that
 * one step can take either state. `connection-id`, when given, guards: a dataflow of this name that
 * reads another base connection is not deleted. It is optional here (the contract lists it) so
 * that a teardown can run again after the connection is gone.
 */
export interface Teardown {
  state: 'absent'
  session: Session
  baseUrls: Config['baseUrls']
  name: string
  connectionId?: string
  plan: boolean
  dryRun: boolean
}

export interface Config {
  state: 'present'
  session: Session
  baseUrls: { 'Flow Service': string; Catalog: string; 'Data Prep': string; 'Schema Registry': string }
  connectionId: string
  name: string
  /** Undefined when not given: the run's context supplies a default. */
  description?: string
  source: SourceSpec
  datasetId: string
  /** Workspace path of the mapping file; required for delimited files. */
  mappingFile?: string
  schedule: Schedule
  partialIngestionPercent?: number
  errorDiagnostics: boolean
  enabled: boolean
  ifExists: IfExists
  onSourceChange: OnSourceChange
  /** Start an on-demand run of the dataflow (scheduled once) after it is in place. */
  runNow: boolean
  waitForRun: boolean
  waitMinutes: number
  plan: boolean
  dryRun: boolean
}

export const DEFAULTS = {
  ...SESSION_DEFAULTS,
  recursive: 'false',
  encoding: 'UTF-8',
  frequency: 'once',
  'error-diagnostics': 'false',
  enabled: 'true',
  'if-exists': 'update',
  'on-source-change': 'fail',
  'run-now': 'false',
  'wait-for-run': 'false',
  'wait-minutes': '30',
  state: 'present',
  plan: 'false',
  'dry-run': 'false'
} as const

export const SECRET_INPUTS = SESSION_SECRET_INPUTS

/** A job runs six hours at most. */
export const MAX_WAIT_MINUTES = 360

/** Flow Service's schedule frequencies (the flow spec's enum). */
export const FREQUENCIES: readonly [Frequency, ...Frequency[]] = ['once', 'minute', 'hour', 'day', 'week']

export function readConfig(getInput: GetInput, nowMs: number): Config | Teardown {
  const r = new InputReader(getInput, DEFAULTS)
  const state = r.choice<'present' | 'absent'>('state', ['present', 'absent'])
  return state === 'absent' ? readTeardown(r) : readPresent(r, nowMs)
}

function readTeardown(r: InputReader): Teardown {
  const session = readSession(r)
  const connectionId = r.optional('connection-id')
  r.check('connection-id', connectionId, isId, `must be a connection id (a UUID); got '${printable(connectionId ?? '')}'`)
  const name = r.name('dataflow-name', 'name the dataflow to delete')
  const plan = r.boolean('plan')
  const dryRun = r.boolean('dry-run')
  if (plan && dryRun) r.fail(BOTH_PLAN_AND_DRY_RUN)
  r.done()
  return {
    state: 'absent',
    session,
    baseUrls: baseUrlsOf(session),
    name,
    ...(connectionId !== undefined && { connectionId }),
    plan,
    dryRun
  }
}

function baseUrlsOf(session: Session): Config['baseUrls'] {
  return {
    'Flow Service': serviceUrl(session, 'flowService'),
    Catalog: serviceUrl(session, 'catalog'),
    'Data Prep': serviceUrl(session, 'dataPrep'),
    'Schema Registry': serviceUrl(session, 'schemaRegistry')
  }
}

const BOTH_PLAN_AND_DRY_RUN =
  "Inputs 'plan' and 'dry-run' are both set: 'plan' reads what exists and changes nothing, 'dry-run' sends nothing at all; choose one."

function readPresent(r: InputReader, nowMs: number): Config {
  const session = readSession(r)

  const connectionId = r.required('connection-id', "pass the connection action's output, e.g. '${{ steps.s3.outputs.connection-id }}'")
  r.check('connection-id', connectionId, isId, `must be a connection id (a UUID); got '${printable(connectionId)}'`)
  const name = r.name('dataflow-name', 'name the dataflow')
  const description = r.description()

  const source = readSource(r)
  const datasetId = r.required('dataset-id', 'give the id of the dataset the files go into (Datasets in the Platform UI)')
  r.check('dataset-id', datasetId, isId, `must be a dataset id (24 hex digits, as the Platform UI shows it); got '${printable(datasetId)}'`)
  const mappingFile = r.optional('mapping')
  r.check(
    'mapping',
    mappingFile,
    (v) => !hasControl(v) && v.length <= 1024,
    'must be one line: the workspace path of a .json or .csv mapping file'
  )
  if (mappingFile === undefined && source.format === 'delimited') {
    r.fail(
      "Input 'mapping' is required with 'data-format: delimited': give the workspace path of a mapping file (a JSON array of {source, destination} or a CSV with source,destination columns)."
    )
  }

  const schedule = readSchedule(r, nowMs)
  const partial = r.optional('partial-ingestion-percent')
  // A whole number: the OpenAPI file types partialIngestionPercent as an integer.
  r.check(
    'partial-ingestion-percent',
    partial,
    (v) => /^\d+$/.test(v) && Number(v) > 0 && Number(v) <= 100,
    'must be a whole number from 1 to 100 (the error threshold, in percent)'
  )

  const config: Config = {
    state: 'present',
    session,
    baseUrls: baseUrlsOf(session),
    connectionId,
    name,
    ...(description !== undefined && { description }),
    source,
    datasetId,
    ...(mappingFile !== undefined && { mappingFile }),
    schedule,
    ...(partial !== undefined && { partialIngestionPercent: Number(partial) }),
    errorDiagnostics: r.boolean('error-diagnostics'),
    enabled: r.boolean('enabled'),
    ifExists: r.choice<IfExists>('if-exists', ['update', 'reuse', 'fail']),
    onSourceChange: r.choice<OnSourceChange>('on-source-change', ['fail', 'replace']),
    runNow: r.boolean('run-now'),
    waitForRun: r.boolean('wait-for-run'),
    waitMinutes: r.number('wait-minutes', { integer: false, max: MAX_WAIT_MINUTES }),
    plan: r.boolean('plan'),
    dryRun: r.boolean('dry-run')
  }
  if (config.plan && config.dryRun) r.fail(BOTH_PLAN_AND_DRY_RUN)
  if (config.plan && config.waitForRun) r.fail("Input 'wait-for-run' waits for a run after a write, and 'plan' writes nothing: remove one.")
  if (config.runNow && config.schedule.frequency !== 'once')
    r.fail(
      `Input 'run-now' starts an on-demand run, which Adobe allows only for a dataflow scheduled once, and 'frequency' is '${config.schedule.frequency}': set 'frequency: once' (each run-now then ingests what landed since the last run), or remove 'run-now' and let the schedule run it.`
    )
  if (!config.enabled && (config.runNow || config.waitForRun))
    r.fail(
      `Input '${config.runNow ? 'run-now' : 'wait-for-run'}' needs the dataflow to run, and 'enabled: false' keeps it from running: remove one.`
    )
  r.done()
  return config
}

function readSource(r: InputReader): SourceSpec {
  const path = r.required(
    'source-path',
    "give the file, folder or wildcard path to read, as explore listings give it ('/my-bucket/daily/*.csv')"
  )
  const uri = s3UriProblem('source-path', path)
  if (uri !== undefined) r.fail(uri)
  else
    r.check(
      'source-path',
      path,
      (v) => v.startsWith('/') && !hasControl(v) && v.length <= 2048,
      "must be one line starting with '/', as explore listings give paths"
    )
  const format = r.requiredChoice<FileType>('data-format', FILE_TYPES, "say how the files are written: 'delimited', 'json' or 'parquet'")
  const compression = readCompression(r, format)
  const source: SourceSpec = {
    path,
    recursive: r.boolean('recursive'),
    format,
    ...(compression !== undefined && { compressionType: compression })
  }
  if (format !== 'delimited') {
    if (r.verbatim('column-delimiter') !== '') r.fail("Input 'column-delimiter' is only used with 'data-format: delimited'; remove it.")
    return source
  }
  return { ...source, columnDelimiter: readColumnDelimiter(r, ','), encoding: r.choice('encoding', ENCODINGS) }
}

function readSchedule(r: InputReader, nowMs: number): Schedule {
  const frequency = r.choice('frequency', FREQUENCIES)
  const intervalInput = r.optional('interval')
  const backfillInput = r.optional('backfill')
  const startInput = r.optional('start-time')
  const startTime = startInput !== undefined ? readStartTime(r, startInput, nowMs) : undefined
  if (frequency === 'once') {
    if (intervalInput !== undefined)
      r.fail("Input 'interval' is not allowed with 'frequency: once'; remove it, or choose minute, hour, day or week.")
    if (backfillInput !== undefined)
      r.fail("Input 'backfill' is not allowed with 'frequency: once'; remove it, or choose minute, hour, day or week.")
    return { frequency, ...(startTime !== undefined && { startTime }) }
  }
  const min = frequency === 'minute' ? 15 : 1
  const interval = intervalInput === undefined ? (frequency === 'minute' ? 15 : 1) : Number(intervalInput)
  r.check(
    'interval',
    intervalInput,
    (v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= 1000,
    `must be a whole number from ${min} to 1000 with 'frequency: ${frequency}'`
  )
  let backfill = true
  if (backfillInput !== undefined) {
    if (['false', 'False', 'FALSE'].includes(backfillInput)) backfill = false
    else if (!['true', 'True', 'TRUE'].includes(backfillInput))
      r.fail(`Input 'backfill' must be 'true' or 'false'; got '${printable(backfillInput)}'.`)
  }
  return { frequency, interval, backfill, ...(startTime !== undefined && { startTime }) }
}

/** ISO 8601 with its zone ('2026-12-01T06:00:00Z', '…+02:00'): a runner's own zone is no one's intent. */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/

/** ISO 8601 or epoch seconds, as epoch seconds. Whether it has passed is checked when a dataflow is created. */
function readStartTime(r: InputReader, value: string, nowMs: number): number | undefined {
  const seconds = /^\d{9,11}$/.test(value) ? Number(value) : isoSeconds(r, value)
  if (seconds === undefined) return undefined
  if (seconds > nowMs / 1000 + 366 * 24 * 3600) r.fail(`Input 'start-time' is more than a year ahead; got '${printable(value)}'.`)
  return Math.floor(seconds)
}

function isoSeconds(r: InputReader, value: string): number | undefined {
  const example = "ISO 8601 with a zone ('2026-12-01T06:00:00Z', or '2026-12-01T07:00:00+01:00') or epoch seconds"
  const match = ISO_TIME.exec(value)
  if (match === null) {
    r.fail(`Input 'start-time' must be ${example}; got '${printable(value)}'.`)
    return undefined
  }
  const [, year, month, day, hour, minute, second = '0', zone] = match
  if (zone === undefined) {
    r.fail(`Input 'start-time' must say its time zone (end it with Z for UTC, or an offset such as +02:00); got '${printable(value)}'.`)
    return undefined
  }
  const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate()
  const real = Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= days
  if (!real || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    r.fail(`Input 'start-time' is not a date and time that exists; got '${printable(value)}'.`)
    return undefined
  }
  return Date.parse(value) / 1000
}
