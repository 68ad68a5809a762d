// run() in this process, against the emulator: what the process tests show, measured for
// coverage, plus what only an in-process run can see (the order of setSecret calls).

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { run } from '../../../src/connection/main.js'
import { emulatorInputs } from '../../helpers/fixtures.js'
import { inProcess } from '../../helpers/in-process.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const runWith = inProcess(run)

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
