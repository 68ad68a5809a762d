// The story of one run: read inputs, open the session, ensure the connection (or, with state:
// absent, remove it), write outputs.

import { flowServiceOnly } from '../platform/api.js'
import { defaultDescription, type RunContext } from '../platform/context.js'
import { systemClock } from '../platform/retry.js'
import { setOutputs } from '../platform/runtime.js'
import { runStep, type DryRunReport, type StepRun } from '../platform/step.js'
import { ConnectionsClient } from './client.js'
import { describeDryRun, describeTeardown } from './dry-run.js'
import type { Outcome, Wanted } from './deps.js'
import { ensureConnection } from './ensure.js'
import { readConfig, SECRET_INPUTS, type Config, type Teardown } from './inputs.js'
import { authFor, verifyObject } from './requests.js'
import { writeSummary, type SummaryFacts } from './summary.js'
import { removeConnection } from './teardown.js'
import { quoted } from '../platform/text.js'

/** What the step did, in the log: an update says why it writes every time. */
const SAID: Readonly<Record<Outcome['operation'], (id: string) => string>> = {
  created: (id) => `Created connection ${id}.`,
  updated: (id) =>
    `Updated connection ${id} in place: its credentials are sent on every run, because Flow Service never returns a secret to compare (set if-exists: reuse to leave it as it is).`,
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

export function run(): Promise<void> {
  return runStep<Config | Teardown, Facts>({
    secretInputs: SECRET_INPUTS,
    read: readConfig,
    dryRun,
    connect: (config) => ({
      makesThings: config.state === 'present',
      userAgent: 'aep-s3-connection-action/1',
      baseUrls: flowServiceOnly(config.flowServiceUrl),
      warm: ['Flow Service'],
      hints: HINTS
    }),
    facts: () => ({ operation: 'failed', verified: '-' }),
    work: ({ inputs, ...run }, facts) =>
      inputs.state === 'absent' ? remove({ ...run, inputs }, facts) : ensure({ ...run, inputs }, facts),
    nextRun: NEXT_RUN,
    summarize
  })
}

type Facts = Omit<SummaryFacts, 'name' | 'sandboxName' | 'connectionSpec' | 'runUrl'>

async function ensure({ rt, inputs: config, session, ledger, context }: StepRun<Config>, facts: Facts): Promise<void> {
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
  Object.assign(facts, {
    operation: outcome.operation,
    id: outcome.id,
    etag: outcome.etag,
    verified: outcome.verified ?? 'no (verify: false)'
  })
}

/** state: absent; the outputs name the connection deleted, or none. */
async function remove({ rt, inputs: config, session, ledger, context }: StepRun<Teardown>, facts: Facts): Promise<void> {
  const removed = await removeConnection(
    { client: new ConnectionsClient(session.api, ledger), context, clock: systemClock, log: rt.info, warn: rt.warning },
    { name: config.connectionName, sandboxName: config.session.sandboxName, specId: config.connectionSpec.id }
  )
  if (removed.operation === 'absent') rt.info(`No connection named ${quoted(config.connectionName)}: nothing to delete.`)
  setOutputs({ 'connection-id': removed.id ?? '', etag: '', operation: removed.operation })
  Object.assign(facts, { operation: removed.operation, ...(removed.id !== undefined && { id: removed.id }) })
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

function dryRun(config: Config | Teardown, context: RunContext): DryRunReport<Facts> {
  return {
    lines:
      config.state === 'absent'
        ? describeTeardown(config)
        : describeDryRun(config, config.description ?? defaultDescription(context), context, Date.now()),
    outputs: { 'connection-id': '', etag: '', operation: 'dry-run' },
    facts: { operation: 'dry-run', verified: 'no (dry run)' }
  }
}

async function summarize(config: Config | Teardown, facts: Facts, runUrl: string | undefined): Promise<void> {
  await writeSummary({
    name: config.connectionName,
    sandboxName: config.session.sandboxName,
    connectionSpec: `${config.connectionSpec.id} v${config.connectionSpec.version}`,
    ...facts,
    ...(runUrl !== undefined && { runUrl })
  })
}
