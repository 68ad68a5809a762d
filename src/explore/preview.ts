// A file preview, in either of the two shapes Adobe documents: a bare array of columns, or
// { format: 'flat', schema: { columns }, data: [rows] }. Server values: checked here.

import { UnexpectedResponseError } from '../platform/errors.js'
import { EXPLORE_LABEL } from '../platform/explore.js'
import { isObject } from '../platform/json.js'

export interface Column {
  name: string
  type: string
}

export interface Preview {
  columns: Column[]
  rows: Record<string, unknown>[]
}

/** At most this many sample rows become the `rows` output. */
export const MAX_ROWS = 20

export function readPreview(json: unknown): Preview {
  if (Array.isArray(json)) return { columns: readColumns(json), rows: [] }
  if (isObject(json) && isObject(json.schema) && Array.isArray(json.schema.columns)) {
    const rows = Array.isArray(json.data) ? json.data.filter(isObject).slice(0, MAX_ROWS) : []
    return { columns: readColumns(json.schema.columns), rows }
  }
  throw new UnexpectedResponseError('Flow Service', EXPLORE_LABEL, 'the preview is neither an array of columns nor a {schema, data} object')
}

function readColumns(values: readonly unknown[]): Column[] {
  return values.flatMap((value) => {
    if (!isObject(value) || typeof value.name !== 'string') return []
    const xdm = isObject(value.xdm) && typeof value.xdm.type === 'string' ? value.xdm.type : undefined
    const type = typeof value.type === 'string' ? value.type : (xdm ?? 'unknown')
    return [{ name: value.name, type }]
  })
}
