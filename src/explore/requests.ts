// The explore action's requests, as pure descriptions shared by the real run and the dry run.

import { folderOf } from '../platform/explore.js'
import type { Config } from './inputs.js'

export { listCall, previewCall } from '../platform/explore.js'

/** What a run lists: the path, or with preview the file's folder; the root when undefined. */
export function listedFolder(config: Pick<Config, 'path' | 'preview'>): string | undefined {
  return config.preview !== undefined ? folderOf(config.preview.file) : config.path
}
