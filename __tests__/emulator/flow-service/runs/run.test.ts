import { compileRules } from '../../../../emulator/data-prep/mapping.js'
import { demoSchema, defaultBuckets } from '../../../../emulator/demo.js'
import { executeRun, failedOutcome, type RunPlan } from '../../../../emulator/flow-service/runs/run.js'
import { DEMO_MAPPING } from '../../../../emulator/index.js'
import { buildBuckets, putFile, type Buckets } from '../../../../emulator/s3/tree.js'

const fields = demoSchema('prod').fields
const rules = compileRules([...DEMO_MAPPING], fields)
// For the small files these tests put: an id, a date and a number.
const small = compileRules(
  [
    { sourceType: 'ATTRIBUTE', source: 'customer_id', destination: '_emulator.customerId' },
    { sourceType: 'ATTRIBUTE', source: 'signup_date', destination: '_emulator.signupDate' },
    { sourceType: 'ATTRIBUTE', source: 'lifetime_value', destination: '_emulator.lifetimeValue' }
  ],
  fields
)
const DAILY = '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv'

function plan(buckets: Buckets, overrides: Partial<RunPlan> = {}): RunPlan {
  return { buckets, selection: { path: DAILY }, read: { format: 'delimited' }, fields, rules, isNew: () => true, ...overrides }
}

function world(): Buckets {
  return buildBuckets(defaultBuckets())
}

