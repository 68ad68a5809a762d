// The mapping input: a JSON array or a CSV file of {source, destination, sourceType?}, read and
// checked locally before any write (every problem named at once), and compared with what Data
// Prep returns once normalised.

import type { FileType } from '../platform/file-format.js'
import { isObject, own } from '../platform/json.js'
import { didYouMean } from '../platform/did-you-mean.js'
import { quoted } from '../platform/text.js'

export type SourceType = 'ATTRIBUTE' | 'EXPRESSION' | 'STATIC'

export interface Mapping {
  sourceType: SourceType
  source: string
  destination: string
}

export class MappingError extends Error {
  constructor(
    file: string,
    readonly problems: string[]
  ) {
    super(`The mapping in ${quoted(file)} is not valid:\n${problems.map((p) => `- ${p}`).join('\n')}`)
    this.name = 'MappingError'
  }
}

const SOURCE_TYPES: readonly SourceType[] = ['ATTRIBUTE', 'EXPRESSION', 'STATIC']
/** Longest mapping file read: far more than any set of mappings. */
export const MAX_MAPPING_BYTES = 1024 * 1024

/** Parses and checks a mapping file; `format` tells whether a '.' in a source is a column's own. */
export function parseMapping(text: string, file: string, format: FileType): Mapping[] {
  const raw = /\.csv$/i.test(file) ? fromCsv(text) : fromJson(text)
  if (typeof raw === 'string') throw new MappingError(file, [raw])
  const problems: string[] = []
  const mappings: Mapping[] = []
  const seen = new Map<string, number>()
  raw.forEach((entry, index) => {
    const at = `entry ${index + 1}`
    for (const key of entry.unknownKeys ?? []) problems.push(`${at}: ${unknownKeyProblem(key)}`)
    const source = typeof entry.source === 'string' ? entry.source.trim() : ''
    const destination = typeof entry.destination === 'string' ? entry.destination.trim() : ''
    const sourceType = (
      typeof entry.sourceType === 'string' && entry.sourceType.trim() !== '' ? entry.sourceType.trim() : 'ATTRIBUTE'
    ).toUpperCase()
    if (source === '') problems.push(`${at}${destination !== '' ? ` (destination ${quoted(destination)})` : ''}: no source`)
    if (destination === '') problems.push(`${at}${source !== '' ? ` (source ${quoted(source)})` : ''}: no destination`)
    const known = SOURCE_TYPES.find((t) => t === sourceType)
    if (known === undefined) problems.push(`${at}: sourceType ${quoted(sourceType)} is not ATTRIBUTE, EXPRESSION or STATIC`)
    const first = seen.get(destination)
    if (destination !== '' && first !== undefined)
      problems.push(`${at}: destination ${quoted(destination)} is mapped already by entry ${first}`)
    if (destination !== '' && first === undefined) seen.set(destination, index + 1)
    if (source !== '' && destination !== '' && known !== undefined) {
      mappings.push({
        sourceType: known,
        source: known === 'ATTRIBUTE' && format === 'delimited' ? escapeDots(source) : source,
        destination
      })
    }
  })
  if (raw.length === 0) problems.push('it holds no mapping')
  if (problems.length > 0) throw new MappingError(file, problems)
  return mappings
}

/** In a delimited file a column is flat: a '.' in its name is the name's own, escaped with '\' for Data Prep. */
function escapeDots(source: string): string {
  return source.replace(/(?<!\\)\./g, '\\.')
}

const KEYS = ['source', 'destination', 'sourceType'] as const

/** An entry as the file gives it, with the keys it holds that are none of the three. */
type RawEntry = Partial<Record<(typeof KEYS)[number], unknown>> & { unknownKeys?: string[] }

/** A key that is not one of the three is a mistake (a wrongly cased 'sourcetype' would be ignored). */
function unknownKeyProblem(key: string): string {
  return `unknown key ${quoted(key)}${didYouMean(key, KEYS)}: an entry has source, destination and sourceType only`
}

