// emulator/cli.ts as a process: start-up banner, request log, signals, exit codes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import net from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO, DEMO_DATASET_ID } from '../../emulator/index.js'
import { flowHeaders, send } from './helpers.js'

function startCli(args: string[]): ChildProcessWithoutNullStreams {
  // `node --import tsx` runs the TypeScript entry with the same Node as the tests.
  return spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: '' }
  })
}

function collect(child: ChildProcessWithoutNullStreams): { out: () => string; err: () => string } {
  let out = ''
  let err = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (err += c.toString()))
  return { out: () => out, err: () => err }
}

function waitFor(read: () => string, pattern: RegExp, ms = 10_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = setInterval(() => {
      const match = pattern.exec(read())
      if (match) {
        clearInterval(poll)
        resolve(match)
      } else if (Date.now() - started > ms) {
        clearInterval(poll)
        reject(new Error(`timed out waiting for ${String(pattern)} in:\n${read()}`))
      }
    }, 20)
  })
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)))
}

describe('emulator CLI', () => {
  test('prints its URLs and demo credentials, logs requests without secrets, and stops on SIGTERM', async () => {
    const child = startCli(['--port', '0', '--fault', 'GET /connections 503'])
    const output = collect(child)
    const exited = exitOf(child)
    try {
      const [, flowUrl] = await waitFor(output.out, /flow-service-url\s+(\S+)/)
      await waitFor(output.out, /Listening/)
      const banner = output.out()
      for (const value of [DEMO.clientId, DEMO.clientSecret, DEMO.orgId, DEMO.s3AccessKey, "'INPUT_FLOW-SERVICE-URL="]) {
        expect(banner).toContain(value)
      }
      const headers = flowHeaders({ orgId: DEMO.orgId })
      expect((await send(`${flowUrl ?? ''}/connections`, { headers })).status).toBe(503)
      expect((await send(`${flowUrl ?? ''}/connections`, { headers })).status).toBe(200)
      await waitFor(output.out, /GET \/connections 200 \[flow\]/)
      const log = output.out().slice(banner.length)
      expect(log).toMatch(/GET \/connections 503 \[flow\]/)
      expect(log).not.toContain(DEMO.accessToken)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })

  test('--s3 loads the S3 world from a JSON file, and the key flags win over its keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-s3-'))
    const file = join(dir, 'world.json')
    const world = {
      accessKey: 'AKIAFROMFILE',
      secretKey: 'from-file',
      buckets: { 'team-bucket': [{ type: 'file', name: 'a.csv', path: 'in/a.csv', content: 'id\n7\n' }] }
    }
    writeFileSync(file, JSON.stringify(world))
    const child = startCli(['--port', '0', '--s3', file, '--s3-access-key', 'AKIAFLAG', '--s3-secret-key', 'flag-secret'])
    const output = collect(child)
    const exited = exitOf(child)
    try {
      const [, flowUrl = ''] = await waitFor(output.out, /flow-service-url\s+(\S+)/)
      await waitFor(output.out, /Listening/)
      expect(output.out()).toContain('S3 access key      AKIAFLAG\n')
      const origin = flowUrl.slice(0, flowUrl.indexOf('/data/'))
      const seeded = await send(`${origin}/__emulator/connections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x', params: { s3AccessKey: 'AKIAFLAG', s3SecretKey: 'flag-secret' } })
      })
      const { id } = seeded.json<{ id: string }>()
      const query = 'objectType=file&object=%2Fteam-bucket%2Fin%2Fa.csv&fileType=delimited&preview=true'
      const res = await send(`${flowUrl}/connections/${id}/explore?${query}`, { headers: flowHeaders({ orgId: DEMO.orgId }) })
      expect(res.json()).toMatchObject({ data: [{ id: '7' }] })
    } finally {
      child.kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    }
    expect(await exited).toBe(0)
  })

  test('an --s3 file that is not S3Options stops the CLI with one line naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-s3-'))
    const file = join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify({ buckets: { b: [{ type: 'file', name: 'x', path: 'x', encoding: 'utf8' }] } }))
    const child = startCli(['--port', '0', '--s3', file])
    const output = collect(child)
    try {
      expect(await exitOf(child)).toBe(1)
      expect(output.err()).toMatch(/^emulator: --s3 .*bad\.json: buckets\.b: entry 0: encoding must be one of UTF-8, ISO-8859-1\n$/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a bad flag prints one error line and the usage, and exits 2', async () => {
    const child = startCli(['--nope'])
    const output = collect(child)
    expect(await exitOf(child)).toBe(2)
    const [first, ...rest] = output.err().split('\n')
    expect(first).toBe('emulator: unknown flag --nope')
    expect(rest.join('\n')).toContain('Usage: npm run emulator')
  })

  test('prints the Platform services under one origin, the demo dataset and the run clock; --catalog adds datasets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-catalog-'))
    const file = join(dir, 'catalog.json')
    const schemaId = 'https://ns.adobe.com/emulator/schemas/0123456789abcdef0123456789abcdef'
    const catalog = {
      schemas: [{ id: schemaId, title: 'Orders', fields: { '_emulator.orderId': 'string' } }],
      datasets: [{ id: '0123456789abcdef01234567', name: 'Orders', schemaId }]
    }
    writeFileSync(file, JSON.stringify(catalog))
    const child = startCli(['--port', '0', '--time-scale', '60', '--catalog', file])
    const output = collect(child)
    const exited = exitOf(child)
    try {
      const [, platform = ''] = await waitFor(output.out, /platform-url\s+(\S+)/)
      await waitFor(output.out, /Listening/)
      const banner = output.out()
      expect(banner).toContain(`catalog            ${platform}/data/foundation/catalog`)
      expect(banner).toContain(`data prep          ${platform}/data/foundation/conversion`)
      expect(banner).toContain(`'INPUT_PLATFORM-URL=${platform}'`)
      expect(banner).toContain(`'INPUT_DATASET-ID=${DEMO_DATASET_ID}'`)
      expect(banner).toContain('dataflow runs      start 2.5 s after their slot and last 500 ms (time scale 60)')
      const res = await send(`${platform}/data/foundation/catalog/dataSets/0123456789abcdef01234567?properties=name`, {
        headers: flowHeaders({ orgId: DEMO.orgId })
      })
      expect(res.json()).toEqual({ '0123456789abcdef01234567': { name: 'Orders' } })
      await waitFor(output.out, /GET \/dataSets\/\{id\} 200 \[catalog\]/)
    } finally {
      child.kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    }
    expect(await exited).toBe(0)
  })

  test('a port in use stops the CLI with one line saying so and how to pick another', async () => {
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0
    try {
      const child = startCli(['--port', String(port)])
      const output = collect(child)
      expect(await exitOf(child)).toBe(1)
      expect(output.err()).toBe(`emulator: port ${port} is already in use: pass --port 0 (any free port) or another --port\n`)
      const ims = startCli(['--port', '0', '--separate-ims', '--ims-port', String(port)])
      const imsOutput = collect(ims)
      expect(await exitOf(ims)).toBe(1)
      expect(imsOutput.err()).toBe(`emulator: port ${port} is already in use: pass --ims-port 0 (any free port) or another --ims-port\n`)
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })
})
