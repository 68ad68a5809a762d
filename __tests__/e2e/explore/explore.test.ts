// dist/explore/index.js as the runner runs it, against the emulator: list, match, preview (both
// documented shapes; rows only when asked for), wait for a file that lands while it waits or
// answer matched=false with if-missing: skip, dry run; no secret anywhere.

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { expectNoInjection, expectNoLeak, expectRefusedSecret, runAction, type RunResult } from '../../helpers/action.js'
import { secretsOf } from '../../helpers/fixtures.js'

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

function inputs(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const origin = emulator.flowServiceUrl.slice(0, emulator.flowServiceUrl.indexOf('/data/'))
  return {
    'client-id': DEMO.clientId,
    'client-secret': DEMO.clientSecret,
    'ims-org-id': emulator.orgId,
    'ims-url': emulator.imsUrl,
    'platform-url': origin,
    'connection-id': connectionId,
    'timeout-seconds': '20',
    ...overrides
  }
}

async function explore(overrides: Record<string, string | undefined> = {}, extra: { killAfterMs?: number } = {}): Promise<RunResult> {
  const given = inputs(overrides)
  const result = await runAction({ action: 'explore', inputs: given, debug: true, ...extra })
  expectNoLeak(result, secretsOf(given, emulator), { maskedFirst: [DEMO.clientSecret] })
  expectNoInjection(result, 'injected')
  return result
}

// A test names the shape it is about to assert on; the assertions are the check.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
const json = <T>(text: string | undefined): T => JSON.parse(text ?? 'null') as T

