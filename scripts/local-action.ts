// `npm run local-action`: runs the action's TypeScript source (src/connection/main.ts, which exports run())
// under @github/local-action against the Flow Service + IMS emulator on http://127.0.0.1:8787.
// Starts the emulator in-process unless one already answers there (e.g. `npm run emulator` in
// another terminal), and reads inputs from .env when it exists, else from .env.example.
//
// Exit code: local-action's own, or 1 when the action failed. local-action 7 records
// core.setFailed() but still exits 0, so the `::error::` line that setFailed prints is what
// tells a failed run here.

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { constants } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { ROOT } from './runner.js'

const PORT = 8787
const HEALTH_URL = `http://127.0.0.1:${PORT}/__emulator/health`

async function emulatorAnswers(): Promise<boolean> {
  try {
    const response = await fetch(HEALTH_URL, { signal: AbortSignal.timeout(1000) })
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
  let emulator: Emulator | undefined
  if (await emulatorAnswers()) {
    console.log(`Using the emulator that already answers on ${HEALTH_URL}.`)
  } else {
    emulator = await startEmulator({ port: PORT })
    console.log(`Started the Flow Service + IMS emulator: ${emulator.flowServiceUrl} (IMS ${emulator.imsUrl}).`)
  }
  console.log(`Inputs from ${dotenv}.`)
  // Ctrl+C reaches local-action too (same process group): wait for it, then stop the emulator.
  const ignore = (): void => undefined
  process.on('SIGINT', ignore)
  try {
    const { code, failed } = await runLocalAction(dotenv)
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
