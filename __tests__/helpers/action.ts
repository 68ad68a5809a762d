// What the end-to-end tests assert about a run of the bundle, beyond its outputs.

import { Secrets } from '../../src/platform/secrets.js'
import { unescapeData, type RunResult } from '../../scripts/runner.js'

export { inputEnv, parseOutputFile, runAction, runnerEnv, type RunOptions, type RunResult } from '../../scripts/runner.js'

/**
 * Proves that no secret can be seen: not in any line the runner would show, not in stderr, the
 * outputs or the summary; and that every secret was masked before the first line the runner shows.
 */
export function expectNoLeak(result: RunResult, secrets: string[], extra: { maskedFirst?: string[] } = {}): void {
  const visible = [result.shown.join('\n'), result.stderr, result.outputFile, result.summary].join('\n')
  for (const secret of secrets.filter((s) => s !== '')) {
    for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
      if (visible.includes(form)) throw new Error(`secret leaked: ${JSON.stringify(form)} appears in what the action printed or wrote`)
    }
  }
  const stdoutLines = result.stdout.split('\n')
  const firstShown = stdoutLines.findIndex((l) => l !== '' && !l.startsWith('::add-mask::'))
  for (const secret of extra.maskedFirst ?? []) {
    const maskedAt = stdoutLines.findIndex((l) => l.startsWith('::add-mask::') && unescapeData(l.slice(12)) === secret)
    if (maskedAt === -1) throw new Error(`secret ${JSON.stringify(secret.slice(0, 3))}... was never masked`)
    if (firstShown !== -1 && maskedAt > firstShown)
      throw new Error(`secret ${JSON.stringify(secret.slice(0, 3))}... was masked only after output began`)
  }
}

/**
 * Proves that a secret input the action refused was neither masked, in any encoding it would
 * mask a secret in (masking a short value garbles every line holding it), nor printed anywhere
 * but as letters of the one failure message, which is exactly `message`.
 */
export function expectRefusedSecret(result: RunResult, value: string, message: string): void {
  if (result.exitCode !== 1 || result.error !== message) {
    throw new Error(
      `expected the step to fail with ${JSON.stringify(message)}; got exit ${result.exitCode}, ${JSON.stringify(result.error)}`
    )
  }
  const forms: string[] = []
  new Secrets((form) => forms.push(form)).add(value)
  const masked = result.masks.filter((mask) => forms.includes(mask))
  if (masked.length > 0) throw new Error(`a refused secret was masked: ${JSON.stringify(masked)}`)
  // The message may hold the value by chance ('short' in 'shorter'), never in any other place.
  const visible = [result.shown.join('\n'), result.stderr, result.outputFile, result.summary].join('\n').replaceAll(message, '')
  if (visible.includes(value)) throw new Error(`a refused secret was printed: ${JSON.stringify(value)}`)
}

// The workflow commands an action may mean to write; anything else that starts a line with '::'
// came from somewhere it should not have.
const OWN_COMMANDS = /^::(add-mask|debug|error|warning|notice|group|endgroup)::/

/**
 * Proves that no server value reached the runner as a command or an output: no line starts with
 * '::' unless it is one of the action's own commands, there is at most one ::error::, no output
 * holds a line break (or `marker`, unless its outputs carry server text as JSON), and the summary
 * holds no heading or markup of the server's.
 */
export function expectNoInjection(result: RunResult, marker: string, options: { serverTextInOutputs?: boolean } = {}): void {
  for (const stream of [result.stdout, result.stderr]) {
    for (const line of stream.split(/\r?\n|\r|\u2028|\u2029/)) {
      if (line.startsWith('::') && !OWN_COMMANDS.test(line))
        throw new Error(`a line the action did not mean to write: ${JSON.stringify(line)}`)
      const payload = /^::[\w-]+(?: [^:]*)?::(.*)$/.exec(line)?.[1]
      if (payload?.startsWith(marker) === true) throw new Error(`a server value started a command line: ${JSON.stringify(line)}`)
    }
  }
  const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error::'))
  if (errors.length > 1) throw new Error(`more than one ::error:: line: ${JSON.stringify(errors)}`)
  for (const [name, value] of Object.entries(result.outputs)) {
    // Outputs of listings carry server text, JSON-escaped: a line break there would still be an escape.
    const foreign = options.serverTextInOutputs === true ? false : value.includes(marker)
    if (foreign || /[\r\n]/.test(value)) throw new Error(`output ${name} holds a server's value: ${JSON.stringify(value)}`)
  }
  for (const line of result.summary.split('\n')) {
    if (line.trimStart().startsWith('#') || /<(?!\/?(h3|table|tr|th|td|code|p|strong|em|a)\b)/.test(line)) {
      throw new Error(`the summary holds markup it did not mean to: ${JSON.stringify(line)}`)
    }
  }
}
