// run-now: an on-demand run of a dataflow scheduled once, over the files that landed since the
// latest run's window ended. Two steps doing this at once (two release tags) must not start two
// runs over one window, which would ingest its files twice: a step first claims the dataflow
// (its claim written into the description with If-Match, so that one of two wins), reads the
// latest run, starts its run, and lets go of the claim.

import type { PatchOperation } from '../platform/api.js'
import { errorMessage } from '../platform/errors.js'
import { MAX_DESCRIPTION_LENGTH } from '../platform/input-reader.js'
import { claimedByAnother, claimIn, cleanText, withClaim } from '../platform/ownership.js'
import { formatSeconds } from '../platform/retry.js'
import type { Deps } from './deps.js'
import type { ExistingFlow } from './model.js'
import { startRunBody, type RunWindow } from './requests.js'
import { covers, iso, startedRunIn, windowOf } from './runs.js'

export type Started =
  | { kind: 'started'; runId: string; window: RunWindow; startTime: number }
  /** Another step started a run, while this one began, whose window covers all this step's run would read: it is this step's run too. */
  | { kind: 'covered'; runId: string; window?: RunWindow }
  | { kind: 'nothing-new'; since: number }

/**
 * Starts the run, holding the claim while it reads the latest run and asks for its own. A run
 * another step started after this step began (a concurrent tag) covers what this one would read:
 * it is taken as this step's, rather than a second run over an almost empty window.
 */
export async function startOnDemand(d: Deps, flow: ExistingFlow, stepStartedAt: number): Promise<Started> {
  const claimed = await claim(d, flow)
  try {
    const latest = await d.client.latestRun(flow.id)
    if (latest !== undefined && covers(latest, stepStartedAt)) {
      d.log(
        `Run ${latest.id} of dataflow ${flow.id}, started by another step while this one ran, reads what this step's run would: it is this step's run.`
      )
      return { kind: 'covered', runId: latest.id, ...(latest.window !== undefined && { window: latest.window }) }
    }
    const window = windowOf(latest, flow.schedule.startTime, d.clock.now())
    if (window === undefined) return { kind: 'nothing-new', since: Math.floor(d.clock.now() / 1000) }
    const startTime = Math.floor(d.clock.now() / 1000)
    const runId = await d.client.startRun(startRunBody(flow.id, startTime, window), async () =>
      startedRunIn(await d.client.latestRun(flow.id), latest?.id, window)
    )
    d.log(`Started run ${runId} of dataflow ${flow.id}, on demand: the files that landed from ${iso(window.start)} to ${iso(window.end)}.`)
    return { kind: 'started', runId, window, startTime }
  } finally {
    await letGo(d, flow.id, claimed)
  }
}

/** How long a step waits, at most, for another step's claim on the dataflow to end before it gives up. */
const CLAIM_ATTEMPTS = 8

interface Claimed {
  /** The dataflow's etag once the claim is written. */
  etag: string
  /** Its description without the claim: what letting go writes back. */
  description: string
}

/** Writes the run's claim into the dataflow's description with If-Match; waits while another run's holds. */
async function claim(d: Deps, flow: ExistingFlow): Promise<Claimed> {
  let current: ExistingFlow | undefined = flow
  for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
    if (current === undefined) throw new Error(`dataflow ${flow.id} was deleted while this step started its run`)
    const other = claimedByAnother(current.description, d.mark, d.clock.now())
    if (other !== undefined) {
      const wait = Math.min(1000 * 2 ** (attempt - 1), 10_000)
      if (d.remainingMs() < wait + 1000) break
      d.log(
        `Another step is starting a run of dataflow ${flow.id} (its claim holds until ${iso(other.until / 1000)} at the latest): waiting ${formatSeconds(wait)} for it.`
      )
      await d.clock.sleep(wait)
    } else {
      const value = withClaim(current.description ?? '', d.mark, MAX_DESCRIPTION_LENGTH)
      const op: PatchOperation = { op: current.description === undefined ? 'add' : 'replace', path: '/description', value }
      const result = await d.client.patchFlow(flow.id, current.etag, [op])
      if (result !== 'stale') return { etag: result.etag, description: cleanText(current.description ?? '') }
    }
    current = await d.client.getFlow(flow.id)
  }
  throw new Error(`Another step kept dataflow ${flow.id} claimed to start a run; run this one again once it is done.`)
}

/** Takes this run's claim out of the description again (read again on a 412); when it cannot, the claim lapses at the run's time. */
async function letGo(d: Deps, flowId: string, claimed: Claimed): Promise<void> {
  try {
    let { etag, description } = claimed
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await d.cleanup.patchFlow(flowId, etag, [{ op: 'replace', path: '/description', value: description }])
      if (result !== 'stale') return
      // Written meanwhile: what was written stays, less the claim.
      const flow = await d.cleanup.getFlow(flowId)
      if (flow === undefined || claimIn(flow.description)?.token !== d.mark.token) return
      etag = flow.etag
      description = cleanText(flow.description ?? '')
    }
  } catch (error) {
    d.warn(
      `Dataflow ${flowId}'s description still holds this step's claim: ${errorMessage(error)}. It lapses when this step's time is over.`
    )
  }
}
