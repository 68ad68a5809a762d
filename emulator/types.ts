// The emulator's public types. index.ts re-exports them; every other module imports from here,
// so the shape the action's tests are written against lives in exactly one place.

export interface EmulatorOptions {
  host?: string
  port?: number
  separateIms?: boolean
  imsPort?: number
  tls?: boolean
  latencyMs?: number
  connectLatencyMs?: number
  orgId?: string
  clients?: { clientId: string; clientSecret: string }[]
  accessTokens?: string[]
  sandboxes?: string[]
  /** Items per page of GET /connections at most: the server's cap (a larger `limit` still gets pages of this size). */
  pageSize?: number
  s3?: S3Options
  /**
   * Milliseconds before a connection made by POST /connections shows in GET /connections listings
   * (default 0). GET/PATCH/DELETE by id and explore see it at once. An assumption: Adobe documents no lag.
   */
  listLagMs?: number
  /** Continuation tokens in standard base64 that always hold '+', '/' and '=' (default: base64url). */
  opaqueTokens?: boolean
  /** The answer to a file preview: `flat` ({format, schema, data}, the default) or `columns` (a bare column array). */
  previewShape?: PreviewShape
  /** Listings answer `File`/`Folder`, as older docs show, instead of `file`/`folder`. */
  legacyEntryTypes?: boolean
}

export type PreviewShape = 'flat' | 'columns'

export interface S3Options {
  accessKey?: string
  secretKey?: string
  /** Bucket name -> its entries. Files alone are enough: deeper entries imply their folders. */
  buckets?: Record<string, BucketEntry[]>
}

/** One entry of a listing, as explore answers it. */
export interface ExploreEntry {
  type: 'folder' | 'file'
  name: string
  path: string
  canPreview?: boolean
  canFetchSchema?: boolean
}

export type FileEncoding = 'UTF-8' | 'ISO-8859-1'
export type CompressionType = 'bzip2' | 'gzip' | 'deflate' | 'zipDeflate' | 'tarGzip' | 'tar'

export interface DeclaredColumn {
  name: string
  type: string
}

/** What a file holds. A file without content is an empty file. */
export interface FileContent {
  /** The text, once decompressed and decoded. */
  content?: string
  /** How the bytes encode `content` (default UTF-8). */
  encoding?: FileEncoding
  /** The file is stored compressed this way; a preview must name it in `compressionType`. */
  compression?: CompressionType
  /** Parquet, which the emulator does not parse: its columns and rows as declared. */
  columns?: DeclaredColumn[]
  rows?: Record<string, unknown>[]
}

/** An entry of a bucket as given in S3Options: a folder, or a file with what it holds. */
export interface BucketEntry extends ExploreEntry, FileContent {}

/** A file added at run time (Emulator.putFile, POST /__emulator/s3/files). */
export interface S3File extends FileContent {
  canPreview?: boolean
  canFetchSchema?: boolean
}

export interface Emulator {
  flowServiceUrl: string
  imsUrl: string
  caCert?: string
  caCertFile?: string
  orgId: string
  store: ConnectionStore
  faults: FaultInjector
  requests(): RecordedRequest[]
  clearRequests(): void
  stats(): EmulatorStats
  setS3(s3: S3Options): void
  /** Adds or replaces the file at `/bucket/folder/name` (the bucket must exist); throws on a bad path or file. */
  putFile(path: string, file?: S3File): void
  /** Removes the file at `/bucket/folder/name`; false when there was none. Folders it alone implied go too. */
  removeFile(path: string): boolean
  reset(): void
  close(): Promise<void>
}

export interface EmulatorStats {
  flow: HostStats
  ims: HostStats
}

export interface HostStats {
  origin: string
  connections: number
  requests: number
}

export type ServiceName = 'flow' | 'ims' | 'unknown'

export interface RecordedRequest {
  seq: number
  time: number
  service: ServiceName
  method: string
  path: string
  route: string
  query: Record<string, string[]>
  rawQuery: string
  headers: Record<string, string>
  body: string
  status?: number
}

export interface StoredConnection {
  id: string
  etag: string
  orgId: string
  sandboxName: string
  name: string
  description?: string
  connectionSpec: { id: string; version: string }
  auth: { specName: string; params: Record<string, unknown> }
  state: 'enabled' | 'disabled'
  createdAt: number
  updatedAt: number
  inUse?: boolean
}

export interface SeedInput {
  name: string
  sandboxName?: string
  description?: string
  specId?: string
  specVersion?: string
  specName?: string
  params?: Record<string, unknown>
  createdAt?: number
}

export interface ConnectionStore {
  seed(c: SeedInput): StoredConnection
  list(sandboxName?: string): StoredConnection[]
  get(id: string): StoredConnection | undefined
  markInUse(id: string, inUse?: boolean): void
  clear(): void
}

export interface FaultInjector {
  add(rule: FaultRule): void
  clear(): void
  pending(): FaultRule[]
}

export interface FaultRule {
  method?: string
  route: string
  /** Matching requests the rule applies to (default 1; for a barrier, its count). */
  times?: number
  action: FaultAction
  /** Side effect: each time the rule applies, this connection is seeded before any answer is sent. */
  seed?: SeedInput
}

export type FaultAction =
  | { type: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { type: 'hang' }
  | { type: 'commit-then-drop' }
  | { type: 'reset' }
  | { type: 'malformed-json'; status?: number }
  | { type: 'delay'; ms: number }
  | { type: 'barrier'; count: number; timeoutMs?: number }
