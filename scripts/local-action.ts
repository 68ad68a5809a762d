// `npm run local-action [-- <action>] [-- --port <n>]`: runs an action's TypeScript source (its
// main.ts, which exports run(); the connection action by default, or `explore`, `dataflow`) under
// @github/local-action against the Platform + IMS emulator on http://127.0.0.1:<port> (8787 by
// default). Starts the emulator in-process unless one already answers there (e.g.
// `npm run emulator` in another terminal).
//
// Inputs: each action's folder, beside its action.yml, holds its inputs file: .env when it exists,
// else .env.example (`.env.example`, `explore/.env.example`, `dataflow/.env.example`). On top of
// it go the emulator's URLs and, for an action that takes a connection-id, the id of the
// emulator's demo connection, found or seeded here: what a workflow would pass from the
// connection action's output.
//
// Exit code: local-action's own, or 1 when the action failed. local-action 7 records
// core.setFailed() but still exits 0, so the `::error::` line that setFailed prints is what
// tells a failed run here.

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { constants, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { DEMO, startEmulator, type Emulator } from '../emulator/index.js'
import { ACTIONS, mainOf, type Action } from './actions.js'
import { ROOT } from './runner.js'

const DEFAULT_PORT = 8787
const USAGE = `npm run local-action [-- ${ACTIONS.map((a) => a.name).join('|')}] [-- --port <n>]`

/** The connection found or seeded for an action that takes a connection-id: found by this name, so that runs against one emulator share it. */
const DEMO_CONNECTION = 'local-action-demo-source'

interface Args {
  action: Action
  port: number
}

function parseArgs(argv: readonly string[]): Args {
  let port = DEFAULT_PORT
  const names: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--port') port = parsePort(argv[++i])
    else if (arg.startsWith('-')) throw new Error(`unknown option '${arg}'; usage: ${USAGE}`)
    else names.push(arg)
  }
  if (names.length > 1) throw new Error(`name one action, not ${names.length}; usage: ${USAGE}`)
  const name = names[0] ?? 'connection'
  const action = ACTIONS.find((a) => a.name === name)
  if (action === undefined) throw new Error(`there is no action '${name}'; usage: ${USAGE}`)
  return { action, port }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535)
    throw new Error(`--port must be a port number from 1 to 65535, got '${raw ?? ''}'`)
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

/** The emulator on `port`: the one that answers there, or one started here (returned, to be closed). */
async function emulatorOn(port: number): Promise<{ origin: string; started?: Emulator }> {
  const origin = `http://127.0.0.1:${port}`
  if (await emulatorAnswers(`${origin}/__emulator/health`)) {
    console.log(`Using the emulator that already answers on ${origin}.`)
    return { origin }
  }
  const started = await startEmulator({ port }).catch((error: unknown) => {
    const busy = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
    throw busy ? new Error(`port ${port} is in use by something that is not the emulator; pass another: ${USAGE}`) : error
  })
  console.log(`Started the Platform + IMS emulator: ${started.platformUrl} (IMS ${started.imsUrl}).`)
  return { origin, started }
}

/** The action's inputs file, relative to the root: .env in its folder when there is one, else .env.example. */
function envFile(action: Action): string {
  const folder = dirname(action.actionYml)
  const file = ['.env', '.env.example'].map((name) => join(folder, name)).find((path) => existsSync(join(ROOT, path)))
  if (file === undefined)
    throw new Error(`neither .env nor .env.example exists in ${folder === '.' ? 'the repository root' : `${folder}/`}`)
  return file
}

/** The inputs the action's action.yml declares. */
function declaredInputs(action: Action): Set<string> {
  const yml: unknown = parse(readFileSync(join(ROOT, action.actionYml), 'utf8'))
  const inputs = typeof yml === 'object' && yml !== null && 'inputs' in yml ? yml.inputs : undefined
  return new Set(typeof inputs === 'object' && inputs !== null ? Object.keys(inputs) : [])
}

