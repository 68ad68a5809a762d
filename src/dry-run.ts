// dry-run: true prints what a real run would send, every secret redacted, and sends nothing.

import type { Plan } from './ensure.js'
import { lookupQuery } from './flow-service.js'
import type { Config } from './inputs.js'
import { TOKEN_PATH } from './ims.js'
import { redactParams } from './plan.js'

export function describeDryRun(config: Config, plan: Plan, description: string): string {
  const headers = [
    'Authorization: Bearer ***',
    `x-api-key: ${config.clientId}`,
    `x-gw-ims-org-id: ${config.imsOrgId}`,
    `x-sandbox-name: ${config.sandboxName}`
  ]
  const json = ['Content-Type: application/json']
  const auth = { specName: plan.auth.specName, params: redactParams(plan.auth.params) }
  const create = { name: plan.name, description, auth, connectionSpec: plan.connectionSpec }
  const patch = [
    { op: 'replace', path: '/auth/params', value: auth.params },
    ...(plan.description !== undefined ? [{ op: 'replace', path: '/description', value: plan.description }] : [])
  ]
  const base = config.flowServiceUrl
  const steps: string[] = []
  const step = (title: string, lines: string[] = []): void => {
    steps.push([`${steps.length + 1}. ${title}`, ...lines.map((l) => `   ${l}`)].join('\n'))
  }

  if (config.credentials.kind === 'client-secret') {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: config.clientId,
      client_secret: 'SECRET',
      scope: config.scopes
    })
    step(`POST ${config.imsUrl}${TOKEN_PATH}`, [
      'Content-Type: application/x-www-form-urlencoded',
      '',
      form.toString().replace('SECRET', '***')
    ])
  }
  step(`GET ${base}/connections?${lookupQuery(plan.name, plan.connectionSpec.id)}  (find the connection by name and spec)`, headers)
  const createLines = [...headers, ...json, '', ...pretty(create)]
  if (config.ifExists === 'create') {
    step(`POST ${base}/connections  (if-exists: create, always)`, createLines)
  } else {
    step(`POST ${base}/connections  (when none exists)`, createLines)
    const when = `(when exactly one exists, if-exists: ${config.ifExists})`
    if (config.ifExists === 'update')
      step(`PATCH ${base}/connections/{id}  ${when}`, [...headers, 'If-Match: {its etag}', ...json, '', ...pretty(patch)])
    if (config.ifExists === 'reuse') step(`nothing  ${when}: its id and etag become the outputs`)
    if (config.ifExists === 'fail') step('nothing: the step fails when one exists (if-exists: fail)')
  }
  if (config.verify) step(`GET ${base}/connections/{id}/explore?objectType=root  (verify: true)`, headers)

  return ['Dry run: the inputs are valid. No token was requested and nothing was sent.', 'A real run would send:', ...steps].join('\n')
}

function pretty(value: unknown): string[] {
  return JSON.stringify(value, null, 2).split('\n')
}
