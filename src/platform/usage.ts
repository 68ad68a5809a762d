// Which dataflows read what, asked before deleting it: a source or target connection directly
// (`GET /flows?property=sourceConnectionIds[]==…`), a base connection through the source
// connections made on it (`GET /sourceConnections?property=baseConnectionId==…`, as the
// interface contract says). Flow Service refuses to delete a base connection a dataflow still
// uses (1418-400); a teardown asks first, so that it can name the dataflows.

import type { Call, PlatformApi } from './api.js'
import { isObject } from './json.js'
import { listEvery } from './paging.js'
import { readId, sameId } from './server-values.js'

export type PartKind = 'source' | 'target'

/** A dataflow as a usage listing shows it: enough to name it. */
export interface User {
  id: string
  name: string
}

const PAGE_LIMIT = 100
const FLOW = 'Flow Service' as const

export function flowsUsingCall(kind: PartKind, partId: string): Call {
  const field = kind === 'source' ? 'sourceConnectionIds' : 'targetConnectionIds'
  return {
    service: FLOW,
    method: 'GET',
    path: `/flows?property=${field}[]==${encodeURIComponent(partId)}&limit=${PAGE_LIMIT}`,
    label: 'GET /flows'
  }
}

export function sourcesOnCall(baseConnectionId: string): Call {
  return {
    service: FLOW,
    method: 'GET',
    path: `/sourceConnections?property=baseConnectionId==${encodeURIComponent(baseConnectionId)}&limit=${PAGE_LIMIT}`,
    label: 'GET /sourceConnections'
  }
}

/** The dataflows that read a source connection or write through a target connection (the filter is checked again here). */
export function flowsUsing(api: Pick<PlatformApi, 'send' | 'target'>, kind: PartKind, partId: string): Promise<User[]> {
  const call = flowsUsingCall(kind, partId)
  const field = kind === 'source' ? 'sourceConnectionIds' : 'targetConnectionIds'
  return listEvery(api, call, (value) => {
    if (!isObject(value)) return undefined
    const ids: unknown = value[field]
    // A listing without the field is taken at its filter's word: a kept connection is the safe side.
    if (Array.isArray(ids) && !ids.some((used) => typeof used === 'string' && sameId(used, partId))) return undefined
    return { id: readId(value.id, 'id', { service: FLOW, label: call.label }), name: typeof value.name === 'string' ? value.name : '' }
  })
}

/** The dataflows that read through a base connection: those using any source connection made on it. */
export async function flowsReading(api: Pick<PlatformApi, 'send' | 'target'>, baseConnectionId: string): Promise<User[]> {
  const call = sourcesOnCall(baseConnectionId)
  const sources = await listEvery(api, call, (value) => {
    if (!isObject(value)) return undefined
    if (typeof value.baseConnectionId === 'string' && !sameId(value.baseConnectionId, baseConnectionId)) return undefined
    return { id: readId(value.id, 'id', { service: FLOW, label: call.label }) }
  })
  const users = await Promise.all(sources.map((source) => flowsUsing(api, 'source', source.id)))
  const byId = new Map(users.flat().map((user) => [user.id.toLowerCase(), user]))
  return [...byId.values()]
}