/** A variable's value in a .env file as written (unquoted), or undefined. */
function dotenvValue(text: string, name: string): string | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}=`))
  return line?.slice(name.length + 1).trim()
}

function isConnection(value: unknown): value is { id: string; name: string; sandboxName: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'name' in value &&
    typeof value.name === 'string' &&
    'sandboxName' in value &&
    typeof value.sandboxName === 'string'
  )
}

/** The id of the demo connection in `sandboxName`, seeded with the emulator's demo S3 keys unless it is there. */
async function demoConnectionId(origin: string, sandboxName: string): Promise<string> {
  const control = `${origin}/__emulator/connections`
  const listed: unknown = await (await fetch(control)).json()
  const connections = Array.isArray(listed) ? listed.filter(isConnection) : []
  const found = connections.find((c) => c.name === DEMO_CONNECTION && c.sandboxName === sandboxName)
  if (found !== undefined) return found.id
  const seed = { name: DEMO_CONNECTION, sandboxName, params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }
  const seeded: unknown = await (await fetch(control, { method: 'POST', body: JSON.stringify(seed) })).json()
  if (!isConnection(seeded)) throw new Error(`the emulator did not seed a connection: ${JSON.stringify(seeded)}`)
  console.log(`Seeded connection ${seeded.id} ("${DEMO_CONNECTION}") in sandbox ${sandboxName}, for connection-id.`)
  return seeded.id
}

/** What goes on top of the inputs file: the emulator's URLs, and a connection for an action that takes one; each only if the action declares it. */
async function emulatorValues(action: Action, origin: string, dotenv: string): Promise<Record<string, string>> {
  const declared = declaredInputs(action)
  const values: Record<string, string> = {
    'ims-url': origin,
    'platform-url': origin,
    'flow-service-url': `${origin}/data/foundation/flowservice`
  }
  if (declared.has('connection-id')) {
    const sandboxName = dotenvValue(readFileSync(join(ROOT, dotenv), 'utf8'), 'INPUT_SANDBOX-NAME') || 'prod'
    values['connection-id'] = await demoConnectionId(origin, sandboxName)
  }
  return Object.fromEntries(Object.entries(values).filter(([name]) => declared.has(name)))
}

/** The inputs file with `values` in place of whatever it says (local-action lets the file win over the environment). */
function withValues(dotenv: string, values: Record<string, string>): string {
  const variables = Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value] as const)
  const kept = readFileSync(join(ROOT, dotenv), 'utf8')
    .split('\n')
    .filter((line) => !variables.some(([variable]) => line.startsWith(`${variable}=`)))
  const file = join(mkdtempSync(join(tmpdir(), 'local-action-')), '.env')
  writeFileSync(file, [...kept, ...variables.map(([variable, value]) => `${variable}=${value}`)].join('\n'))
  return file
}

// Strips ANSI colour codes, which chalk adds when the terminal supports them.
const ANSI = /\u001b\[[0-9;]*m/g

function runLocalAction(action: Action, dotenv: string): Promise<{ code: number; failed: boolean }> {
  return new Promise((resolve, reject) => {
    // Keep chalk's colours when our own output is a terminal, although the child's is a pipe.
    const env = process.stdout.isTTY && process.env.FORCE_COLOR === undefined ? { ...process.env, FORCE_COLOR: '1' } : process.env
    // local-action takes the inputs' defaults from the action.yml in the folder it is given, and
    // resolves a relative entry point from that folder: the entry point is given absolute.
    const child = spawn('npx', ['local-action', dirname(action.actionYml), join(ROOT, mainOf(action)), dotenv], {
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
  const { action, port } = parseArgs(process.argv.slice(2))
  const dotenv = envFile(action)
  const { origin, started } = await emulatorOn(port)
  // Ctrl+C reaches local-action too (same process group): wait for it, then stop the emulator.
  const ignore = (): void => undefined
  process.on('SIGINT', ignore)
  try {
    console.log(`The ${action.name} action (${mainOf(action)}), inputs from ${dotenv}.`)
    const inputs = withValues(dotenv, await emulatorValues(action, origin, dotenv))
    const { code, failed } = await runLocalAction(action, inputs).finally(() => rmSync(dirname(inputs), { recursive: true, force: true }))
    if (code === 0 && failed) {
      console.error('local-action: the action failed (core.setFailed), see the ::error:: line above.')
      return 1
    }
    return code
  } finally {
    process.off('SIGINT', ignore)
    await started?.close()
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
