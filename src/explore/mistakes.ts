// The path mistakes a listing cannot tell by itself, told after the fact with one more read: a
// file given where a folder is listed (S3 lists a file's key as an empty folder), and a path the
// connection may not read (S3's "Access Denied" says nothing of why). Each message names 'path'.

import type { PlatformApi } from '../platform/api.js'
import { readBaseConnection, scopeOf, within } from '../platform/base-connection.js'
import { ApiError } from '../platform/errors.js'
import { folderOf, listCall, readListing } from '../platform/explore.js'
import { InputError } from '../platform/input-reader.js'
import { quoted } from '../platform/text.js'

/** When an empty listing of `path` is a file's: the error that says so, else undefined. */
export async function fileListed(api: PlatformApi, connectionId: string, path: string): Promise<InputError | undefined> {
  const trimmed = path.replace(/\/+$/, '')
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1)
  const folder = folderOf(trimmed)
  if (name === '') return undefined
  const entries = readListing((await api.send(listCall(connectionId, folder))).json)
  if (!entries.some((e) => e.type === 'file' && e.name === name)) return undefined
  return new InputError([
    `Input 'path' (${quoted(path)}) names a file, and a listing lists a folder's entries: set 'preview: true' to read the file, or give its folder (${quoted(folder ?? '/')}).`
  ])
}

/** `work`, with S3's Access Denied on `path` explained when it fails so. */
export async function explainingDenial<T>(
  api: PlatformApi,
  connectionId: string,
  path: string | undefined,
  work: () => Promise<T>
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw await explained(api, connectionId, path, error)
  }
}

/**
 * S3's Access Denied on `path`, explained: outside the bucket and folder the connection is
 * limited to, said with the part it may read; else what may be wrong. Other errors pass as they are.
 */
async function explained(api: PlatformApi, connectionId: string, path: string | undefined, error: unknown): Promise<unknown> {
  if (!(error instanceof ApiError) || !/Access ?Denied/i.test(error.message)) return error
  const connection = await readBaseConnection(api, connectionId).catch(() => undefined)
  const scope = connection !== undefined ? scopeOf(connection) : undefined
  const where = path !== undefined ? quoted(path) : 'the root'
  if (scope !== undefined && (path === undefined || !within(path, scope))) {
    return new InputError([
      `Input 'path': S3 denied access to ${where}, which is outside what connection ${connectionId} may read, ${quoted(scope)} (its bucket and folder path). Give a path below it; without 'path' the action lists the connection's root. (${error.message})`
    ])
  }
  return new InputError([
    `Input 'path': S3 denied access to ${where}. Paths are written as listings give them ('/my-bucket/folder/'); check that the connection's credentials or role may list it. (${error.message})`
  ])
}
