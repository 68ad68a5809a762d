import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { DEFAULTS, readConfig, type Config } from '../../../src/dataflow/inputs.js'
import { inputProblems } from '../../helpers/inputs.js'

const NOW = Date.parse('2026-11-28T12:00:00Z')
const VALID: Record<string, string> = {
  'client-id': 'abc123clientid',
  'access-token': 'token-value-0000',
  'ims-org-id': '1234ABCD5678EF90@AdobeOrg',
  'connection-id': '4cb0c374-d3bb-4557-b139-5712880adc55',
  'dataflow-name': 'Daily CRM export',
  'source-path': '/my-exports/daily/*.csv',
  'data-format': 'delimited',
  'dataset-id': '5c8c3c555033b814b69f947f',
  mapping: 'mappings/crm.json'
}
const readAny = (overrides: Record<string, string | undefined> = {}) => readConfig((name) => ({ ...VALID, ...overrides })[name] ?? '', NOW)
function read(overrides: Record<string, string | undefined> = {}): Config {
  const config = readAny(overrides)
  if (config.state !== 'present') throw new Error(`expected state: present, got ${config.state}`)
  return config
}

function problemsOf(overrides: Record<string, string | undefined>): string[] {
  return inputProblems(() => read(overrides))
}

describe('readConfig', () => {
  it('applies the contract defaults: once, enabled, update, fail on a source change, no wait', () => {
    expect(read()).toMatchObject({
      name: 'Daily CRM export',
      source: { path: '/my-exports/daily/*.csv', recursive: false, format: 'delimited', columnDelimiter: ',', encoding: 'UTF-8' },
      schedule: { frequency: 'once' },
      errorDiagnostics: false,
      enabled: true,
      ifExists: 'update',
      onSourceChange: 'fail',
      waitForRun: false,
      waitMinutes: 30,
      plan: false,
      dryRun: false,
      baseUrls: {
        'Flow Service': 'https://platform.adobe.io/data/foundation/flowservice',
        Catalog: 'https://platform.adobe.io/data/foundation/catalog',
        'Data Prep': 'https://platform.adobe.io/data/foundation/conversion'
      }
    })
  })

  it('defaults the interval to 15 for minute and 1 otherwise, and backfill to true', () => {
    expect(read({ frequency: 'minute' }).schedule).toEqual({ frequency: 'minute', interval: 15, backfill: true })
    expect(read({ frequency: 'day' }).schedule).toEqual({ frequency: 'day', interval: 1, backfill: true })
    expect(read({ frequency: 'hour', interval: '6', backfill: 'false' }).schedule).toEqual({
      frequency: 'hour',
      interval: 6,
      backfill: false
    })
  })

  it('reads the start time as ISO 8601 or epoch seconds', () => {
    expect(read({ 'start-time': '2026-12-01T06:00:00Z' }).schedule.startTime).toBe(Date.parse('2026-12-01T06:00:00Z') / 1000)
    expect(read({ 'start-time': '1796000000' }).schedule.startTime).toBe(1796000000)
    expect(read({ 'start-time': '2026-12-01T07:30:00+01:30' }).schedule.startTime).toBe(Date.parse('2026-12-01T06:00:00Z') / 1000)
  })

  it('has no mapping nor file properties but compression for JSON and Parquet', () => {
    const config = read({ 'data-format': 'json', mapping: undefined, 'compression-type': 'gzip' })
    expect(config.source).toEqual({ path: '/my-exports/daily/*.csv', recursive: false, format: 'json', compressionType: 'gzip' })
    expect(config.mappingFile).toBeUndefined()
  })

  it.each([
    [{ 'data-format': undefined }, "'data-format' is required"],
    [{ 'data-format': 'xml' }, "'data-format' must be one of 'delimited', 'json', 'parquet'"],
    [{ mapping: undefined }, "'mapping' is required with 'data-format: delimited'"],
    [{ 'dataset-id': 'my dataset' }, "'dataset-id' must be a dataset id"],
    [{ 'source-path': 'my-exports/daily' }, "'source-path' must be one line starting with '/'"],
    [
      { 'source-path': 's3://my-exports/daily/' },
      "Input 'source-path' is an S3 URI (\"s3://my-exports/daily/\"); give the path as explore listings write it, '/my-exports/daily/'."
    ],
    [{ frequency: 'once', interval: '5' }, "'interval' is not allowed with 'frequency: once'"],
    [{ frequency: 'once', backfill: 'true' }, "'backfill' is not allowed with 'frequency: once'"],
    [{ frequency: 'minute', interval: '5' }, "'interval' must be a whole number from 15 to 1000 with 'frequency: minute'"],
    [{ frequency: 'day', interval: '0' }, "'interval' must be a whole number from 1 to 1000"],
    [{ frequency: 'daily' }, "'frequency' must be one of"],
    [{ 'start-time': 'tomorrow' }, "'start-time' must be ISO 8601"],
    [{ 'start-time': '2030-01-01T00:00:00Z' }, "'start-time' is more than a year ahead"],
    [{ 'start-time': '2026-02-31T00:00:00Z' }, "'start-time' is not a date and time that exists"],
    [{ 'start-time': '2026-12-01T24:00:00Z' }, "'start-time' is not a date and time that exists"],
    [{ 'start-time': '2027-02-29T00:00:00Z' }, "'start-time' is not a date and time that exists"],
    [{ 'start-time': '2026-12-01T06:00:00' }, "'start-time' must say its time zone (end it with Z for UTC, or an offset such as +02:00)"],
    [{ 'partial-ingestion-percent': '150' }, "'partial-ingestion-percent' must be a whole number from 1 to 100"],
    [{ 'partial-ingestion-percent': '2.5' }, "'partial-ingestion-percent' must be a whole number from 1 to 100"],
    [
      { 'data-format': 'parquet', mapping: undefined, 'compression-type': 'gzip' },
      "Input 'compression-type' applies to delimited and JSON files only (Adobe documents none for Parquet)"
    ],
    [{ 'column-delimiter': ';;' }, "'column-delimiter' must be exactly one character"],
    [
      { 'data-format': 'json', mapping: undefined, 'column-delimiter': ';' },
      "'column-delimiter' is only used with 'data-format: delimited'"
    ],
    [{ 'if-exists': 'create' }, "'if-exists' must be one of 'update', 'reuse', 'fail'"],
    [{ 'on-source-change': 'update' }, "'on-source-change' must be one of 'fail', 'replace'"],
    [{ 'wait-minutes': '999' }, "'wait-minutes' must be a number greater than 0 and at most 360"],
    [{ plan: 'true', 'dry-run': 'true' }, "'plan' and 'dry-run' are both set"],
    [{ plan: 'true', 'wait-for-run': 'true' }, "'wait-for-run' waits for a run after a write"],
    [{ 'dataflow-name': 'a\n::error::b' }, "'dataflow-name' must be one line"],
    [
      { 'run-now': 'true', frequency: 'day' },
      "Input 'run-now' starts an on-demand run, which Adobe allows only for a dataflow scheduled once, and 'frequency' is 'day'"
    ],
    [{ 'run-now': 'true', enabled: 'false' }, "Input 'run-now' needs the dataflow to run, and 'enabled: false' keeps it from running"],
    [
      { 'wait-for-run': 'true', enabled: 'false' },
      "Input 'wait-for-run' needs the dataflow to run, and 'enabled: false' keeps it from running"
    ]
  ])('refuses %j', (overrides, message) => {
    const problems = problemsOf(overrides)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(message)
  })
})

