// The explore action's inputs: the session's, then what to list, preview and wait for,
// validated into one typed Config before any network call.

import { SESSION_DEFAULTS } from '../platform/defaults.js'
import { MAX_PREVIEW_ROWS, s3UriProblem } from '../platform/explore.js'
import {
  ENCODINGS,
  FILE_TYPES,
  readColumnDelimiter,
  readCompression,
  type Compression,
  type FileFormat,
  type FileType
} from '../platform/file-format.js'
import { hasControl, InputReader, printable, type GetInput } from '../platform/input-reader.js'
import { parseGlob } from './match.js'
import { isId } from '../platform/server-values.js'
import { readSession, serviceUrl, SESSION_SECRET_INPUTS, type Session } from '../platform/session.js'

export interface Config {
  session: Session
  flowServiceUrl: string
  connectionId: string
  /** The folder (or, with preview, the file) as listings give it; the root when undefined. */
  path?: string
  /** With preview, the file to read, its format, and how many sample rows to show (0: columns only). */
  preview?: { file: string; format: FileFormat; rows: number }
  /** A glob on entry names; the step fails unless one matches (see ifMissing). */
  expect?: string
  /** With expect, when nothing matches: the step fails, or ends with matched=false and reads nothing more. */
  ifMissing: IfMissing
  waitSeconds: number
  dryRun: boolean
}

export const IF_MISSING = ['fail', 'skip'] as const
export type IfMissing = (typeof IF_MISSING)[number]

export const DEFAULTS = {
  ...SESSION_DEFAULTS,
  preview: 'false',
  'preview-rows': '0',
  encoding: 'UTF-8',
  'if-missing': 'fail',
  'wait-seconds': '0',
  'dry-run': 'false'
} as const

export const SECRET_INPUTS = SESSION_SECRET_INPUTS

/** A job runs six hours at most: no wait can be longer. */
export const MAX_WAIT_SECONDS = 21_600

export function readConfig(getInput: GetInput): Config {
  const r = new InputReader(getInput, DEFAULTS)
  const session = readSession(r)

  const connectionId = r.required('connection-id', "pass the connection action's output, e.g. '${{ steps.s3.outputs.connection-id }}'")
  r.check('connection-id', connectionId, isId, `must be a connection id (a UUID); got '${printable(connectionId)}'`)

  const path = r.optional('path')
  r.check('path', path, (v) => !hasControl(v) && v.length <= 2048, 'must be one line naming a folder or file, as explore listings give it')
  const uri = path !== undefined ? s3UriProblem('path', path) : undefined
  if (uri !== undefined) r.fail(uri)

  const previewing = r.boolean('preview')
  const preview = previewing ? readPreview(r, path) : undefined
  if (!previewing) refuseUnused(r, PREVIEW_INPUTS, "with 'preview: true'", "set 'preview: true', or remove")

  const expect = r.optional('expect')
  r.check('expect', expect, (v) => !hasControl(v) && v.length <= 256, 'must be one glob on entry names, such as "*.csv" or "export-*.json"')
  const globProblem = expect !== undefined ? parseGlob(expect) : undefined
  if (typeof globProblem === 'string') r.fail(`Input 'expect' ${globProblem}.`)
  const ifMissing = r.choice('if-missing', IF_MISSING)
  // Without expect nothing can be missing: a skip that could never happen is a mistake, said now.
  if (ifMissing === 'skip' && expect === undefined) {
    r.fail("Input 'if-missing' says what to do when no entry matches 'expect': set 'expect' too (such as '*.csv'), or remove 'if-missing'.")
  }
  const waitSeconds = r.number('wait-seconds', { integer: true, min: 0, max: MAX_WAIT_SECONDS })
  if (waitSeconds > 0 && expect === undefined) {
    r.fail("Input 'wait-seconds' waits for an entry matching 'expect': set 'expect' too (such as '*.csv'), or set 'wait-seconds' to 0.")
  }
  const dryRun = r.boolean('dry-run')
  r.done()
  return {
    session,
    flowServiceUrl: serviceUrl(session, 'flowService'),
    connectionId,
    ...(path !== undefined && { path }),
    ...(preview !== undefined && { preview }),
    ...(expect !== undefined && { expect }),
    ifMissing,
    waitSeconds,
    dryRun
  }
}

