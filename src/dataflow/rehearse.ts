// The rehearsal: before a run writes anything (and all a plan does), what Platform would refuse is
// asked of Platform itself: the base connection is read, the source path listed and one file it
// names previewed, the dataset's schema read, the mapping validated by Data Prep. Reads go out
// together; only what the decision writes is rehearsed, so a re-run that changes nothing reads
// nothing more.

import { ApiError } from '../platform/errors.js'
import type { ExploreEntry } from '../platform/explore.js'
import type { FileFormat } from '../platform/file-format.js'
import { oneLine, quoted } from '../platform/text.js'
import { columnFindings, connectionProblems, destinationProblems, startTimeProblem, type Findings } from './checks.js'
import type { Decision, Wanted } from './decide.js'
import type { Deps } from './deps.js'
import type { SourceSpec } from './inputs.js'
import type { Mapping } from './mapping.js'
import type { Dataset, ValidationProblem } from './model.js'
import { mappingSetBody } from './requests.js'
import type { SchemaFields } from './schema.js'
import { lookStart, pathTypeOf, readLook, type PathType } from './source-look.js'

/** What a decision writes, and so what is rehearsed. */
export interface Scope {
  /** A new source connection (and dataflow): the base connection, the path, the start time. */
  source: boolean
  /** A new mapping set or version: Data Prep's validation, the schema's fields. */
  mappingSet: boolean
  /** The mapping against a file's columns: when the mapping or the files it reads are new. */
  columns: boolean
}

export function scopeOf(decision: Decision, wanted: Wanted): Scope | undefined {
  const maps = wanted.mappings !== undefined
  switch (decision.kind) {
    case 'create':
      return { source: true, mappingSet: maps, columns: maps }
    case 'replace':
      return { source: true, mappingSet: maps && decision.reuseMapping === undefined, columns: maps }
    case 'update':
      return decision.steps.mapping !== undefined ? { source: false, mappingSet: true, columns: true } : undefined
    case 'reuse':
    case 'fail':
      return undefined
  }
}

export interface Rehearsal {
  /** What the source path names, as the listing showed it: the source connection's `params.type`. */
  sourceType: PathType
}

/** What Platform would refuse, found by the rehearsal: nothing was written. */
export class RefusedError extends Error {
  constructor(problems: readonly string[]) {
    super(`Platform would refuse this dataflow, so nothing was created or changed:\n${problems.map((p) => `- ${p}`).join('\n')}`)
    this.name = 'RefusedError'
  }
}

export class MappingInvalidError extends Error {
  constructor(problems: readonly ValidationProblem[]) {
    const lines = problems.map(
      (p) =>
        `- ${[p.source !== undefined ? `source ${quoted(p.source)}` : '', p.destination !== undefined ? `destination ${quoted(p.destination)}` : ''].filter((s) => s !== '').join(' -> ') || 'mapping set'}: ${oneLine(p.message)}`
    )
    super(`Data Prep refused the mapping, so nothing was created or changed:\n${lines.join('\n')}`)
    this.name = 'MappingInvalidError'
  }
}

export async function rehearse(d: Deps, wanted: Wanted, dataset: Dataset, decision: Decision): Promise<Rehearsal> {
  const scope = scopeOf(decision, wanted)
  const fallback: Rehearsal = { sourceType: pathTypeOf(wanted.source.path) }
  if (scope === undefined) return fallback
  const start = scope.source ? startTimeProblem(wanted.schedule, d.clock.now()) : undefined
  const mappings = wanted.mappings
  const [connection, looked, validation, fields] = await Promise.all([
    scope.source ? d.client.baseConnection(wanted.baseConnectionId) : undefined,
    scope.source || scope.columns ? settle(look(d, wanted)) : undefined,
    scope.mappingSet && mappings !== undefined ? d.client.validate(mappingSetBody(dataset.schemaId, mappings)) : [],
    scope.mappingSet && mappings !== undefined ? schemaFields(d, dataset.schemaId) : undefined
  ])
  const problems = [
    ...(start !== undefined ? [start] : []),
    ...(scope.source
      ? connectionProblems(connection, { id: wanted.baseConnectionId, sandboxName: d.client.sandboxName, path: wanted.source.path })
      : []),
    ...(mappings !== undefined && fields !== undefined ? destinationProblems(mappings, fields, dataset.schemaId) : [])
  ]
  // A listing through a connection that is refused says nothing more: the connection's problem is the one.
  if (problems.length === 0 && looked?.ok === false) throw looked.error
  const source = looked?.ok === true ? looked.value : undefined
  if (source !== undefined && mappings !== undefined) {
    const found = await columnsOf(d, wanted, source.file, mappings)
    problems.push(...found.problems)
    for (const warning of found.warnings) d.warn(warning)
  }
  if (problems.length > 0) throw new RefusedError(problems)
  if (validation.length > 0) throw new MappingInvalidError(validation)
  if (mappings !== undefined && scope.mappingSet)
    d.log(`Data Prep validated the mapping: ${mappings.length} mapping(s) into schema ${dataset.schemaId}.`)
  return source !== undefined ? { sourceType: source.type } : fallback
}

