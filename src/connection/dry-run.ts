// dry-run: true prints what a real run would send, and sends nothing. The requests are the real
// run's own (the same builders); the caller redacts every secret in them before printing.

import { describeCall, type Call, type Target } from '../platform/api.js'
import type { RunContext } from '../platform/context.js'
import { tokenRequest } from '../platform/ims.js'
import { listCall } from '../platform/explore.js'
import type { Config } from './inputs.js'
import { probeBody, probeName } from './probe.js'
import { authFor, createCall, deleteCall, lookupCall, newConnection, patchCall, patchOperations, verifyObject } from './requests.js'

/** The lines to print: each request a real run could send, in order, with when it is sent. */
export function describeDryRun(config: Config, description: string, context: RunContext, nowMs: number): string[] {
  const { session } = config
  const target: Target = {
    clientId: session.clientId,
    imsOrgId: session.imsOrgId,
    sandboxName: session.sandboxName,
    baseUrls: { 'Flow Service': config.flowServiceUrl, Catalog: '', 'Data Prep': '' }
  }
  const steps: string[][] = []
  const step = (when: string, lines: string[]): void => {
    steps.push([`${steps.length + 1}. ${when}`, ...lines.map((l) => `   ${l}`)])
  }
  // Placeholders such as {id} stand where the real run puts what the service answered; shown as written.
  const call = (when: string, c: Call): void =>
    step(
      when,
      describeCall(c, target).map((line) => line.replace(/%7B[\w%]*?%7D/g, (placeholder) => decodeURIComponent(placeholder)))
    )

  if (session.credentials.kind === 'client-secret') {
    const ims = tokenRequest({
      imsUrl: session.imsUrl,
      clientId: session.clientId,
      clientSecret: session.credentials.clientSecret,
      scopes: session.scopes
    })
    step('Get an access token (one per run)', [
      `${ims.method} ${ims.url}`,
      'Content-Type: application/x-www-form-urlencoded',
      '',
      ims.body ?? ''
    ])
  }
  const auth = authFor(config.s3)
  const probe = probeBody(
    { name: config.connectionName, spec: config.connectionSpec },
    auth,
    context,
    probeName(config.connectionName, context, nowMs, '{nonce}')
  )
  if (config.verify) {
    call('verify: true; sent with the lookup: a short-lived probe with the new credentials', createCall(probe))
    call(
      'verify: true; sent with the lookup: probes of this connection that earlier, killed runs left behind (each is deleted)',
      lookupCall(undefined, config.connectionSpec.id)
    )
  }
  call('Find the connection by name and spec (every page is read)', lookupCall(config.connectionName, config.connectionSpec.id))
  if (config.verify)
    call('verify: true; before any write: list the bucket through the probe', listCall('{probe id}', verifyObject(config.s3)))

  const create = newConnection(config, config.connectionName, description)
  if (config.ifExists === 'create') {
    call('Create another connection (if-exists: create)', createCall(create))
  } else {
    call('When none exists: create it', createCall(create))
    call(
      'After a create: list again, and keep the oldest if a concurrent run created one too',
      lookupCall(config.connectionName, config.connectionSpec.id)
    )
    const when = `When one exists (if-exists: ${config.ifExists})`
    if (config.ifExists === 'update') {
      // The op for /description follows the connection read: 'replace' when it has one, else 'add'.
      call(
        `${when}: update it; /description is 'add' when it has none`,
        patchCall('{id}', '{its etag}', patchOperations(auth, config.description, { description: '' }))
      )
    }
    if (config.ifExists === 'reuse') step(`${when}: change nothing; its id and etag become the outputs`, [])
    if (config.ifExists === 'fail') step(`${when}: the step fails`, [])
  }
  if (config.verify) {
    if (config.ifExists === 'reuse')
      call('verify: true; when one exists: list the bucket through it', listCall('{id}', verifyObject(config.s3)))
    call('verify: true; with the write: delete the probe', deleteCall('{probe id}'))
  }
  return ['Dry run: the inputs are valid. No token was requested and nothing was sent.', 'A real run would send:', ...steps.flat()]
}