describe('listing', () => {
  it('lists the root: the buckets, lower-case types, compact JSON outputs', async () => {
    const result = await explore()
    expect(result.exitCode).toBe(0)
    expect(json<unknown[]>(result.outputs.entries)).toEqual([{ type: 'folder', name: 'demo-bucket', path: '/demo-bucket/' }])
    expect(result.outputs).toMatchObject({ count: '1', matches: '[]' })
    expect(result.outputs.matched).toBeUndefined()
    expect(result.outputs.entries).not.toContain('\n')
    const [request] = emulator.requests().filter((r) => r.service === 'flow')
    expect(request?.query).toMatchObject({ objectType: ['root'] })
  })

  it('lists a folder and outputs every file path as matches without expect', async () => {
    const result = await explore({ path: '/demo-bucket/exports/daily/' })
    expect(result.exitCode).toBe(0)
    const entries = json<{ type: string; path: string }[]>(result.outputs.entries)
    expect(entries.map((e) => e.path)).toContain('/demo-bucket/exports/daily/crm-customers-2026-11-27.csv')
    expect(json<string[]>(result.outputs.matches)).toEqual(entries.filter((e) => e.type === 'file').map((e) => e.path))
    expect(result.summary).toContain('<th>Type</th><th>Name</th><th>Path</th>')
    expect(result.summary).toContain('crm-customers-2026-11-27.csv')
  })

  it('matches expect, and fails with what was listed when nothing matches', async () => {
    const found = await explore({ path: '/demo-bucket/exports/daily/', expect: 'crm-customers-*.csv' })
    expect(json<string[]>(found.outputs.matches)).toEqual(['/demo-bucket/exports/daily/crm-customers-2026-11-27.csv'])
    expect(found.outputs.matched).toBe('true')
    const none = await explore({ path: '/demo-bucket/exports/daily/', expect: '*.parquet' })
    expect(none.exitCode).toBe(1)
    expect(none.error).toMatch(/^No entry in \/demo-bucket\/exports\/daily\/ matches "\*\.parquet"; the last listing held \d+: "crm-/)
  })

  it('compares entry types case-insensitively (older docs write File and Folder)', async () => {
    const legacy = await startEmulator({ legacyEntryTypes: true })
    try {
      const id = legacy.store.seed({ name: 'S3' }).id
      const origin = legacy.flowServiceUrl.slice(0, legacy.flowServiceUrl.indexOf('/data/'))
      const result = await runAction({
        action: 'explore',
        inputs: {
          ...inputs(),
          'ims-url': legacy.imsUrl,
          'platform-url': origin,
          'ims-org-id': legacy.orgId,
          'connection-id': id,
          path: '/demo-bucket/inbound/'
        }
      })
      expect(result.exitCode).toBe(0)
      expect(
        json<{ type: string }[]>(result.outputs.entries)
          .map((e) => e.type)
          .sort()
      ).toEqual(['file', 'file'])
      expect(json<string[]>(result.outputs.matches)).toHaveLength(2)
    } finally {
      await legacy.close()
    }
  })
})

describe('path mistakes, each named with its fix', () => {
  it('a file path without preview says it is a file instead of listing nothing', async () => {
    const result = await explore({ path: '/demo-bucket/inbound/customers.csv' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toBe(
      `Input 'path' ("/demo-bucket/inbound/customers.csv") names a file, and a listing lists a folder's entries: set 'preview: true' to read the file, or give its folder ("/demo-bucket/inbound/").`
    )
  })

  it('an empty folder is listed as empty, not taken for a file', async () => {
    const result = await explore({ path: '/demo-bucket/nothing-here/' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.count).toBe('0')
  })

  it('a path outside the folder the connection is limited to names the part it may read', async () => {
    connectionId = emulator.store.seed({
      name: 'Scoped',
      params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey, bucketName: 'demo-bucket', folderPath: 'exports' }
    }).id
    const result = await explore({ path: '/demo-bucket/inbound/' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(
      new RegExp(
        `^Input 'path': S3 denied access to "/demo-bucket/inbound/", which is outside what connection ${connectionId} may read, "/demo-bucket/exports/" \\(its bucket and folder path\\)\\. Give a path below it;`
      )
    )
  })

  it('an S3 URI is refused before any request, with the path to give', async () => {
    const result = await explore({ path: 's3://demo-bucket/inbound/' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toBe(
      `Input 'path' is an S3 URI ("s3://demo-bucket/inbound/"); give the path as explore listings write it, '/demo-bucket/inbound/'.`
    )
    expect(emulator.requests()).toEqual([])
  })
})

describe('preview', () => {
  it('reads the columns and at most 20 rows of a CSV, and lists its folder, in one round trip', async () => {
    const result = await explore({ path: '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv', preview: 'true', 'preview-rows': '20' })
    expect(result.exitCode).toBe(0)
    const columns = json<{ name: string; type: string }[]>(result.outputs.columns)
    expect(columns.map((c) => c.name)).toEqual([
      'customer_id',
      'email',
      'first_name',
      'last_name',
      'country',
      'signup_date',
      'lifetime_value'
    ])
    const rows = json<Record<string, unknown>[]>(result.outputs.rows)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThanOrEqual(20)
    expect(rows[0]).toHaveProperty('email')
    const preview = emulator.requests().find((r) => r.query.preview !== undefined)
    expect(preview?.query).toMatchObject({
      objectType: ['file'],
      fileType: ['delimited'],
      preview: ['true'],
      columnDelimiter: [','],
      encoding: ['UTF-8']
    })
    expect(result.summary).toContain('Preview of')
  })

  it('shows columns only by default: no row value in the outputs, the log (debug included) or the summary', async () => {
    const file = '/demo-bucket/exports/daily/crm-customers-2026-11-29.csv'
    emulator.putFile(file, { content: 'customer_id,email\nC-7777,only-when-asked@example.com\n' })
    // One refused attempt, so that the transport's debug log has something to say.
    emulator.faults.add({ method: 'GET', route: '/connections/*/explore', action: { type: 'status', status: 503 } })
    const result = await explore({ path: file, preview: 'true' })
    expect(result.exitCode).toBe(0)
    expect(json<{ name: string }[]>(result.outputs.columns).map((c) => c.name)).toEqual(['customer_id', 'email'])
    expect(result.outputs.rows).toBe('[]')
    expect(result.stdout).toMatch(/::debug::GET \/connections\/\{id\}\/explore: attempt 1 failed: HTTP 503/)
    expect(result.summary).toContain('<th>email (string)</th>')
    const everywhere = [result.stdout, result.stderr, result.outputFile, result.summary].join('\n')
    expect(everywhere).not.toContain('C-7777')
    expect(everywhere).not.toContain('only-when-asked@example.com')
  })

  it('shows the sample rows preview-rows asks for, and no more', async () => {
    const result = await explore({ path: '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv', preview: 'true', 'preview-rows': '2' })
    expect(result.exitCode).toBe(0)
    expect(json<{ customer_id: string }[]>(result.outputs.rows).map((r) => r.customer_id)).toEqual(['C-1001', 'C-1002'])
    expect(result.summary).toContain('<td>C-1002</td>')
    expect(result.summary).not.toContain('C-1003')
  })

  it('previews a gzip CSV (compression from the extension), an ISO-8859-1 file with ;, JSON and Parquet', async () => {
    const gz = await explore({ path: '/demo-bucket/exports/daily/crm-customers-2026-11-26.csv.gz', preview: 'true' })
    expect(gz.exitCode).toBe(0)
    expect(emulator.requests().find((r) => r.query.preview !== undefined)?.query.compressionType).toEqual(['gzip'])
    const eu = await explore({
      path: '/demo-bucket/exports/eu/kunden-2026-11-27.csv',
      preview: 'true',
      'column-delimiter': ';',
      encoding: 'ISO-8859-1',
      'preview-rows': '5'
    })
    expect(eu.exitCode).toBe(0)
    expect(eu.outputs.rows).toMatch(/[äöüéß]/)
    const events = await explore({ path: '/demo-bucket/exports/daily/crm-events-2026-11-27.json', preview: 'true' })
    expect(json<unknown[]>(events.outputs.columns).length).toBeGreaterThan(0)
    const parquet = await explore({ path: '/demo-bucket/exports/warehouse/customer-scores-2026-11-27.parquet', preview: 'true' })
    expect(json<{ name: string }[]>(parquet.outputs.columns).map((c) => c.name)).toContain('churn_score')
  })

  it('accepts the other documented preview shape, a bare array of columns', async () => {
    const bare = await startEmulator({ previewShape: 'columns' })
    try {
      const id = bare.store.seed({ name: 'S3' }).id
      const origin = bare.flowServiceUrl.slice(0, bare.flowServiceUrl.indexOf('/data/'))
      const result = await runAction({
        action: 'explore',
        inputs: {
          ...inputs(),
          'ims-url': bare.imsUrl,
          'platform-url': origin,
          'ims-org-id': bare.orgId,
          'connection-id': id,
          path: '/demo-bucket/inbound/customers.csv',
          preview: 'true'
        }
      })
      expect(result.exitCode).toBe(0)
      expect(json<unknown[]>(result.outputs.columns).length).toBe(7)
      expect(result.outputs.rows).toBe('[]')
    } finally {
      await bare.close()
    }
  })

  it("fails with Flow Service's message when the file's compression is not said", async () => {
    const result = await explore({
      path: '/demo-bucket/exports/daily/crm-customers-2026-11-26.csv.gz',
      preview: 'true',
      'file-type': 'delimited',
      'compression-type': 'bzip2'
    })
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(/^Flow Service GET \/connections\/\{id\}\/explore failed: HTTP 400/)
  })
})

describe('waiting for a file', () => {
  /** Puts the file once the step's first folder listing has been answered: the step meets it on a later look. */
  function landAfterFirstListing(file: string): { stop: () => void } {
    const timer = setInterval(() => {
      if (!emulator.requests().some((r) => r.query.objectType?.[0] === 'folder' && r.status !== undefined)) return
      clearInterval(timer)
      emulator.putFile(file, { content: 'customer_id,email\nC-9,new@example.com\n' })
    }, 20)
    return { stop: () => clearInterval(timer) }
  }

  it('lists again with backoff until a file that lands while it waits, then previews it', async () => {
    const file = '/demo-bucket/exports/daily/crm-customers-2026-11-28.csv'
    const landing = landAfterFirstListing(file)
    try {
      const result = await explore({ path: file, preview: 'true', expect: 'crm-customers-2026-11-28.csv', 'wait-seconds': '30' })
      expect(result.exitCode).toBe(0)
      expect(json<string[]>(result.outputs.matches)).toEqual([file])
      expect(json<{ name: string }[]>(result.outputs.columns).map((c) => c.name)).toEqual(['customer_id', 'email'])
      expect(result.stdout).toMatch(
        /Nothing in \/demo-bucket\/exports\/daily\/ matches "crm-customers-2026-11-28\.csv" yet \(\d+ entries listed\); looking again in 2\.0 s/
      )
      const listings = emulator.requests().filter((r) => r.query.objectType?.[0] === 'folder')
      expect(listings.length).toBeGreaterThanOrEqual(2)
    } finally {
      landing.stop()
    }
  })

  it('with if-missing: skip, a day without the file ends well: matched=false, a notice, and no preview of a file that is not there', async () => {
    const file = '/demo-bucket/exports/daily/crm-customers-2026-11-30.csv'
    const result = await explore({
      path: file,
      preview: 'true',
      expect: 'crm-customers-2026-11-30.csv',
      'wait-seconds': '3',
      'if-missing': 'skip'
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.matched).toBe('false')
    expect(result.outputs.matches).toBe('[]')
    expect(result.outputs.columns).toBeUndefined()
    expect(result.outputs.rows).toBeUndefined()
    const notices = result.stdout.split('\n').filter((line) => line.startsWith('::notice::'))
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(
      /^::notice::No entry in \/demo-bucket\/exports\/daily\/ matches "crm-customers-2026-11-30\.csv" within 3\.0 s \(listed \d times\); the last listing held \d+: .*Skipped \(if-missing: skip\): the step succeeds with matched=false and reads nothing more\.$/
    )
    expect(emulator.requests().filter((r) => r.query.objectType?.[0] === 'file')).toEqual([])
    expect(result.summary).toContain('<strong>Nothing matched:</strong>')
  })

  it('with if-missing: skip, a file that lands while it waits is previewed as ever, matched=true', async () => {
    const file = '/demo-bucket/exports/daily/crm-customers-2026-11-28.csv'
    const landing = landAfterFirstListing(file)
    try {
      const result = await explore({
        path: file,
        preview: 'true',
        expect: 'crm-customers-2026-11-28.csv',
        'wait-seconds': '30',
        'if-missing': 'skip'
      })
      expect(result.exitCode).toBe(0)
      expect(result.outputs.matched).toBe('true')
      expect(json<{ name: string }[]>(result.outputs.columns).map((c) => c.name)).toEqual(['customer_id', 'email'])
      expect(result.stdout).not.toContain('::notice::')
    } finally {
      landing.stop()
    }
  })

  it('ends when nothing appeared in time, saying what was listed and what was expected', async () => {
    const result = await explore({ path: '/demo-bucket/inbound/', expect: 'never-*.csv', 'wait-seconds': '3' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(
      /^No entry in \/demo-bucket\/inbound\/ matches "never-\*\.csv" within 3\.0 s \(listed \d times\); the last listing held 2: "customers\.csv", "orders\.json"/
    )
  })
})

describe('dry run and bad input', () => {
  it('prints the listing and preview requests, sends nothing, sets no output, and says so in the summary', async () => {
    const result = await explore({ 'dry-run': 'true', path: '/demo-bucket/inbound/customers.csv', preview: 'true' })
    expect(result.exitCode).toBe(0)
    expect(emulator.requests()).toEqual([])
    expect(result.stdout).toContain(`/connections/${connectionId}/explore?objectType=folder&object=%2Fdemo-bucket%2Finbound%2F`)
    expect(result.stdout).toContain('objectType=file&object=%2Fdemo-bucket%2Finbound%2Fcustomers.csv&fileType=delimited&preview=true')
    expect(result.outputs).toEqual({})
    expect(result.summary).toContain('<strong>Dry run:</strong> the inputs are valid; no token was requested and nothing was sent.')
  })

  it('fails on a client-secret too short to be one without masking it, naming the input, sending nothing', async () => {
    const result = await runAction({ action: 'explore', inputs: inputs({ 'client-secret': 'short' }), debug: true })
    expectRefusedSecret(
      result,
      'short',
      "Input 'client-secret' is 5 characters long, shorter than any real client secret (8 at least); check that the right secret is passed."
    )
    expect(emulator.requests()).toEqual([])
  })

  it('refuses if-missing without expect before any request, naming both', async () => {
    const result = await explore({ path: '/demo-bucket/inbound/', 'if-missing': 'skip' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toBe(
      "Input 'if-missing' says what to do when no entry matches 'expect': set 'expect' too (such as '*.csv'), or remove 'if-missing'."
    )
    expect(emulator.requests()).toEqual([])
  })

  it('refuses preview-rows without preview before any request, naming the fix', async () => {
    const result = await explore({ path: '/demo-bucket/inbound/', 'preview-rows': '5' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toBe("Input 'preview-rows' is only read with 'preview: true': set 'preview: true', or remove it.")
    expect(emulator.requests()).toEqual([])
  })

  it('fails fast on a connection-id that is not one, sending nothing', async () => {
    const result = await explore({ 'connection-id': 'not-an-id' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(/^Input 'connection-id' must be a connection id/)
    expect(emulator.requests()).toEqual([])
  })
})
