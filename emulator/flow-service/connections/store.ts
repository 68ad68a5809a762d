import { randomUUID } from 'node:crypto'
import { isRecord } from '../../json.js'
import type { ConnectionStore, SeedInput, StoredConnection } from '../../types.js'
import { changedEtag, newEtag } from '../etag.js'
import { S3_SPEC_ID } from './specs.js'

interface Entry {
  seq: number
  conn: StoredConnection
  createdClient: string
  updatedClient: string
  // Wall-clock time from which GET /connections lists it (listLagMs after a create).
  listedFrom: number
}

export interface NewConnection {
  sandboxName: string
  name: string
  description?: string
  connectionSpec: { id: string; version: string }
  auth: { specName: string; params: Record<string, unknown> }
  clientId: string
}

export interface ConnectionChange {
  name: string
  description?: string
  params: Record<string, unknown>
}

// listLagMs stands for an eventually consistent listing index: reads by id see a connection at
// once, listings only once the index has caught up. Deletions show everywhere at once.
export class MemoryStore implements ConnectionStore {
  private readonly entries = new Map<string, Entry>()
  private seq = 0

  constructor(
    private readonly orgId: string,
    private readonly listLagMs = 0
  ) {}

  // A seed is state that already exists, so it is listed at once; `lagged` makes it listed as
  // late as a create, for a seed that stands for another client's create (a fault's side effect).
  seed(c: SeedInput, lagged = false): StoredConnection {
    const now = c.createdAt ?? Date.now()
    const params = c.params ?? { s3AccessKey: 'AKIASEEDED0000000000', s3SecretKey: 'seeded-secret-key' }
    const conn = this.insert(
      {
        sandboxName: c.sandboxName ?? 'prod',
        name: c.name,
        connectionSpec: { id: c.specId ?? S3_SPEC_ID, version: c.specVersion ?? '1.0' },
        auth: { specName: c.specName ?? 'Access Key', params: { ...params } },
        clientId: 'emulator-seed',
        ...(c.description !== undefined ? { description: c.description } : {})
      },
      now,
      lagged ? this.listLagMs : 0
    )
    return conn
  }

  create(input: NewConnection): StoredConnection {
    return this.insert(input, Date.now(), this.listLagMs)
  }

  list(sandboxName?: string): StoredConnection[] {
    return this.visible(sandboxName).map((e) => e.conn)
  }

  // What GET /connections lists at `now`: creation order with sequence numbers, for cursor paging.
  listed(sandboxName: string, now = Date.now()): { seq: number; conn: StoredConnection }[] {
    return this.visible(sandboxName)
      .filter((e) => e.listedFrom <= now)
      .map((e) => ({ seq: e.seq, conn: e.conn }))
  }

  get(id: string): StoredConnection | undefined {
    return this.entries.get(id)?.conn
  }

  // A connection is only reachable from its own org and sandbox.
  find(id: string, sandboxName: string): StoredConnection | undefined {
    const conn = this.get(id)
    return conn && conn.sandboxName === sandboxName && conn.orgId === this.orgId ? conn : undefined
  }

  clients(id: string): { createdClient: string; updatedClient: string } | undefined {
    const e = this.entries.get(id)
    return e && { createdClient: e.createdClient, updatedClient: e.updatedClient }
  }

  update(id: string, change: ConnectionChange, clientId: string): StoredConnection | undefined {
    const entry = this.entries.get(id)
    if (!entry) return undefined
    const old = entry.conn
    const conn: StoredConnection = {
      ...old,
      name: change.name,
      auth: { specName: old.auth.specName, params: { ...change.params } },
      etag: changedEtag(old.etag),
      // Strictly later, even within the same millisecond, so clients can rely on the bump.
      updatedAt: Math.max(Date.now(), old.updatedAt + 1)
    }
    if (change.description === undefined) delete conn.description
    else conn.description = change.description
    entry.conn = conn
    entry.updatedClient = clientId
    return conn
  }

  remove(id: string): boolean {
    return this.entries.delete(id)
  }

  markInUse(id: string, inUse = true): void {
    const entry = this.entries.get(id)
    if (!entry) throw new Error(`No connection with id ${id}`)
    entry.conn = { ...entry.conn, inUse }
  }

  clear(): void {
    this.entries.clear()
  }

  private visible(sandboxName: string | undefined): Entry[] {
    return [...this.entries.values()].filter((e) => sandboxName === undefined || e.conn.sandboxName === sandboxName)
  }

  private insert(input: NewConnection, createdAt: number, lagMs: number): StoredConnection {
    const conn: StoredConnection = {
      id: randomUUID(),
      etag: newEtag(),
      orgId: this.orgId,
      sandboxName: input.sandboxName,
      name: input.name,
      connectionSpec: { ...input.connectionSpec },
      auth: { specName: input.auth.specName, params: { ...input.auth.params } },
      state: 'enabled',
      createdAt,
      updatedAt: createdAt
    }
    if (input.description !== undefined) conn.description = input.description
    const entry = { seq: ++this.seq, conn, createdClient: input.clientId, updatedClient: input.clientId, listedFrom: Date.now() + lagMs }
    this.entries.set(conn.id, entry)
    return conn
  }
}

const SEED_TEXT_FIELDS = ['sandboxName', 'description', 'specId', 'specVersion', 'specName'] as const

/** A SeedInput from untrusted JSON (control API, fault rules), or what is wrong with it. */
export function readSeed(v: unknown): SeedInput | string {
  if (!isRecord(v) || typeof v['name'] !== 'string') return 'a seed needs at least {"name": "..."}'
  const seed: SeedInput = { name: v['name'] }
  for (const key of SEED_TEXT_FIELDS) {
    const value = v[key]
    if (value === undefined) continue
    if (typeof value !== 'string') return `seed.${key} must be a string`
    seed[key] = value
  }
  const { params, createdAt } = v
  if (params !== undefined) {
    if (!isRecord(params)) return 'seed.params must be an object'
    seed.params = params
  }
  if (createdAt !== undefined) {
    if (typeof createdAt !== 'number') return 'seed.createdAt must be a number (epoch ms)'
    seed.createdAt = createdAt
  }
  return seed
}
