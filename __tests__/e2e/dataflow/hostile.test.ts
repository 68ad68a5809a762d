// dist/dataflow/index.js against a hostile server: schema ids, flow ids and etags, validation
// errors and run errors holding workflow commands or markup never start a command, reach an
// output, or break the summary; no secret shows.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expectNoInjection, expectNoLeak, runAction, type RunResult } from '../../helpers/action.js'
import { GOOD_ETAG, GOOD_ID, HostileServer, INJECTIONS, json, TOKEN } from '../../helpers/hostile-server.js'

const DATASET = '5c8c3c555033b814b69f947f'
const SCHEMA = 'https://ns.adobe.com/hostile/schemas/0123456789abcdef0123456789abcdef'
const FLOW_SPEC = { id: '9753525b-82c7-4dce-8a9b-5ccfce2b9876', version: '1.0' }
const INPUTS = {
  'client-id': 'hostile-test-client',
  'client-secret': 'p8e-HOSTILE-client-secret-000000',
  'ims-org-id': 'HOSTILE00000000000000000@AdobeOrg',
  'connection-id': GOOD_ID,
  'dataflow-name': 'Daily CRM',
  'source-path': '/b/daily/*.csv',
  'data-format': 'delimited',
  'dataset-id': DATASET,
  mapping: 'mapping.json',
  'timeout-seconds': '15'
}

let server: HostileServer
let workspace: string
beforeAll(async () => {
  server = await HostileServer.start()
  workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
  writeFileSync(join(workspace, 'mapping.json'), JSON.stringify([{ source: 'email', destination: 'personalEmail.address' }]))
})
afterAll(async () => {
  await server.close()
  rmSync(workspace, { recursive: true, force: true })
})
beforeEach(() => {
  server.reset()
  server.on(
    'GET /dataSets/*',
    json(200, { [DATASET]: { name: 'CRM', schemaRef: { id: SCHEMA, contentType: 'application/vnd.adobe.xed-full+json;version=1' } } })
  )
  server.on('GET /flows', json(200, { items: [] }))
  server.on('POST /mappingSets/*', json(200, { validationResponse: [{ status: 'SUCCESS', errors: [] }] }))
})

async function run(overrides: Record<string, string> = {}): Promise<RunResult> {
  const result = await runAction({
    action: 'dataflow',
    inputs: { ...INPUTS, 'ims-url': server.origin, 'platform-url': server.platformUrl, ...overrides },
    env: { GITHUB_WORKSPACE: workspace },
    debug: true
  })
  expectNoLeak(result, [INPUTS['client-secret'], TOKEN])
  expectNoInjection(result, 'injected')
  expectNoInjection(result, 'attacker')
  return result
}

it("a dataset's schema id holding a command is refused, naming the field", async () => {
  server.on('GET /dataSets/*', json(200, { [DATASET]: { name: 'CRM', schemaRef: { id: `${SCHEMA}${INJECTIONS.command}` } } }))
  const result = await run()
  expect(result.exitCode).toBe(1)
  expect(result.error).toMatch(/Catalog GET \/dataSets\/\{id\} returned an unexpected response: "schemaRef\.id" is not an XDM schema id/)
})

it('validation errors holding commands and Markdown are listed, each on its line, and nothing is written', async () => {
  server.on(
    'POST /mappingSets/*',
    json(200, {
      validationResponse: [
        {
          status: 'FAILED',
          errors: [
            { source: `email${INJECTIONS.command}`, destination: `x${INJECTIONS.markdown}`, exception: `bad${INJECTIONS.setOutput}` }
          ]
        }
      ]
    })
  )
  const result = await run()
  expect(result.exitCode).toBe(1)
  expect(result.error).toContain(
    'Data Prep refused the mapping, so nothing was created or changed:\n- source "emailx\\n::error::injected command" -> destination "xx\\n\\n## Injected heading [link](https://evil.example)": badx\\r\\n::set-output'
  )
  expect(server.requests.filter((r) => r.method === 'POST' && !r.path.includes('validate') && !r.path.includes('/ims/'))).toEqual([])
})

