// What a base connection sees (Flow Service's explore): listings (of a bucket, a folder, the
// files a path matches) and a file's preview, in either of the two shapes Adobe documents (a bare
// array of columns, or { format: 'flat', schema: { columns }, data: [rows] }). Answers are server
// values: checked here, printed elsewhere through oneLine and the summary's escaping.

import type { Call } from './api.js'
import { UnexpectedResponseError } from './errors.js'
import type { FileFormat } from './file-format.js'
import { isObject } from './json.js'
import { quoted } from './text.js'

export interface ExploreEntry {
  /** Lower-cased: the docs show 'file'/'folder', older ones 'File'/'Folder'. */
  type: string
  name: string
  path: string
  canPreview?: boolean
}

export const EXPLORE_LABEL = 'GET /connections/{id}/explore'

/** Lists the root, or the folder at `folder` (a path as a listing gave it). */
export function listCall(connectionId: string, folder?: string): Call {
  const query = folder === undefined ? 'objectType=root' : `objectType=folder&object=${encodeURIComponent(folder)}`
  return {
    service: 'Flow Service',
    method: 'GET',
    path: `/connections/${encodeURIComponent(connectionId)}/explore?${query}`,
    label: EXPLORE_LABEL
  }
}

/** Longest name or path kept from a listing: S3 keys are at most 1024 bytes. */
const MAX_PATH = 2048

export function readListing(json: unknown): ExploreEntry[] {
  if (!Array.isArray(json)) throw new UnexpectedResponseError('Flow Service', EXPLORE_LABEL, 'the listing is not a JSON array')
  return json.flatMap((value: unknown) => {
    if (!isObject(value) || typeof value.type !== 'string' || typeof value.name !== 'string') return []
    const path = typeof value.path === 'string' ? value.path : value.name
    if (value.name.length > MAX_PATH || path.length > MAX_PATH) return []
    return [
      {
        type: value.type.toLowerCase(),
        name: value.name,
        path,
        ...(typeof value.canPreview === 'boolean' && { canPreview: value.canPreview })
      }
    ]
  })
}

/** Reads a file's columns and sample rows through the connection. */
export function previewCall(connectionId: string, file: string, format: FileFormat): Call {
  const query = new URLSearchParams({ objectType: 'file', object: file, fileType: format.fileType, preview: 'true' })
  if (format.columnDelimiter !== undefined) query.set('columnDelimiter', format.columnDelimiter)
  if (format.compressionType !== undefined) query.set('compressionType', format.compressionType)
  if (format.encoding !== undefined) query.set('encoding', format.encoding)
  // URLSearchParams writes a space as '+', which a service may read as a plus: spaces go as %20.
  return {
    service: 'Flow Service',
    method: 'GET',
    path: `/connections/${encodeURIComponent(connectionId)}/explore?${query.toString().replace(/\+/g, '%20')}`,
    label: EXPLORE_LABEL
  }
}

export interface Column {
  name: string
  type: string
}

export interface Preview {
  columns: Column[]
  rows: Record<string, unknown>[]
}

/** Sample rows kept from a preview at most: what any reader of it shows. */
export const MAX_PREVIEW_ROWS = 20

export function readPreview(json: unknown): Preview {
  if (Array.isArray(json)) return { columns: readColumns(json), rows: [] }
  if (isObject(json) && isObject(json.schema) && Array.isArray(json.schema.columns)) {
    const rows = Array.isArray(json.data) ? json.data.filter(isObject).slice(0, MAX_PREVIEW_ROWS) : []
    return { columns: readColumns(json.schema.columns), rows }
  }
  throw new UnexpectedResponseError('Flow Service', EXPLORE_LABEL, 'the preview is neither an array of columns nor a {schema, data} object')
}

function readColumns(values: readonly unknown[]): Column[] {
  return values.flatMap((value) => {
    if (!isObject(value) || typeof value.name !== 'string' || value.name.length > MAX_PATH) return []
    const xdm = isObject(value.xdm) && typeof value.xdm.type === 'string' ? value.xdm.type : undefined
    const type = typeof value.type === 'string' ? value.type : (xdm ?? 'unknown')
    return [{ name: value.name, type }]
  })
}

/** The folder that holds a file: '/bucket/daily/a.csv' is in '/bucket/daily/'. */
export function folderOf(file: string): string | undefined {
  const cut = file.lastIndexOf('/')
  return cut <= 0 ? undefined : file.slice(0, cut + 1)
}

/**
 * An S3 URI where a path is wanted ('s3://bucket/folder/'): Flow Service writes paths as its
 * listings give them, '/bucket/folder/'. The message names the input and the path to give.
 */
export function s3UriProblem(input: string, value: string): string | undefined {
  const match = /^s3[an]?:\/\/(.*)$/is.exec(value)
  if (match === null) return undefined
  return `Input '${input}' is an S3 URI (${quoted(value)}); give the path as explore listings write it, '/${match[1] ?? ''}'.`
}
