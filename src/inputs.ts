// Reads every input and validates it into one typed Config before any network call.
// Pure apart from the injected `getInput`, so every rule is a plain unit test.

export type AuthType = 'access-key' | 'iam-role'
export type IfExists = 'update' | 'reuse' | 'fail' | 'create'

export type Credentials = { kind: 'client-secret'; clientSecret: string } | { kind: 'access-token'; accessToken: string }

export type S3Auth =
  | {
      type: 'access-key'
      accessKey: string
      secretKey: string
      sessionToken?: string
      serviceUrl?: string
      bucketName?: string
      folderPath?: string
    }
  | { type: 'iam-role'; bucketName: string; folderPath?: string }

export interface Config {
  clientId: string
  credentials: Credentials
  imsOrgId: string
  sandboxName: string
  scopes: string
  imsUrl: string
  flowServiceUrl: string
  connectionName: string
  /** Undefined when the input was not given: the run's context supplies a default. */
  description?: string
  s3: S3Auth
  connectionSpecId: string
  connectionSpecVersion: string
  ifExists: IfExists
  verify: boolean
  dryRun: boolean
  timeoutSeconds: number
  maxAttempts: number
}

/** Defaults, also declared in action.yml (a test keeps the two equal): running outside the runner must behave the same. */
export const DEFAULTS = {
  'sandbox-name': 'prod',
  scopes: 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext',
  'ims-url': 'https://ims-na1.adobelogin.com',
  'flow-service-url': 'https://platform.adobe.io/data/foundation/flowservice',
  'auth-type': 'access-key',
  'connection-spec-id': 'ecadc60c-7455-4d87-84dc-2a0e293d997b',
  'connection-spec-version': '1.0',
  'if-exists': 'update',
  verify: 'false',
  'dry-run': 'false',
  'timeout-seconds': '120',
  'max-attempts': '5'
} as const

/** Inputs whose values are secrets: masked before anything else happens. */
export const SECRET_INPUTS = ['client-secret', 'access-token', 's3-access-key', 's3-secret-key', 's3-session-token'] as const

