// The bundle against a hostile or broken server (issue: every server answer is untrusted input).
// Whatever comes back, no line the runner reads starts a workflow command the action did not
// mean to write, no output holds anything but a valid id or etag, the summary holds no markup of
// the server's, reads are bounded (what they cost in memory is measured by npm run bench), and no
// secret shows in any encoding.

import { expectNoInjection, expectNoLeak, runAction, type RunResult } from '../../helpers/action.js'
import {
  chunkedThenClose,
  cutShort,
  echoSecret,
  endlessPages,
  GOOD_ETAG,
  GOOD_ID,
  HostileServer,
  type Handler,
  huge,
  INJECTIONS,
  json,
  manyMatching,
  rawEchoAcrossTheCut,
  sameIdOnTwoPages,
  startRefusingProxy,
  tokenLoop,
  TOKEN
} from '../../helpers/hostile-server.js'

const SECRET_KEY = 'wJalr+XUtn/FEMI=K7MDENG/bPxRfiCYEXAMPLEKEY'
const INPUTS = {
  'client-id': 'hostile-test-client',
  'client-secret': 'p8e-HOSTILE-client-secret-000000',
  'ims-org-id': 'HOSTILE00000000000000000@AdobeOrg',
  'connection-name': 'S3 Connection',
  's3-access-key': 'AKIAHOSTILETEST00000',
  's3-secret-key': SECRET_KEY,
  'timeout-seconds': '15'
}
const SECRETS = [INPUTS['client-secret'], INPUTS['s3-access-key'], SECRET_KEY, TOKEN]

