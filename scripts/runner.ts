// Runs a bundled action as the GitHub runner does: `node24 dist/<action>/index.js` with INPUT_*
// variables (hyphens kept), a GITHUB_OUTPUT file and a GITHUB_STEP_SUMMARY file.
// Shared by the end-to-end tests, the demo and the benchmark.

import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { distOf, type ActionName } from './actions.js'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export type { ActionName }

/** An action's bundle, as the runner loads it. */
export function bundleOf(action: ActionName): string {
  return join(ROOT, distOf(action), 'index.js')
}

let cachedNode: string | undefined

/** The Node 24 binary of the `node` devDependency: GitHub's runner runs actions on Node 24. */
export function node24(): string {
  if (cachedNode !== undefined) return cachedNode
  const pkg = createRequire(import.meta.url).resolve('node/package.json')
  const binary = join(dirname(pkg), 'bin', 'node')
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim()
  if (!version.startsWith('v24.')) throw new Error(`expected Node 24 at ${binary}, found ${version || 'nothing'}`)
  cachedNode = binary
  return binary
}

export interface RunOptions {
  /** Which action to run; the connection action by default. */
  action?: ActionName
  inputs: Record<string, string | undefined>
  env?: Record<string, string>
  debug?: boolean
  /** Kill the process after this long (a test guard; the action's own timeout should act first). */
  killAfterMs?: number
  /**
   * Send `signal` (as the runner does when a job is cancelled) once this holds, looked at every
   * 20 ms, and a moment after: a test's way of stopping the action at a request it has sent,
   * however long the action took to get there.
   */
  signalWhen?: () => boolean
  signal?: NodeJS.Signals
  /**
   * Run the action with its clock this far ahead (a preloaded module moves Date.now): a test's
   * way of running "much later" than the runs before it, whose marks' time is then over.
   */
  clockOffsetMs?: number
}

export interface RunResult {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  outputFile: string
  summary: string
  /** Values registered with ::add-mask::, in order. */
  masks: string[]
  /** Lines of stdout that are not ::add-mask:: commands: what the runner shows. */
  shown: string[]
  /** The ::error:: message, unescaped, when the step failed. */
  error?: string
}

/** The environment a hosted runner gives a step, minus what a test does not need. */
export function runnerEnv(tmp: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: tmp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: 'octo-org/s3-pipeline',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_WORKFLOW: 'release',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_ACTOR: 'octocat',
    GITHUB_JOB: 'connect',
    RUNNER_TEMP: tmp
  }
}

export function inputEnv(inputs: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(inputs)) {
    // As the runner names them: upper case, spaces to underscores, hyphens kept.
    if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return env
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'action-run-'))
  const outputFile = join(tmp, 'github_output')
  const summaryFile = join(tmp, 'step_summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env = {
    ...runnerEnv(tmp),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...(options.debug === true && { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' }),
    ...inputEnv(options.inputs),
    ...options.env
  }
  const clock = join(tmp, 'clock-offset.mjs')
  if (options.clockOffsetMs !== undefined) {
    writeFileSync(clock, `const now = Date.now\nDate.now = () => now() + ${Math.round(options.clockOffsetMs)}\n`)
  }
  try {
    const args = [...(options.clockOffsetMs !== undefined ? ['--import', clock] : []), bundleOf(options.action ?? 'connection')]
    const { exitCode, stdout, stderr } = await spawnCollect(node24(), args, env, options)
    const outputText = readFileSync(outputFile, 'utf8')
    const lines = stdout.split('\n')
    const masks = lines.filter((l) => l.startsWith('::add-mask::')).map((l) => unescapeData(l.slice('::add-mask::'.length)))
    const errorLine = lines.find((l) => l.startsWith('::error::'))
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(outputText),
      outputFile: outputText,
      summary: readFileSync(summaryFile, 'utf8'),
      masks,
      shown: lines.filter((l) => !l.startsWith('::add-mask::')),
      ...(errorLine !== undefined && { error: unescapeData(errorLine.slice('::error::'.length)) })
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

function spawnCollect(command: string, args: string[], env: Record<string, string>, options: RunOptions) {
  return new Promise<{ exitCode: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const guard = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000)
    const send = (): boolean => child.kill(options.signal ?? 'SIGINT')
    const { signalWhen } = options
    const watch =
      signalWhen !== undefined
        ? setInterval(() => {
            if (!signalWhen()) return
            clearInterval(watch)
            // What the request does on arrival is done by then.
            setTimeout(send, 100)
          }, 20)
        : undefined
    child.on('error', reject)
    child.on('close', (exitCode) => {
      clearTimeout(guard)
      clearInterval(watch)
      resolve({ exitCode, stdout, stderr })
    })
  })
}

/** Parses the GITHUB_OUTPUT file: `name<<delimiter` blocks (and plain `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = line.match(/^([^=<]+)<<(.+)$/)
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc
      const value: string[] = []
      while (i + 1 < lines.length && lines[i + 1] !== delimiter) value.push(lines[++i] ?? '')
      i++
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return outputs
}

export function unescapeData(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}
