// The explore action's requests, as pure descriptions shared by the real run and the dry run.

import type { Call } from '../platform/api.js'
import { EXPLORE_LABEL } from '../platform/explore.js'
import type { Config, FileFormat } from './inputs.js'

export { listCall } from '../platform/explore.js'

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

/** The folder that holds a file: '/bucket/daily/a.csv' is in '/bucket/daily/'. */
export function folderOf(file: string): string | undefined {
  const cut = file.lastIndexOf('/')
  return cut <= 0 ? undefined : file.slice(0, cut + 1)
}

/** What a run lists: the path, or with preview the file's folder; the root when undefined. */
export function listedFolder(config: Pick<Config, 'path' | 'preview'>): string | undefined {
  return config.preview !== undefined ? folderOf(config.preview.file) : config.path
}
