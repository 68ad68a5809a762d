// The story of one run: read inputs, open the session, ensure the connection (or, with state:
// absent, remove it), write outputs.

import * as core from '@actions/core'
import { flowServiceOnly } from '../platform/api.js'
import { defaultDescription, loadRunContext, type RunContext } from '../platform/context.js'
import { systemClock } from '../platform/retry.js'
import { connect, createRuntime, failStep, runnerInputs, setOutputs, type Connected, type Runtime } from '../platform/runtime.js'
import { Ledger } from '../platform/ledger.js'
import { ConnectionsClient } from './client.js'
import { describeDryRun, describeTeardown } from './dry-run.js'
import type { Outcome, Wanted } from './deps.js'
import { ensureConnection } from './ensure.js'
import { readConfig, SECRET_INPUTS, type Config, type Teardown } from './inputs.js'
import { authFor, verifyObject } from './requests.js'
import { writeSummary, type SummaryFacts } from './summary.js'
import { removeConnection } from './teardown.js'
import { quoted } from '../platform/text.js'

const USER_AGENT = 'aep-s3-connection-action/1'

/** What the step did, in the log: an update says why it writes every time. */
const SAID: Readonly<Record<Outcome['operation'], (id: string) => string>> = {
  created: (id) => `Created connection ${id}.`,
  updated: (id) =>
    `Updated connection ${id} in place: its credentials are sent on every run, because Flow Service never returns a secret to compare (if-exists: reuse keeps it as it is).`,
  reused: (id) => `Reused connection ${id} as it is (if-exists: reuse): nothing was written.`
}

/** Codes whose fix lies in this action's inputs. */
const HINTS = {
  'FLOW-1413-400': "check 'connection-spec-id' and 'connection-spec-version'",
  'FLOW-1415-400': "check 'auth-type': the connection spec has no such auth spec"
}

/** What a failed run's message adds about what it left. */
const NEXT_RUN =
  "each carries this run's mark: a later run with verify deletes a probe once this run's time is over, and a later run with if-exists 'update' takes the mark out of a connection"

export async function run(): Promise<void> {
  const rt = createRuntime()
  const ledger = new Ledger()
  let config: Config | Teardown | undefined
  let session: Connected | undefined
  let context: Promise<RunContext> | undefined
  try {
    config = readConfig(runnerInputs(rt, SECRET_INPUTS))
    if (config.dryRun) {
      await dryRun(rt, config)
      return
    }
    const connecting = connect(config.session, rt, {
      makesThings: config.state === 'present',
      userAgent: USER_AGENT,
      baseUrls: flowServiceOnly(config.flowServiceUrl),
      warm: ['Flow Service'],
      hints: HINTS
    })
    // @actions/github loads while the first request is on the wire.
    context = loadRunContext()
    session = await connecting
    const facts =
      config.state === 'absent' ? await remove(rt, config, session, ledger, context) : await ensure(rt, config, session, ledger, context)
    await summarize(config, context, facts)
  } catch (error) {
    const message = failStep(rt, error, ledger.account(NEXT_RUN))
    if (config !== undefined) await summarize(config, context, { operation: 'failed', verified: '-', error: message })
  } finally {
    session?.close()
  }
}

type Facts = Omit<SummaryFacts, 'name' | 'sandboxName' | 'connectionSpec'>

async function ensure(rt: Runtime, config: Config, session: Connected, ledger: Ledger, context: Promise<RunContext>): Promise<Facts> {
  const { api, cleanup } = session
  const outcome = await ensureConnection(
    {
      client: new ConnectionsClient(api, ledger),
      cleanup: new ConnectionsClient(cleanup, ledger),
      context,
      mark: session.mark,
      clock: systemClock,
      remainingMs: () => api.remainingMs(),
      log: rt.info,
      warn: rt.warning
    },
    wanted(config, context)
  )
  ledger.kept(outcome.id)
  rt.info(`${SAID[outcome.operation](outcome.id)} Etag ${outcome.etag}.`)
  setOutputs({ 'connection-id': outcome.id, etag: outcome.etag, operation: outcome.operation })
  return { operation: outcome.operation, id: outcome.id, etag: outcome.etag, verified: outcome.verified ?? 'no (verify: false)' }
}

/** state: absent; the outputs name the connection deleted, or none. */
async function remove(rt: Runtime, config: Teardown, session: Connected, ledger: Ledger, context: Promise<RunContext>): Promise<Facts> {
  const removed = await removeConnection(
    { client: new ConnectionsClient(session.api, ledger), context, clock: systemClock, log: rt.info, warn: rt.warning },
    { name: config.connectionName, sandboxName: config.session.sandboxName, specId: config.connectionSpec.id }
  )
  if (removed.operation === 'absent') rt.info(`No connection named ${quoted(config.connectionName)}: nothing to delete.`)
  setOutputs({ 'connection-id': removed.id ?? '', etag: '', operation: removed.operation })
  return { operation: removed.operation, ...(removed.id !== undefined && { id: removed.id }), verified: '-' }
}

function wanted(config: Config, context: Promise<RunContext>): Wanted {
  return {
    connection: {
      name: config.connectionName,
      sandboxName: config.session.sandboxName,
      spec: config.connectionSpec,
      authSpecName: authFor(config.s3).specName,
      ifExists: config.ifExists
    },
    auth: authFor(config.s3),
    ...(config.description !== undefined && { description: config.description }),
    defaultDescription: async () => defaultDescription(await context),
    verify: config.verify,
    ...(verifyObject(config.s3) !== undefined && { verifyObject: verifyObject(config.s3) })
  }
}

async function dryRun(rt: Runtime, config: Config | Teardown): Promise<void> {
  const context = await loadRunContext()
  const lines =
    config.state === 'absent'
      ? describeTeardown(config)
      : describeDryRun(config, config.description ?? defaultDescription(context), context, Date.now())
  // Multi-line on purpose; every secret in it is redacted.
  core.info(rt.secrets.redact(lines.join('\n')))
  setOutputs({ 'connection-id': '', etag: '', operation: 'dry-run' })
  await summarize(config, Promise.resolve(context), { operation: 'dry-run', verified: 'no (dry run)' })
}

async function summarize(config: Config | Teardown, context: Promise<RunContext> | undefined, facts: Facts): Promise<void> {
  const { runUrl } = context !== undefined ? await context : {}
  await writeSummary({
    name: config.connectionName,
    sandboxName: config.session.sandboxName,
    connectionSpec: `${config.connectionSpec.id} v${config.connectionSpec.version}`,
    ...facts,
    ...(runUrl !== undefined && { runUrl })
  })
}
