// dry-run: true prints what a real run would send, and sends nothing. The requests are the real
// run's own (the same builders); the caller redacts every secret in them before printing.

import { flowServiceOnly } from '../platform/api.js'
import type { RunContext } from '../platform/context.js'
import { DryRunPlan, dryRunTarget } from '../platform/dry-run.js'
import { listCall } from '../platform/explore.js'
import { MAX_DESCRIPTION_LENGTH } from '../platform/input-reader.js'
import { withMark, type RunMark } from '../platform/ownership.js'
import { flowsUsingCall, sourcesOnCall } from '../platform/usage.js'
import type { Config, Teardown } from './inputs.js'
import { probeBody, probeName } from './probe.js'
import {
  authFor,
  createCall,
  deleteCall,
  lookupCall,
  newConnection,
  patchCall,
  patchOperations,
  unmarkOperations,
  verifyObject
} from './requests.js'

/** Stands for the create's random mark, which only a real run draws. */
const MARK_SHOWN = '00000000'

/** state: absent; the lines to print: the lookup, the question whether a dataflow reads it, the delete. */
export function describeTeardown(config: Teardown): string[] {
  const { connectionName: name, connectionSpec: spec } = config
  return new DryRunPlan(dryRunTarget(config.session, flowServiceOnly(config.flowServiceUrl)))
    .token(config.session)
    .call('Find the connection by name and spec (every page is read)', lookupCall(name, spec.id))
    .call('With it: probes of it that earlier, killed runs with verify left behind (each is deleted)', lookupCall(undefined, spec.id))
    .call('When one exists: the source connections made on it', sourcesOnCall('{id}'))
    .call(
      'Then, for each: the dataflows that read it (any: the step fails, naming them, and deletes nothing)',
      flowsUsingCall('source', '{source connection id}')
    )
    .call('When no dataflow reads it: delete it (none exists: nothing to do, operation absent)', deleteCall('{id}'))
    .lines()
}

/** The lines to print: each request a real run could send, in order, with when it is sent. */
export function describeDryRun(config: Config, description: string, context: RunContext, nowMs: number): string[] {
  const plan = new DryRunPlan(dryRunTarget(config.session, flowServiceOnly(config.flowServiceUrl))).token(config.session)
  const auth = authFor(config.s3)
  const shownMark: RunMark = { token: MARK_SHOWN, until: nowMs + config.session.timeoutSeconds * 1000 }
  const { connectionName: name, connectionSpec: spec } = config
  if (config.verify) {
    const probe = probeBody({ name, spec }, auth, context, probeName(name, context, nowMs, '{nonce}'), shownMark)
    plan.call('verify: true; sent with the lookup: a short-lived probe with the new credentials', createCall(probe))
    plan.call(
      'verify: true; sent with the lookup: probes of this connection that earlier, killed runs left behind (each is deleted)',
      lookupCall(undefined, spec.id)
    )
  }
  plan.call('Find the connection by name and spec (every page is read)', lookupCall(name, spec.id))
  if (config.verify)
    plan.call('verify: true; before any write: list the bucket through the probe', listCall('{probe id}', verifyObject(config.s3)))

  const create = newConnection(config, name, withMark(description, shownMark, MAX_DESCRIPTION_LENGTH))
  const unmark = patchCall('{id}', '{its etag}', unmarkOperations(description))
  const unmarkWhen = `After a create: take the creation mark (a random ${MARK_SHOWN}) out of the description`
  if (config.ifExists === 'create') {
    plan.call('Create another connection (if-exists: create)', createCall(create))
    plan.call(unmarkWhen, unmark)
  } else {
    plan.call('When none exists: create it', createCall(create))
    plan.call(`${unmarkWhen}, while listing again`, unmark)
    plan.call('After a create: list again, and keep the oldest if a concurrent run created one too', lookupCall(name, spec.id))
    const when = `When one exists (if-exists: ${config.ifExists})`
    // The op for /description follows the connection read: 'replace' when it has one, else 'add'.
    if (config.ifExists === 'update')
      plan.call(
        `${when}: update it; /description is 'add' when it has none`,
        patchCall('{id}', '{its etag}', patchOperations(auth, config.description, { description: '' }))
      )
    if (config.ifExists === 'reuse') plan.note(`${when}: change nothing; its id and etag become the outputs`)
    if (config.ifExists === 'fail') plan.note(`${when}: the step fails`)
  }
  if (config.verify) {
    if (config.ifExists === 'reuse')
      plan.call('verify: true; when one exists: list the bucket through it', listCall('{id}', verifyObject(config.s3)))
    plan.call('verify: true; with the write: delete the probe', deleteCall('{probe id}'))
  }
  return plan.lines()
}
