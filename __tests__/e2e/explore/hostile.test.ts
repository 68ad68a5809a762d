// dist/explore/index.js against a hostile server: names, types and preview values holding
// workflow commands, Markdown and HTML stay in their JSON outputs and table cells; a huge or
// cut-short answer ends clearly; no secret shows.

import { expectNoInjection, expectNoLeak, runAction, type RunResult } from '../../helpers/action.js'
import { cutShort, GOOD_ID, hang, HostileServer, huge, INJECTIONS, json, TOKEN } from '../../helpers/hostile-server.js'

const INPUTS = {
  'client-id': 'hostile-test-client',
  'client-secret': 'p8e-HOSTILE-client-secret-000000',
  'ims-org-id': 'HOSTILE00000000000000000@AdobeOrg',
  'connection-id': GOOD_ID,
  'timeout-seconds': '15'
}

let server: HostileServer
beforeAll(async () => {
  server = await HostileServer.start()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => server.reset())

async function run(overrides: Record<string, string> = {}): Promise<RunResult> {
  const result = await runAction({
    action: 'explore',
    inputs: { ...INPUTS, 'ims-url': server.origin, 'platform-url': server.platformUrl, ...overrides },
    debug: true
  })
  expectNoLeak(result, [INPUTS['client-secret'], TOKEN])
  expectNoInjection(result, 'injected', { serverTextInOutputs: true })
  expectNoInjection(result, 'attacker', { serverTextInOutputs: true })
  return result
}

it('entry names and paths holding commands, Markdown and HTML stay inside the outputs and the table', async () => {
  server.on(
    'GET /connections/*/explore',
    json(200, [
      { type: 'file', name: `a.csv${INJECTIONS.command}`, path: `/b/a.csv${INJECTIONS.setOutput}` },
      { type: 'File', name: `b${INJECTIONS.markdown}<img src=x onerror=alert(1)>|x|`, path: '/b/b' }
    ])
  )
  const result = await run({ path: '/b/', expect: '*' })
  expect(result.exitCode).toBe(0)
  const entries = JSON.parse(result.outputs.entries ?? '[]') as { name: string }[]
  expect(entries[0]?.name).toBe(`a.csv${INJECTIONS.command}`)
  expect(result.summary).not.toContain('<img')
  expect(result.summary.split('\n').filter((line) => line.includes('Injected heading'))).toHaveLength(1)
})

it('preview columns and rows holding commands and markup stay in their outputs and cells', async () => {
  server.on('GET /connections/*/explore', (req, res, body) => {
    const preview = (req.url ?? '').includes('preview=true')
    const answer = preview
      ? {
          format: 'flat',
          schema: { columns: [{ name: `c${INJECTIONS.command}`, type: 'string' }] },
          data: [{ [`c${INJECTIONS.command}`]: `v${INJECTIONS.markdown}` }]
        }
      : [{ type: 'file', name: 'x.csv', path: '/b/x.csv' }]
    json(200, answer)(req, res, body)
  })
  const result = await run({ path: '/b/x.csv', preview: 'true', 'preview-rows': '1' })
  expect(result.exitCode).toBe(0)
  expect(result.outputs.columns).toContain('\\n::error::injected')
  expect(result.summary.split('\n').some((line) => line.startsWith('#'))).toBe(false)
})

it('with if-missing: skip, entry names holding commands and markup stay inside the one notice and the summary cell', async () => {
  server.on(
    'GET /connections/*/explore',
    json(200, [
      { type: 'file', name: `a.csv${INJECTIONS.command}`, path: '/b/a.csv' },
      { type: 'file', name: `b.csv${INJECTIONS.setOutput}${INJECTIONS.markdown}`, path: '/b/b.csv' }
    ])
  )
  const result = await run({ path: '/b/', expect: '*.parquet', 'if-missing': 'skip' })
  expect(result.exitCode).toBe(0)
  expect(result.outputs.matched).toBe('false')
  expect(result.stdout.split('\n').filter((line) => line.startsWith('::notice::'))).toHaveLength(1)
  expect(result.summary).toContain('<strong>Nothing matched:</strong>')
})

// What the listing costs in memory is measured by npm run bench; here, what bounds it.
it('a listing of 256 MiB is read up to 4 MiB and no further, then refused with a clear message', async () => {
  const body = huge(256 * 1024 * 1024, false)
  server.on('GET /connections/*/explore', body)
  const result = await run({ path: '/b/' })
  expect(result.exitCode).toBe(1)
  // What the action had read when it stopped: the limit and the one chunk that crossed it.
  expect(result.error).toMatch(/the answer is larger than 4\.0 MiB \(4\.\d MiB\), far beyond any documented answer/)
  // Nor did it read on to the end: the server never got to write the rest.
  expect(await body.streamed()).toEqual([expect.objectContaining({ complete: false })])
})

it('a listing cut short is retried at once', async () => {
  server.on('GET /connections/*/explore', cutShort(), 1)
  const result = await run({ path: '/b/' })
  expect(result.exitCode).toBe(0)
  // Retried on the close, after a backoff, not after the attempt's time ran out.
  expect(result.stdout).toMatch(
    /GET \/connections\/\{id\}\/explore: network error: ERR_STREAM_PREMATURE_CLOSE \(the connection closed after \d+ bytes of the answer's body, before its end\); retrying in \d\.\d s/
  )
})

it('an entry type that is neither file nor folder is shown lower-cased, and a preview of neither shape is refused', async () => {
  server.on('GET /connections/*/explore', (req, res, body) => {
    const preview = (req.url ?? '').includes('preview=true')
    json(200, preview ? { items: [] } : [{ type: 'SYMLINK', name: 'odd', path: '/b/odd' }])(req, res, body)
  })
  const result = await run({ path: '/b/odd.csv', preview: 'true' })
  expect(result.exitCode).toBe(1)
  expect(result.error).toMatch(/the preview is neither an array of columns nor a \{schema, data\} object/)
})

it('a listing that hangs is sent again after a quarter of timeout-seconds, not left to use the whole step', async () => {
  server.on('GET /connections/*/explore', hang(), 1)
  const result = await run({ path: '/b/', 'timeout-seconds': '20' })
  expect(result.exitCode).toBe(0)
  expect(result.stdout).toMatch(/GET \/connections\/\{id\}\/explore: network error: no answer within 5\.0 s; retrying/)
})

it('a preview of a thousand wide columns keeps the job summary under the 1 MiB GitHub keeps of a step', async () => {
  const columns = Array.from({ length: 1000 }, (_, i) => ({ name: `column_${i}`, type: 'string' }))
  const row = Object.fromEntries(columns.map((c) => [c.name, 'v'.repeat(150)]))
  server.on('GET /connections/*/explore', (req, res, body) => {
    const preview = (req.url ?? '').includes('preview=true')
    const answer = preview
      ? { format: 'flat', schema: { columns }, data: Array.from({ length: 20 }, () => row) }
      : [{ type: 'file', name: 'x.csv', path: '/b/x.csv' }]
    json(200, answer)(req, res, body)
  })
  const result = await run({ path: '/b/x.csv', preview: 'true', 'preview-rows': '20' })
  expect(result.exitCode).toBe(0)
  expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
  expect(result.summary).toContain('of 1000 columns: the job summary of a step holds 1 MiB at most.')
})
