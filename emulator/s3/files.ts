import { isRecord } from '../json.js'
import type { CompressionType, FileContent, FileEncoding, FileFormat } from '../types.js'
import { filesBelow, findNode, type Buckets, type FileNode, type FolderNode } from './tree.js'

// Reading the files of the emulated S3 world the way Flow Service reads a customer's: pick the
// files a path names, check the compression the reader names, decode the bytes with the encoding
// the reader names, and parse them as the file type the reader names. Pure: explore previews one
// file with it, and a dataflow run can read every file a source connection names.

export type { FileFormat }

export const FILE_FORMATS: readonly FileFormat[] = ['delimited', 'json', 'parquet']

export interface ReadOptions {
  format: FileFormat
  /** One character (default ','); delimited files only. */
  columnDelimiter?: string
  /** Must name the file's own compression, and be absent for a file that is not compressed. */
  compressionType?: CompressionType
  /** How to decode the bytes (default UTF-8); delimited files only, as Adobe documents. */
  encoding?: FileEncoding
}

export interface Column {
  name: string
  type: string
}

export interface Table {
  columns: Column[]
  rows: Record<string, unknown>[]
}

export type ProblemKind = 'not-found' | 'compression' | 'format' | 'delimiter'

export interface FileProblem {
  kind: ProblemKind
  message: string
}

export type FileResult<T> = { ok: true; value: T } | { ok: false; problem: FileProblem }

/** What a source connection names: a file, or a folder (its files, or all below it when recursive). */
export interface FileSelection {
  /** Absolute, starting with the bucket. The last segment may hold `*` wildcards. */
  path: string
  /** Default: a file when one is at the path, else a folder. */
  type?: 'file' | 'folder'
  recursive?: boolean
}

export interface FileRead {
  path: string
  name: string
  result: FileResult<Table>
}

// ---- bytes ---------------------------------------------------------------------------------------

/** The bytes once decompressed: the content encoded as the file says. */
export function fileBytes(file: FileContent): Buffer {
  return Buffer.from(file.content ?? '', file.encoding === 'ISO-8859-1' ? 'latin1' : 'utf8')
}

/** Decodes as the reader asks, right or wrong: a mismatch shows as mojibake or U+FFFD, as in life. */
export function decodeText(bytes: Buffer, encoding: FileEncoding = 'UTF-8'): string {
  return bytes.toString(encoding === 'ISO-8859-1' ? 'latin1' : 'utf8')
}

export function compressionProblem(file: FileContent, requested: CompressionType | undefined, path: string): FileProblem | undefined {
  const actual = file.compression
  if (actual === requested) return undefined
  const message =
    requested === undefined
      ? `The file '${path}' is compressed (${actual ?? ''}): set compressionType=${actual ?? ''} to read it.`
      : actual === undefined
        ? `The file '${path}' is not compressed, but compressionType=${requested} was given: leave compressionType out.`
        : `The file '${path}' is compressed with ${actual}, not ${requested}: set compressionType=${actual}.`
  return { kind: 'compression', message }
}

// ---- one file ------------------------------------------------------------------------------------

export function readFile(file: FileContent, options: ReadOptions, path: string): FileResult<Table> {
  const compression = compressionProblem(file, options.compressionType, path)
  if (compression) return { ok: false, problem: compression }
  if (options.format === 'parquet') return declaredTable(file, path)
  if (file.columns !== undefined)
    return fail('format', `The file '${path}' is Parquet, not ${options.format}: read it with fileType=parquet.`)
  if (options.format === 'json') return parseJsonRecords(decodeText(fileBytes(file)), path)
  const delimiter = options.columnDelimiter ?? ','
  if (!isOneCharacter(delimiter)) return fail('delimiter', `The column delimiter must be exactly one character, got '${delimiter}'.`)
  return { ok: true, value: parseDelimited(decodeText(fileBytes(file), options.encoding), delimiter) }
}

/** One UTF-16 unit, as a Java string's length counts it: what the parser can split on. */
export function isOneCharacter(text: string): boolean {
  return text.length === 1
}

/** Delimited text (RFC 4180 quoting): the first record names the columns, every column a string. */
export function parseDelimited(text: string, delimiter: string): Table {
  const [header = [], ...records] = splitRecords(text, delimiter)
  const columns = header.map((name, i) => ({ name: name === '' ? `_c${i}` : name, type: 'string' }))
  // A short record leaves its last columns null; fields past the header are dropped.
  const rows = records.map((r) => Object.fromEntries(columns.map((c, i) => [c.name, r[i] ?? null])))
  return { columns, rows }
}

// One pass over the text; a quote opens a quoted field only at the start of a field, and `""`
// inside one is a quote. An unterminated quote runs to the end of the text, as lenient readers do.
export function splitRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let inQuotes = false
  const endField = (): void => {
    fields.push(field)
    field = ''
    quoted = false
  }
  const endRecord = (): void => {
    // A blank line is no record; a line holding only "" is one empty field.
    const blank = fields.length === 0 && field === '' && !quoted
    endField()
    if (!blank) records.push(fields)
    fields = []
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (inQuotes) {
      if (c !== '"') field += c
      else if (text.charAt(i + 1) === '"') field += text.charAt(++i)
      else inQuotes = false
    } else if (c === delimiter) endField()
    else if (c === '"' && field === '' && !quoted) {
      inQuotes = true
      quoted = true
    } else if (c === '\n') endRecord()
    else if (!(c === '\r' && text.charAt(i + 1) === '\n')) field += c
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord()
  return records
}

