// What every action's main does around its own story: masks secrets before anything else,
// logs through redaction on one line, opens the session (transport, warm connections, token)
// and turns any error into one failure message.

import * as core from '@actions/core'
import { PlatformApi, type PlatformService, type Target } from './api.js'
import { errorMessage, errorStack, type Hints } from './errors.js'
import { fetchAccessToken } from './ims.js'
import { secretFault, type GetInput } from './input-reader.js'
import { newRunMark, type RunMark } from './ownership.js'
import { DEFAULT_RETRY_POLICY, Deadline, readAttemptMs, systemClock } from './retry.js'
import { Secrets } from './secrets.js'
import type { Session } from './session.js'
import { oneLine } from './text.js'
import { Transport } from './transport/transport.js'

export interface Runtime {
  secrets: Secrets
  /** A line in the log: redacted, and on one line whatever it holds. */
  info: (message: string) => void
  debug: (message: string) => void
  warning: (message: string) => void
  /** A `::notice::`: something a reader of the run should see, that is not a problem. */
  notice: (message: string) => void
}

/** Longest log line: far above any message of ours, short enough to stay readable. */
const MAX_LINE = 4000

export function createRuntime(): Runtime {
  const secrets = new Secrets(core.setSecret)
  const line = (message: string): string => oneLine(secrets.redact(message), MAX_LINE)
  return {
    secrets,
    info: (message) => core.info(line(message)),
    debug: (message) => core.debug(line(message)),
    warning: (message) => core.warning(line(message)),
    notice: (message) => core.notice(line(message))
  }
}

/** Reads inputs from the runner, every secret input the reader accepts masked before anything can print it. */
export function runnerInputs(rt: Runtime, secretInputs: readonly string[]): GetInput {
  maskSecretInputs(rt.secrets, (name) => core.getInput(name), secretInputs)
  // Untrimmed: the reader trims, except where a space or a tab is the value (a delimiter).
  return (name) => core.getInput(name, { trimWhitespace: false })
}

/**
 * Masks each secret input whose value the reader will accept as a secret (see secretFault). A
 * refused value is left alone: the reader then stops the run before anything is sent, with a
 * message that never holds the value, and masking a short value would garble that message and
 * every later line of the job's log holding the same word.
 */
export function maskSecretInputs(secrets: Pick<Secrets, 'add'>, getInput: GetInput, names: readonly string[]): void {
  for (const name of names) {
    // Trimmed as the reader trims it, so that both judge the same value.
    const value = getInput(name).trim()
    if (secretFault(value) === undefined) secrets.add(value)
  }
}

export interface Connected {
  api: PlatformApi
  /** What everything the run creates carries until it confirms it: its token, and when its requests end. */
  mark: RunMark
  /** The same session under the whole step's deadline: for deleting what a failed run made. */
  cleanup: PlatformApi
  /**
   * The same session for the wait the inputs allow, from now on: what timeout-seconds has left,
   * and the wait on top. Without a wait, `api`.
   */
  waiting(): PlatformApi
  close(): void
}

export interface ConnectOptions {
  userAgent: string
  baseUrls: Target['baseUrls']
  /** The services this run talks to first: their connections are opened now. */
  warm: readonly PlatformService[]
  hints?: Hints
  /**
   * How long the run may wait (for a file to land, a run to end) on top of timeout-seconds, which
   * bounds the requests of the work, and the input that says so: see waiting().
   */
  wait?: { seconds: number; input: string }
  /** Whether a failed run has something to delete: then time is kept back for it. */
  makesThings: boolean
}

/** Time kept back from the work for clean-up: min(5 s, a fifth of timeout-seconds). */
export function cleanupReserveMs(totalMs: number): number {
  return Math.min(5000, totalMs / 5)
}

/** Opens the session: one transport, warm connections, and the one access token of the run. */
export async function connect(session: Session, rt: Runtime, options: ConnectOptions): Promise<Connected> {
  // timeout-seconds bounds the requests of the work; a wait has its own deadline (waiting()).
  const deadline = new Deadline(session.timeoutSeconds * 1000)
  const cancel = onCancel(rt, options.makesThings)
  const transport = new Transport({
    signal: cancel.signal,
    userAgent: options.userAgent,
    policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: session.maxAttempts, readAttemptMs: readAttemptMs(session.timeoutSeconds) },
    deadline: options.makesThings ? deadline.withReserve(cleanupReserveMs(deadline.totalMs)) : deadline,
    redact: (text) => rt.secrets.redact(text),
    ...(options.hints !== undefined && { hints: options.hints }),
    info: rt.info,
    debug: rt.debug
  })
  const close = (): void => {
    cancel.dispose()
    transport.close()
  }
  try {
    // The services' handshakes overlap the IMS request.
    const ims = session.credentials.kind === 'client-secret' ? [session.imsUrl] : []
    transport.warmUp(...options.warm.flatMap((service) => options.baseUrls[service] ?? []), ...ims)
    const token =
      session.credentials.kind === 'access-token'
        ? session.credentials.accessToken
        : await fetchAccessToken(
            transport,
            { imsUrl: session.imsUrl, clientId: session.clientId, clientSecret: session.credentials.clientSecret, scopes: session.scopes },
            rt.secrets
          )
    const target: Target = {
      clientId: session.clientId,
      imsOrgId: session.imsOrgId,
      sandboxName: session.sandboxName,
      baseUrls: options.baseUrls
    }
    const api = new PlatformApi(transport, target, token)
    const { wait } = options
    const waiting = (): PlatformApi =>
      wait === undefined || wait.seconds === 0 ? api : api.over(transport.until(waitDeadline(session.timeoutSeconds, wait, deadline)))
    const mark = newRunMark(systemClock.now() + deadline.remainingMs())
    return { api, mark, cleanup: api.over(transport.under(deadline)), waiting, close }
  } catch (error) {
    close()
    throw error
  }
}

/** What the work's deadline has left, and the wait on top, from now: the step never runs past timeout-seconds + the wait. */
function waitDeadline(timeoutSeconds: number, wait: NonNullable<ConnectOptions['wait']>, work: Deadline): Deadline {
  const totalMs = (timeoutSeconds + wait.seconds) * 1000
  return new Deadline(totalMs, systemClock, systemClock.now() + work.remainingMs() + wait.seconds * 1000, `timeout-seconds + ${wait.input}`)
}

/**
 * When the runner cancels the job (or the job's timeout-minutes ends), it sends SIGINT, then
 * SIGTERM some seconds later, then kills. The signal aborts the work; the clean-up that follows
 * (deleting what the run made) runs on, and the step then ends as failed.
 */
function onCancel(rt: Runtime, makesThings: boolean): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController()
  const handler = (signal: NodeJS.Signals): void => {
    rt.warning(`Received ${signal}: stopping${makesThings ? ', and deleting what this run made' : ''}.`)
    controller.abort()
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    }
  }
}

/** The step's one failure: its message (and what the run left, when it says) redacted, the stack for debug logs only. */
export function failStep(rt: Runtime, error: unknown, account?: string): string {
  const message = rt.secrets.redact([errorMessage(error), account].filter((p) => p !== undefined).join(' '))
  const stack = errorStack(error)
  if (stack !== undefined) core.debug(oneLine(rt.secrets.redact(stack), MAX_LINE))
  core.setFailed(message)
  return message
}

export function setOutputs(outputs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}
