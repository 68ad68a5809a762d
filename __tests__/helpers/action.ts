// What the end-to-end tests assert about a run of the bundle, beyond its outputs.

import { unescapeData, type RunResult } from '../../scripts/runner.js'

export { inputEnv, parseOutputFile, runAction, runnerEnv, type RunResult } from '../../scripts/runner.js'

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
