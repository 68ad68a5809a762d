// The story of one run: read inputs, open the session, ensure the connection, write outputs.

import * as core from '@actions/core'
import { flowServiceOnly } from '../platform/api.js'
import { defaultDescription, loadRunContext, type RunContext } from '../platform/context.js'
import { systemClock } from '../platform/retry.js'
import { connect, createRuntime, failStep, runnerInputs, setOutputs, type Connected, type Runtime } from '../platform/runtime.js'
import { Ledger } from '../platform/ledger.js'
import { ConnectionsClient } from './client.js'
import { describeDryRun } from './dry-run.js'
import type { Wanted } from './deps.js'
import { ensureConnection } from './ensure.js'
import { readConfig, SECRET_INPUTS, type Config } from './inputs.js'
import { authFor, verifyObject } from './requests.js'
import { writeSummary, type SummaryFacts } from './summary.js'

const USER_AGENT = 'aep-s3-connection-action/1'

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
  let config: Config | undefined
  let session: Connected | undefined
  let context: Promise<RunContext> | undefined
  try {
    config = readConfig(runnerInputs(rt, SECRET_INPUTS))
    if (config.dryRun) {
      await dryRun(rt, config)
      return
    }

    const connecting = connect(config.session, rt, {
      makesThings: true,
      userAgent: USER_AGENT,
      baseUrls: flowServiceOnly(config.flowServiceUrl),
      warm: ['Flow Service'],
      hints: HINTS
    })
    // @actions/github loads while the first request is on the wire.
    context = loadRunContext()
    session = await connecting
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
    rt.info(`Connection ${outcome.id} ${outcome.operation}; etag ${outcome.etag}.`)
    setOutputs({ 'connection-id': outcome.id, etag: outcome.etag, operation: outcome.operation })
    await summarize(config, context, {
      operation: outcome.operation,
      id: outcome.id,
      etag: outcome.etag,
      verified: outcome.verified ?? 'no (verify: false)'
    })
  } catch (error) {
    const message = failStep(rt, error, ledger.account(NEXT_RUN))
    if (config !== undefined) await summarize(config, context, { operation: 'failed', verified: '-', error: message })
  } finally {
    session?.close()
  }
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

async function dryRun(rt: Runtime, config: Config): Promise<void> {
  const context = await loadRunContext()
  const description = config.description ?? defaultDescription(context)
  // Multi-line on purpose; every secret in it is redacted.
  core.info(rt.secrets.redact(describeDryRun(config, description, context, Date.now()).join('\n')))
  setOutputs({ 'connection-id': '', etag: '', operation: 'dry-run' })
  await summarize(config, Promise.resolve(context), { operation: 'dry-run', verified: 'no (dry run)' })
}

async function summarize(
  config: Config,
  context: Promise<RunContext> | undefined,
  facts: Omit<SummaryFacts, 'name' | 'sandboxName' | 'connectionSpec'>
): Promise<void> {
  const { runUrl } = context !== undefined ? await context : {}
  await writeSummary({
    name: config.connectionName,
    sandboxName: config.session.sandboxName,
    connectionSpec: `${config.connectionSpec.id} v${config.connectionSpec.version}`,
    ...facts,
    ...(runUrl !== undefined && { runUrl })
  })
}
