// Every action's run has one shape: read and check the inputs (nothing is sent before they pass),
// then either say what a dry run would do, or open the session and do the work; write the job
// summary either way; turn any error into one failure message that says what the run left. Each
// action's main.ts tells its own story in `work`; the shape around it lives here, once.

import * as core from '@actions/core'
import { loadRunContext, type RunContext } from './context.js'
import type { GetInput } from './input-reader.js'
import { errorMessage } from './errors.js'
import { Ledger } from './ledger.js'
import { connect, createRuntime, failStep, runnerInputs, setOutputs, type ConnectOptions, type Connected, type Runtime } from './runtime.js'
import type { Session } from './session.js'

/** What every action's inputs hold, whatever else they say. */
export interface StepInputs {
  dryRun: boolean
  session: Session
}

/** What a dry run says: lines for the log (multi-line on purpose), its outputs, its summary's facts. */
export interface DryRunReport<Facts> {
  lines: string[]
  outputs: Readonly<Record<string, string>>
  facts: Facts
}

/** What the work is given: the inputs, the open session, and where the run records what it made. */
export interface StepRun<Inputs> {
  rt: Runtime
  inputs: Inputs
  session: Connected
  ledger: Ledger
  /** The workflow run's context; @actions/github loads while the first request is on the wire. */
  context: Promise<RunContext>
}

export interface Step<Inputs extends StepInputs, Facts extends { error?: string }> {
  /** The inputs whose values are masked before anything can print them. */
  secretInputs: readonly string[]
  /** The inputs read and checked; an InputError names the input and the fix. */
  read(getInput: GetInput): Inputs | Promise<Inputs>
  dryRun(inputs: Inputs, context: RunContext): DryRunReport<Facts>
  /** How the session is opened for these inputs. */
  connect(inputs: Inputs): ConnectOptions
  /** What the summary shows when the work ends before saying more. */
  facts(): Facts
  /** The work; what it learns for the summary goes into `facts` as it goes, so that a failure shows it too. */
  work(run: StepRun<Inputs>, facts: Facts): Promise<void>
  /** On a failure, before the message: the outputs and facts that are still true. */
  failed?(error: unknown, rt: Runtime, facts: Facts): void
  /** What a failed run's message adds after the list of what it left (see Ledger.account). */
  nextRun?: string
  summarize(inputs: Inputs, facts: Facts, runUrl: string | undefined): Promise<void>
}

export async function runStep<Inputs extends StepInputs, Facts extends { error?: string }>(step: Step<Inputs, Facts>): Promise<void> {
  const rt = createRuntime()
  const ledger = new Ledger()
  let inputs: Inputs | undefined
  let session: Connected | undefined
  let context: Promise<RunContext> | undefined
  const facts = step.facts()
  try {
    inputs = await step.read(runnerInputs(rt, step.secretInputs))
    if (inputs.dryRun) {
      await dryRun(rt, step, inputs)
      return
    }
    const connecting = connect(inputs.session, rt, step.connect(inputs))
    context = loadRunContext()
    session = await connecting
    await step.work({ rt, inputs, session, ledger, context }, facts)
    await step.summarize(inputs, facts, (await context).runUrl)
  } catch (error) {
    await besides(rt, "record the failed step's outputs", () => step.failed?.(error, rt, facts))
    const message = failStep(rt, error, step.nextRun !== undefined ? ledger.account(step.nextRun) : undefined)
    if (inputs !== undefined && !inputs.dryRun) {
      const summarized = inputs
      const runUrl = context !== undefined ? (await context.catch(() => undefined))?.runUrl : undefined
      await besides(rt, 'write the job summary', () => step.summarize(summarized, { ...facts, error: message }, runUrl))
    }
  } finally {
    session?.close()
  }
}

/**
 * What a failed step does on top of its failure: a problem doing it is a warning, never an
 * error that would hide the failure itself (or escape as an unredacted stack).
 */
async function besides(rt: Runtime, what: string, act: () => unknown): Promise<void> {
  try {
    await act()
  } catch (error) {
    rt.warning(`Could not ${what}: ${errorMessage(error)}`)
  }
}

async function dryRun<Inputs extends StepInputs, Facts extends { error?: string }>(
  rt: Runtime,
  step: Step<Inputs, Facts>,
  inputs: Inputs
): Promise<void> {
  const context = await loadRunContext()
  const report = step.dryRun(inputs, context)
  // Multi-line on purpose; every secret in it is redacted.
  core.info(rt.secrets.redact(report.lines.join('\n')))
  setOutputs(report.outputs)
  await step.summarize(inputs, report.facts, context.runUrl)
}
