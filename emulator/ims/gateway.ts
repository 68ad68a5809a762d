import { flow, gateway, generic, type AdobeError, type Checked } from '../http/errors.js'
import { isMediaType } from '../http/reply.js'
import type { Credentials } from './credentials.js'

export interface Caller {
  clientId: string
  sandboxName: string
  // The parsed JSON body, when the request had one.
  json?: unknown
}

export interface GatewayConfig {
  credentials: Credentials
  orgId: string
  sandboxes: ReadonlySet<string>
}

// The checks Adobe's API gateway and Flow Service make before any route runs, in their order:
// token, API key, org, sandbox, then the body's media type and syntax.
export function admit(headers: Record<string, string>, body: string, cfg: GatewayConfig): Checked<Caller> {
  const clientId = checkToken(headers, cfg.credentials)
  if (typeof clientId !== 'string') return { ok: false, error: clientId }
  const sandboxName = checkTenant(headers, cfg)
  if (typeof sandboxName !== 'string') return { ok: false, error: sandboxName }
  if (body.length === 0) return { ok: true, value: { clientId, sandboxName } }
  const json = parseBody(headers['content-type'], body)
  if (!json.ok) return json
  return { ok: true, value: { clientId, sandboxName, json: json.value } }
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1]
}

function checkToken(headers: Record<string, string>, credentials: Credentials): string | AdobeError {
  const token = bearer(headers['authorization'])
  if (token === undefined) return gateway(401, '403010', 'Oauth token is missing')
  const bound = credentials.tokenClient(token)
  if (bound === undefined) return gateway(401, '401013', 'Oauth token is not valid')
  const apiKey = headers['x-api-key']
  if (!apiKey) return gateway(403, '403000', 'Api Key is required')
  if (!credentials.isClient(apiKey) || (bound !== null && bound !== apiKey)) {
    return gateway(403, '403003', 'Api Key is invalid')
  }
  return apiKey
}

function checkTenant(headers: Record<string, string>, cfg: GatewayConfig): string | AdobeError {
  const org = headers['x-gw-ims-org-id']
  if (!org) return flow('2001-401', 'Unauthorized', 'The x-gw-ims-org-id header is missing.')
  if (org !== cfg.orgId) {
    return flow('2121-403', 'Forbidden', `The caller has no permission in IMS org '${org}'.`)
  }
  const sandbox = headers['x-sandbox-name']
  if (!sandbox) return flow('2105-400', 'Bad Request', 'The x-sandbox-name header is missing.')
  if (!cfg.sandboxes.has(sandbox)) {
    return flow('2100-404', 'Sandbox not found', `Sandbox '${sandbox}' was not found in this IMS org.`)
  }
  return sandbox
}

function parseBody(contentType: string | undefined, body: string): Checked<unknown> {
  if (!isMediaType(contentType, 'application/json')) {
    return { ok: false, error: generic(400, 'BadRequestError', 'A valid content-type must be specified') }
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown }
  } catch {
    return { ok: false, error: generic(400, 'BadRequestError', 'The request body is not valid JSON') }
  }
}
