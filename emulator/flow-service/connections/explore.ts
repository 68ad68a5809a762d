import { badRequest, errorText, flow, type AdobeError, type Checked } from '../../http/errors.js'
import { FILE_FORMATS, isOneCharacter, readFile, xdmType, type ReadOptions, type Table } from '../../s3/files.js'
import { bucketOf, COMPRESSIONS, ENCODINGS, findNode, listingEntry } from '../../s3/tree.js'
import type { S3World } from '../../s3/world.js'
import type { ExploreEntry, PreviewShape, StoredConnection } from '../../types.js'
import { S3_SPEC_ID } from './specs.js'

// What Flow Service would see when it lists the customer's S3 bucket, or reads one of its files,
// with the connection's credentials. Failures read like S3's own messages, as Flow Service relays
// them, and never contain the keys.

export interface ExploreQuery {
  objectType?: string
  object?: string
  fileType?: string
  preview?: string
  columnDelimiter?: string
  compressionType?: string
  encoding?: string
}

/** A listing, or the JSON a file's schema or preview answers. */
export type ExploreAnswer = { kind: 'listing'; entries: ExploreEntry[] } | { kind: 'file'; body: unknown }

/** Rows a preview shows at most (an assumption: Adobe documents no number). */
export const PREVIEW_ROWS = 100

const exploreFailed = (message: string): AdobeError => flow('1006-400', 'Connection could not be explored', message)

const S3_ERRORS = {
  badKeyId: exploreFailed(
    'The AWS Access Key Id you provided does not exist in our records. (Service: Amazon S3; Status Code: 403; Error Code: InvalidAccessKeyId)'
  ),
  badSignature: exploreFailed(
    'The request signature we calculated does not match the signature you provided. Check your key and signing method. (Service: Amazon S3; Status Code: 403; Error Code: SignatureDoesNotMatch)'
  ),
  accessDenied: exploreFailed('Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)'),
  noSuchBucket: (bucket: string) =>
    exploreFailed(`The specified bucket does not exist: '${bucket}'. (Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket)`),
  noSuchKey: (path: string) =>
    exploreFailed(`The specified key does not exist: '${path}'. (Service: Amazon S3; Status Code: 404; Error Code: NoSuchKey)`)
}

type ObjectKind = 'root' | 'folder' | 'file'

interface FileRequest {
  path: string
  options: ReadOptions
  preview: boolean
}

export function explore(conn: StoredConnection, world: S3World, query: ExploreQuery, shape: PreviewShape = 'flat'): Checked<ExploreAnswer> {
  if (conn.connectionSpec.id !== S3_SPEC_ID) {
    return failed(badRequest('The emulator explores Amazon S3 connections only.'))
  }
  // The request is checked before S3 is asked anything.
  const kind = readKind(query.objectType)
  if (typeof kind !== 'string') return failed(kind)
  if (kind !== 'root' && !query.object) return failed(emptyParam('object', kind))
  const file = kind === 'file' ? readFileRequest(query) : undefined
  if (file && !file.ok) return failed(file.error)
  const denied = checkCredentials(conn, world)
  if (denied) return failed(denied)
  const scope = accessScope(conn)
  if (kind === 'root') return listRoot(conn, world, scope)
  if (file) return inspectFile(conn, world, scope, file.value, shape)
  return listPath(conn, world, scope, folderPath(query.object ?? ''))
}

function failed<T>(error: AdobeError): Checked<T> {
  return { ok: false, error }
}

function readKind(objectType: string | undefined): ObjectKind | AdobeError {
  if (objectType === undefined) {
    return badRequest('The param objectType is missing in the request. Please provide a valid objectType and try again.')
  }
  const kind = objectType.toLowerCase()
  if (kind === 'root' || kind === 'folder' || kind === 'file') return kind
  return flow('1358-400', 'Bad Request', "The provided param 'objectType' is invalid. Please provide a valid objectType and try again.")
}

function emptyParam(param: string, kind: ObjectKind): AdobeError {
  return flow(
    '1337-400',
    'Bad Request',
    `The ${param} cannot be empty for objectType=${kind}. Please provide valid ${param} and try again.`
  )
}

// Values are compared case-insensitively (the docs write DELIMITED and delimited alike).
function readFileRequest(query: ExploreQuery): Checked<FileRequest> {
  const options = readOptions(query)
  if (!('format' in options)) return failed(options)
  return { ok: true, value: { path: filePath(query.object ?? ''), options, preview: query.preview?.toLowerCase() === 'true' } }
}

function readOptions(query: ExploreQuery): ReadOptions | AdobeError {
  if (!query.fileType) return emptyParam('fileType', 'file')
  const format = FILE_FORMATS.find((f) => f === query.fileType?.toLowerCase())
  if (!format) return invalidParam('fileType', query.fileType, FILE_FORMATS)
  const options: ReadOptions = { format }
  const { columnDelimiter, compressionType, encoding } = query
  if (columnDelimiter !== undefined) {
    if (!isOneCharacter(columnDelimiter)) {
      return flow(
        '1331-400',
        'Bad Request',
        `Column Delimiter must be exactly one character, got '${columnDelimiter}'. Please provide valid column delimiter and try again.`
      )
    }
    options.columnDelimiter = columnDelimiter
  }
  if (compressionType !== undefined) {
    const known = COMPRESSIONS.find((c) => c.toLowerCase() === compressionType.toLowerCase())
    if (!known) return invalidParam('compressionType', compressionType, COMPRESSIONS)
    options.compressionType = known
  }
  if (encoding !== undefined) {
    const known = ENCODINGS.find((e) => e.toLowerCase() === encoding.toLowerCase())
    if (!known) return invalidParam('encoding', encoding, ENCODINGS)
    options.encoding = known
  }
  return options
}

