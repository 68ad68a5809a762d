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
}

export interface S3Options {
  accessKey?: string
  secretKey?: string
  buckets?: Record<string, ExploreEntry[]>
}

export interface ExploreEntry {
  type: 'folder' | 'file'
  name: string
  path: string
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
  times?: number
  action: FaultAction
}

export type FaultAction =
  | { type: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { type: 'hang' }
  | { type: 'commit-then-drop' }
  | { type: 'reset' }
  | { type: 'malformed-json'; status?: number }
  | { type: 'delay'; ms: number }
