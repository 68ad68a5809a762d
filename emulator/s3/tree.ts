import { isRecord } from '../json.js'
import type { BucketEntry, CompressionType, DeclaredColumn, ExploreEntry, FileContent, FileEncoding, S3File } from '../types.js'

// The buckets of the emulated S3 world: one tree per bucket, of folders holding folders and
// files. A child is keyed by its name, with a trailing '/' for a folder (as S3 keys a folder
// marker), so that a file and a folder may share a name as they can in S3. Children keep
// insertion order, which is the order listings show. Paths are absolute and start with the
// bucket: '/bucket/folder/a.csv'.

export interface FileNode {
  type: 'file'
  name: string
  path: string
  canPreview: boolean
  canFetchSchema: boolean
  file: FileContent
  // Wall-clock ms when the file was put in place: a dataflow without backfill skips files older than its start.
  addedAt: number
}

export interface FolderNode {
  type: 'folder'
  name: string
  path: string
  canPreview: boolean
  canFetchSchema: boolean
  // Given as an entry (a folder marker), not only implied by deeper entries: it outlives its files.
  explicit: boolean
  children: Map<string, TreeNode>
}

export type TreeNode = FileNode | FolderNode

export type Buckets = Map<string, FolderNode>

export const ENCODINGS: readonly FileEncoding[] = ['UTF-8', 'ISO-8859-1']
export const COMPRESSIONS: readonly CompressionType[] = ['bzip2', 'gzip', 'deflate', 'zipDeflate', 'tarGzip', 'tar']

export function buildBuckets(buckets: Record<string, readonly BucketEntry[]>): Buckets {
  const out: Buckets = new Map()
  for (const [name, entries] of Object.entries(buckets)) {
    const root = folderNode(name, `/${name}/`, true)
    for (const entry of entries) addEntry(root, entry)
    out.set(name, root)
  }
  return out
}

// Entries may be given relative to their bucket ('inbound/a.csv') or absolute
// ('/demo-bucket/inbound/a.csv'); both are stored the way Flow Service shows them.
export function entryPath(bucket: string, e: Pick<ExploreEntry, 'type' | 'path'>): string {
  let path = e.path.startsWith('/') ? e.path : `/${e.path}`
  if (!path.startsWith(`/${bucket}/`)) path = `/${bucket}${path}`
  if (e.type === 'folder' && !path.endsWith('/')) path += '/'
  return path
}

// Throws on a file whose fields contradict each other: the world is set up by tests, and a
// mistake there should fail loudly rather than show as an odd preview.
export function addEntry(root: FolderNode, e: BucketEntry): void {
  const segments = keySegments(entryPath(root.name, e))
  if (e.type === 'folder') {
    const folder = ensureFolder(root, segments)
    if (folder === root) return
    folder.name = e.name
    folder.explicit = true
    folder.canPreview = e.canPreview ?? false
    folder.canFetchSchema = e.canFetchSchema ?? false
    return
  }
  const leaf = segments.at(-1)
  if (leaf === undefined) throw new Error(`the file entry '${e.path}' names no file`)
  const problem = contentProblem(e)
  if (problem) throw new Error(`the file entry '${e.path}': ${problem}`)
  const parent = ensureFolder(root, segments.slice(0, -1))
  parent.children.set(leaf, fileNode(e.name, `${parent.path}${leaf}`, e))
}

/** Adds or replaces a file; the answer is why not, if it cannot be. */
export function putFile(buckets: Buckets, path: string, file: S3File): string | undefined {
  const target = fileTarget(buckets, path)
  if (typeof target === 'string') return target
  const problem = contentProblem(file)
  if (problem) return problem
  const parent = ensureFolder(target.root, target.folders)
  parent.children.set(target.leaf, fileNode(target.leaf, `${parent.path}${target.leaf}`, file))
  return undefined
}