export const MAX_ATTEMPTS_LIMIT = 20
export const TIMEOUT_SECONDS_LIMIT = 3600

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`)
    this.name = 'InputError'
  }
}

export type GetInput = (name: string) => string

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SANDBOX = /^[a-z0-9][a-z0-9-]*$/
const ORG_ID = /^[A-Za-z0-9]+@AdobeOrg$/
const SCOPE = /^[A-Za-z0-9_.:-]+$/
const SPEC_VERSION = /^\d+(\.\d+)*$/
// Header values and names cannot hold control characters; a pasted secret with a newline is a mistake.
const CONTROL = /[\u0000-\u001f\u007f]/
const WHITESPACE = /\s/

/** Collects problems so that one run reports every bad input at once, each naming its input. */
class Reader {
  readonly problems: string[] = []
  constructor(private readonly getInput: GetInput) {}

  raw(name: string): string {
    return this.getInput(name).trim()
  }

  optional(name: string): string | undefined {
    const value = this.raw(name)
    return value === '' ? undefined : value
  }

  withDefault(name: keyof typeof DEFAULTS): string {
    return this.optional(name) ?? DEFAULTS[name]
  }

  required(name: string, hint: string): string {
    const value = this.optional(name)
    if (value === undefined) this.fail(`Input '${name}' is required: ${hint}.`)
    return value ?? ''
  }

  fail(problem: string): void {
    this.problems.push(problem)
  }

  /** Applies a check only to a value that is present, so a missing input yields one problem, not two. */
  check(name: string, value: string | undefined, ok: (v: string) => boolean, accepted: string): void {
    if (value !== undefined && value !== '' && !ok(value)) this.fail(`Input '${name}' ${accepted}.`)
  }
}

export function readConfig(getInput: GetInput): Config {
  const r = new Reader(getInput)

  const clientId = r.required('client-id', 'set it to the Client ID (API key) of your Adobe Developer Console project')
  r.check('client-id', clientId, singleToken, 'must be a single word without spaces (the Client ID from the Developer Console)')

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

  const imsUrl = readUrl(r, 'ims-url', r.withDefault('ims-url'))
  const flowServiceUrl = readUrl(r, 'flow-service-url', r.withDefault('flow-service-url'))

  const connectionName = r.required('connection-name', 'name the base connection; the name is also how a later run finds it')
  r.check('connection-name', connectionName, (v) => !CONTROL.test(v) && v.length <= 256, 'must be one line of at most 256 characters')

  const description = r.optional('description')
  r.check('description', description, (v) => v.length <= 1024, 'must be at most 1024 characters')

  const s3 = readS3Auth(r)

  // Lower case, as Flow Service writes ids, so that lookups compare like with like.
  const connectionSpecId = r.withDefault('connection-spec-id').toLowerCase()
  r.check(
    'connection-spec-id',
    connectionSpecId,
    (v) => UUID.test(v),
    `must be a UUID such as '${DEFAULTS['connection-spec-id']}' (the Amazon S3 source); got '${printable(connectionSpecId)}'`
  )
  const connectionSpecVersion = r.withDefault('connection-spec-version')
  r.check('connection-spec-version', connectionSpecVersion, (v) => SPEC_VERSION.test(v), "must be a version such as '1.0'")

  const ifExists = readChoice<IfExists>(r, 'if-exists', ['update', 'reuse', 'fail', 'create'])
  const verify = readBoolean(r, 'verify')
  const dryRun = readBoolean(r, 'dry-run')
  const timeoutSeconds = readNumber(r, 'timeout-seconds', { integer: false, max: TIMEOUT_SECONDS_LIMIT })
  const maxAttempts = readNumber(r, 'max-attempts', { integer: true, max: MAX_ATTEMPTS_LIMIT })

  if (r.problems.length > 0) throw new InputError(r.problems)
  return {
    clientId,
    credentials,
    imsOrgId,
    sandboxName,
    scopes,
    imsUrl,
    flowServiceUrl,
    connectionName,
    ...(description !== undefined && { description }),
    s3,
    connectionSpecId,
    connectionSpecVersion,
    ifExists,
    verify,
    dryRun,
    timeoutSeconds,
    maxAttempts
  }
}

function readCredentials(r: Reader): Credentials {
  const clientSecret = r.optional('client-secret')
  const accessToken = r.optional('access-token')
  if (clientSecret !== undefined && accessToken !== undefined) {
    r.fail(
      "Inputs 'client-secret' and 'access-token' are both set: give exactly one ('client-secret' to let the action get a token from IMS, or 'access-token' to use a token you minted)."
    )
  } else if (clientSecret === undefined && accessToken === undefined) {
    r.fail(
      "Input 'client-secret' or 'access-token' is required: give the OAuth Server-to-Server client secret, or a ready IMS access token."
    )
  }
  // Never echo the value: these checks name the input only.
  r.check('client-secret', clientSecret, singleToken, 'must be a single line without spaces; check that the whole secret was pasted')
  r.check('access-token', accessToken, singleToken, "must be a single line without spaces; give the token itself, without 'Bearer '")
  return accessToken !== undefined ? { kind: 'access-token', accessToken } : { kind: 'client-secret', clientSecret: clientSecret ?? '' }
}

function readS3Auth(r: Reader): S3Auth {
  const type = readChoice<AuthType>(r, 'auth-type', ['access-key', 'iam-role'])
  const bucketName = r.optional('bucket-name')
  r.check(
    'bucket-name',
    bucketName,
    isValidBucketName,
    `must be an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit, not shaped like an IP address; got '${printable(bucketName ?? '')}'`
  )
  const folderPath = r.optional('folder-path')
  r.check('folder-path', folderPath, (v) => !CONTROL.test(v) && v.length <= 1024, 'must be one line naming a folder in the bucket')

  if (type === 'iam-role') {
    for (const name of ['s3-access-key', 's3-secret-key', 's3-session-token', 'service-url']) {
      if (r.optional(name) !== undefined)
        r.fail(`Input '${name}' is only used with 'auth-type: access-key'; remove it, or set 'auth-type: access-key'.`)
    }
    if (bucketName === undefined)
      r.fail("Input 'bucket-name' is required with 'auth-type: iam-role': name the bucket whose policy trusts Adobe's role.")
    return { type, bucketName: bucketName ?? '', ...(folderPath !== undefined && { folderPath }) }
  }

  const accessKey = r.required('s3-access-key', "give the S3 access key ID ('auth-type: access-key' is the default)")
  r.check('s3-access-key', accessKey, singleToken, 'must be a single line without spaces')
  const secretKey = r.required('s3-secret-key', "give the S3 secret access key ('auth-type: access-key' is the default)")
  r.check('s3-secret-key', secretKey, singleToken, 'must be a single line without spaces')
  const sessionToken = r.optional('s3-session-token')
  r.check('s3-session-token', sessionToken, singleToken, 'must be a single line without spaces')
  const serviceUrl = r.optional('service-url')
  r.check(
    'service-url',
    serviceUrl,
    (v) => parseUrl(v)?.protocol === 'https:',
    "must be an https:// S3 endpoint such as 'https://s3.eu-west-1.amazonaws.com/'"
  )
  return {
    type,
    accessKey,
    secretKey,
    ...(sessionToken !== undefined && { sessionToken }),
    ...(serviceUrl !== undefined && { serviceUrl }),
    ...(bucketName !== undefined && { bucketName }),
    ...(folderPath !== undefined && { folderPath })
  }
}

function readChoice<T extends string>(r: Reader, name: keyof typeof DEFAULTS, choices: readonly T[]): T {
  const value = r.withDefault(name)
  if ((choices as readonly string[]).includes(value)) return value as T
  r.fail(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got '${printable(value)}'.`)
  return choices[0] as T
}