it('a matching dataflow whose etag holds a command is refused, naming the field', async () => {
  server.on(
    'GET /flows',
    json(200, { items: [{ id: GOOD_ID, name: 'Daily CRM', flowSpec: FLOW_SPEC, etag: `"e"${INJECTIONS.setOutput}`, state: 'enabled' }] })
  )
  const result = await run()
  expect(result.exitCode).toBe(1)
  expect(result.error).toMatch(/GET \/flows returned an unexpected response: "etag" is not an etag/)
  expect(result.outputs).toEqual({})
})

it("a failed run's errors holding commands stay on the error line, and the outputs hold only ids", async () => {
  const created = new Date()
  server.on('POST /sourceConnections', json(201, { id: '22222222-2222-2222-2222-222222222222', etag: GOOD_ETAG }))
  server.on('POST /targetConnections', json(201, { id: '33333333-3333-3333-3333-333333333333', etag: GOOD_ETAG }))
  server.on('POST /mappingSets', json(200, { id: 'a'.repeat(32), version: 0 }))
  server.on('POST /flows', json(201, { id: GOOD_ID, etag: GOOD_ETAG }))
  // Nothing at the lookup; the new dataflow from the listing after the create on.
  let lookups = 0
  const flow = { id: GOOD_ID, name: 'Daily CRM', flowSpec: FLOW_SPEC, etag: GOOD_ETAG, state: 'enabled', createdAt: 1 }
  server.on('GET /flows', (req, res, body) => {
    json(200, { items: lookups++ === 0 ? [] : [flow] })(req, res, body)
  })
  server.on(
    'GET /runs',
    json(200, {
      items: [
        {
          id: '44444444-4444-4444-4444-444444444444',
          createdAt: created.getTime() + 1000,
          metrics: {
            durationSummary: { startedAtUTC: created.getTime() + 1000, completedAtUTC: created.getTime() + 2000 },
            recordSummary: { inputRecordCount: 3, outputRecordCount: 0, failedRecordCount: 3 },
            statusSummary: { status: 'failed', errors: [{ code: `X${INJECTIONS.command}`, message: `boom${INJECTIONS.markdown}` }] }
          }
        }
      ]
    })
  )
  const result = await run({ 'wait-for-run': 'true', 'wait-minutes': '1' })
  expect(result.exitCode).toBe(1)
  expect(result.error).toMatch(
    /^Run 44444444-.* of dataflow .* failed \(3 records read, 0 written, 3 failed\): Xx\\n::error::injected command: boomx\\n\\n## Injected heading/
  )
  expect(result.outputs).toMatchObject({ 'dataflow-id': GOOD_ID, operation: 'created' })
})

it('record counts that are not counts (a 400-digit number, a negative one) never reach an output', async () => {
  const created = Date.now()
  server.on('POST /sourceConnections', json(201, { id: '22222222-2222-2222-2222-222222222222', etag: GOOD_ETAG }))
  server.on('POST /targetConnections', json(201, { id: '33333333-3333-3333-3333-333333333333', etag: GOOD_ETAG }))
  server.on('POST /mappingSets', json(200, { id: 'a'.repeat(32), version: 0 }))
  server.on('POST /flows', json(201, { id: GOOD_ID, etag: GOOD_ETAG }))
  let lookups = 0
  const flow = { id: GOOD_ID, name: 'Daily CRM', flowSpec: FLOW_SPEC, etag: GOOD_ETAG, state: 'enabled', createdAt: 1 }
  server.on('GET /flows', (req, res, body) => {
    json(200, { items: lookups++ === 0 ? [] : [flow] })(req, res, body)
  })
  const huge = '9'.repeat(400)
  server.on(
    'GET /runs',
    json(
      200,
      `{"items":[{"id":"44444444-4444-4444-4444-444444444444","createdAt":${created + 1000},"metrics":{"durationSummary":{"startedAtUTC":${created + 1000},"completedAtUTC":${created + 2000}},"recordSummary":{"inputRecordCount":${huge},"outputRecordCount":-5,"failedRecordCount":1.5},"statusSummary":{"status":"success"}}}]}`
    )
  )
  const result = await run({ 'wait-for-run': 'true', 'wait-minutes': '1' })
  expect(result.exitCode).toBe(0)
  expect(result.outputs).toMatchObject({ 'run-status': 'success', 'records-read': '', 'records-written': '', 'records-failed': '' })
  expect(result.stdout).toContain('ended: success (? records read, ? written, ? failed)')
})
