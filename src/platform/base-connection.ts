// Reading one base connection by id (`GET /connections/{id}`, answered as `{items: [item]}`): to
// tell which sandbox, spec, bucket and folder it stands for before anything else depends on it.
// Only parameters that are not secret are kept.

import type { Call, PlatformApi } from './api.js'
import { isNotFound, UnexpectedResponseError } from './errors.js'
import { isObject } from './json.js'
import { readId } from './server-values.js'

/** The Amazon S3 source connection spec (the S3 connection docs). */
export const S3_SPEC_ID = 'ecadc60c-7455-4d87-84dc-2a0e293d997b'

export const CONNECTION_LABEL = 'GET /connections/{id}'

export function connectionCall(id: string): Call {
  return { service: 'Flow Service', method: 'GET', path: `/connections/${encodeURIComponent(id)}`, label: CONNECTION_LABEL }
}

export interface BaseConnection {
  id: string
  name: string
  specId: string
  /** 'enabled' on a connection in use; absent when the service does not say. */
  state?: string
  /** The bucket and folder an S3 connection is limited to, when it is. */
  bucketName?: string
  folderPath?: string
}

/** Longest value kept from a connection's parameters: an S3 key is at most 1024 bytes. */
const MAX_PARAM = 2048

/** The connection, or undefined when this sandbox has none with that id (404, or Flow Service's 1439-400). */
export async function readBaseConnection(api: PlatformApi, id: string): Promise<BaseConnection | undefined> {
  const call = connectionCall(id)
  try {
    return baseConnectionOf((await api.send(call)).json)
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

export function baseConnectionOf(json: unknown): BaseConnection {
  const items: unknown = isObject(json) ? json.items : undefined
  const item: unknown = Array.isArray(items) ? items[0] : undefined
  const unexpected = (problem: string): UnexpectedResponseError => new UnexpectedResponseError('Flow Service', CONNECTION_LABEL, problem)
  if (!isObject(item)) throw unexpected('no connection in "items"')
  if (!isObject(item.connectionSpec) || typeof item.connectionSpec.id !== 'string') throw unexpected('no "connectionSpec.id"')
  const params = isObject(item.auth) && isObject(item.auth.params) ? item.auth.params : {}
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length <= MAX_PARAM ? value : undefined)
  const bucketName = text(params.bucketName)
  const folderPath = text(params.folderPath)
  const state = text(item.state)
  return {
    id: readId(item.id, 'id', { service: 'Flow Service', label: CONNECTION_LABEL }),
    name: text(item.name) ?? '',
    specId: item.connectionSpec.id,
    ...(state !== undefined && { state }),
    ...(bucketName !== undefined && bucketName !== '' && { bucketName }),
    ...(folderPath !== undefined && folderPath !== '' && { folderPath })
  }
}

/**
 * The part of the bucket tree an S3 connection may read, as listings write paths
 * ('/bucket/folder/'); undefined when it is not limited to a bucket.
 */
export function scopeOf(connection: BaseConnection): string | undefined {
  if (connection.bucketName === undefined) return undefined
  const folder = (connection.folderPath ?? '').replace(/^\/+|\/+$/g, '')
  return folder === '' ? `/${connection.bucketName}/` : `/${connection.bucketName}/${folder}/`
}

/** Whether `path` lies inside `scope` (a folder path ending in '/'); the folder itself counts. */
export function within(path: string, scope: string): boolean {
  return path.startsWith(scope) || `${path}/` === scope
}
