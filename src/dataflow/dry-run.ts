// dry-run: true prints the requests a run would send (built by the same code), and sends nothing.
// What exists is not read, so both paths are shown: the first run's creates, and a re-run's reads.

import { DryRunPlan, dryRunTarget } from '../platform/dry-run.js'
import type { Config } from './inputs.js'
import type { Mapping } from './mapping.js'
import * as req from './requests.js'

export function describeDryRun(config: Config, mappings: readonly Mapping[] | undefined, description: string, nowMs: number): string[] {
  const plan = new DryRunPlan(dryRunTarget(config.session, config.baseUrls)).token(config.session)
  const schema = '{schema id of the dataset}'
  const names = req.partNames(config.name)
  plan.call('Read the dataset (for its schema), with the next', req.datasetCall(config.datasetId))
  plan.call('Find the dataflow by name and spec (every page is read)', req.flowLookupCall(config.name))
  if (mappings !== undefined)
    plan.call('Validate the mapping with Data Prep, before any write', req.validateMappingCall(req.mappingSetBody(schema, mappings)))
  plan.call(
    'When none exists: the source connection, with the next two',
    req.createSourceCall(req.sourceBody(config.source, config.connectionId, names.source, description))
  )
  plan.call(
    'When none exists: the target connection',
    req.createTargetCall(req.targetBody(config.datasetId, schema, names.target, description))
  )
  if (mappings !== undefined) plan.call('When none exists: the mapping set', req.createMappingCall(req.mappingSetBody(schema, mappings)))
  const startTime = config.schedule.startTime ?? Math.floor(nowMs / 1000) + 60
  const ids = {
    source: '{source connection id}',
    target: '{target connection id}',
    ...(mappings !== undefined && { mapping: { id: '{mapping set id}', version: 0 } })
  }
  plan.call('When none exists: the dataflow', req.createFlowCall(req.flowBody(config, description, ids, { ...config.schedule, startTime })))
  plan.call('After a create: list again, and keep the oldest if a concurrent run created one too', req.flowLookupCall(config.name))
  plan.call('When one exists: read its source connection, with the next two', req.getSourceCall('{source connection id}'))
  plan.call('When one exists: its target connection', req.getTargetCall('{target connection id}'))
  if (mappings !== undefined) plan.call('When one exists: its mapping set, the version it uses', req.getMappingCall('{mapping set id}', 0))
  plan.note(
    `When one exists (if-exists: ${config.ifExists}): compare, then PATCH /flows/{id} with If-Match for what differs in place (description, schedule, options, mapping); ${config.onSourceChange === 'replace' ? 'replace the chain when the source or dataset differs' : 'fail when the source or dataset differs'}`
  )
  if (config.waitForRun)
    plan.call(
      `Then look at its runs until the first after the write ends (within ${config.waitMinutes} min)`,
      req.runsCall('{dataflow id}')
    )
  return plan.lines()
}
