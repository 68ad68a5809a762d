// emulator/cli.ts as a process: start-up banner, request log, signals, exit codes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { DEMO } from '../../emulator/index.js'
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

  test('a bad flag prints one error line and the usage, and exits 2', async () => {
    const child = startCli(['--nope'])
    const output = collect(child)
    expect(await exitOf(child)).toBe(2)
    const [first, ...rest] = output.err().split('\n')
    expect(first).toBe('emulator: unknown flag --nope')
    expect(rest.join('\n')).toContain('Usage: npm run emulator')
  })
})