describe('a dataflow run', () => {
  test('reads the demo CRM export into records of the demo schema', () => {
    const outcome = executeRun(plan(world()))
    expect(outcome).toMatchObject({ status: 'success', recordsRead: 10, recordsFailed: 0, filesFailed: 0, errors: [] })
    expect(outcome.records).toHaveLength(10)
    expect(outcome.files.map((f) => f.path)).toEqual([DAILY])
    expect(outcome.inputBytes).toBeGreaterThan(500)
    expect(outcome.records[9]).toEqual({
      _emulator: { customerId: 'C-1010', signupDate: '2026-11-27', lifetimeValue: 0, sourceSystem: 'crm-export' },
      personalEmail: { address: 'sam.obrien@example.com' },
      person: { name: { firstName: 'Sam', lastName: "O'Brien, Jr." } },
      homeAddress: { countryCode: 'IE' }
    })
  })

  test('reads every file of a folder, a wildcard, or a tree when recursive', () => {
    const buckets = world()
    putFile(buckets, '/demo-bucket/exports/daily/more/extra.csv', { content: 'customer_id,email\nC-9,x@example.com\n' })
    const folder = executeRun(
      plan(buckets, { selection: { path: '/demo-bucket/exports/daily/', type: 'folder' }, isNew: (f) => f.path.endsWith('.csv') })
    )
    expect(folder.files.map((f) => f.name)).toEqual(['crm-customers-2026-11-27.csv'])
    const wildcard = executeRun(plan(buckets, { selection: { path: '/demo-bucket/exports/daily/*.csv', recursive: true } }))
    expect(wildcard.files.map((f) => f.name)).toEqual(['crm-customers-2026-11-27.csv'])
    const tree = executeRun(
      plan(buckets, { selection: { path: '/demo-bucket/exports/daily/', recursive: true }, isNew: (f) => f.name.endsWith('.csv') })
    )
    expect(tree.files.map((f) => f.name)).toEqual(['crm-customers-2026-11-27.csv', 'extra.csv'])
  })

  test('without partial ingestion, one failed record fails the run and writes nothing', () => {
    const buckets = world()
    putFile(buckets, '/demo-bucket/in/bad.csv', { content: 'customer_id,signup_date,lifetime_value\nC-1,2024-01-01,1\nC-2,not a date,2\n' })
    const outcome = executeRun(plan(buckets, { selection: { path: '/demo-bucket/in/bad.csv' }, rules: small }))
    expect(outcome).toMatchObject({ status: 'failed', recordsRead: 2, recordsFailed: 1, records: [] })
    expect(outcome.errors).toEqual([
      {
        code: 'MAPPER-3001-400',
        message:
          "1 of 2 records failed: record 2 of '/demo-bucket/in/bad.csv': _emulator.signupDate: 'not a date' is not a date (YYYY-MM-DD)."
      },
      { code: 'CONNECTOR-2003-400', message: 'Partial ingestion is off: a run with a failed record or file writes nothing.' }
    ])
  })

  test('with partial ingestion, failures within the threshold still write the good records', () => {
    const buckets = world()
    putFile(buckets, '/demo-bucket/in/mixed.csv', {
      content: 'customer_id,signup_date,lifetime_value\nC-1,,1\nC-2,,abc\nC-3,,3\nC-4,,4\n'
    })
    const within = executeRun(
      plan(buckets, { selection: { path: '/demo-bucket/in/mixed.csv' }, rules: small, partialIngestionPercent: 25 })
    )
    expect(within).toMatchObject({ status: 'success', recordsRead: 4, recordsFailed: 1 })
    expect(within.records).toHaveLength(3)
    expect(within.errors.map((e) => e.code)).toEqual(['MAPPER-3001-400'])
    const over = executeRun(plan(buckets, { selection: { path: '/demo-bucket/in/mixed.csv' }, rules: small, partialIngestionPercent: 10 }))
    expect(over).toMatchObject({ status: 'failed', records: [] })
    expect(over.errors.at(-1)).toEqual({
      code: 'CONNECTOR-2003-400',
      message: '25% of the records failed, over the partial ingestion threshold of 10%.'
    })
  })

  test('a missing ATTRIBUTE column fails each row; quoting at most three of them', () => {
    const buckets = world()
    putFile(buckets, '/demo-bucket/in/short.csv', { content: 'email\na@x.com\nb@x.com\nc@x.com\nd@x.com\n' })
    const outcome = executeRun(plan(buckets, { selection: { path: '/demo-bucket/in/short.csv' } }))
    expect(outcome.recordsFailed).toBe(4)
    const message = outcome.errors[0]?.message ?? ''
    expect(message).toMatch(/^4 of 4 records failed: record 1 of/)
    expect(message.match(/the column 'customer_id' is missing/g)).toHaveLength(3)
    expect(outcome.errors.at(-1)?.message).toBe('Partial ingestion is off: a run with a failed record or file writes nothing.')
  })

  test("a file that cannot be read (compression, format) is a failed file with files.ts's message", () => {
    const outcome = executeRun(plan(world(), { selection: { path: '/demo-bucket/exports/daily/crm-customers-2026-11-26.csv.gz' } }))
    expect(outcome).toMatchObject({ status: 'failed', filesFailed: 1, recordsRead: 0 })
    expect(outcome.errors[0]).toEqual({
      code: 'CONNECTOR-2002-400',
      message:
        "The file '/demo-bucket/exports/daily/crm-customers-2026-11-26.csv.gz' is compressed (gzip): set compressionType=gzip to read it."
    })
    const withGzip = executeRun(
      plan(world(), {
        selection: { path: '/demo-bucket/exports/daily/crm-customers-2026-11-26.csv.gz' },
        read: { format: 'delimited', compressionType: 'gzip' }
      })
    )
    expect(withGzip).toMatchObject({ status: 'success', recordsRead: 6 })
  })

  test('with partial ingestion, a bad file does not stop the good ones', () => {
    const outcome = executeRun(
      plan(world(), {
        selection: { path: '/demo-bucket/exports/daily/*' },
        partialIngestionPercent: 0,
        isNew: (f) => !f.name.endsWith('.json')
      })
    )
    expect(outcome).toMatchObject({ status: 'success', filesFailed: 1, recordsRead: 10 })
    expect(outcome.errors.map((e) => e.code)).toEqual(['CONNECTOR-2002-400'])
  })

  test('nothing to read is a failed run: no path, no new file, or files without records', () => {
    expect(executeRun(plan(world(), { selection: { path: '/demo-bucket/nowhere/' } })).errors).toEqual([
      { code: 'CONNECTOR-2001-404', message: "Nothing at '/demo-bucket/nowhere/': no such file or folder." }
    ])
    expect(executeRun(plan(world(), { isNew: () => false })).errors).toEqual([
      { code: 'CONNECTOR-2001-404', message: `No new file to ingest at '${DAILY}'.` }
    ])
    const buckets = world()
    putFile(buckets, '/demo-bucket/in/empty.csv', { content: 'customer_id\n' })
    expect(executeRun(plan(buckets, { selection: { path: '/demo-bucket/in/empty.csv' } })).errors).toEqual([
      { code: 'CONNECTOR-2001-404', message: "The files at '/demo-bucket/in/empty.csv' hold no record." }
    ])
  })

  test('without a mapping, JSON rows are taken as XDM', () => {
    const buckets = world()
    putFile(buckets, '/demo-bucket/in/xdm.json', {
      content: '{"_emulator":{"customerId":"C-1","ordersLast90d":"3"}}\n{"_emulator":{"customerId":"C-2"},"extra":1}\n'
    })
    const outcome = executeRun({
      buckets,
      selection: { path: '/demo-bucket/in/xdm.json' },
      read: { format: 'json' },
      fields,
      partialIngestionPercent: 50,
      isNew: () => true
    })
    expect(outcome).toMatchObject({
      status: 'success',
      recordsRead: 2,
      recordsFailed: 1,
      records: [{ _emulator: { customerId: 'C-1', ordersLast90d: 3 } }]
    })
    expect(outcome.errors[0]?.message).toBe(
      "1 of 2 records failed: record 2 of '/demo-bucket/in/xdm.json': extra: not a field of the schema."
    )
  })

  test('a failed outcome carries its one error and nothing else', () => {
    expect(failedOutcome('X-1', 'why')).toEqual({
      status: 'failed',
      files: [],
      filesFailed: 0,
      inputBytes: 0,
      recordsRead: 0,
      recordsFailed: 0,
      records: [],
      errors: [{ code: 'X-1', message: 'why' }]
    })
  })
})
