// The mapping input as a file in the workspace: what is read, and what is refused by what it is.

import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readMappingFile } from '../../../src/dataflow/mapping-file.js'
import { InputError } from '../../../src/platform/input-reader.js'

const MAPPING = [{ source: 'email', destination: 'personalEmail.address' }]
let workspace: string

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
})
afterEach(() => {
  rmSync(workspace, { recursive: true, force: true })
})

const read = (file: string, timeoutMs = 2000) => readMappingFile(file, workspace, 'delimited', timeoutMs)
const refusal = async (file: string): Promise<string> => {
  const error = await read(file).catch((e: unknown) => e)
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`)
  return error.message
}

it('reads a mapping in the workspace, whose name may start with two dots', async () => {
  writeFileSync(join(workspace, '..map.json'), JSON.stringify(MAPPING))
  expect(await read('..map.json')).toEqual([{ sourceType: 'ATTRIBUTE', source: 'email', destination: 'personalEmail.address' }])
})

it('accepts a file that starts with a UTF-8 byte order mark, as editors on Windows write it', async () => {
  writeFileSync(join(workspace, 'map.json'), `\uFEFF${JSON.stringify(MAPPING)}`)
  expect(await read('map.json')).toHaveLength(1)
  writeFileSync(join(workspace, 'map.csv'), '\uFEFFsource,destination\nemail,personalEmail.address\n')
  expect(await read('map.csv')).toHaveLength(1)
})

it('refuses the workspace itself or another directory, saying so', async () => {
  expect(await refusal('.')).toMatch(/^Input 'mapping' must name a regular file \(a \.json or \.csv mapping\); "\." is a directory\.$/)
  mkdirSync(join(workspace, 'mappings'))
  expect(await refusal('mappings')).toContain('"mappings" is a directory')
})

it('refuses a named pipe at once instead of waiting for a writer for ever', async () => {
  const made = spawnSync('mkfifo', [join(workspace, 'pipe.json')])
  expect(made.status).toBe(0)
  expect(await refusal('pipe.json')).toContain('"pipe.json" is a named pipe (FIFO)')
})

it('refuses a file outside the workspace, through a path or a link', async () => {
  expect(await refusal('../outside.json')).toMatch(/does not exist in the workspace|is outside it/)
  const outside = mkdtempSync(join(tmpdir(), 'outside-'))
  try {
    writeFileSync(join(outside, 'map.json'), JSON.stringify(MAPPING))
    symlinkSync(join(outside, 'map.json'), join(workspace, 'link.json'))
    expect(await refusal('link.json')).toBe(`Input 'mapping' must name a file inside the workspace; "link.json" is outside it.`)
  } finally {
    rmSync(outside, { recursive: true, force: true })
  }
})

it('refuses a file too large to be a mapping', async () => {
  writeFileSync(join(workspace, 'big.json'), ' '.repeat(1024 * 1024 + 1))
  expect(await refusal('big.json')).toMatch(/names a file of 1048577 bytes; a mapping file is at most 1048576/)
})
