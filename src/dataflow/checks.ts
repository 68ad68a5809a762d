// What Platform would refuse in a dataflow, told before anything is written (a plan's verdict and
// a real run's first step): the base connection, the start time, the mapping's destinations
// against the dataset's schema and its sources against a file's columns. Pure: each takes what was
// read and returns the problems, each naming the input to fix; server names are quoted.

import { S3_SPEC_ID, scopeOf, within, type BaseConnection } from '../platform/base-connection.js'
import { didYouMean } from '../platform/did-you-mean.js'
import type { Column } from '../platform/explore.js'
import type { FileType } from '../platform/file-format.js'
import { quoted } from '../platform/text.js'
import { isoUtc } from '../platform/time.js'
import type { Schedule } from './inputs.js'
import type { Mapping } from './mapping.js'
import { hasField, type SchemaFields } from './schema.js'

/** Problems a message lists with their suggestions; the rest are counted (a suggestion costs a search). */
export const MAX_PROBLEMS = 20

export interface Findings {
  /** What the real run would be refused: the step fails before any write. */
  problems: string[]
  /** What may go wrong but cannot be told for sure: said, not refused. */
  warnings: string[]
}

/** The base connection the source connection is made on: in this sandbox, of Amazon S3, enabled, and reaching the path. */
export function connectionProblems(
  connection: BaseConnection | undefined,
  wanted: { id: string; sandboxName: string; path: string }
): string[] {
  if (connection === undefined) {
    return [
      `Input 'connection-id': sandbox ${quoted(wanted.sandboxName)} has no base connection ${wanted.id}. A connection belongs to one sandbox: pass the connection step's output, made with the same 'sandbox-name', or set 'sandbox-name' to the connection's sandbox.`
    ]
  }
  const named = `connection ${wanted.id}${connection.name !== '' ? ` (${quoted(connection.name)})` : ''}`
  if (connection.specId.toLowerCase() !== S3_SPEC_ID) {
    return [
      `Input 'connection-id': ${named} is not an Amazon S3 connection (its spec is ${quoted(connection.specId)}); the dataflow reads S3 through an S3 base connection.`
    ]
  }
  const problems: string[] = []
  if (connection.state !== undefined && connection.state !== 'enabled')
    problems.push(
      `Input 'connection-id': ${named} is ${quoted(connection.state)}, not enabled; enable it in the Platform UI (Sources > Accounts), or pass an enabled one.`
    )
  const scope = scopeOf(connection)
  if (scope !== undefined && !within(wanted.path, scope))
    problems.push(
      `Input 'source-path' (${quoted(wanted.path)}) is outside what ${named} may read, ${quoted(scope)} (its bucket and folder path): give a path below it, as the explore action's listing of the connection shows.`
    )
  return problems
}

/** A dataflow cannot be created to start in the past (Flow Service's 1360-400). */
export function startTimeProblem(schedule: Schedule, nowMs: number): string | undefined {
  if (schedule.startTime === undefined || schedule.startTime * 1000 >= nowMs) return undefined
  return `Input 'start-time' (${isoUtc(schedule.startTime * 1000)}) has passed, and a dataflow cannot be created to start in the past; give a later one, or leave it empty (60 s from now).`
}

/** Every destination must be a field of the dataset's schema; a near miss gets its likely field. */
export function destinationProblems(mappings: readonly Mapping[], fields: SchemaFields, schemaId: string): string[] {
  const unknown = mappings.flatMap((m, index) => (hasField(fields, m.destination) ? [] : [{ m, entry: index + 1 }]))
  return bounded(unknown, ({ m, entry }, suggest) => {
    const near = suggest ? didYouMean(m.destination, fields.paths) || sameLeaf(m.destination, fields.paths) : ''
    return `Input 'mapping': entry ${entry}'s destination ${quoted(m.destination)} is not a field of the dataset's schema ${schemaId}${near}.`
  })
}

/**
 * The columns an entry reads must be in the files: an ATTRIBUTE source is refused when the
 * previewed file has no such column. An EXPRESSION's column names are read with a reading of
 * Data Prep's language that is only partial, so a missing one is a warning, not a refusal.
 */
