// What the source path names, told from a listing of its folder: a folder (given with or without
// its trailing '/'), files matched by a wildcard, or one file; and the files a rehearsal previews.
// Pure: the listing is read elsewhere.
//
// The collect tutorial sends a wildcard path (`/acme/summerCampaign/*premium*.csv`) and a folder
// path without a trailing '/' with `type: "folder"`: a source connection is `file` only for a
// path that names one file.

import { folderOf, type ExploreEntry } from '../platform/explore.js'

export type PathType = 'file' | 'folder'

/** What to list first to tell what the path names: its folder (undefined: the root). */
export interface LookStart {
  folder: string | undefined
}

export interface Looked {
  type: PathType
  /** The files at the path (those a wildcard matches, those directly in a folder), in listing order. */
  files: ExploreEntry[]
  /** A folder named without its trailing '/': listed next for its files. */
  listNext?: string
}

/** Whether the path's last segment is a wildcard on file names (the collect tutorial's `*`). */
export function isWildcard(path: string): boolean {
  return lastSegment(path).includes('*')
}

/** The type a source connection is sent with when nothing is listed (the dry run): from the path alone. */
export function pathTypeOf(path: string): PathType {
  return path.endsWith('/') || isWildcard(path) ? 'folder' : 'file'
}

export function lookStart(path: string): LookStart {
  return { folder: path.endsWith('/') ? path : folderOf(path) }
}

/** What the path names, given the listing of `lookStart(path).folder`. */
export function readLook(path: string, entries: readonly ExploreEntry[]): Looked {
  const files = entries.filter((e) => e.type === 'file')
  if (path.endsWith('/')) return { type: 'folder', files }
  const last = lastSegment(path)
  if (isWildcard(path)) {
    const matches = wildcard(last)
    return { type: 'folder', files: files.filter((e) => matches.test(nameOf(e))) }
  }
  const entry = entries.find((e) => nameOf(e) === last)
  if (entry?.type === 'folder') return { type: 'folder', files: [], listNext: `${path}/` }
  return { type: 'file', files: entry !== undefined ? [entry] : [] }
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** An entry's own name, without the '/' a folder's may end with. */
function nameOf(entry: ExploreEntry): string {
  return entry.name.replace(/\/+$/, '')
}

/** `*` matches any run of characters within a name; everything else is literal. */
function wildcard(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${body}$`, 's')
}
