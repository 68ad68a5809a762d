// The story of one dataflow run: read and check the inputs and the mapping, open the session,
// make the sandbox hold the dataflow the inputs describe (or say what would change), wait for
// its run when asked, write outputs. Whatever fails, the outputs that are still true are written,
// and the message says what the run left.

import { defaultDescription, type RunContext } from '../platform/context.js'
import { Ledger } from '../platform/ledger.js'
import { systemClock } from '../platform/retry.js'
import type { Connected, Runtime } from '../platform/runtime.js'
import { runStep, type DryRunReport } from '../platform/step.js'
import { uiLinks } from '../platform/ui-links.js'
import { DataflowClient } from './client.js'
import type { Wanted } from './decide.js'
import { IncompleteError, type Deps } from './deps.js'
import { describeDryRun, describeTeardown } from './dry-run.js'
import { ensureDataflow } from './ensure.js'
import { readConfig, SECRET_INPUTS, type Config, type Teardown } from './inputs.js'
import { readMappingFile } from './mapping-file.js'
import type { Mapping } from './mapping.js'
import { report, reportRun, type Facts } from './report.js'
import { NoRunError, RunFailedError } from './runs.js'
import { writeSummary } from './summary.js'
import { removeDataflow, type TeardownAsk } from './teardown.js'
import { plannedRun, theRun } from './the-run.js'

const HINTS = {
  'FLOW-1360-400': "check 'start-time': it must not be in the past",
  'FLOW-1425-400': "the mapping's schema is not the dataset's; check 'dataset-id'",
  'FLOW-1418-400': 'a dataflow still uses the connection'
}

/** What a failed run's message adds about the parts it left behind. */
const NEXT_RUN =
  "each carries this run's mark, and the next run with this dataflow-name finishes or removes it once this run's time is over"

/** The inputs, with the mapping file read and checked before anything is sent. */
type Inputs = Teardown | (Config & { mappings: readonly Mapping[] | undefined })

export function run(): Promise<void> {
  return runStep<Inputs, Facts>({
    secretInputs: SECRET_INPUTS,
    read: async (getInput) => {
      const config = readConfig(getInput, Date.now())
      return config.state === 'absent' ? config : { ...config, mappings: await readMappings(config) }
    },
    dryRun,
    connect: (config) => ({
      makesThings: config.state === 'present',
      // Looking at the runs after the write comes on top of timeout-seconds, which bounds the write.
      ...(config.state === 'present' && config.waitForRun && { wait: { seconds: config.waitMinutes * 60, input: 'wait-minutes' } }),
      userAgent: 'aep-s3-dataflow-action/1',
      baseUrls: config.baseUrls,
      warm: ['Flow Service'],
      hints: HINTS
    }),
    facts: () => ({}),
    work: async ({ rt, inputs, session, ledger, context }, facts) => {
      const deps = depsOf(rt, session, ledger)
      if (inputs.state === 'absent') report(rt, facts, await removeDataflow(deps, teardownAsk(inputs)))
      else await keep(rt, deps, session, { config: inputs, description: inputs.description ?? defaultDescription(await context) }, facts)
    },
    failed: (error, rt, facts) => {
      if (error instanceof IncompleteError) report(rt, facts, error.outcome)
      const run = error instanceof RunFailedError ? error.run : error instanceof NoRunError ? error.run : undefined
      if (run !== undefined) reportRun(rt, facts, run, false)
    },
    nextRun: NEXT_RUN,
    summarize
  })
}

/** state: present; the dataflow as the inputs describe it (or what would change), then the run the step caused. */
async function keep(
  rt: Runtime,
  deps: Deps,
  session: Connected,
  given: { config: Config & { mappings: readonly Mapping[] | undefined }; description: string },
  facts: Facts
): Promise<void> {
  const { config, description } = given
  const startedAt = Date.now()
  const ensured = await ensureDataflow(deps, { wanted: wantedOf(config, config.mappings), description, plan: config.plan })
  const planned = config.plan ? plannedRun(config, ensured, Date.now()) : undefined
  const outcome = planned !== undefined ? { ...ensured, changes: [...ensured.changes, planned] } : ensured
  report(rt, facts, outcome)
  if (config.plan) return
  const run = await theRun({ ...deps, waiting: deps.client.over(session.waiting()), notice: rt.notice }, { ...config, startedAt }, outcome)
  if (run !== undefined) reportRun(rt, facts, run, config.waitForRun)
}

function depsOf(rt: Runtime, session: Connected, ledger: Ledger): Deps {
  const client = new DataflowClient(session.api, systemClock, ledger)
  return {
    client,
    cleanup: client.over(session.cleanup),
    mark: session.mark,
    ledger,
    clock: systemClock,
    log: rt.info,
    warn: rt.warning,
    remainingMs: () => session.api.remainingMs()
  }
}

function teardownAsk(config: Teardown): TeardownAsk {
  return { name: config.name, ...(config.connectionId !== undefined && { connectionId: config.connectionId }), plan: config.plan }
}

async function readMappings(config: Config): Promise<readonly Mapping[] | undefined> {
  if (config.mappingFile === undefined) return undefined
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  return readMappingFile(config.mappingFile, workspace, config.source.format, config.session.timeoutSeconds * 1000)
}

function dryRun(config: Inputs, context: RunContext): DryRunReport<Facts> {
  return {
    lines:
      config.state === 'absent'
        ? describeTeardown(config)
        : describeDryRun(config, config.mappings, config.description ?? defaultDescription(context), Date.now()),
    outputs: { operation: 'dry-run' },
    facts: { operation: 'dry-run' }
  }
}

function wantedOf(config: Config, mappings: readonly Mapping[] | undefined): Wanted {
  return {
    name: config.name,
    ...(config.description !== undefined && { description: config.description }),
    baseConnectionId: config.connectionId,
    source: config.source,
    datasetId: config.datasetId,
    ...(mappings !== undefined && { mappings }),
    schedule: config.schedule,
    ...(config.partialIngestionPercent !== undefined && { partialIngestionPercent: config.partialIngestionPercent }),
    errorDiagnostics: config.errorDiagnostics,
    enabled: config.enabled,
    ifExists: config.ifExists,
    onSourceChange: config.onSourceChange
  }
}

async function summarize(config: Inputs, facts: Facts, runUrl: string | undefined): Promise<void> {
  await writeSummary(
    {
      name: config.name,
      operation: 'failed',
      changes: [],
      ...(config.connectionId !== undefined && { connectionId: config.connectionId }),
      ...(config.state === 'present' && { datasetId: config.datasetId, sourcePath: config.source.path }),
      links: uiLinks(config.session.imsOrgId, config.session.sandboxName),
      ...facts,
      ...(runUrl !== undefined && { runUrl })
    },
    Date.now()
  )
}
