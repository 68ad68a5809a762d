// What a run reads through the connection: the folder's listing (telling a file's path from a
// folder's), and the file's preview, kept to the sample rows the workflow asked for.

import type { PlatformApi } from '../platform/api.js'
import { MAX_PREVIEW_ROWS, readListing, readPreview, type ExploreEntry, type Preview } from '../platform/explore.js'
import type { Config } from './inputs.js'
import { fileListed } from './mistakes.js'
import { listCall, previewCall } from './requests.js'

/** Lists the folder; the first time it is empty, tells whether the path was a file's (when no preview was asked for). */
export function listing(
  api: PlatformApi,
  connectionId: string,
  folder: string | undefined,
  checkFile: boolean
): () => Promise<ExploreEntry[]> {
  let first = true
  return async () => {
    const entries = readListing((await api.send(listCall(connectionId, folder))).json)
    const check = first && checkFile && entries.length === 0 && folder !== undefined
    first = false
    const mistake = check ? await fileListed(api, connectionId, folder) : undefined
    if (mistake !== undefined) throw mistake
    return entries
  }
}

/** The file's columns, and only as many of its sample rows as preview-rows asks for. */
export async function readFile(api: PlatformApi, connectionId: string, preview: NonNullable<Config['preview']>): Promise<Preview> {
  return keepRows(readPreview((await api.send(previewCall(connectionId, preview.file, preview.format))).json), preview.rows)
}

/**
 * The preview with its first `rows` sample rows: the rest are dropped as soon as the answer is
 * read, so no output, log line or summary can show a row nobody asked for.
 */
export function keepRows(preview: Preview, rows: number): Preview {
  return { columns: preview.columns, rows: preview.rows.slice(0, rows) }
}

/** The log's line for a preview: how many columns and rows, and how to see rows when none were asked for. */
export function previewLine(file: string, preview: Preview, rowsAsked: number): string {
  const columns = `${preview.columns.length} column${preview.columns.length === 1 ? '' : 's'}`
  if (rowsAsked === 0)
    return `Previewed ${file}: ${columns}; no sample rows shown (set preview-rows, up to ${MAX_PREVIEW_ROWS}, to see some).`
  return `Previewed ${file}: ${columns}, ${preview.rows.length} sample row${preview.rows.length === 1 ? '' : 's'}.`
}
