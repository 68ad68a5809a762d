import { defaultBuckets, S3_SPEC_ID } from './demo.js'
import { badRequest, flow, type AdobeError } from './errors.js'
import type { Checked } from './specs.js'
import type { ExploreEntry, S3Options, StoredConnection } from './types.js'

// What Flow Service would see when it lists the customer's S3 bucket with the connection's
// credentials. Failures read like S3's own messages, as Flow Service relays them, and never
// contain the keys.

export interface ExploreQuery {
  objectType?: string
  object?: string
}

export interface S3World {
  accessKey?: string
  secretKey?: string
  buckets: Map<string, ExploreEntry[]>
}

export function s3World(options: S3Options | undefined): S3World {
  const buckets = new Map<string, ExploreEntry[]>()
  for (const [name, entries] of Object.entries(options?.buckets ?? defaultBuckets())) {
    buckets.set(
      name,
      entries.map((e) => normalizeEntry(name, e))
    )
  }
  const world: S3World = { buckets }
  if (options?.accessKey !== undefined) world.accessKey = options.accessKey
  if (options?.secretKey !== undefined) world.secretKey = options.secretKey
  return world
}

// Entries may be given relative to their bucket ('inbound/a.csv') or absolute
// ('/demo-bucket/inbound/a.csv'); both are stored the way Flow Service shows them.
export function normalizeEntry(bucket: string, e: ExploreEntry): ExploreEntry {
  let path = e.path.startsWith('/') ? e.path : `/${e.path}`
  if (!path.startsWith(`/${bucket}/`)) path = `/${bucket}${path}`
  if (e.type === 'folder' && !path.endsWith('/')) path += '/'
  const isFile = e.type === 'file'
  return {
    type: e.type,
    name: e.name,
    path,
    canPreview: e.canPreview ?? isFile,
    canFetchSchema: e.canFetchSchema ?? isFile
  }
}

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
    exploreFailed(`The specified bucket does not exist: '${bucket}'. (Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket)`)
}

export function explore(conn: StoredConnection, world: S3World, query: ExploreQuery): Checked<ExploreEntry[]> {
  if (conn.connectionSpec.id !== S3_SPEC_ID) {
    return failed(badRequest('The emulator explores Amazon S3 connections only.'))
  }
  const kind = query.objectType?.toLowerCase()
  if (kind === 'file') return failed(badRequest('objectType=file (file preview) is not emulated.'))
  if (kind !== 'root' && kind !== 'folder') {
    return failed(badRequest(`objectType must be root or folder, got '${query.objectType ?? ''}'.`))
  }
  const denied = checkCredentials(conn, world)
  if (denied) return failed(denied)
  const scope = accessScope(conn)
  if (kind === 'root') return listRoot(conn, world, scope)
  if (!query.object) return failed(badRequest('objectType=folder needs an object (the folder path).'))
  return listPath(conn, world, scope, folderPath(query.object))
}

function failed(error: AdobeError): Checked<ExploreEntry[]> {
  return { ok: false, error }
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

function listRoot(conn: StoredConnection, world: S3World, scope: string | undefined): Checked<ExploreEntry[]> {
  if (scope === undefined) {
    if (conn.auth.specName !== 'Access Key') return failed(S3_ERRORS.accessDenied)
    return { ok: true, value: [...world.buckets.keys()].map((b) => folderEntry(b, `/${b}/`)) }
  }
  return listPath(conn, world, scope, scope)
}

function listPath(conn: StoredConnection, world: S3World, scope: string | undefined, path: string): Checked<ExploreEntry[]> {
  if (scope !== undefined && !path.startsWith(scope)) return failed(S3_ERRORS.accessDenied)
  const bucket = path.split('/')[1] ?? ''
  const entries = world.buckets.get(bucket)
  if (!entries) {
    // With an IAM role Adobe's principal is simply not allowed on a bucket that is not there.
    return failed(conn.auth.specName === 'IAMRole Based' ? S3_ERRORS.accessDenied : S3_ERRORS.noSuchBucket(bucket))
  }
  return { ok: true, value: listFolder(entries, path) }
}

function folderPath(object: string): string {
  const trimmed = object.replace(/^\/+|\/+$/g, '')
  return `/${trimmed}/`
}

// Direct children of `folder`; deeper entries imply their intermediate folders, so a bucket can
// be described by its files alone.
export function listFolder(entries: readonly ExploreEntry[], folder: string): ExploreEntry[] {
  const out = new Map<string, ExploreEntry>()
  for (const e of entries) {
    if (!e.path.startsWith(folder) || e.path === folder) continue
    const rest = e.path.slice(folder.length)
    const slash = rest.indexOf('/')
    if (slash === -1 || slash === rest.length - 1) {
      out.set(e.path, e)
      continue
    }
    const name = rest.slice(0, slash)
    const path = `${folder}${name}/`
    if (!out.has(path)) out.set(path, folderEntry(name, path))
  }
  return [...out.values()]
}

function folderEntry(name: string, path: string): ExploreEntry {
  return { type: 'folder', name, path, canPreview: false, canFetchSchema: false }
}
