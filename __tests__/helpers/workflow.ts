// Plays a workflow a README shows, as written, against the emulator: each step that uses one of
// this repository's actions runs its bundle as the runner would (with the emulator's URLs added,
// as a workflow pointed at the emulator sets them), `run:` steps run in bash, and `${{ }}`
// expressions read secrets, vars, env, the event and earlier steps' outputs. Only what the
// READMEs' workflows use is understood; anything else fails the test loudly.

import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import type { Emulator } from '../../emulator/index.js'
import { ACTIONS, type ActionName } from '../../scripts/actions.js'
import { runAction, type RunResult } from './action.js'

export interface Workflow {
  name?: string
  on?: unknown
  permissions?: unknown
  concurrency?: unknown
  env?: Record<string, unknown>
  jobs: Record<string, Job>
}

export interface Job {
  'runs-on'?: string
  if?: string
  environment?: unknown
  env?: Record<string, unknown>
  steps: Step[]
}

export interface Step {
  id?: string
  name?: string
  if?: string
  uses?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
  run?: string
}

/** The YAML of the first ```yaml block after the heading `heading` in `file` (a README, from the repository's root). */
export function readmeWorkflow(file: string, heading: string): Workflow {
  const readme = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
  const at = readme.indexOf(`\n${heading}\n`)
  if (at === -1) throw new Error(`${file} has no heading ${JSON.stringify(heading)}`)
  const block = /```yaml\n([\s\S]*?)\n```/.exec(readme.slice(at))?.[1]
  if (block === undefined) throw new Error(`no yaml block after ${JSON.stringify(heading)}`)
  const workflow: unknown = parse(block)
  if (!isWorkflow(workflow)) throw new Error(`the block after ${JSON.stringify(heading)} is not a workflow with jobs`)
  return workflow
}

function isWorkflow(value: unknown): value is Workflow {
  return typeof value === 'object' && value !== null && 'jobs' in value && typeof value.jobs === 'object'
}

/** What a played job knows: the contexts the expressions read. */
export interface Contexts {
  secrets: Record<string, string>
  vars: Record<string, string>
  /** The event, as `github.event` (pull_request: {action, number, head: {repo: {fork}}}). */
  event?: Record<string, unknown>
  eventName?: string
}

export interface StepResult {
  step: Step
  skipped: boolean
  result?: RunResult
  /** A run: step's output. */
  stdout?: string
  outputs: Record<string, string>
}

/** The `uses:` of each of this repository's actions, as the READMEs write it. */
const OURS: Readonly<Record<string, ActionName>> = Object.fromEntries(ACTIONS.map((a) => [a.uses, a.name]))

/** Plays the job's steps in order; a step that fails fails the job (and this call), as on the runner. */
export async function playJob(
  workflow: Workflow,
  jobName: string,
  ctx: Contexts,
  options: { emulator: Emulator; workspace: string }
): Promise<StepResult[]> {
  const job = workflow.jobs[jobName]
  if (job === undefined) throw new Error(`no job ${jobName}`)
  const steps: Record<string, { outputs: Record<string, string> }> = {}
  const env: Record<string, string> = {}
  const scope = (): Scope => ({ ...ctx, env, steps })
  for (const [name, value] of Object.entries({ ...(workflow.env ?? {}), ...(job.env ?? {}) })) env[name] = evaluate(String(value), scope())
  const results: StepResult[] = []
  if (job.if !== undefined && !truthy(expression(job.if, scope()))) return results
  for (const step of job.steps) {
    if (step.if !== undefined && !truthy(expression(step.if, scope()))) {
      results.push({ step, skipped: true, outputs: {} })
      continue
    }
    const played = await playStep(step, scope(), options)
    if (step.id !== undefined) steps[step.id] = { outputs: played.outputs }
    results.push(played)
  }
  return results
}

