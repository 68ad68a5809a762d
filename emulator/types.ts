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
  /** Items per page of a Flow Service listing at most: the server's cap (a larger `limit` still gets pages of this size). */
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
  /** XDM schemas and datasets that exist at start-up, besides the demo ones (DEMO_SCHEMA_ID, DEMO_DATASET_ID). */
  catalog?: CatalogOptions
  /** When dataflow runs start and how long they take (see RunClock); default: Adobe's pace. */
  runClock?: RunClock
  /** Milliseconds a deleted dataflow stays readable in state `delete-finalizing` before it is gone (default 300). */
  deleteFinalizeMs?: number
}

export interface CatalogOptions {
  schemas?: SchemaInput[]
  datasets?: DatasetInput[]
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
  /** The origin: `platform-url` for the actions; Flow Service, Catalog and Data Prep live under it. */
  platformUrl: string
  catalogUrl: string
  dataPrepUrl: string
  // Schema Registry (the dataflow's plan reads a dataset's schema here)
  schemaRegistryUrl: string
  imsUrl: string
  caCert?: string
  caCertFile?: string
  orgId: string
  store: ConnectionStore
  catalog: CatalogApi
  dataPrep: DataPrepApi
  dataflows: DataflowApi
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

export type ServiceName = 'flow' | 'catalog' | 'dataprep' | 'schemaregistry' | 'ims' | 'unknown'

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

// ---- Catalog: XDM schemas and datasets ----------------------------------------------------------

/** The field types the emulator's XDM schemas know. */
export type XdmFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'date-time'

export interface SchemaInput {
  /** `https://ns.adobe.com/{tenant}/schemas/{32 hex}`; default: a fresh one of the `emulator` tenant. */
  id?: string
  title: string
  /** Field path -> type, e.g. `{'_emulator.customerId': 'string', '_emulator.signupDate': 'date'}`. */
  fields: Record<string, XdmFieldType>
  /** Default: the first sandbox of EmulatorOptions.sandboxes. */
  sandboxName?: string
}

export interface XdmSchema {
  id: string
  title: string
  fields: Record<string, XdmFieldType>
  sandboxName: string
}

export interface DatasetInput {
  /** 24 hex digits; default: a fresh one. */
  id?: string
  name: string
  description?: string
  /** The `$id` of a schema of the same sandbox. */
  schemaId: string
  /** Default: the first sandbox of EmulatorOptions.sandboxes. */
  sandboxName?: string
}

export interface CatalogDataset {
  id: string
  name: string
  description?: string
  schemaId: string
  sandboxName: string
  createdAt: number
}

export interface CatalogApi {
  /** Adds an XDM schema; throws on a bad id, a taken id, an unknown sandbox or a bad field. */
  addSchema(input: SchemaInput): XdmSchema
  /** Adds a dataset; throws on a bad or taken id, an unknown sandbox or a schema not in that sandbox. */
  addDataset(input: DatasetInput): CatalogDataset
  schemas(sandboxName?: string): XdmSchema[]
  datasets(sandboxName?: string): CatalogDataset[]
  /** The records dataflow runs wrote into the dataset, in the order they were written. */
  records(datasetId: string): Record<string, unknown>[]
}

// ---- Data Prep: mapping sets ----------------------------------------------------------------------

export type MappingSourceType = 'ATTRIBUTE' | 'EXPRESSION' | 'STATIC'

export interface MappingRule {
  sourceType: MappingSourceType
  source: string
  destination: string
}

/** One version of a mapping set. */
export interface MappingSet {
  id: string
  version: number
  sandboxName: string
  /** The output schema's `$id`. */
  schemaId: string
  mappings: MappingRule[]
  createdAt: number
  modifiedAt: number
}

export interface DataPrepApi {
  /** The latest version of every mapping set. */
  mappingSets(sandboxName?: string): MappingSet[]
  /** One version (default: the latest). */
  mappingSet(id: string, version?: number): MappingSet | undefined
}

// ---- Flow Service: source and target connections, dataflows, runs ------------------------------

export type FileFormat = 'delimited' | 'json' | 'parquet'

export interface SourceConnection {
  id: string
  etag: string
  sandboxName: string
  name: string
  description?: string
  baseConnectionId: string
  data: { format: FileFormat; properties: { columnDelimiter?: string; encoding?: FileEncoding; compressionType?: CompressionType } }
  params: { path: string; type?: 'file' | 'folder'; recursive: boolean }
  connectionSpec: { id: string; version: string }
  state: 'enabled'
  createdAt: number
  updatedAt: number
}

export interface TargetConnection {
  id: string
  etag: string
  sandboxName: string
  name: string
  description?: string
  schema: { id: string; version: string }
  dataSetId: string
  connectionSpec: { id: string; version: string }
  state: 'enabled'
  createdAt: number
  updatedAt: number
}

export type Frequency = 'once' | 'minute' | 'hour' | 'day' | 'week'

export interface ScheduleParams {
  /** Epoch seconds. */
  startTime: number
  frequency: Frequency
  /** Absent for `once`. */
  interval?: number
  backfill?: boolean
}

export interface FlowOptions {
  partialIngestionPercent?: number
  errorDiagnosticsEnabled?: boolean
}

export type FlowState = 'enabled' | 'disabled' | 'delete-finalizing'

export interface Dataflow {
  id: string
  etag: string
  sandboxName: string
  name: string
  description?: string
  flowSpec: { id: string; version: string }
  sourceConnectionIds: string[]
  targetConnectionIds: string[]
  transformations: { name: 'Mapping'; params: { mappingId: string; mappingVersion: number } }[]
  scheduleParams: ScheduleParams
  options?: FlowOptions
  state: FlowState
  createdAt: number
  updatedAt: number
}

/** `scheduled`: a run asked for on demand, before it starts (an assumption: Adobe documents no list of statuses). */
export type RunStatus = 'scheduled' | 'inProgress' | 'success' | 'failed'

export interface RunError {
  code: string
  message: string
}

export interface DataflowRun {
  id: string
  flowId: string
  sandboxName: string
  status: RunStatus
  /** Epoch ms, wall clock: when the run appeared (a scheduled run when it starts; an on-demand run when it was asked for). */
  createdAt: number
  /** Epoch ms, wall clock: when it started; absent while `scheduled`. */
  startedAt?: number
  /** Epoch ms, wall clock; absent while in progress. */
  completedAt?: number
  /** The schedule slot the run stands for (epoch ms of the dataflow's own time), or when runNow asked for it. */
  scheduledAt: number
  /** An on-demand run's window (epoch seconds, as asked): the files it reads are those added within it. */
  window?: { start: number; end: number }
  /** The files the run reads. */
  files: string[]
  /** Counts and errors: zero and empty while in progress. */
  filesFailed: number
  inputBytes: number
  recordsRead: number
  recordsWritten: number
  recordsFailed: number
  errors: RunError[]
}

/**
 * When runs happen. A dataflow's own schedule (the wait until its startTime, each interval) and
 * the two durations below are divided by `timeScale` in wall-clock time, counted from the moment
 * the dataflow was created: `timeScale: 1000` makes a dataflow that starts in 60 s run after 60 ms.
 */
export interface RunClock {
  /** After its scheduled time, a run appears (in progress) this much later (default 150000: Adobe's "2 to 3 minutes"). */
  startDelayMs?: number
  /** A run stays in progress this long (default 30000). */
  durationMs?: number
  /** How much faster than the wall clock the schedule runs (default 1). */
  timeScale?: number
}

export interface DataflowApi {
  sourceConnections(sandboxName?: string): SourceConnection[]
  targetConnections(sandboxName?: string): TargetConnection[]
  /** Every dataflow, those being deleted (`delete-finalizing`) included. */
  flows(sandboxName?: string): Dataflow[]
  /** Runs in the order they started, of one dataflow or of all. */
  runs(flowId?: string): DataflowRun[]
  /** Checks the schedule now: starts the runs that are due and completes those whose time is up. */
  checkSchedule(): void
  /** Starts a run of an enabled dataflow now (its pending scheduled run, if any, is the one that starts); throws otherwise. */
  runNow(flowId: string): DataflowRun
  /**
   * A run on demand, as POST /runs asks for it: of an enabled dataflow scheduled once, starting at
   * `startTime` (epoch s; at once if it has passed) and reading the files added within the window.
   */
  requestRun(flowId: string, startTime: number, window: { start: number; end: number }): DataflowRun
  runClock(): Required<RunClock>
  setRunClock(clock: RunClock): void
  /** The next `requests` changes of the dataflow (PATCH, action, DELETE) answer `1421-400` (0 clears; Infinity: until cleared). */
  markBusy(flowId: string, requests?: number): void
}