interface Look {
  type: PathType
  /** The file whose columns the mapping is checked against, if the path names any yet. */
  file?: ExploreEntry
}

/** What the source path names, and the first file there: one listing, two for a folder named without its '/'. */
async function look(d: Deps, wanted: Wanted): Promise<Look> {
  const { path } = wanted.source
  const listed = await listing(d, wanted, lookStart(path).folder)
  const first = readLook(path, listed)
  const files = first.listNext !== undefined ? readLook(first.listNext, await listing(d, wanted, first.listNext)).files : first.files
  const file = files.find((f) => f.canPreview !== false)
  if (file === undefined) {
    d.warn(
      `Nothing at ${quoted(path)} can be previewed yet: runs find no file until one lands there${wanted.mappings !== undefined ? ", and the mapping's sources were not checked against a file's columns" : ''}.`
    )
  }
  return { type: first.type, ...(file !== undefined && { file }) }
}

async function listing(d: Deps, wanted: Wanted, folder: string | undefined): Promise<ExploreEntry[]> {
  try {
    return await d.client.list(wanted.baseConnectionId, folder)
  } catch (error) {
    if (!refused(error)) throw error
    throw new RefusedError([
      `Input 'source-path': the connection could not list ${quoted(folder ?? '/')}: ${oneLine(error.message)} Give a path as the explore action's listing shows it ('/my-bucket/folder/file.csv').`
    ])
  }
}

/** The mapping against the previewed file's columns (delimited and JSON files, as explore previews them). */
async function columnsOf(d: Deps, wanted: Wanted, file: ExploreEntry | undefined, mappings: readonly Mapping[]): Promise<Findings> {
  const { source } = wanted
  if (file === undefined || source.format === 'parquet') return { problems: [], warnings: [] }
  try {
    const preview = await d.client.preview(wanted.baseConnectionId, file.path, formatOf(source))
    d.log(`Previewed ${quoted(file.path)}: ${preview.columns.length} column(s); the mapping's sources are checked against them.`)
    return columnFindings(mappings, preview.columns, source.format, file.path)
  } catch (error) {
    if (!refused(error)) throw error
    return {
      problems: [
        `Flow Service could not read ${quoted(file.path)} as the inputs describe it (${describe(source)}): ${oneLine(error.message)} Check 'data-format', 'column-delimiter', 'compression-type' and 'encoding'.`
      ],
      warnings: []
    }
  }
}

/** The schema's fields; a Schema Registry that cannot be read (no permission to it) leaves the destinations to Data Prep. */
async function schemaFields(d: Deps, schemaId: string): Promise<SchemaFields | undefined> {
  try {
    return await d.client.schemaFields(schemaId)
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status ?? 500) >= 500) throw error
    d.warn(
      `The Schema Registry did not give schema ${schemaId} (${oneLine(error.message)}); Data Prep's validation alone checks the destinations.`
    )
    return undefined
  }
}

function formatOf(source: SourceSpec): FileFormat {
  return {
    fileType: source.format,
    ...(source.columnDelimiter !== undefined && { columnDelimiter: source.columnDelimiter }),
    ...(source.compressionType !== undefined && { compressionType: source.compressionType }),
    ...(source.encoding !== undefined && { encoding: source.encoding })
  }
}

function describe(source: SourceSpec): string {
  return [source.format, source.columnDelimiter && `delimiter ${quoted(source.columnDelimiter)}`, source.compressionType, source.encoding]
    .filter((part) => typeof part === 'string' && part !== '')
    .join(', ')
}

/** A definite refusal (4xx) of a read: the input's mistake, not the service's trouble. */
function refused(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status !== undefined && error.status >= 400 && error.status < 500
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise }
  } catch (error) {
    return { ok: false, error }
  }
}
