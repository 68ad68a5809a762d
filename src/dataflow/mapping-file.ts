// Reading the mapping input: a regular file in the workspace, never outside it, never large, read
// within the step's time. A named pipe, a directory or a device is refused by what it is: opening
// a pipe for reading would wait for a writer for ever.

import { constants, type Stats } from 'node:fs'
import { open, realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { FileType } from '../platform/file-format.js'
import { InputError } from '../platform/input-reader.js'
import { quoted } from '../platform/text.js'
import { MAX_MAPPING_BYTES, parseMapping, type Mapping } from './mapping.js'

/** The mapping file's entries, checked locally; `workspace` is GITHUB_WORKSPACE (the checkout). */
export async function readMappingFile(file: string, workspace: string, format: FileType, timeoutMs: number): Promise<Mapping[]> {
  const root = await realpath(workspace)
  let real: string
  try {
    real = await realpath(resolve(root, file))
  } catch {
    throw refused(
      `names ${quoted(file)}, which does not exist in the workspace (${root}); check the path, and that the job checked the repository out`
    )
  }
  // '..x.json' is a name inside the workspace; only a '..' segment leaves it.
  const inside = relative(root, real)
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    throw refused(`must name a file inside the workspace; ${quoted(file)} is outside it`)
  const text = await withinTime(readRegularFile(real, file), timeoutMs, file)
  return parseMapping(text.replace(/^\uFEFF/, ''), file, format)
}

/** Windows has no O_NONBLOCK (nor named pipes a path can name). */
const NONBLOCK = 'O_NONBLOCK' in constants ? constants.O_NONBLOCK : 0

/** The file's text, once it is known to be a regular file of at most MAX_MAPPING_BYTES; opening never waits. */
async function readRegularFile(path: string, file: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | NONBLOCK)
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw refused(`must name a regular file (a .json or .csv mapping); ${quoted(file)} is ${kindOf(stats)}`)
    if (stats.size > MAX_MAPPING_BYTES) throw refused(`names a file of ${stats.size} bytes; a mapping file is at most ${MAX_MAPPING_BYTES}`)
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  if (stats.isSocket()) return 'a socket'
  return 'not a regular file'
}

async function withinTime<T>(work: Promise<T>, timeoutMs: number, file: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(refused(`names ${quoted(file)}, which could not be read within timeout-seconds`)), timeoutMs)
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

function refused(problem: string): InputError {
  return new InputError([`Input 'mapping' ${problem}.`])
}
