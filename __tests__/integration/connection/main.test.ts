// run() in this process, against the emulator: what the process tests show, measured for
// coverage, plus what only an in-process run can see (the order of setSecret calls).

import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { run } from '../../../src/connection/main.js'
import { inputEnv, parseOutputFile, runnerEnv } from '../../helpers/action.js'
import { emulatorInputs } from '../../helpers/fixtures.js'

let emulator: Emulator
let tmp: string
// @actions/core's summary keeps the first file path it sees, so one file serves the whole suite.
const summaryFile = join(mkdtempSync(join(tmpdir(), 'main-summary-')), 'summary')
let printed: string[]
const savedEnv = { ...process.env }

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
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

async function runWith(inputs: Record<string, string | undefined>, env: Record<string, string> = {}) {
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

describe('run()', () => {
  it('creates, writes outputs and the summary, and masks every secret before printing anything', async () => {
    const result = await runWith(emulatorInputs(emulator, { verify: 'true' }))
    expect(result.failed).toBe(false)
    expect(result.outputs.operation).toBe('created')
    expect(result.summary).toContain('yes: ')
    const lines = result.text.split('\n').filter((l) => l !== '')
    const firstOther = lines.findIndex((l) => !l.startsWith('::add-mask::'))
    for (const secret of [DEMO.clientSecret, DEMO.s3AccessKey, DEMO.s3SecretKey]) {
      expect(lines.indexOf(`::add-mask::${secret}`)).toBeGreaterThanOrEqual(0)
      expect(lines.indexOf(`::add-mask::${secret}`)).toBeLessThan(firstOther)
    }
  })

  it('fails on bad input with one message and writes no summary', async () => {
    const result = await runWith(emulatorInputs(emulator, { 'if-exists': 'sometimes' }))
    expect(result.failed).toBe(true)
    expect(result.text).toContain("::error::Input 'if-exists' must be one of")
    expect(result.summary).toBe('')
    expect(emulator.requests()).toHaveLength(0)
  })

  it('writes a failure summary with the redacted error when Flow Service refuses', async () => {
    const result = await runWith(
      emulatorInputs(emulator, { 'client-id': 'not-a-known-client', 'client-secret': undefined, 'access-token': DEMO.accessToken })
    )
    expect(result.failed).toBe(true)
    expect(result.summary).toContain('failed')
    expect(result.summary).toContain('403003')
    expect(result.summary).not.toContain(DEMO.accessToken)
  })

  it('dry-run prints the plan and sends nothing', async () => {
    const result = await runWith(emulatorInputs(emulator, { 'dry-run': 'true' }))
    expect(result.failed).toBe(false)
    expect(result.outputs.operation).toBe('dry-run')
    expect(emulator.requests()).toHaveLength(0)
  })

  it('describes a run outside GitHub Actions without failing', async () => {
    const result = await runWith(emulatorInputs(emulator), { GITHUB_REPOSITORY: '', GITHUB_WORKFLOW: '', GITHUB_STEP_SUMMARY: '' })
    expect(result.failed).toBe(false)
    // (@actions/github reads GITHUB_WORKFLOW once per process, so only the repository part is checked here.)
    expect(emulator.store.list()[0]?.description).toMatch(/^Managed by GitHub Actions: a run outside GitHub Actions, workflow /)
  })
})