function readPreview(r: InputReader, path: string | undefined): Config['preview'] {
  if (path === undefined || path.endsWith('/')) {
    r.fail(
      "Input 'preview' reads a file: set 'path' to a file path as listings give it (such as '/my-bucket/daily/export.csv'), not a folder."
    )
    return undefined
  }
  // Sample rows are customer data: they reach outputs, the log and the summary only when asked for.
  const rows = r.number('preview-rows', { integer: true, min: 0, max: MAX_PREVIEW_ROWS })
  const guessed = guessFormat(path)
  const fileType = r.optional('file-type') !== undefined ? r.choice('file-type', FILE_TYPES) : guessed.fileType
  if (fileType === undefined) {
    r.fail(
      `Input 'file-type' is needed: the type of '${printable(path)}' cannot be told from its extension; set 'delimited', 'json' or 'parquet'.`
    )
    return undefined
  }
  const compressionType = readCompression(r, fileType) ?? guessed.compressionType
  const format: FileFormat = { fileType, ...(compressionType !== undefined && fileType !== 'parquet' && { compressionType }) }
  if (fileType !== 'delimited') {
    refuseUnused(r, ['column-delimiter', 'encoding'], `for delimited files, and this preview reads ${fileType}`, 'remove')
    return { file: path, format, rows }
  }
  // ',' unless given; a tab for a .tsv file, which is what its name promises.
  const columnDelimiter = readColumnDelimiter(r, /\.tsv(\.[a-z0-9]+)?$/i.test(path) ? '\t' : ',')
  const encoding = r.choice('encoding', ENCODINGS)
  return { file: path, format: { ...format, columnDelimiter, encoding }, rows }
}

/** The inputs only a preview reads: the previewed file's format, and how many of its rows to show. */
const PREVIEW_INPUTS = ['preview-rows', 'file-type', 'compression-type', 'column-delimiter', 'encoding'] as const

/** An input that would be silently ignored is refused instead: the workflow meant something by it. */
function refuseUnused(r: InputReader, names: readonly string[], when: string, fix: string): void {
  const set = names.filter((name) => r.isSet(name))
  if (set.length === 0) return
  const listed = set.map((name) => `'${name}'`).join(', ')
  const many = set.length > 1
  r.fail(`Input${many ? 's' : ''} ${listed} ${many ? 'are' : 'is'} only read ${when}: ${fix} ${many ? 'them' : 'it'}.`)
}

/** What a file's extension says: '.csv.gz' is delimited, gzip-compressed. */
export function guessFormat(path: string): { fileType?: FileType; compressionType?: Compression } {
  const name = (path.split('/').pop() ?? '').toLowerCase()
  const compressions: [string, Compression][] = [
    ['.tar.gz', 'tarGzip'],
    ['.tgz', 'tarGzip'],
    ['.tar', 'tar'],
    ['.gz', 'gzip'],
    ['.bz2', 'bzip2'],
    ['.zip', 'zipDeflate'],
    ['.deflate', 'deflate']
  ]
  const compression = compressions.find(([suffix]) => name.endsWith(suffix))
  const base = compression === undefined ? name : name.slice(0, -compression[0].length)
  const type: FileType | undefined = /\.(csv|tsv|txt)$/.test(base)
    ? 'delimited'
    : base.endsWith('.json')
      ? 'json'
      : base.endsWith('.parquet')
        ? 'parquet'
        : undefined
  return { ...(type !== undefined && { fileType: type }), ...(compression !== undefined && { compressionType: compression[1] }) }
}
