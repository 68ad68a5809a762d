// The Flow Service routes of base connections, typed: it knows Adobe's paths, bodies and answers
// (each checked before use); the transport below it knows retries; the logic above it knows why.

import type { Call, PatchOperation, PlatformApi, Written } from '../platform/api.js'
import { isNotFound, mayHaveTakenEffect, UnexpectedResponseError } from '../platform/errors.js'
import type { Ledger } from '../platform/ledger.js'
import { flowsReading, type User } from '../platform/usage.js'
import { listCall, readListing, type ExploreEntry } from '../platform/explore.js'
import { isObject } from '../platform/json.js'
import { listEvery } from '../platform/paging.js'
import { createdAtOf, isEtag, readEtag, readId, sameId } from '../platform/server-values.js'
import { isRecovered, type Recovered, type Response } from '../platform/transport/transport.js'
import { createCall, deleteCall, getCall, lookupCall, patchCall, type NewConnection } from './requests.js'

/** A connection as a listing or a read shows it, checked. */
export interface Found {
  id: string
  name: string
  description?: string
  spec: { id: string; version: string }
  authSpecName?: string
  etag?: string
  /** Epoch milliseconds; the tie-breaker among same-named connections made at once. */
  createdAt?: number
}

const FLOW = 'Flow Service' as const

export class ConnectionsClient {
  constructor(
    private readonly api: PlatformApi,
    /** What the run made and deleted: a failed run's message is read from it. */
    private readonly ledger: Ledger
  ) {}

  /** Every connection in the sandbox with exactly this name and spec, across all pages. */
  find(name: string, specId: string): Promise<Found[]> {
    return this.list(lookupCall(name, specId), (item) => item.name === name && sameId(item.spec.id, specId))
  }

  /** Every connection of the spec whose name passes `wanted` (the verification probes). */
  findNamed(specId: string, wanted: (name: string) => boolean): Promise<Found[]> {
    return this.list(lookupCall(undefined, specId), (item) => wanted(item.name) && sameId(item.spec.id, specId))
  }

  async get(id: string): Promise<Found> {
    const call = getCall(id)
    const res = await this.api.send(call)
    const items = isObject(res.json) ? res.json.items : undefined
    const item = Array.isArray(items) ? readItem(items[0], call.label) : undefined
    if (item === undefined) throw unexpected(call.label, 'no connection in "items"')
    return item
  }

  /**
   * Creates a connection (`what` names it in the ledger: a connection, a verification probe);
   * `recover` is asked, after an attempt with an unknown outcome, whether it was created anyway.
   */
  async create<T extends { id: string }>(
    body: NewConnection,
    recover: () => Promise<T | undefined>,
    what = 'connection'
  ): Promise<Written | Recovered<T>> {
    const call = createCall(body)
    let res: Response | Recovered<T>
    try {
      res = await this.api.sendOrRecover(call, recover)
    } catch (error) {
      // Sent, and its outcome never learnt: it may exist, carrying this run's mark.
      if (mayHaveTakenEffect(error)) this.ledger.uncertain(what)
      throw error
    }
    const written = isRecovered(res) ? res : await this.written(res, call.label)
    this.ledger.made(what, isRecovered(written) ? written.recovered.id : written.id)
    return written
  }

  /** Applies a JSON Patch guarded by the etag; 'stale' when the etag is no longer the connection's. */
  async patch(id: string, etag: string, operations: PatchOperation[]): Promise<Written | 'stale'> {
    const call = patchCall(id, etag, operations)
    const res = await this.api.send(call)
    return res.status === 412 ? 'stale' : this.written(res, call.label)
  }

  /** Deletes it; one that is not found (a 404, or Flow Service's 1439-400) is gone already, which is what was wanted. */
  async delete(id: string): Promise<void> {
    try {
      await this.api.send(deleteCall(id))
    } catch (error) {
      if (!isNotFound(error)) throw error
    }
    this.ledger.deleted(id)
  }

  /** The dataflows that read through the connection (through the source connections made on it). */
  flowsReading(id: string): Promise<User[]> {
    return flowsReading(this.api, id)
  }

  /** Lists the root, or a folder, through the connection. */
  async explore(id: string, folder?: string): Promise<ExploreEntry[]> {
    const res = await this.api.send(listCall(id, folder))
    return readListing(res.json)
  }

  /** The etag of a found connection: from the listing, or read when the listing lacked one. */
  async etagOf(item: Found): Promise<string> {
    if (item.etag !== undefined) return item.etag
    const read = await this.get(item.id)
    if (read.etag === undefined)
      throw unexpected('GET /connections/{id}', `connection ${item.id} has no "etag", so it cannot be updated safely`)
    return read.etag
  }

  /** Every item of the listing across its pages; only exact matches are read (the service's filter syntax is loose). */
  private list(first: Call, keep: (item: Found) => boolean): Promise<Found[]> {
    return listEvery(this.api, first, (value) => readItem(value, first.label, keep))
  }

  /** A create or patch answer: its id, and a usable etag (read back when the answer lacks one). */
  private async written(res: Response, label: string): Promise<Written> {
    const body = isObject(res.json) ? res.json : {}
    const id = readId(body.id, 'id', { service: FLOW, label })
    if (isEtag(body.etag)) return { id, etag: body.etag }
    const read = await this.get(id)
    return { id, etag: readEtag(read.etag, 'etag', { service: FLOW, label: 'GET /connections/{id}' }) }
  }
}

/**
 * A listed or read item, checked; undefined when it is not one this run uses (`keep`). An item
 * it does use must carry a valid id, and an etag that is valid when present.
 */
function readItem(value: unknown, label: string, keep: (item: Found) => boolean = () => true): Found | undefined {
  if (!isObject(value) || typeof value.name !== 'string' || !isObject(value.connectionSpec)) return undefined
  const spec = value.connectionSpec
  const candidate: Found = {
    id: typeof value.id === 'string' ? value.id : '',
    name: value.name,
    spec: { id: typeof spec.id === 'string' ? spec.id : '', version: typeof spec.version === 'string' ? spec.version : '' },
    ...(typeof value.description === 'string' && { description: value.description }),
    ...(isObject(value.auth) && typeof value.auth.specName === 'string' && { authSpecName: value.auth.specName }),
    ...createdAtOf(value)
  }
  if (!keep(candidate)) return undefined
  const origin = { service: FLOW, label }
  const id = readId(value.id, 'id', origin)
  const etag = value.etag === undefined ? undefined : readEtag(value.etag, 'etag', origin)
  return { ...candidate, id, ...(etag !== undefined && { etag }) }
}

function unexpected(label: string, problem: string): UnexpectedResponseError {
  return new UnexpectedResponseError(FLOW, label, problem)
}
