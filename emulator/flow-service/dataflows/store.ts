import type { Dataflow, DataflowRun, SourceConnection, TargetConnection } from '../../types.js'
import { changedEtag } from '../etag.js'

// Source connections, target connections, dataflows and runs, in memory. Each lives in a
// sandbox and is reachable only from it; rows keep their creation sequence for cursor paging and
// the clients that made and last changed them for the audit fields.

export interface Row<T> {
  seq: number
  item: T
  createdClient: string
  updatedClient: string
}

interface Item {
  id: string
  sandboxName: string
}

export class Table<T extends Item> {
  private readonly rows = new Map<string, Row<T>>()

  constructor(private readonly nextSeq: () => number) {}

  insert(item: T, clientId: string): Row<T> {
    const row = { seq: this.nextSeq(), item, createdClient: clientId, updatedClient: clientId }
    this.rows.set(item.id, row)
    return row
  }

  /** The row as the sandbox sees it: one of another sandbox does not exist there. */
  find(id: string, sandboxName: string): Row<T> | undefined {
    const row = this.rows.get(id)
    return row?.item.sandboxName === sandboxName ? row : undefined
  }

  get(id: string): Row<T> | undefined {
    return this.rows.get(id)
  }

  remove(id: string): boolean {
    return this.rows.delete(id)
  }

  /** Creation order. */
  all(sandboxName?: string): Row<T>[] {
    return [...this.rows.values()].filter((r) => sandboxName === undefined || r.item.sandboxName === sandboxName)
  }

  clear(): void {
    this.rows.clear()
  }
}

export class DataflowStore {
  private seq = 0
  readonly sources = new Table<SourceConnection>(() => ++this.seq)
  readonly targets = new Table<TargetConnection>(() => ++this.seq)
  readonly flows = new Table<Dataflow>(() => ++this.seq)
  readonly runs = new Table<DataflowRun>(() => ++this.seq)

  /** The id of a dataflow, not yet fully deleted, that reads through this base connection. */
  flowUsingBase(baseConnectionId: string): string | undefined {
    return this.flowWhere((f) => f.sourceConnectionIds.some((id) => this.sources.get(id)?.item.baseConnectionId === baseConnectionId))
  }

  flowUsingSource(sourceId: string): string | undefined {
    return this.flowWhere((f) => f.sourceConnectionIds.includes(sourceId))
  }

  flowUsingTarget(targetId: string): string | undefined {
    return this.flowWhere((f) => f.targetConnectionIds.includes(targetId))
  }

  private flowWhere(test: (flow: Dataflow) => boolean): string | undefined {
    return this.flows.all().find((f) => test(f.item))?.item.id
  }

  clear(): void {
    for (const table of [this.sources, this.targets, this.flows, this.runs]) table.clear()
  }
}

/** `next` as a change of `previous`: a new etag, and an update time strictly after the last one. */
export function touched<T extends { etag: string; updatedAt: number }>(next: T, previous: { etag: string; updatedAt: number }): T {
  return { ...next, etag: changedEtag(previous.etag), updatedAt: Math.max(Date.now(), previous.updatedAt + 1) }
}