export function columnFindings(mappings: readonly Mapping[], columns: readonly Column[], format: FileType, file: string): Findings {
  const names = new Set(columns.map((c) => c.name))
  const missing = (source: string): boolean => !names.has(columnOf(source, format))
  const attributes = mappings.flatMap((m, index) => (m.sourceType === 'ATTRIBUTE' && missing(m.source) ? [{ m, entry: index + 1 }] : []))
  const problems = bounded(attributes, ({ m, entry }, suggest) => {
    const column = columnOf(m.source, format)
    return `Input 'mapping': entry ${entry} reads column ${quoted(column)}, which ${quoted(file)} does not have${suggest ? didYouMean(column, names) : ''} (its columns: ${shownColumns(columns)}).`
  })
  const warnings = mappings.flatMap((m, index) => {
    if (m.sourceType !== 'EXPRESSION') return []
    const absent = [...new Set(expressionColumns(m.source).map((c) => columnOf(c, format)))].filter((c) => !names.has(c))
    return absent.map(
      (column) =>
        `Mapping entry ${index + 1}'s expression reads ${quoted(column)}, which ${quoted(file)} has no column of${didYouMean(column, names)}; if it is a column, the run's rows will fail to map.`
    )
  })
  return { problems, warnings: warnings.slice(0, MAX_PROBLEMS) }
}

/**
 * The column a source reads: in a delimited file the whole name ('\.' is a dot of the name
 * itself), in JSON and Parquet the top-level field the path starts with.
 */
export function columnOf(source: string, format: FileType): string {
  if (format === 'delimited') return source.replace(/\\\./g, '.')
  const first = source.split(/(?<!\\)\./)[0] ?? source
  return first.replace(/\\\./g, '.')
}

// Identifiers an expression reads: names (with dotted paths and '\.'), outside double-quoted
// strings, not followed by '(' (a function) and not a literal. A reading of the subset the docs
// show, which is why what it finds is only warned about.
const STRING = /"(?:[^"\\]|\\.)*"/g
const NAME = /(?<![\w$\\.])([A-Za-z_$][\w$]*(?:(?:\\?\.)[A-Za-z_$][\w$]*)*)(?!\s*\()(?![\w$])/g
const LITERALS = new Set(['true', 'false', 'null'])

export function expressionColumns(expression: string): string[] {
  const code = expression.replace(STRING, '""')
  return [...code.matchAll(NAME)].map((m) => m[1] ?? '').filter((name) => name !== '' && !LITERALS.has(name.toLowerCase()))
}

function bounded<T>(items: readonly T[], say: (item: T, suggest: boolean) => string): string[] {
  const said = items.map((item, index) => say(item, index < MAX_PROBLEMS))
  if (said.length <= MAX_PROBLEMS * 5) return said
  return [...said.slice(0, MAX_PROBLEMS * 5), `and ${said.length - MAX_PROBLEMS * 5} more`]
}

/** A field whose own name is the destination's last segment, when only one is: a path given at the wrong depth. */
function sameLeaf(destination: string, paths: ReadonlySet<string>): string {
  const leaf = destination.slice(destination.lastIndexOf('.') + 1).toLowerCase()
  const found: string[] = []
  for (const path of paths) {
    if (path.slice(path.lastIndexOf('.') + 1).toLowerCase() === leaf) found.push(path)
    if (found.length > 1) return ''
  }
  return found[0] !== undefined ? ` (did you mean ${quoted(found[0])}?)` : ''
}

/** Columns a message lists at most, and the length each is cut to. */
const MAX_COLUMNS_SHOWN = 30
const MAX_NAME_SHOWN = 80

function shownColumns(columns: readonly Column[]): string {
  const shown = columns.slice(0, MAX_COLUMNS_SHOWN).map((c) => quoted(c.name, MAX_NAME_SHOWN))
  const more = columns.length > shown.length ? `, and ${columns.length - shown.length} more` : ''
  return shown.length === 0 ? 'none' : `${shown.join(', ')}${more}`
}