/** A JSON array of objects, or one object per line; columns from the keys, typed from the values. */
export function parseJsonRecords(text: string, path: string): FileResult<Table> {
  const values = jsonValues(text.trim())
  if (typeof values === 'string')
    return fail('format', `The file '${path}' does not parse as JSON (${values}): read it with the fileType that matches it.`)
  const rows: Record<string, unknown>[] = []
  for (const value of values) {
    if (!isRecord(value)) return fail('format', `The file '${path}' is JSON but not records: every element must be an object.`)
    rows.push(value)
  }
  return { ok: true, value: { columns: inferColumns(rows), rows } }
}

function jsonValues(text: string): unknown[] | string {
  if (text === '') return []
  try {
    if (text.startsWith('[')) {
      const parsed: unknown = JSON.parse(text)
      return Array.isArray(parsed) ? parsed : 'not an array'
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line): unknown => JSON.parse(line))
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/** Keys in first-seen order; a column's type is that of its values (mixed numbers are numbers, other mixes strings). */
export function inferColumns(rows: readonly Record<string, unknown>[]): Column[] {
  const types = new Map<string, string | undefined>()
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) types.set(key, mergeType(types.get(key), jsonType(value)))
  }
  return [...types].map(([name, type]) => ({ name, type: type ?? 'string' }))
}

export function jsonType(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  if (typeof value === 'boolean') return 'boolean'
  return typeof value === 'object' ? 'object' : 'string'
}

function mergeType(known: string | undefined, next: string | undefined): string | undefined {
  if (known === undefined || next === undefined || known === next) return known ?? next
  const numbers = new Set(['integer', 'number'])
  return numbers.has(known) && numbers.has(next) ? 'number' : 'string'
}

/** Parquet as declared: the columns as given, every row narrowed to them. */
export function declaredTable(file: FileContent, path: string): FileResult<Table> {
  const columns = file.columns
  if (columns === undefined) return fail('format', `The file '${path}' is not a Parquet file: read it with fileType=delimited or json.`)
  const rows = (file.rows ?? []).map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.name] ?? null])))
  return { ok: true, value: { columns: columns.map((c) => ({ name: c.name, type: c.type })), rows } }
}

/** The XDM type a column's type maps to (the `xdm.type` of a flat preview). */
export function xdmType(type: string): string {
  const t = type.toLowerCase()
  if (['integer', 'int', 'long', 'short', 'byte'].includes(t)) return 'integer'
  if (['number', 'double', 'float', 'decimal'].includes(t)) return 'number'
  if (['boolean', 'object', 'array'].includes(t)) return t
  return 'string'
}

// ---- many files ----------------------------------------------------------------------------------

/** The files a selection names, in listing order. A wildcard that matches nothing selects none. */
export function selectFiles(buckets: Buckets, selection: FileSelection): FileResult<FileNode[]> {
  const { path } = selection
  const slash = path.lastIndexOf('/')
  const last = path.slice(slash + 1)
  if (last.includes('*')) return selectWildcard(buckets, path.slice(0, slash + 1), last, selection.recursive === true)
  const file = selection.type === 'folder' ? undefined : findNode(buckets, path)
  if (file?.type === 'file') return { ok: true, value: [file] }
  const folder = selection.type === 'file' ? undefined : findNode(buckets, path.endsWith('/') ? path : `${path}/`)
  if (folder?.type !== 'folder') return fail('not-found', `Nothing at '${path}': no such ${selection.type ?? 'file or folder'}.`)
  return { ok: true, value: folderFiles(folder, selection.recursive === true) }
}

function selectWildcard(buckets: Buckets, folderPath: string, pattern: string, recursive: boolean): FileResult<FileNode[]> {
  const folder = findNode(buckets, folderPath)
  if (folder?.type !== 'folder') return fail('not-found', `Nothing at '${folderPath}': no such folder.`)
  const matcher = wildcard(pattern)
  // Matching folders are read only when recursive: a wildcard names files.
  const files = [...folder.children.values()]
    .filter((n) =>
      matcher.test(
        n.path
          .split('/')
          .filter((s) => s !== '')
          .at(-1) ?? ''
      )
    )
    .flatMap((n) => (n.type === 'file' ? [n] : recursive ? filesBelow(n) : []))
  return { ok: true, value: files }
}

function folderFiles(folder: FolderNode, recursive: boolean): FileNode[] {
  if (recursive) return filesBelow(folder)
  return [...folder.children.values()].flatMap((n) => (n.type === 'file' ? [n] : []))
}

/** `*` matches any run of characters within one segment; everything else is literal. */
export function wildcard(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*')
  return new RegExp(`^${body}$`)
}

/** Every selected file read and parsed; one file's problem does not stop the others. */
export function readFiles(buckets: Buckets, selection: FileSelection, options: ReadOptions): FileResult<FileRead[]> {
  const selected = selectFiles(buckets, selection)
  if (!selected.ok) return selected
  return { ok: true, value: selected.value.map((f) => ({ path: f.path, name: f.name, result: readFile(f.file, options, f.path) })) }
}

function fail(kind: ProblemKind, message: string): { ok: false; problem: FileProblem } {
  return { ok: false, problem: { kind, message } }
}