/** Removes a file, and the folders only it implied (S3 has no folders, only keys). */
export function removeFile(buckets: Buckets, path: string): boolean {
  const target = fileTarget(buckets, path)
  if (typeof target === 'string') return false
  const chain = folderChain(target.root, target.folders) ?? []
  const parent = chain.at(-1)
  if (!parent || parent.children.get(target.leaf)?.type !== 'file') return false
  parent.children.delete(target.leaf)
  for (let i = chain.length - 1; i > 0; i--) {
    const folder = chain[i]
    const above = chain[i - 1]
    if (!folder || !above || folder.explicit || folder.children.size > 0) break
    above.children.delete(childKey(folder))
  }
  return true
}

/** The node at an absolute path: a folder when the path ends with '/', else a file. */
export function findNode(buckets: Buckets, path: string): TreeNode | undefined {
  const [bucket, ...rest] = path.split('/').filter((s) => s !== '')
  const root = bucket === undefined ? undefined : buckets.get(bucket)
  if (!root) return undefined
  if (path.endsWith('/')) return folderChain(root, rest)?.at(-1)
  const leaf = rest.pop()
  const parent = leaf === undefined ? undefined : folderChain(root, rest)?.at(-1)
  return leaf === undefined ? root : parent?.children.get(leaf)
}

export function bucketOf(path: string): string {
  return path.split('/').find((s) => s !== '') ?? ''
}

export function listingEntry(node: TreeNode): ExploreEntry {
  return { type: node.type, name: node.name, path: node.path, canPreview: node.canPreview, canFetchSchema: node.canFetchSchema }
}

/** Every file below a folder, depth first, in listing order. */
export function filesBelow(folder: FolderNode): FileNode[] {
  return [...folder.children.values()].flatMap((n) => (n.type === 'file' ? [n] : filesBelow(n)))
}

// ---- reading files from JSON (control API, --s3 files) ------------------------------------------

/** A file's content fields from untrusted JSON, or what is wrong with them. */
export function readFileContent(v: Record<string, unknown>): FileContent | string {
  const { content, encoding, compression, columns, rows } = v
  const out: FileContent = {}
  if (content !== undefined) {
    if (typeof content !== 'string') return 'content must be a string'
    out.content = content
  }
  if (encoding !== undefined) {
    const known = ENCODINGS.find((e) => e === encoding)
    if (!known) return `encoding must be one of ${ENCODINGS.join(', ')}`
    out.encoding = known
  }
  if (compression !== undefined) {
    const known = COMPRESSIONS.find((c) => c === compression)
    if (!known) return `compression must be one of ${COMPRESSIONS.join(', ')}`
    out.compression = known
  }
  if (columns !== undefined) {
    if (!Array.isArray(columns) || !columns.every(isDeclaredColumn)) return 'columns must be an array of {name, type} strings'
    out.columns = columns.map((c) => ({ name: c.name, type: c.type }))
  }
  if (rows !== undefined) {
    if (!Array.isArray(rows) || !rows.every(isRecord)) return 'rows must be an array of objects'
    out.rows = rows
  }
  return contentProblem(out) ?? out
}

export function readS3File(v: unknown): S3File | string {
  if (!isRecord(v)) return 'a file must be a JSON object'
  const content = readFileContent(v)
  if (typeof content === 'string') return content
  const flags = readFlags(v)
  return typeof flags === 'string' ? flags : { ...content, ...flags }
}

export function readBucketEntry(v: unknown): BucketEntry | string {
  if (!isRecord(v)) return 'an entry must be a JSON object'
  const { type, name, path } = v
  if ((type !== 'folder' && type !== 'file') || typeof name !== 'string' || typeof path !== 'string') {
    return 'an entry needs {type: "folder"|"file", name, path}'
  }
  const file = readS3File(v)
  return typeof file === 'string' ? file : { type, name, path, ...file }
}

