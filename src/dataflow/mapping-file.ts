// Reading the mapping input: a file in the workspace, never outside it, never large.

import { readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import type { FileType } from '../explore/inputs.js'
import { InputError } from '../platform/input-reader.js'
import { quoted } from '../platform/text.js'
import { MAX_MAPPING_BYTES, parseMapping, type Mapping } from './mapping.js'

/** The mapping file's entries, checked locally; `workspace` is GITHUB_WORKSPACE (the checkout). */
export function readMappingFile(file: string, workspace: string, format: FileType): Mapping[] {
  const root = realpathSync(workspace)
  const path = resolve(root, file)
  let real: string
  try {
    real = realpathSync(path)
  } catch {
    throw new InputError([
      `Input 'mapping' names ${quoted(file)}, which does not exist in the workspace (${root}); check the path, and that the job checked the repository out.`
    ])
  }
  const inside = relative(root, real)
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new InputError([`Input 'mapping' must name a file inside the workspace; ${quoted(file)} is outside it.`])
  }
  const size = statSync(real).size
  if (size > MAX_MAPPING_BYTES)
    throw new InputError([`Input 'mapping' names a file of ${size} bytes; a mapping file is at most ${MAX_MAPPING_BYTES}.`])
  return parseMapping(readFileSync(real, 'utf8'), file, format)
}