function invalidParam(param: string, value: string, allowed: readonly string[]): AdobeError {
  return badRequest(`The provided param '${param}' is invalid: '${value}'. Please provide one of ${allowed.join(', ')} and try again.`)
}

/** Whether the connection may read at `path` (its keys, its bucket and folder restriction): S3's refusal if not. */
export function readAccess(conn: StoredConnection, world: S3World, path: string): string | undefined {
  const denied = checkCredentials(conn, world) ?? reach(conn, world, accessScope(conn), path)
  return denied && errorText(denied)
}

function checkCredentials(conn: StoredConnection, world: S3World): AdobeError | undefined {
  if (conn.auth.specName !== 'Access Key') return undefined
  if (world.accessKey === undefined || world.secretKey === undefined) return undefined
  if (conn.auth.params['s3AccessKey'] !== world.accessKey) return S3_ERRORS.badKeyId
  if (conn.auth.params['s3SecretKey'] !== world.secretKey) return S3_ERRORS.badSignature
  return undefined
}

// The folder a connection is restricted to ('/bucket/' or '/bucket/folder/'), if any.
function accessScope(conn: StoredConnection): string | undefined {
  const bucket = conn.auth.params['bucketName']
  if (typeof bucket !== 'string' || bucket === '') return undefined
  const folder = conn.auth.params['folderPath']
  const trimmed = typeof folder === 'string' ? folder.replace(/^\/+|\/+$/g, '') : ''
  return trimmed === '' ? `/${bucket}/` : `/${bucket}/${trimmed}/`
}

function listRoot(conn: StoredConnection, world: S3World, scope: string | undefined): Checked<ExploreAnswer> {
  if (scope === undefined) {
    if (conn.auth.specName !== 'Access Key') return failed(S3_ERRORS.accessDenied)
    return listing([...world.buckets.values()].map(listingEntry))
  }
  return listPath(conn, world, scope, scope)
}

function listPath(conn: StoredConnection, world: S3World, scope: string | undefined, path: string): Checked<ExploreAnswer> {
  const denied = reach(conn, world, scope, path)
  if (denied) return failed(denied)
  // A prefix that holds nothing lists empty, as S3 lists it.
  const folder = findNode(world.buckets, path)
  return listing(folder?.type === 'folder' ? [...folder.children.values()].map(listingEntry) : [])
}

// Whether the connection may read at `path` at all: its folder restriction, then the bucket.
function reach(conn: StoredConnection, world: S3World, scope: string | undefined, path: string): AdobeError | undefined {
  if (scope !== undefined && !path.startsWith(scope)) return S3_ERRORS.accessDenied
  const bucket = bucketOf(path)
  if (world.buckets.has(bucket)) return undefined
  // With an IAM role Adobe's principal is simply not allowed on a bucket that is not there.
  return conn.auth.specName === 'IAMRole Based' ? S3_ERRORS.accessDenied : S3_ERRORS.noSuchBucket(bucket)
}

function inspectFile(
  conn: StoredConnection,
  world: S3World,
  scope: string | undefined,
  req: FileRequest,
  shape: PreviewShape
): Checked<ExploreAnswer> {
  const denied = reach(conn, world, scope, req.path)
  if (denied) return failed(denied)
  const node = findNode(world.buckets, req.path)
  if (node?.type !== 'file') return failed(S3_ERRORS.noSuchKey(req.path))
  if (req.preview ? !node.canPreview : !node.canFetchSchema) {
    const what = req.preview ? 'previewed' : 'read for its schema'
    return failed(badRequest(`The file '${node.path}' cannot be ${what} (canPreview/canFetchSchema is false).`))
  }
  const read = readFile(node.file, req.options, node.path)
  if (!read.ok) return failed(badRequest(read.problem.message))
  return { ok: true, value: { kind: 'file', body: fileBody(read.value, req.preview, shape) } }
}

// Without preview, the columns alone; with it, the flat shape with its rows, or the bare columns
// that some of Adobe's docs show instead.
function fileBody(table: Table, preview: boolean, shape: PreviewShape): unknown {
  if (!preview || shape === 'columns') return table.columns.map((c) => ({ name: c.name, type: c.type }))
  return {
    format: 'flat',
    schema: { columns: table.columns.map((c) => ({ name: c.name, type: c.type, xdm: { type: xdmType(c.type) } })) },
    data: table.rows.slice(0, PREVIEW_ROWS)
  }
}

function listing(entries: ExploreEntry[]): Checked<ExploreAnswer> {
  return { ok: true, value: { kind: 'listing', entries } }
}

function folderPath(object: string): string {
  const trimmed = object.replace(/^\/+|\/+$/g, '')
  return `/${trimmed}/`
}

function filePath(object: string): string {
  return `/${object.replace(/^\/+/, '')}`
}
