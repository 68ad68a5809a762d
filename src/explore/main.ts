// The story of one explore run: read inputs, open the session, list (and wait) and preview,
// write outputs.

import { flowServiceOnly } from '../platform/api.js'
import * as core from '@actions/core'
import { loadRunContext, type RunContext } from '../platform/context.js'
import { systemClock } from '../platform/retry.js'
import { connect, createRuntime, failStep, runnerInputs, setOutputs, type Connected, type Runtime } from '../platform/runtime.js'
import { describeDryRun } from './dry-run.js'
import { readConfig, SECRET_INPUTS, type Config } from './inputs.js'
import { lookUntilMatch } from './look.js'
import { explainingDenial } from './mistakes.js'
import { outputsOf, type Outputs } from './outputs.js'
import { listing, previewLine, readFile } from './reads.js'
import { listedFolder } from './requests.js'
import { writeSummary, type ExploreFacts } from './summary.js'

const USER_AGENT = 'aep-s3-explore-action/1'

export async function run(): Promise<void> {
  const rt = createRuntime()
  let config: Config | undefined
  let session: Connected | undefined
  let context: Promise<RunContext> | undefined
  const facts: Partial<ExploreFacts> = {}
  try {
    config = readConfig(runnerInputs(rt, SECRET_INPUTS))
    if (config.dryRun) {
      // Multi-line on purpose; every secret in it is redacted.
      core.info(rt.secrets.redact(describeDryRun(config).join('\n')))
      await summarize(config, loadRunContext(), { dryRun: true })
      return
    }
    // timeout-seconds bounds the token; the listing, and the preview after it, may wait wait-seconds on top.
    const connecting = connect(config.session, rt, {
      wait: { seconds: config.waitSeconds, input: 'wait-seconds' },
      // Explore only reads: no time is kept back for deleting anything.
      makesThings: false,
      userAgent: USER_AGENT,
      baseUrls: flowServiceOnly(config.flowServiceUrl),
      warm: ['Flow Service']
    })
    context = loadRunContext()
    session = await connecting
    const api = session.waiting()
    const { connectionId, preview, expect } = config
    const folder = listedFolder(config)
    const where = folder ?? 'the root'
    // Without a wait the preview does not depend on the listing: both go out at once.
    const previewing = preview !== undefined && config.waitSeconds === 0 ? readFile(api, connectionId, preview) : undefined
    previewing?.catch(() => undefined)
    const list = listing(api, connectionId, folder, preview === undefined)
    const waitMs = config.waitSeconds * 1000
    const looked = await explainingDenial(api, connectionId, folder, () =>
      lookUntilMatch({ list, clock: systemClock, log: rt.info }, where, expect, waitMs)
    )
    Object.assign(facts, { entries: looked.entries, matches: looked.matches })
    rt.info(
      `Listed ${where}: ${looked.entries.length} entries; ${looked.matches.length} ${expect !== undefined ? `match "${expect}"` : 'files'}.`
    )
    const previewed =
      preview !== undefined
        ? await explainingDenial(api, connectionId, preview.file, () => previewing ?? readFile(api, connectionId, preview))
        : undefined
    if (preview !== undefined && previewed !== undefined) {
      facts.preview = { file: preview.file, result: previewed, rowsAsked: preview.rows }
      rt.info(previewLine(preview.file, previewed, preview.rows))
    }
    setOutputsOf(rt, outputsOf(looked.entries, looked.matches, previewed))
    await summarize(config, context, facts)
  } catch (error) {
    const message = failStep(rt, error)
    if (config !== undefined && !config.dryRun) await summarize(config, context, { ...facts, error: message })
  } finally {
    session?.close()
  }
}

/** Sets the outputs, saying which a later step finds cut short. */
function setOutputsOf(rt: Runtime, outputs: Outputs): void {
  for (const { name, kept, total } of outputs.cut)
    rt.warning(`The ${name} output holds the first ${kept} of ${total} (a step's outputs take 1 MB at most); count has every entry.`)
  setOutputs(outputs.values)
}

async function summarize(config: Config, context: Promise<RunContext> | undefined, facts: Partial<ExploreFacts>): Promise<void> {
  const { runUrl } = context !== undefined ? await context : {}
  await writeSummary({
    listed: listedFolder(config) ?? 'the root',
    ...facts,
    ...(config.expect !== undefined && { expect: config.expect }),
    ...(runUrl !== undefined && { runUrl })
  })
}