/** The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them. */
function readBoolean(r: Reader, name: 'verify' | 'dry-run'): boolean {
  const value = r.withDefault(name)
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  r.fail(`Input '${name}' must be 'true' or 'false'; got '${printable(value)}'.`)
  return false
}

function readNumber(r: Reader, name: 'timeout-seconds' | 'max-attempts', rule: { integer: boolean; max: number }): number {
  const value = r.withDefault(name)
  const shape = rule.integer ? /^\d+$/ : /^\d+(\.\d+)?$/
  const n = Number(value)
  if (!shape.test(value) || !(n > 0) || n > rule.max) {
    const kind = rule.integer ? 'a whole number' : 'a number'
    r.fail(`Input '${name}' must be ${kind} greater than 0 and at most ${rule.max}, in decimal digits; got '${printable(value)}'.`)
    return Number(DEFAULTS[name])
  }
  return n
}

function readUrl(r: Reader, name: 'ims-url' | 'flow-service-url', value: string): string {
  const url = parseUrl(value)
  const example = DEFAULTS[name]
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    // Whatever stands before an '@' could be a password typed into the URL.
    const shown = printable(value.replace(/\/\/[^/@]*@/, '//***@'))
    r.fail(`Input '${name}' must be an absolute https:// URL such as '${example}'; got '${shown}'.`)
    return value
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    r.fail(
      `Input '${name}' must use https:// (a bearer token never travels in clear text); http:// is accepted only for loopback hosts such as localhost or 127.0.0.1.`
    )
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    r.fail(`Input '${name}' must be a base URL without credentials, query or fragment, such as '${example}'.`)
  }
  return url.href.replace(/\/+$/, '')
}

export function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  const octets = hostname.split('.')
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
}

export function isValidBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes('..') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(name)
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

function normaliseScopes(value: string): string {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(',')
}

function singleToken(value: string): boolean {
  return !WHITESPACE.test(value) && !CONTROL.test(value)
}

/** Echoes a non-secret value in an error message without letting it break the log line. */
function printable(value: string): string {
  const flat = value.replace(/[\u0000-\u001f\u007f]/g, '?')
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat
}
