// Listing what a base connection sees (Flow Service's explore): the connection action's
// verification and the explore action both read it. Entries are server values: checked here,
// printed elsewhere through oneLine and the summary's escaping.

import type { Call } from './api.js'
import { UnexpectedResponseError } from './errors.js'
import { isObject } from './json.js'

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
