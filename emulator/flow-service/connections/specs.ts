import { badRequest, flow, type AdobeError, type Checked } from '../../http/errors.js'
import { isRecord } from '../../json.js'

// Adobe's ids of the specs the emulator knows.
export const S3_SPEC_ID = 'ecadc60c-7455-4d87-84dc-2a0e293d997b'
export const GCS_SPEC_ID = '32e8f412-cdf7-464c-9885-78184cb113fd'
/** The Data Lake target connection spec. */
export const DATA_LAKE_SPEC_ID = 'c604ff05-7f1a-43c0-8e18-33bf874cb11c'
/** CloudStorageToAEP: cloud storage sources into the Data Lake. */
export const FLOW_SPEC_ID = '9753525b-82c7-4dce-8a9b-5ccfce2b9876'

export interface AuthSpec {
  name: string
  type: string
  required: string[]
  optional: string[]
}

export interface ConnectionSpec {
  id: string
  name: string
  version: string
  authSpecs: AuthSpec[]
}

// Two source specs: S3 (what the action manages) and Google Cloud Storage, so that tests can hold
// a connection of the same name under another spec and check the client filters by spec id.
export const CONNECTION_SPECS: readonly ConnectionSpec[] = [
  {
    id: S3_SPEC_ID,
    name: 'amazon-s3',
    version: '1.0',
    authSpecs: [
      {
        name: 'Access Key',
        type: 'KeyBased',
        required: ['s3AccessKey', 's3SecretKey'],
        optional: ['s3SessionToken', 'serviceUrl', 'bucketName', 'folderPath']
      },
      { name: 'IAMRole Based', type: 'IamBasedAuthentication', required: ['bucketName'], optional: ['folderPath'] }
    ]
  },
  {
    id: GCS_SPEC_ID,
    name: 'google-cloud',
    version: '1.0',
    authSpecs: [
      {
        name: 'Google Cloud Storage authentication credentials',
        type: 'KeyBased',
        required: ['accessKeyId', 'secretAccessKey'],
        optional: []
      }
    ]
  }
]

// Flow Service never hands these back in clear text.
export const SECRET_PARAMS: ReadonlySet<string> = new Set([
  's3SecretKey',
  's3SessionToken',
  's3AccessKey',
  'secretAccessKey',
  'accessKeyId'
])

const SECRET_FORMAT = new Set(['s3SecretKey', 's3SessionToken', 'secretAccessKey'])

export const MASK = '***'

export const IAM_ROLE_ARN = 'arn:aws:iam::123456789012:role/EmulatorFlowServiceRole'

export function findSpec(id: unknown): ConnectionSpec | undefined {
  return CONNECTION_SPECS.find((s) => s.id === id)
}

export function findAuthSpec(spec: ConnectionSpec, name: unknown): AuthSpec | undefined {
  return spec.authSpecs.find((a) => a.name === name)
}

// Resolves `connectionSpec` of a create request. Version is required: the emulator does not
// guess the latest version as Adobe's OpenAPI text suggests, so a client that omits it is told.
export function checkSpecRef(ref: unknown): Checked<ConnectionSpec> {
  const id = isRecord(ref) ? ref['id'] : undefined
  const version = isRecord(ref) ? ref['version'] : undefined
  const spec = findSpec(id)
  if (typeof id !== 'string' || typeof version !== 'string') {
    return { ok: false, error: invalidSpec('connectionSpec.id and connectionSpec.version are required.') }
  }
  if (!spec || spec.version !== version) {
    return { ok: false, error: invalidSpec(`Connection spec '${id}' version '${version}' does not exist.`) }
  }
  return { ok: true, value: spec }
}

function invalidSpec(message: string): AdobeError {
  return flow('1413-400', 'Invalid connection spec', message)
}

export function checkAuthSpecName(spec: ConnectionSpec, specName: unknown): Checked<AuthSpec> {
  const auth = findAuthSpec(spec, specName)
  if (auth) return { ok: true, value: auth }
  const known = spec.authSpecs.map((a) => `'${a.name}'`).join(', ')
  return {
    ok: false,
    error: flow(
      '1415-400',
      'Auth spec not found',
      `Auth spec '${String(specName)}' is not defined for connection spec ${spec.id}; expected one of ${known}.`
    )
  }
}

// Messages name the offending key, never its value: values are credentials.
export function checkAuthParams(auth: AuthSpec, params: unknown): Checked<Record<string, string>> {
  if (!isRecord(params)) return { ok: false, error: badRequest('auth.params must be a JSON object.') }
  const allowed = new Set([...auth.required, ...auth.optional])
  for (const key of auth.required) {
    if (!(key in params)) return fail(`auth.params.${key} is required for auth spec '${auth.name}'.`)
  }
  const strings: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    if (!allowed.has(key)) return fail(`auth.params.${key} is not a property of auth spec '${auth.name}'.`)
    if (typeof value !== 'string') return fail(`auth.params.${key} must be a string.`)
    strings[key] = value
  }
  return { ok: true, value: strings }
}

function fail(message: string): { ok: false; error: AdobeError } {
  return { ok: false, error: badRequest(message) }
}

export function maskParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) out[key] = SECRET_PARAMS.has(key) ? MASK : value
  return out
}

// The JSON schema shape Adobe publishes under authSpec[].spec.
export function specView(spec: ConnectionSpec): unknown {
  return {
    id: spec.id,
    name: spec.name,
    version: spec.version,
    authSpec: spec.authSpecs.map((a) => ({
      name: a.name,
      type: a.type,
      spec: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: Object.fromEntries([...a.required, ...a.optional].map((k) => [k, paramSchema(k)])),
        required: a.required
      }
    }))
  }
}

function paramSchema(key: string): Record<string, string> {
  return SECRET_FORMAT.has(key) ? { type: 'string', format: 'password' } : { type: 'string' }
}
