// The story of one explore run: read inputs, open the session, list (and wait) and preview,
// write outputs.

import { flowServiceOnly } from '../platform/api.js'
import { systemClock } from '../platform/retry.js'
import { setOutputs, type Runtime } from '../platform/runtime.js'
import { runStep, type StepRun } from '../platform/step.js'
import { describeDryRun } from './dry-run.js'
import { readConfig, SECRET_INPUTS, type Config } from './inputs.js'
import { lookUntilMatch } from './look.js'
import { explainingDenial } from './mistakes.js'
import { outputsOf, type Outputs } from './outputs.js'
import { listing, previewLine, readFile } from './reads.js'
import { listedFolder, previewWithListing } from './requests.js'
import { writeSummary, type ExploreFacts } from './summary.js'

type Facts = Omit<ExploreFacts, 'listed' | 'expect' | 'runUrl'>

export function run(): Promise<void> {
  return runStep<Config, Facts>({
    secretInputs: SECRET_INPUTS,
    read: readConfig,
    dryRun: (config) => ({ lines: describeDryRun(config), outputs: {}, facts: { dryRun: true } }),
    connect: (config) => ({
      // timeout-seconds bounds the token; the listing, and the preview after it, may wait wait-seconds on top.
      wait: { seconds: config.waitSeconds, input: 'wait-seconds' },
      // Explore only reads: no time is kept back for deleting anything.
      makesThings: false,
      userAgent: 'aep-s3-explore-action/1',
      baseUrls: flowServiceOnly(config.flowServiceUrl),
      warm: ['Flow Service']
    }),
    facts: () => ({}),
    work: explore,
    summarize
  })
}

async function explore({ rt, inputs: config, session }: StepRun<Config>, facts: Facts): Promise<void> {
  const api = session.waiting()
  const { connectionId, preview, expect, ifMissing } = config
  const folder = listedFolder(config)
  const where = folder ?? 'the root'
  const early = previewWithListing(config)
  const previewing = early !== undefined ? readFile(api, connectionId, early) : undefined
  previewing?.catch(() => undefined)
  const list = listing(api, connectionId, folder, preview === undefined)
  const waitMs = config.waitSeconds * 1000
  const looked = await explainingDenial(api, connectionId, folder, () =>
    lookUntilMatch({ list, clock: systemClock, log: rt.info }, where, { expect, ifMissing, waitMs })
  )
  Object.assign(facts, { entries: looked.entries, matches: looked.matches, missing: looked.missing })
  rt.info(
    `Listed ${where}: ${looked.entries.length} entries; ${looked.matches.length} ${expect !== undefined ? `match "${expect}"` : 'files'}.`
  )
  if (looked.missing !== undefined) rt.notice(looked.missing)
  // Nothing matched and if-missing is skip: the file that is not there is not read.
  const reading = looked.matched === false ? undefined : preview
  const previewed =
    reading !== undefined
      ? await explainingDenial(api, connectionId, reading.file, () => previewing ?? readFile(api, connectionId, reading))
      : undefined
  if (reading !== undefined && previewed !== undefined) {
    facts.preview = { file: reading.file, result: previewed, rowsAsked: reading.rows }
    rt.info(previewLine(reading.file, previewed, reading.rows))
  }
  setOutputsOf(rt, outputsOf(looked, previewed))
}

/** Sets the outputs, saying which a later step finds cut short. */
function setOutputsOf(rt: Runtime, outputs: Outputs): void {
  for (const { name, kept, total } of outputs.cut)
    rt.warning(`The ${name} output holds the first ${kept} of ${total} (a step's outputs take 1 MB at most); count has every entry.`)
  setOutputs(outputs.values)
}

async function summarize(config: Config, facts: Facts, runUrl: string | undefined): Promise<void> {
  await writeSummary({
    listed: listedFolder(config) ?? 'the root',
    ...facts,
    ...(config.expect !== undefined && { expect: config.expect }),
    ...(runUrl !== undefined && { runUrl })
  })
}
