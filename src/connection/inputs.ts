// The connection action's inputs: the session's, then the connection's own, validated into one
// typed Config before any network call. Pure apart from the injected `getInput`.

import { S3_SPEC_ID } from '../platform/base-connection.js'
import { SESSION_DEFAULTS } from '../platform/defaults.js'
import { InputReader, hasControl, printable, type GetInput } from '../platform/input-reader.js'
import { MISSING_SECRET_NOTE, readSession, serviceUrl, SESSION_SECRET_INPUTS, type Session } from '../platform/session.js'

export type AuthType = 'access-key' | 'iam-role'
export type IfExists = 'update' | 'reuse' | 'fail' | 'create'

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
  | { type: 'iam-role'; bucketName: string }

export type State = 'present' | 'absent'

/** What finds the connection, whichever the state. */
interface Found {
  session: Session
  /** Flow Service's base: flow-service-url when given, else under platform-url. */
  flowServiceUrl: string
  connectionName: string
  connectionSpec: { id: string; version: string }
  dryRun: boolean
}

/** state: present, the connection as the inputs describe it. */
export interface Config extends Found {
  state: 'present'
  /** Undefined when the input was not given: the run's context supplies a default. */
  description?: string
  s3: S3Auth
  ifExists: IfExists
  verify: boolean
}

/**
 * state: absent, the connection to delete: only what finds it is read, so that one step can take
 * either state (the S3 credentials and the rest, when given, are not read).
 */
export interface Teardown extends Found {
  state: 'absent'
}

/** Defaults, also declared in action.yml (a test keeps the two equal): running outside the runner must behave the same. */
export const DEFAULTS = {
  ...SESSION_DEFAULTS,
  'auth-type': 'access-key',
  'connection-spec-id': S3_SPEC_ID,
  'connection-spec-version': '1.0',
  'if-exists': 'update',
  verify: 'false',
  state: 'present',
  'dry-run': 'false'
} as const

/** Inputs whose values are secrets: masked before anything else happens. */
export const SECRET_INPUTS = [...SESSION_SECRET_INPUTS, 's3-access-key', 's3-secret-key', 's3-session-token'] as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SPEC_VERSION = /^\d+(\.\d+)*$/

export function readConfig(getInput: GetInput): Config | Teardown {
  const r = new InputReader(getInput, DEFAULTS)
  const state = r.choice<State>('state', ['present', 'absent'])
  const found = readFound(r)
  if (state === 'absent') {
    r.done()
    return { state, ...found }
  }
  const description = r.description()
  const s3 = readS3Auth(r)
  const ifExists = r.choice<IfExists>('if-exists', ['update', 'reuse', 'fail', 'create'])
  const verify = r.boolean('verify')
  r.done()
  return { state, ...found, ...(description !== undefined && { description }), s3, ifExists, verify }
}

function readFound(r: InputReader): Found {
  const session = readSession(r)
  // flow-service-url, the v1 input, wins over platform-url when given.
  const flowServiceInput = r.optional('flow-service-url')
  const flowServiceUrl =
    flowServiceInput !== undefined
      ? (r.checkedUrl('flow-service-url', flowServiceInput, 'https://platform.adobe.io/data/foundation/flowservice') ?? flowServiceInput)
      : serviceUrl(session, 'flowService')
  const connectionName = r.name('connection-name', 'name the base connection')
  // Lower case, as Flow Service writes ids, so that lookups compare like with like.
  const specId = r.withDefault('connection-spec-id').toLowerCase()
  r.check(
    'connection-spec-id',
    specId,
    (v) => UUID.test(v),
    `must be a UUID such as '${DEFAULTS['connection-spec-id']}' (the Amazon S3 source); got '${printable(specId)}'`
  )
  const specVersion = r.withDefault('connection-spec-version')
  r.check('connection-spec-version', specVersion, (v) => SPEC_VERSION.test(v), "must be a version such as '1.0'")
  return { session, flowServiceUrl, connectionName, connectionSpec: { id: specId, version: specVersion }, dryRun: r.boolean('dry-run') }
}

function readS3Auth(r: InputReader): S3Auth {
  const type = r.choice<AuthType>('auth-type', ['access-key', 'iam-role'])
  const bucketName = r.optional('bucket-name')
  r.check(
    'bucket-name',
    bucketName,
    isValidBucketName,
    `must be an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit, not shaped like an IP address; got '${printable(bucketName ?? '')}'`
  )
  const folderPath = r.optional('folder-path')
  r.check('folder-path', folderPath, (v) => !hasControl(v) && v.length <= 1024, 'must be one line naming a folder in the bucket')

  if (type === 'iam-role') {
    for (const name of ['s3-access-key', 's3-secret-key', 's3-session-token', 'service-url']) {
      if (r.optional(name) !== undefined)
        r.fail(`Input '${name}' is only used with 'auth-type: access-key'; remove it, or set 'auth-type: access-key'.`)
    }
    // Adobe's IAMRole Based auth spec has bucketName only.
    if (folderPath !== undefined) {
      r.fail(
        "Input 'folder-path' is not supported with 'auth-type: iam-role' (that auth spec takes a bucket name only); remove it, and restrict the folder in the bucket policy instead."
      )
    }
    if (bucketName === undefined)
      r.fail("Input 'bucket-name' is required with 'auth-type: iam-role': name the bucket whose policy trusts Adobe's role.")
    return { type, bucketName: bucketName ?? '' }
  }

  const missing = `('auth-type: access-key' is the default). Note that ${MISSING_SECRET_NOTE}`
  const accessKey = r.required('s3-access-key', `give the S3 access key ID ${missing}`)
  r.secret('s3-access-key', accessKey, 'access key ID')
  const secretKey = r.required('s3-secret-key', `give the S3 secret access key ${missing}`)
  r.secret('s3-secret-key', secretKey, 'secret access key')
  const sessionToken = r.optional('s3-session-token')
  r.secret('s3-session-token', sessionToken, 'session token')
  const serviceUrlInput = r.optional('service-url')
  const serviceUrl = serviceUrlInput !== undefined ? readServiceUrl(r, serviceUrlInput) : undefined
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

/** The S3 endpoint is passed to Adobe as given, so it is checked as given: https, one line, no credentials. */
function readServiceUrl(r: InputReader, value: string): string | undefined {
  const example = 'https://s3.eu-west-1.amazonaws.com/'
  if (!/^https:\/\//i.test(value)) {
    r.fail(`Input 'service-url' must be an https:// S3 endpoint such as '${example}'.`)
    return undefined
  }
  // Sent as the user wrote it (with its trailing slash), not as the URL parser rewrote it.
  return r.checkedUrl('service-url', value, example) !== undefined ? value : undefined
}

export function isValidBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes('..') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(name)
}