function fromJson(text: string): RawEntry[] | string {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`
  }
  if (!Array.isArray(json)) return 'it must be a JSON array of {source, destination, sourceType?}'
  return json.map((value: unknown): RawEntry => {
    if (!isObject(value)) return {}
    const unknownKeys = Object.keys(value).filter((key) => !KEYS.some((k) => k === key))
    return {
      source: value.source,
      destination: value.destination,
      sourceType: value.sourceType,
      ...(unknownKeys.length > 0 && { unknownKeys })
    }
  })
}

function fromCsv(text: string): RawEntry[] | string {
  const rows = parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ''))
  const [header, ...body] = rows
  const names = (header ?? []).map((h) => h.trim().toLowerCase())
  const column = (name: string): number => names.indexOf(name.toLowerCase())
  if (column('source') === -1 || column('destination') === -1)
    return 'a CSV mapping needs a header row with source and destination columns (and sourceType, optionally)'
  const unknown = (header ?? []).map((h) => h.trim()).filter((h) => h !== '' && !KEYS.some((k) => k.toLowerCase() === h.toLowerCase()))
  if (unknown.length > 0) return `its header row has ${unknown.map(unknownKeyProblem).join('; ')}`
  return body.map((row) => ({
    source: row[column('source')],
    destination: row[column('destination')],
    sourceType: column('sourceType') === -1 ? undefined : row[column('sourceType')]
  }))
}

/** RFC 4180: comma-separated, double quotes around a field that holds commas, quotes or line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quotedField = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (quotedField) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        field += '"'
        i++
      } else if (c === '"') quotedField = false
      else field += c
    } else if (c === '"') quotedField = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

// How Data Prep writes source types back (ATTRIBUTE and EXPRESSION as the docs show; STATIC as
// 'text/plain' is an assumption, so every unknown form is kept as written and compared as such).
const SERVICE_SOURCE_TYPES: Record<string, SourceType> = {
  'text/x.schema-path': 'ATTRIBUTE',
  'text/x.aep-xl': 'EXPRESSION',
  'text/plain': 'STATIC',
  ATTRIBUTE: 'ATTRIBUTE',
  EXPRESSION: 'EXPRESSION',
  STATIC: 'STATIC'
}

/** The mappings of a mapping set as Data Prep returns them, in the inputs' terms; unreadable ones are kept as they are. */
export function readServiceMappings(value: unknown): { sourceType: string; source: string; destination: string }[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((m: unknown) => {
    if (!isObject(m) || typeof m.source !== 'string' || typeof m.destination !== 'string') return []
    const raw = typeof m.sourceType === 'string' ? m.sourceType : 'ATTRIBUTE'
    return [{ sourceType: own(SERVICE_SOURCE_TYPES, raw) ?? raw, source: m.source, destination: m.destination }]
  })
}

/** Whether two sets of mappings map the same destinations from the same sources, in any order. */
export function sameMappings(a: readonly { sourceType: string; source: string; destination: string }[], b: readonly Mapping[]): boolean {
  const key = (m: { sourceType: string; source: string; destination: string }): string =>
    JSON.stringify([m.destination, m.sourceType, m.source])
  const left = a.map(key).sort()
  const right = b.map(key).sort()
  return left.length === right.length && left.every((k, i) => k === right[i])
}

type Entry = { sourceType: string; source: string; destination: string }

export interface MappingDiff {
  added: Entry[]
  removed: Entry[]
  changed: { destination: string; from: Entry; to: Entry }[]
}

/** Entry by entry, keyed by destination (which a mapping names once): what `wanted` adds, removes and changes. */
export function mappingDiff(current: readonly Entry[], wanted: readonly Entry[]): MappingDiff {
  const before = new Map(current.map((m) => [m.destination, m]))
  const after = new Map(wanted.map((m) => [m.destination, m]))
  const diff: MappingDiff = { added: [], removed: [], changed: [] }
  for (const [destination, to] of after) {
    const from = before.get(destination)
    if (from === undefined) diff.added.push(to)
    else if (from.source !== to.source || from.sourceType !== to.sourceType) diff.changed.push({ destination, from, to })
  }
  for (const [destination, from] of before) if (!after.has(destination)) diff.removed.push(from)
  return diff
}
