// dry-run: true prints the requests a run would send (built by the same code), and sends nothing.
// What exists is not read, so both paths are shown: the first run's creates, and a re-run's reads.

import { DryRunPlan, dryRunTarget } from '../platform/dry-run.js'
import { MAX_DESCRIPTION_LENGTH } from '../platform/input-reader.js'
import { withMark } from '../platform/ownership.js'
import { connectionCall } from '../platform/base-connection.js'
import { listCall } from '../platform/explore.js'
import { flowsUsingCall } from '../platform/usage.js'
import type { Config, Teardown } from './inputs.js'
import type { Mapping } from './mapping.js'
import * as req from './requests.js'
import { lookStart } from './source-look.js'

/** Stands for the run's random mark, which only a real run draws. */
const MARK_SHOWN = '00000000'

/** state: absent; the lookups, the question who else uses the connections, the deletes in their order. */
export function describeTeardown(config: Teardown): string[] {
  const names = req.partNames(config.name)
  return new DryRunPlan(dryRunTarget(config.session, config.baseUrls))
    .token(config.session)
    .call('Find the dataflow by name and spec (every page is read), with the next two', req.flowLookupCall(config.name))
    .call('Find the source connections named after it', req.partLookupCall('source', names.source))
    .call('Find the target connections named after it', req.partLookupCall('target', names.target))
    .call(
      `For each connection: the dataflows that use it (one of another name keeps it)${config.connectionId !== undefined ? `; a dataflow that reads another base connection than ${config.connectionId} fails the step, deleting nothing` : ''}`,
      flowsUsingCall('source', '{source connection id}')
    )
    .call('Delete each dataflow of the name, then read it until it is gone', req.deleteFlowCall('{dataflow id}'))
    .call(
      'Then delete its source and target connections (the mapping set stays: Data Prep has no DELETE)',
      req.deletePartCall('source', '{source connection id}')
    )
    .note('When nothing is named so: nothing to do (operation absent)')
    .lines()
}

export function describeDryRun(config: Config, mappings: readonly Mapping[] | undefined, description: string, nowMs: number): string[] {
  const plan = new DryRunPlan(dryRunTarget(config.session, config.baseUrls)).token(config.session)
  const schema = '{schema id of the dataset}'
  const names = req.partNames(config.name)
  const marked = withMark(description, { token: MARK_SHOWN, until: nowMs + config.session.timeoutSeconds * 1000 }, MAX_DESCRIPTION_LENGTH)
  plan.call('Read the dataset (for its schema), with the next three', req.datasetCall(config.datasetId))
  plan.call('Find the dataflow by name and spec (every page is read)', req.flowLookupCall(config.name))
  plan.call('Find the source connections named after it (what earlier runs left)', req.partLookupCall('source', names.source))
  plan.call('Find the target connections named after it', req.partLookupCall('target', names.target))
  const rehearsal = 'Before any write, when the run creates, replaces or re-maps the dataflow'
  plan.call(
    `${rehearsal}: read the base connection (this sandbox's, Amazon S3, enabled, reaching the path), with the next ones`,
    connectionCall(config.connectionId)
  )
  plan.call(
    `${rehearsal}: list the source path's folder (what it names: a file or a folder), then preview the first file there`,
    listCall(config.connectionId, lookStart(config.source.path).folder)
  )
  if (mappings !== undefined) {
    plan.call(`${rehearsal}: read the dataset's schema (its fields, for the mapping's destinations)`, req.schemaCall(schema))
    plan.call(`${rehearsal}: validate the mapping with Data Prep`, req.validateMappingCall(req.mappingSetBody(schema, mappings)))
  }
  plan.call(
    `When none exists: the source connection (its type as the listing shows the path), marked with the run's mark (a random ${MARK_SHOWN}) until the run confirms it, with the next two`,
    req.createPartCall('source', req.sourceBody(config.source, config.connectionId, names.source, marked))
  )
  plan.call(
    'When none exists: the target connection, marked',
    req.createPartCall('target', req.targetBody(config.datasetId, schema, names.target, marked))
  )
  if (mappings !== undefined) plan.call('When none exists: the mapping set', req.createMappingCall(req.mappingSetBody(schema, mappings)))
  const startTime = config.schedule.startTime ?? Math.floor(nowMs / 1000) + 60
  const ids = {
    source: '{source connection id}',
    target: '{target connection id}',
    ...(mappings !== undefined && { mapping: { id: '{mapping set id}', version: 0 } })
  }
  plan.call(
    'When none exists: the dataflow, marked (its start time is computed again for every attempt)',
    req.createFlowCall(req.flowBody(config, marked, ids, { ...config.schedule, startTime }))
  )
  const unmark = [{ op: 'replace' as const, path: '/description', value: description }]
  plan.call(
    'After a create: list again, and keep the oldest if a concurrent run created one too; meanwhile the connections lose their mark',
    req.flowLookupCall(config.name)
  )
  plan.call(
    'After a create: the source connection (and the target connection) lose the mark',
    req.patchPartCall('source', '{source connection id}', '{its etag}', unmark)
  )
  if (!config.enabled) plan.call('After a create: disable the dataflow (enabled: false)', req.flowActionCall('{dataflow id}', 'disable'))
  plan.call('After a create that this run keeps: the dataflow loses the mark', req.patchFlowCall('{dataflow id}', '{its etag}', unmark))
  if (mappings !== undefined) plan.call('When one exists: its mapping set, the version it uses', req.getMappingCall('{mapping set id}', 0))
  plan.note(
    `When one exists (if-exists: ${config.ifExists}): compare, then PATCH /flows/{id} with If-Match for what differs in place (description, schedule, options, mapping); ${config.onSourceChange === 'replace' ? 'replace the chain when the source or dataset differs (the old dataflow is disabled first, and recorded as replaced before it is deleted)' : 'fail when the source or dataset differs'}`
  )
  plan.note(
    'What earlier runs left (marked parts of a run that was stopped, connections no dataflow uses) is finished or deleted, and said'
  )
  if (config.runNow) {
    plan.call(
      'run-now: claim the dataflow (If-Match), so that no other step starts a run over the same window',
      req.patchFlowCall('{dataflow id}', '{its etag}', [
        { op: 'replace', path: '/description', value: `${description} [claimed by ${MARK_SHOWN} until {time}]` }
      ])
    )
    plan.call('run-now: read its latest run (where its window ended)', req.runsCall('{dataflow id}', 'newest'))
    plan.call(
      "run-now: start an on-demand run of the files that landed since, then let go of the claim (a dataflow this step created runs first on its own: that run is this step's)",
      req.startRunCall({
        flowId: '{dataflow id}',
        params: { startTime: '{now}', windowStartTime: "{where the latest run's window ended}", windowEndTime: '{now}' }
      })
    )
  }
  if (config.waitForRun)
    plan.call(`Then read the run this step caused by its id until it ends (within ${config.waitMinutes} min)`, req.getRunCall('{run id}'))
  return plan.lines()
}