describe('dataflow/action.yml', () => {
  const action = parse(readFileSync(new URL('../../../dataflow/action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  it('declares exactly the defaults the code applies', () => {
    const declared = Object.fromEntries(
      Object.entries(action.inputs).flatMap(([name, input]) => (input.default === undefined ? [] : [[name, input.default]]))
    )
    expect(declared).toEqual(DEFAULTS)
  })
})

describe('state: absent', () => {
  const session = { 'client-id': VALID['client-id'], 'access-token': VALID['access-token'], 'ims-org-id': VALID['ims-org-id'] }
  const absent = (values: Record<string, string | undefined>) => readConfig((name) => ({ state: 'absent', ...values })[name] ?? '', NOW)

  it('needs only the session and the dataflow name', () => {
    expect(absent({ ...session, 'dataflow-name': 'Daily CRM export' })).toMatchObject({
      state: 'absent',
      name: 'Daily CRM export',
      plan: false,
      dryRun: false
    })
  })

  it('takes connection-id as a guard when given, checked as an id', () => {
    expect(absent({ ...VALID, state: 'absent' })).toMatchObject({ connectionId: VALID['connection-id'] })
    expect(inputProblems(() => absent({ ...session, 'dataflow-name': 'd', 'connection-id': 'nope' }))).toEqual([
      expect.stringContaining("'connection-id' must be a connection id")
    ])
  })

  it('does not read what describes the dataflow, so one step can take either state', () => {
    const config = absent({ ...VALID, 'data-format': 'xml', frequency: 'hourly', 'run-now': 'true', mapping: undefined })
    expect(config).toMatchObject({ state: 'absent' })
    expect(config).not.toHaveProperty('source')
  })

  it('still needs the dataflow name, and refuses plan with dry-run', () => {
    expect(inputProblems(() => absent({ ...session, plan: 'true', 'dry-run': 'true' }))).toEqual([
      expect.stringContaining("Input 'dataflow-name' is required"),
      expect.stringContaining("Inputs 'plan' and 'dry-run' are both set")
    ])
  })
})
