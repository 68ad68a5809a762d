// The inputs every action shares: who calls (client, credentials, organization, sandbox), where
// (IMS, Platform) and for how long. Each action reads these first, then its own.

import { SERVICE_PATHS, SESSION_DEFAULTS } from './defaults.js'
import { printable, singleToken, type InputReader } from './input-reader.js'

export type Credentials = { kind: 'client-secret'; clientSecret: string } | { kind: 'access-token'; accessToken: string }

export interface Session {
  clientId: string
  credentials: Credentials
  imsOrgId: string
  sandboxName: string
  scopes: string
  imsUrl: string
  platformUrl: string
  timeoutSeconds: number
  maxAttempts: number
}

/** Session inputs whose values are secrets: masked before anything else happens. */
export const SESSION_SECRET_INPUTS = ['client-secret', 'access-token'] as const

export const MAX_ATTEMPTS_LIMIT = 20
export const TIMEOUT_SECONDS_LIMIT = 3600

/** Why a secret input can be empty although the workflow passes one: said wherever one is missing. */
export const MISSING_SECRET_NOTE =
  'a secret that does not exist where the job runs arrives as an empty string (a misspelt secret name, a pull request from a fork, or a secret of another environment)'

const ORG_ID = /^[A-Za-z0-9]+@AdobeOrg$/
// What HTTP lets a header value hold without encoding (Node refuses the rest, after the run has begun).
const HEADER_SAFE = /^[\x21-\x7e]+$/
const SANDBOX = /^[a-z0-9][a-z0-9-]*$/
const SCOPE = /^[A-Za-z0-9_.:-]+$/

export function readSession(r: InputReader): Session {
  const clientId = r.required('client-id', 'set it to the Client ID (API key) of your Adobe Developer Console project')
  r.check('client-id', clientId, singleToken, 'must be a single word without spaces (the Client ID from the Developer Console)')
  r.check(
    'client-id',
    clientId,
    (v) => !singleToken(v) || HEADER_SAFE.test(v),
    `goes into a request header, which takes printable ASCII only, but holds ${foreignCharacter(clientId)}; copy the Client ID from the Developer Console again`
  )

  const credentials = readCredentials(r)

  const imsOrgId = r.required('ims-org-id', "set it to your IMS organization ID, which ends in '@AdobeOrg'")
  r.check('ims-org-id', imsOrgId, (v) => ORG_ID.test(v), "must be an IMS organization ID such as '1234ABCD5678EF90@AdobeOrg'")

  const sandboxName = r.withDefault('sandbox-name')
  r.check(
    'sandbox-name',
    sandboxName,
    (v) => SANDBOX.test(v) && v.length <= 64,
    `must be a sandbox name of lower-case letters, digits and hyphens (such as 'prod' or 'dev-1'); got '${printable(sandboxName)}'`
  )

  const scopes = normaliseScopes(r.withDefault('scopes'))
  r.check('scopes', scopes, (v) => v.split(',').every((s) => SCOPE.test(s)), 'must be a comma-separated list of IMS scopes')
  if (scopes === '') r.fail("Input 'scopes' must list at least one IMS scope (the default is used when the input is empty).")

  return {
    clientId,
    credentials,
    imsOrgId,
    sandboxName,
    scopes,
    imsUrl: r.baseUrl('ims-url'),
    platformUrl: r.baseUrl('platform-url'),
    timeoutSeconds: r.number('timeout-seconds', { integer: false, max: TIMEOUT_SECONDS_LIMIT }),
    maxAttempts: r.number('max-attempts', { integer: true, max: MAX_ATTEMPTS_LIMIT })
  }
}

function readCredentials(r: InputReader): Credentials {
  const clientSecret = r.optional('client-secret')
  const accessToken = r.optional('access-token')
  if (clientSecret !== undefined && accessToken !== undefined) {
    r.fail(
      "Inputs 'client-secret' and 'access-token' are both set: give exactly one ('client-secret' to let the action get a token from IMS, or 'access-token' to use a token you minted)."
    )
  } else if (clientSecret === undefined && accessToken === undefined) {
    r.fail(
      `Input 'client-secret' or 'access-token' is required and both are empty: give the OAuth Server-to-Server client secret, or a ready IMS access token. Note that ${MISSING_SECRET_NOTE}.`
    )
  }
  r.secret('client-secret', clientSecret, 'client secret')
  r.secret('access-token', accessToken, 'access token', ", without 'Bearer '")
  r.check(
    'access-token',
    accessToken,
    (v) => !singleToken(v) || HEADER_SAFE.test(v),
    `goes into a request header, which takes printable ASCII only, but holds ${foreignCharacter(accessToken)}; copy the token again`
  )
  return accessToken !== undefined ? { kind: 'access-token', accessToken } : { kind: 'client-secret', clientSecret: clientSecret ?? '' }
}

/** 'U+200B at character 12': the first character a header cannot hold, named without echoing the value. */
function foreignCharacter(value: string | undefined): string {
  const chars = Array.from(value ?? '')
  const at = chars.findIndex((c) => !HEADER_SAFE.test(c))
  const code = chars[at]?.codePointAt(0) ?? 0
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at character ${at + 1} (often an invisible space pasted with it)`
}

function normaliseScopes(value: string): string {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(',')
}

/** The base URL of each Platform service, under `platform-url`. */
export function serviceUrl(session: Pick<Session, 'platformUrl'>, service: keyof typeof SERVICE_PATHS): string {
  return `${session.platformUrl}${SERVICE_PATHS[service]}`
}

export { SESSION_DEFAULTS }