async function playStep(step: Step, scope: Scope, options: { emulator: Emulator; workspace: string }): Promise<StepResult> {
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(String(v), scope)]))
  if (step.run !== undefined) {
    const ran = spawnSync('bash', ['-eo', 'pipefail', '-c', step.run], {
      env: { PATH: process.env.PATH ?? '', ...scope.env, ...stepEnv },
      cwd: options.workspace,
      encoding: 'utf8'
    })
    if (ran.status !== 0) throw new Error(`step ${step.name ?? step.run} failed (${String(ran.status)}): ${ran.stderr}`)
    return { step, skipped: false, stdout: ran.stdout, outputs: {} }
  }
  if (step.uses?.startsWith('actions/checkout@') === true) return { step, skipped: false, outputs: {} }
  const action = step.uses !== undefined ? OURS[step.uses] : undefined
  if (action === undefined) throw new Error(`the player does not know ${String(step.uses)}`)
  const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(String(v), scope)]))
  const { emulator } = options
  const result = await runAction({
    action,
    inputs: { ...inputs, 'ims-url': emulator.imsUrl, 'platform-url': emulator.platformUrl },
    env: { GITHUB_WORKSPACE: options.workspace, ...stepEnv }
  })
  if (result.exitCode !== 0) throw new Error(`step ${step.name ?? step.uses ?? ''} failed: ${result.error ?? result.stderr}`)
  return { step, skipped: false, result, outputs: result.outputs }
}

// ---- expressions ---------------------------------------------------------------------------------

interface Scope extends Contexts {
  env: Record<string, string>
  steps: Record<string, { outputs: Record<string, string> }>
}

type Value = string | boolean | number | null | Record<string, unknown>

/** A string with `${{ … }}` in it, each replaced by its value as text. */
export function evaluate(text: string, scope: Scope): string {
  return text.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, expr: string) => asText(expression(expr, scope)))
}

/** One expression: `a.b.c`, 'text', true, a == b, a != b, a && b, a || b, !a, ( … ). */
export function expression(source: string, scope: Scope): Value {
  const tokens = source.match(/'(?:[^']|'')*'|==|!=|&&|\|\||[!()]|[A-Za-z_][\w.-]*|\d+/g) ?? []
  let at = 0
  const peek = (): string | undefined => tokens[at]
  const take = (): string => tokens[at++] ?? ''
  const primary = (): Value => {
    const token = take()
    if (token === '(') {
      const value = or()
      take()
      return value
    }
    if (token === '!') return !truthy(primary())
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'")
    if (token === 'true' || token === 'false') return token === 'true'
    if (token === 'null') return null
    if (/^\d+$/.test(token)) return Number(token)
    return lookup(token, scope)
  }
  const compare = (): Value => {
    let left = primary()
    while (peek() === '==' || peek() === '!=') {
      const op = take()
      const right = primary()
      left = op === '==' ? looseEqual(left, right) : !looseEqual(left, right)
    }
    return left
  }
  const and = (): Value => {
    let left = compare()
    while (peek() === '&&') {
      take()
      const right = compare()
      left = truthy(left) ? right : left
    }
    return left
  }
  const or = (): Value => {
    let left = and()
    while (peek() === '||') {
      take()
      const right = and()
      left = truthy(left) ? left : right
    }
    return left
  }
  return or()
}

function lookup(path: string, scope: Scope): Value {
  const [root, ...rest] = path.split('.')
  const roots: Record<string, unknown> = {
    secrets: scope.secrets,
    vars: scope.vars,
    env: scope.env,
    steps: scope.steps,
    github: { event: scope.event ?? {}, event_name: scope.eventName ?? 'push' }
  }
  if (root === undefined || !(root in roots)) throw new Error(`the player does not know the context of ${path}`)
  let value: unknown = roots[root]
  for (const key of rest) value = isRecord(value) ? value[key] : undefined
  if (isRecord(value)) return value
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value
  // An unset secret or output reads as an empty string, as on the runner.
  return ''
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function truthy(value: Value): boolean {
  return value !== null && value !== false && value !== 0 && value !== ''
}

function looseEqual(a: Value, b: Value): boolean {
  return typeof a === 'object' || typeof b === 'object' ? a === b : String(a) === String(b)
}

function asText(value: Value): string {
  return value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
}