let server: HostileServer
beforeAll(async () => {
  server = await HostileServer.start()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => server.reset())

async function run(overrides: Record<string, string> = {}, env: Record<string, string> = {}): Promise<RunResult> {
  const inputs = { ...INPUTS, 'ims-url': server.origin, 'platform-url': server.platformUrl, ...overrides }
  const result = await runAction({ inputs, env, debug: true })
  expectNoLeak(result, SECRETS)
  expectNoInjection(result, 'injected')
  expectNoInjection(result, 'attacker')
  return result
}

/** A create answer after which the well-behaved list shows GOOD_ID, as the service would. */
const remembered =
  (handler: Handler): Handler =>
  (req, res, body) => {
    server.created.push(GOOD_ID)
    handler(req, res, body)
  }

const lookups = () => server.requests.filter((r) => r.method === 'GET' && r.path.includes('/connections?'))

describe('injected workflow commands and markup', () => {
  it('a created id holding a newline and ::error:: is refused, naming the field; no output', async () => {
    server.on('POST /connections', json(201, { id: `${GOOD_ID}${INJECTIONS.command}`, etag: GOOD_ETAG }))
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(
      /POST \/connections returned an unexpected response: "id" is not an id .*got "4cb0c374-.*\\n::error::injected command"/
    )
    expect(result.outputs).toEqual({})
  })

  it('a created etag holding ::set-output is not used: the connection is read back, and the output is the read etag', async () => {
    server.on('POST /connections', remembered(json(201, { id: GOOD_ID, etag: `"e"${INJECTIONS.setOutput}` })))
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toEqual({ 'connection-id': GOOD_ID, etag: GOOD_ETAG, operation: 'created' })
    expect(server.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/connections/${GOOD_ID}`))).toBe(true)
  })

  it('a listed id holding a command is refused, naming the field', async () => {
    server.on(
      'GET /connections',
      json(200, {
        items: [
          {
            id: `x${INJECTIONS.command}`,
            name: 'S3 Connection',
            connectionSpec: { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' }
          }
        ]
      })
    )
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(/GET \/connections returned an unexpected response: "id" is not an id/)
  })

  it('an error_code and a message holding commands and Markdown stay on one line and in their table cell', async () => {
    server.on(
      'POST /connections',
      json(400, { error_code: `400${INJECTIONS.command}`, message: `bad${INJECTIONS.markdown}${INJECTIONS.setOutput}` })
    )
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain('HTTP 400 400x\\n::error::injected command: badx\\n\\n## Injected heading')
    // Inside its paragraph, on one line: a Markdown heading can only start a line.
    expect(result.summary.split('\n').find((line) => line.includes('Injected heading'))).toMatch(/^<p><strong>Failed:<\/strong> .*<\/p>$/)
  })
})

describe('bodies cut short, huge, or endless', () => {
  it.each([
    ['a Content-Length body', cutShort()],
    ['a chunked body', chunkedThenClose()]
  ])('%s cut short is retried at once, and the run goes on', async (_case, handler) => {
    server.on('GET /connections', handler, 1)
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(lookups()).toHaveLength(3)
    // Retried on the close, after a backoff, not after the attempt's time ran out.
    expect(result.stdout).toMatch(
      /network error: ERR_STREAM_PREMATURE_CLOSE \(the connection closed after \d+ bytes of the answer's body, before its end\); retrying in \d\.\d s/
    )
  })

  it.each([
    // Refused at its headers, before a byte of it is read.
    ['with Content-Length', true, /\(256\.0 MiB\)/],
    // Read up to the limit and the one chunk that crossed it.
    ['chunked', false, /\(4\.\d MiB\)/]
  ])('a 256 MiB body (%s) is refused with a clear message, and the action hangs up before its end', async (_case, withLength, read) => {
    const body = huge(256 * 1024 * 1024, withLength)
    server.on('GET /connections', body)
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(
      /GET \/connections failed: HTTP 200 \(the answer is larger than 4\.0 MiB \(.*\), far beyond any documented answer\)/
    )
    expect(result.error).toMatch(read)
    // Not sent again (it would be as large), nor read on to the end: the server never got to write the rest.
    expect(await body.streamed()).toEqual([expect.objectContaining({ complete: false })])
  })

  it('endless pages of matching items end with a clear error after the 100th page', async () => {
    server.on('GET /connections', endlessPages(100))
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(/the listing did not end within 100 pages or 10000 items \(10000 read\); stopped/)
    expect(lookups()).toHaveLength(100)
  })

  it('a continuation loop A to B to A ends at the third page', async () => {
    server.on('GET /connections', tokenLoop())
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(/page 3 pointed back to a page already read \(a continuation loop\)/)
    expect(lookups()).toHaveLength(3)
  })

  it('the same id on two pages is one connection', async () => {
    server.on('GET /connections', sameIdOnTwoPages())
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ 'connection-id': GOOD_ID, operation: 'updated' })
  })

  it('a conflict among 10,000 items names 10 ids and the count, in one short message', async () => {
    server.on('GET /connections', manyMatching(10_000))
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.error).toMatch(
      /^10000 connections named "S3 Connection" exist in sandbox "prod" \(([0-9a-f-]{36}, ){9}[0-9a-f-]{36} and 9990 more\)/
    )
    expect(result.error?.length).toBeLessThan(1000)
    expect(result.stdout.split('\n').every((line) => line.length < 5000)).toBe(true)
  })
})

describe('secrets echoed back', () => {
  const secretOf = (body: string): string => {
    const parsed: unknown = JSON.parse(body)
    return typeof parsed === 'object' && parsed !== null && 'auth' in parsed
      ? (JSON.stringify(parsed).match(/"s3SecretKey":"([^"]+)"/)?.[1] ?? '')
      : ''
  }

  it('in HTML entities, lower-case percent-encoding, JSON \\/ and \\u escapes and base64, are redacted everywhere', async () => {
    server.on(
      'POST /connections',
      echoSecret((body) => secretOf(body).replace(/\\\//g, '/'))
    )
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain('***')
    for (const fragment of ['wJalr', 'EXAMPLEKEY', 'wJalr%2bXUtn', Buffer.from(SECRET_KEY).toString('base64').slice(0, 12)]) {
      expect(`${result.shown.join('\n')}${result.summary}${result.stderr}`).not.toContain(fragment)
    }
  })

  it('across the point where a raw error body is cut, no prefix of it shows', async () => {
    server.on(
      'POST /connections',
      rawEchoAcrossTheCut((body) => secretOf(body).replace(/\\\//g, '/'))
    )
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(`${result.shown.join('\n')}${result.summary}${result.stderr}`).not.toContain('wJalr')
  })
})

describe('small ones', () => {
  it('a 201 without an etag reads the connection back and goes on', async () => {
    server.on('POST /connections', remembered(json(201, { id: GOOD_ID })))
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toEqual({ 'connection-id': GOOD_ID, etag: GOOD_ETAG, operation: 'created' })
  })

  it('a proxy answering 407 fails at once, saying the proxy refused the credentials', async () => {
    const proxy = await startRefusingProxy()
    try {
      const result = await run({ 'ims-url': 'https://ims.invalid', 'platform-url': 'https://platform.invalid' }, { HTTPS_PROXY: proxy.url })
      expect(result.exitCode).toBe(1)
      expect(result.error).toMatch(
        /^IMS token request failed: HTTP 407 .*Hint: the proxy refused the credentials \(407 Proxy Authentication Required\)/
      )
      expect(proxy.connects).toEqual(['CONNECT ims.invalid:443 HTTP/1.1'])
    } finally {
      await proxy.close()
    }
  })
})