function readFlags(v: Record<string, unknown>): Pick<S3File, 'canPreview' | 'canFetchSchema'> | string {
  const { canPreview, canFetchSchema } = v
  if (canPreview !== undefined && typeof canPreview !== 'boolean') return 'canPreview must be a boolean'
  if (canFetchSchema !== undefined && typeof canFetchSchema !== 'boolean') return 'canFetchSchema must be a boolean'
  return { ...(canPreview !== undefined ? { canPreview } : {}), ...(canFetchSchema !== undefined ? { canFetchSchema } : {}) }
}

function isDeclaredColumn(c: unknown): c is DeclaredColumn {
  return isRecord(c) && typeof c['name'] === 'string' && typeof c['type'] === 'string'
}

/** Contradictions inside one file's fields. */
export function contentProblem(file: FileContent): string | undefined {
  if (file.columns !== undefined && file.content !== undefined) return 'a file holds either content or Parquet columns and rows, not both'
  if (file.rows !== undefined && file.columns === undefined) return 'rows need columns: declare the Parquet columns too'
  // Buffer's latin1 would silently drop the high byte of such characters.
  if (file.encoding === 'ISO-8859-1' && /[^\u0000-\u00ff]/.test(file.content ?? '')) {
    return 'the content has characters that ISO-8859-1 cannot encode'
  }
  return undefined
}

// ---- tree plumbing -------------------------------------------------------------------------------

interface FileTarget {
  root: FolderNode
  folders: string[]
  leaf: string
}

function fileTarget(buckets: Buckets, path: string): FileTarget | string {
  if (!path.startsWith('/') || path.endsWith('/')) return `'${path}' is not a file path such as /bucket/folder/name.csv`
  const [bucket, ...rest] = keySegmentsOf(path)
  const leaf = rest.pop()
  if (bucket === undefined || leaf === undefined) return `'${path}' is not a file path such as /bucket/folder/name.csv`
  const root = buckets.get(bucket)
  if (!root) return `there is no bucket '${bucket}' (PUT /__emulator/s3 or setS3 sets the buckets)`
  return { root, folders: rest, leaf }
}

// The key's segments below the bucket.
function keySegments(path: string): string[] {
  return keySegmentsOf(path).slice(1)
}

function keySegmentsOf(path: string): string[] {
  return path.split('/').filter((s) => s !== '')
}

function ensureFolder(root: FolderNode, segments: readonly string[]): FolderNode {
  let folder = root
  for (const segment of segments) {
    const existing = folder.children.get(`${segment}/`)
    const next = existing?.type === 'folder' ? existing : folderNode(segment, `${folder.path}${segment}/`, false)
    if (!existing) folder.children.set(`${segment}/`, next)
    folder = next
  }
  return folder
}

// The folders from the root down to the one named by `segments`; undefined when one is missing.
function folderChain(root: FolderNode, segments: readonly string[]): FolderNode[] | undefined {
  const chain = [root]
  for (const segment of segments) {
    const next = chain.at(-1)?.children.get(`${segment}/`)
    if (next?.type !== 'folder') return undefined
    chain.push(next)
  }
  return chain
}

function childKey(node: TreeNode): string {
  const segment =
    node.path
      .split('/')
      .filter((s) => s !== '')
      .at(-1) ?? ''
  return node.type === 'folder' ? `${segment}/` : segment
}

function folderNode(name: string, path: string, explicit: boolean): FolderNode {
  return { type: 'folder', name, path, canPreview: false, canFetchSchema: false, explicit, children: new Map() }
}

function fileNode(name: string, path: string, e: S3File): FileNode {
  const file: FileContent = {}
  if (e.content !== undefined) file.content = e.content
  if (e.encoding !== undefined) file.encoding = e.encoding
  if (e.compression !== undefined) file.compression = e.compression
  if (e.columns !== undefined) file.columns = e.columns.map((c) => ({ ...c }))
  if (e.rows !== undefined) file.rows = e.rows.map((r) => ({ ...r }))
  return { type: 'file', name, path, canPreview: e.canPreview ?? true, canFetchSchema: e.canFetchSchema ?? true, file, addedAt: Date.now() }
}
