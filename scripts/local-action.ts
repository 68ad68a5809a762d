// `npm run local-action [-- --port <n>]`: runs the action's TypeScript source (src/connection/main.ts,
// which exports run()) under @github/local-action against the Flow Service + IMS emulator on
// http://127.0.0.1:<port> (8787 by default). Starts the emulator in-process unless one already
// answers there (e.g. `npm run emulator` in another terminal), and reads inputs from .env when
// it exists, else from .env.example; the emulator's URLs are passed on top of those.
//
// Exit code: local-action's own, or 1 when the action failed. local-action 7 records
// core.setFailed() but still exits 0, so the `::error::` line that setFailed prints is what
// tells a failed run here.

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { constants, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { ROOT } from './runner.js'

const DEFAULT_PORT = 8787

function portOf(argv: readonly string[]): number {
  const at = argv.indexOf('--port')
  const raw = at === -1 ? undefined : argv[at + 1]
  if (raw === undefined) return DEFAULT_PORT
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535)
    throw new Error(`--port must be a port number from 1 to 65535, got '${raw}'`)
  return Number(raw)
}

async function emulatorAnswers(healthUrl: string): Promise<boolean> {
  try {
    const response = await fetch(healthUrl, { signal: AbortSignal.timeout(1000) })
    return response.ok
  } catch {
    return false
  }
}

function envFile(): string {
  const file = ['.env', '.env.example'].find((name) => existsSync(join(ROOT, name)))
  if (file === undefined) throw new Error('neither .env nor .env.example exists in the repository root')
  return file
}

// Strips ANSI colour codes, which chalk adds when the terminal supports them.
const ANSI = /\u001b\[[0-9;]*m/g

/** The inputs file with the emulator's URLs in place of whatever it says (local-action lets the file win over the environment). */
function withEmulatorUrls(dotenv: string, origin: string): string {
  const urls: Record<string, string> = {
    'INPUT_IMS-URL': origin,
    'INPUT_PLATFORM-URL': origin,
    'INPUT_FLOW-SERVICE-URL': `${origin}/data/foundation/flowservice`
  }
  const kept = readFileSync(join(ROOT, dotenv), 'utf8')
    .split('\n')
    .filter((line) => !Object.keys(urls).some((name) => line.startsWith(`${name}=`)))
  const file = join(mkdtempSync(join(tmpdir(), 'local-action-')), '.env')
  writeFileSync(file, [...kept, ...Object.entries(urls).map(([name, value]) => `${name}=${value}`)].join('\n'))
  return file
}

function runLocalAction(dotenv: string): Promise<{ code: number; failed: boolean }> {
  return new Promise((resolve, reject) => {
    // Keep chalk's colours when our own output is a terminal, although the child's is a pipe.
    const env = process.stdout.isTTY && process.env.FORCE_COLOR === undefined ? { ...process.env, FORCE_COLOR: '1' } : process.env
    const child = spawn('npx', ['local-action', '.', 'src/connection/main.ts', dotenv], {
      cwd: ROOT,
      env,
      stdio: ['inherit', 'pipe', 'inherit']
    })
    let failed = false
    let partial = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      process.stdout.write(chunk)
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      if (lines.some((line) => line.replace(ANSI, '').startsWith('::error::'))) failed = true
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (partial.replace(ANSI, '').startsWith('::error::')) failed = true
      // Killed by a signal: exit as a shell would, 128 + its number.
      resolve({ code: code ?? 128 + (signal === null ? 0 : constants.signals[signal]), failed })
    })
  })
}

async function main(): Promise<number> {
  const dotenv = envFile()
  const port = portOf(process.argv.slice(2))
  const origin = `http://127.0.0.1:${port}`
  let emulator: Emulator | undefined
  if (await emulatorAnswers(`${origin}/__emulator/health`)) {
    console.log(`Using the emulator that already answers on ${origin}.`)
  } else {
    emulator = await startEmulator({ port }).catch((error: unknown) => {
      const busy = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
      throw busy
        ? new Error(`port ${port} is in use by something that is not the emulator; pass another: npm run local-action -- --port 8788`)
        : error
    })
    console.log(`Started the Flow Service + IMS emulator: ${emulator.flowServiceUrl} (IMS ${emulator.imsUrl}).`)
  }
  console.log(`Inputs from ${dotenv}.`)
  // Ctrl+C reaches local-action too (same process group): wait for it, then stop the emulator.
  const ignore = (): void => undefined
  process.on('SIGINT', ignore)
  try {
    const inputs = withEmulatorUrls(dotenv, origin)
    const { code, failed } = await runLocalAction(inputs).finally(() => rmSync(dirname(inputs), { recursive: true, force: true }))
    if (code === 0 && failed) {
      console.error('local-action: the action failed (core.setFailed), see the ::error:: line above.')
      return 1
    }
    return code
  } finally {
    process.off('SIGINT', ignore)
    await emulator?.close()
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`local-action: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
)
