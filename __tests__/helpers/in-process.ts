// Runs an action's run() in this process, as the runner would see it (INPUT_* variables, the
// output and summary files, stdout): for coverage, and for what only an in-process run can see.

import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv, parseOutputFile, runnerEnv } from './action.js'

export interface InProcessResult {
  failed: boolean
  outputs: Record<string, string>
  summary: string
  text: string
}

// @actions/core's summary keeps the first file path it sees, so one file serves the whole suite.
const summaryFile = join(mkdtempSync(join(tmpdir(), 'main-summary-')), 'summary')

/** Installs the per-test set-up and tear-down; returns the function that runs the action. */
export function inProcess(
  run: () => Promise<void>
): (inputs: Record<string, string | undefined>, env?: Record<string, string>) => Promise<InProcessResult> {
  const savedEnv = { ...process.env }
  let tmp = ''
  let printed: string[] = []
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'main-test-'))
    printed = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
    process.env = { ...savedEnv }
    process.exitCode = 0
    rmSync(tmp, { recursive: true, force: true })
  })
  return async (inputs, env = {}) => {
    const outputFile = join(tmp, 'output')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    process.env = {
      ...runnerEnv(tmp),
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_DEBUG: '1',
      ...inputEnv(inputs),
      ...env
    }
    await run()
    const failed = process.exitCode === 1
    process.exitCode = 0
    return {
      failed,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      text: printed.join('')
    }
  }
}
