// The explore action's requests, as pure descriptions shared by the real run and the dry run.

import { folderOf } from '../platform/explore.js'
import type { Config } from './inputs.js'

export { listCall, previewCall } from '../platform/explore.js'

/** What a run lists: the path, or with preview the file's folder; the root when undefined. */
export function listedFolder(config: Pick<Config, 'path' | 'preview'>): string | undefined {
  return config.preview !== undefined ? folderOf(config.preview.file) : config.path
}

/**
 * The preview that goes out together with the listing, not after it: none after a wait (the file
 * may land only then), and none with if-missing: skip, where a file that is not there is not read.
 */
export function previewWithListing(config: Pick<Config, 'preview' | 'expect' | 'ifMissing' | 'waitSeconds'>): Config['preview'] {
  const mayBeMissing = config.expect !== undefined && config.ifMissing === 'skip'
  return config.waitSeconds === 0 && !mayBeMissing ? config.preview : undefined
}
