// The story of one run: read inputs, get a token, ensure the connection, write outputs.

import * as core from '@actions/core'
import { defaultDescription, loadRunContext, type RunContext } from './context.js'
import { describeDryRun } from './dry-run.js'
import { releaseEarlyConnections } from './early-connect.js'
import { errorMessage, errorStack } from './errors.js'
import { ensureConnection, verifyConnection, type Outcome } from './ensure.js'
import { FlowServiceClient } from './flow-service.js'
import { Transport } from './http.js'
import { fetchAccessToken } from './ims.js'
import { readConfig, SECRET_INPUTS, type Config } from './inputs.js'
import { planFor } from './plan.js'
import { Deadline, DEFAULT_RETRY_POLICY } from './retry.js'
import { Secrets } from './secrets.js'
import { writeSummary, type SummaryFacts } from './summary.js'

const USER_AGENT = 'aep-s3-connection-action/1'

export async function run(): Promise<void> {
  const secrets = new Secrets(core.setSecret)
  const log = (message: string): void => core.info(secrets.redact(message))
  let config: Config | undefined
  let transport: Transport | undefined
  let runContext: Promise<RunContext> | undefined
  try {
    // Masked before validation, whose messages never echo them anyway.
    for (const name of SECRET_INPUTS) secrets.add(core.getInput(name))
    config = readConfig((name) => core.getInput(name))
    if (config.dryRun) {
      await dryRun(config)
      return
    }

    transport = new Transport({
      userAgent: USER_AGENT,
      policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.maxAttempts },
      deadline: new Deadline(config.timeoutSeconds * 1000),
      info: log,
      debug: (message) => core.debug(secrets.redact(message))
    })
    // The Flow Service handshake overlaps the IMS request.
    transport.warmUp(config.flowServiceUrl, ...(config.credentials.kind === 'client-secret' ? [config.imsUrl] : []))
    const accessToken = getAccessToken(config, transport, secrets)
    const context = (runContext = loadRunContext())
    const flow = new FlowServiceClient(transport, { ...session(config), accessToken: await accessToken })
    const plan = planFor(config, async () => defaultDescription(await context))

    const outcome = await ensureConnection(flow, plan, log)
    log(`Connection ${outcome.id} ${outcome.adopted ? 'created (adopted after a lost answer)' : outcome.operation}; etag ${outcome.etag}.`)
    setOutputs(outcome.id, outcome.etag, outcome.operation)
    const verified = config.verify ? await verify(flow, outcome) : 'no (verify: false)'
    await summarize(config, runContext, { operation: outcome.operation, id: outcome.id, etag: outcome.etag, verified })
  } catch (error) {
    const message = secrets.redact(errorMessage(error))
    const stack = errorStack(error)
    if (stack !== undefined) core.debug(secrets.redact(stack))
    core.setFailed(message)
    if (config !== undefined) await summarize(config, runContext, { operation: 'failed', verified: '-', error: message })
  } finally {
    transport?.close()
    releaseEarlyConnections()
  }
}

function getAccessToken(config: Config, transport: Transport, secrets: Secrets): Promise<string> {
  const { credentials } = config
  if (credentials.kind === 'access-token') return Promise.resolve(credentials.accessToken)
  return fetchAccessToken(
    transport,
    { imsUrl: config.imsUrl, clientId: config.clientId, clientSecret: credentials.clientSecret, scopes: config.scopes },
    secrets
  )
}

async function verify(flow: FlowServiceClient, outcome: Outcome): Promise<string> {
  const entries = await verifyConnection(flow, outcome.id)
  const count = `${entries.length} top-level entr${entries.length === 1 ? 'y' : 'ies'}`
  core.info(`Verified: Flow Service listed ${count} of the bucket through connection ${outcome.id}.`)
  return `yes: ${count} listed`
}

async function dryRun(config: Config): Promise<void> {
  const runContext = loadRunContext()
  const description = config.description ?? defaultDescription(await runContext)
  core.info(
    describeDryRun(
      config,
      planFor(config, () => Promise.resolve(description)),
      description
    )
  )
  setOutputs('', '', 'dry-run')
  await summarize(config, runContext, { operation: 'dry-run', verified: 'no (dry run)' })
}

function session(config: Config) {
  return { baseUrl: config.flowServiceUrl, clientId: config.clientId, imsOrgId: config.imsOrgId, sandboxName: config.sandboxName }
}

function setOutputs(id: string, etag: string, operation: string): void {
  core.setOutput('connection-id', id)
  core.setOutput('etag', etag)
  core.setOutput('operation', operation)
}

async function summarize(
  config: Config,
  runContext: Promise<RunContext> | undefined,
  facts: Omit<SummaryFacts, 'name' | 'sandboxName' | 'connectionSpec'>
): Promise<void> {
  const { runUrl } = runContext !== undefined ? await runContext : {}
  try {
    await writeSummary({
      name: config.connectionName,
      sandboxName: config.sandboxName,
      connectionSpec: `${config.connectionSpecId} v${config.connectionSpecVersion}`,
      ...facts,
      ...(runUrl !== undefined && { runUrl })
    })
  } catch (error) {
    // The summary decorates the run; it never decides its outcome.
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}
