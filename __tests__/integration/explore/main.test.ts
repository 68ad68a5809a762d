// The explore action's run() in this process, against the emulator: its story end to end, for
// what the process tests cannot measure (coverage).

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { run } from '../../../src/explore/main.js'
import { inProcess } from '../../helpers/in-process.js'

let emulator: Emulator
let connectionId: string
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  connectionId = emulator.store.seed({ name: 'S3', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
})

const runWith = inProcess(run)
const inputs = (overrides: Record<string, string> = {}) => ({
  'client-id': DEMO.clientId,
  'access-token': DEMO.accessToken,
  'ims-org-id': emulator.orgId,
  'platform-url': emulator.flowServiceUrl.slice(0, emulator.flowServiceUrl.indexOf('/data/')),
  'connection-id': connectionId,
  ...overrides
})

describe('run()', () => {
  it('lists, previews and writes outputs and the summary', async () => {
    const result = await runWith(inputs({ path: '/demo-bucket/inbound/customers.csv', preview: 'true', expect: '*.csv' }))
    expect(result.failed).toBe(false)
    expect(result.outputs).toMatchObject({ count: '2', matches: '["/demo-bucket/inbound/customers.csv"]' })
    expect(JSON.parse(result.outputs.columns ?? '[]')).toHaveLength(7)
    expect(result.summary).toContain('Preview of')
    expect(result.summary).toContain('<td>customers.csv</td>')
  })

  it('previews columns only by default: no row value in the outputs, the log or the summary', async () => {
    const result = await runWith(inputs({ path: '/demo-bucket/inbound/customers.csv', preview: 'true' }))
    expect(result.failed).toBe(false)
    expect(result.outputs.rows).toBe('[]')
    expect(JSON.parse(result.outputs.columns ?? '[]')).toHaveLength(7)
    expect(result.summary).toContain('<th>email (string)</th>')
    expect(result.summary).toContain('columns only; set preview-rows (up to 20)')
    for (const value of ['C-1001', 'ada.lovelace@example.com', 'Lovelace'])
      expect([result.text, result.summary, JSON.stringify(result.outputs)].some((place) => place.includes(value))).toBe(false)
  })

  it('shows as many sample rows as preview-rows asks for, in the rows output, the log and the summary', async () => {
    const result = await runWith(inputs({ path: '/demo-bucket/inbound/customers.csv', preview: 'true', 'preview-rows': '2' }))
    expect(result.failed).toBe(false)
    const rows = JSON.parse(result.outputs.rows ?? '[]') as { email: string }[]
    expect(rows.map((r) => r.email)).toEqual(['ada.lovelace@example.com', 'alan.turing@example.com'])
    expect(result.text).toContain('Previewed /demo-bucket/inbound/customers.csv: 7 columns, 2 sample rows.')
    expect(result.summary).toContain('<td>alan.turing@example.com</td>')
    expect(result.summary).not.toContain('grace.hopper@example.com')
  })

  it('with if-missing: skip, answers matched=false when nothing matches, says so in a notice, and reads no preview', async () => {
    const result = await runWith(
      inputs({ path: '/demo-bucket/inbound/today.csv', preview: 'true', expect: 'today.csv', 'if-missing': 'skip' })
    )
    expect(result.failed).toBe(false)
    expect(result.outputs).toEqual({
      entries: expect.any(String),
      count: '2',
      matches: '[]',
      matched: 'false'
    })
    expect(result.text).toMatch(
      /::notice::No entry in \/demo-bucket\/inbound\/ matches "today\.csv"; the last listing held 2: "customers\.csv", "orders\.json"\. Skipped \(if-missing: skip\): the step succeeds with matched=false and reads nothing more\./
    )
    expect(emulator.requests().filter((r) => r.query.preview !== undefined)).toEqual([])
    expect(result.summary).toContain('<strong>Nothing matched:</strong>')
    expect(result.summary).not.toContain('Preview of')
  })

  it('with if-missing: skip and a match, previews the file after the listing and answers matched=true', async () => {
    const result = await runWith(
      inputs({ path: '/demo-bucket/inbound/customers.csv', preview: 'true', expect: 'customers.csv', 'if-missing': 'skip' })
    )
    expect(result.failed).toBe(false)
    expect(result.outputs.matched).toBe('true')
    expect(JSON.parse(result.outputs.columns ?? '[]')).toHaveLength(7)
    const explores = emulator.requests().filter((r) => r.route.endsWith('/explore'))
    expect(explores.map((r) => (r.query.preview !== undefined ? 'preview' : 'list'))).toEqual(['list', 'preview'])
  })

  it('sets matched only with expect', async () => {
    const listed = await runWith(inputs({ path: '/demo-bucket/inbound/' }))
    expect(listed.outputs.matched).toBeUndefined()
    const expected = await runWith(inputs({ path: '/demo-bucket/inbound/', expect: '*.json' }))
    expect(expected.outputs.matched).toBe('true')
  })

  it('waits for a file with backoff, then goes on', async () => {
    setTimeout(() => emulator.putFile('/demo-bucket/inbound/late.csv', { content: 'a\n1\n' }), 1500)
    const result = await runWith(inputs({ path: '/demo-bucket/inbound/', expect: 'late.csv', 'wait-seconds': '20' }))
    expect(result.failed).toBe(false)
    expect(result.outputs.matches).toBe('["/demo-bucket/inbound/late.csv"]')
  })

  it('previews a file that landed after timeout-seconds had passed, within wait-seconds', async () => {
    setTimeout(() => emulator.putFile('/demo-bucket/inbound/later.csv', { content: 'a,b\n1,2\n' }), 2500)
    const result = await runWith(
      inputs({ path: '/demo-bucket/inbound/later.csv', preview: 'true', expect: 'later.csv', 'wait-seconds': '20', 'timeout-seconds': '1' })
    )
    expect(result.failed).toBe(false)
    expect(JSON.parse(result.outputs.columns ?? '[]')).toHaveLength(2)
  })

  it('keeps a listing too large for one output to its first entries, and says so', async () => {
    for (let i = 0; i < 9000; i++) emulator.putFile(`/demo-bucket/big/${'x'.repeat(40)}-${i}.csv`, { content: 'a\n1\n' })
    const result = await runWith(inputs({ path: '/demo-bucket/big/' }))
    expect(result.failed).toBe(false)
    expect(result.outputs.count).toBe('9000')
    const kept = (JSON.parse(result.outputs.entries ?? '[]') as unknown[]).length
    expect(kept).toBeLessThan(9000)
    expect(result.outputs.entries?.length).toBeLessThanOrEqual(900_000)
    expect(result.text).toContain(`::warning::The entries output holds the first ${kept} of 9000`)
    expect(result.summary).toContain('100 of 9000 entries shown.')
  })

  it('fails with one message and a failure summary when Flow Service refuses', async () => {
    const result = await runWith(inputs({ 'connection-id': '4cb0c374-d3bb-4557-b139-5712880adc55' }))
    expect(result.failed).toBe(true)
    expect(result.text).toMatch(/::error::Flow Service GET \/connections\/\{id\}\/explore failed: HTTP 404/)
    expect(result.summary).toContain('Failed:')
  })

  it('prints a dry run, sets no output, and writes a summary that says nothing was sent', async () => {
    const result = await runWith(inputs({ 'dry-run': 'true' }))
    expect(result.failed).toBe(false)
    expect(result.text).toContain('Dry run: the inputs are valid.')
    expect(result.outputs).toEqual({})
    expect(result.summary).toContain('nothing was sent')
  })
})
