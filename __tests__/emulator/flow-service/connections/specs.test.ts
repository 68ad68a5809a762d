import {
  checkAuthParams,
  checkAuthSpecName,
  checkSpecRef,
  findAuthSpec,
  findSpec,
  maskParams,
  type AuthSpec
} from '../../../../emulator/flow-service/connections/specs.js'
import { errorBody } from '../../../../emulator/http/errors.js'
import { S3_SPEC_ID } from '../../../../emulator/index.js'

const s3 = findSpec(S3_SPEC_ID)!
const accessKey = findAuthSpec(s3, 'Access Key')!
const iamRole = findAuthSpec(s3, 'IAMRole Based')!

function message(auth: AuthSpec, params: unknown): string {
  const result = checkAuthParams(auth, params)
  if (result.ok) throw new Error('expected a validation error')
  return JSON.stringify(errorBody(result.error, 'rid'))
}

function code(result: { ok: boolean; error?: { shape: string; code?: string } }): string | undefined {
  return result.ok ? undefined : result.error?.code
}

describe('connection spec references', () => {
  test('accept the S3 and Google Cloud Storage source specs at version 1.0', () => {
    expect(checkSpecRef({ id: S3_SPEC_ID, version: '1.0' }).ok).toBe(true)
    expect(checkSpecRef({ id: '32e8f412-cdf7-464c-9885-78184cb113fd', version: '1.0' }).ok).toBe(true)
  })

  test('answer 1413-400 for a missing id or version, an unknown spec or an unknown version', () => {
    expect(code(checkSpecRef(undefined))).toBe('1413-400')
    expect(code(checkSpecRef({ id: S3_SPEC_ID }))).toBe('1413-400')
    expect(code(checkSpecRef({ id: 'nope', version: '1.0' }))).toBe('1413-400')
    expect(code(checkSpecRef({ id: S3_SPEC_ID, version: '2.0' }))).toBe('1413-400')
  })

  test('answer 1415-400 for an auth spec name the connection spec does not define', () => {
    expect(checkAuthSpecName(s3, 'Access Key').ok).toBe(true)
    expect(checkAuthSpecName(s3, 'IAMRole Based').ok).toBe(true)
    expect(code(checkAuthSpecName(s3, 'access key'))).toBe('1415-400')
    expect(code(checkAuthSpecName(s3, 'Assumed Role'))).toBe('1415-400')
    expect(code(checkAuthSpecName(s3, undefined))).toBe('1415-400')
  })
})

describe('auth params validation', () => {
  test('accepts the required keys with any of the optional ones', () => {
    expect(checkAuthParams(accessKey, { s3AccessKey: 'a', s3SecretKey: 'b' }).ok).toBe(true)
    expect(
      checkAuthParams(accessKey, {
        s3AccessKey: 'a',
        s3SecretKey: 'b',
        s3SessionToken: 't',
        serviceUrl: 'https://s3.eu-west-1.amazonaws.com/',
        bucketName: 'b',
        folderPath: 'f'
      }).ok
    ).toBe(true)
    expect(checkAuthParams(iamRole, { bucketName: 'b', folderPath: 'f' }).ok).toBe(true)
  })

  test('names a missing required key', () => {
    expect(message(accessKey, { s3AccessKey: 'a' })).toContain('s3SecretKey')
    expect(message(iamRole, {})).toContain('bucketName')
  })

  test('names an unknown key', () => {
    expect(message(iamRole, { bucketName: 'b', s3AccessKey: 'AKIA' })).toContain('s3AccessKey')
  })

  test('rejects a non-string value without echoing it', () => {
    const text = message(accessKey, { s3AccessKey: 'a', s3SecretKey: { nested: 'TOPSECRET-VALUE' } })
    expect(text).toContain('s3SecretKey')
    expect(text).not.toContain('TOPSECRET-VALUE')
  })

  test('never echoes a param value in any message', () => {
    const text = message(accessKey, { s3AccessKey: 'AKIA-VISIBLE-SECRET', s3SecretKey: 'SECRET-9', extra: 'SECRET-8' })
    expect(text).not.toMatch(/SECRET-9|SECRET-8|AKIA-VISIBLE-SECRET/)
  })

  test('rejects params that are not an object, with code 1400-400', () => {
    expect(code(checkAuthParams(accessKey, 'x'))).toBe('1400-400')
    expect(code(checkAuthParams(accessKey, ['x']))).toBe('1400-400')
  })
})

describe('masking', () => {
  test('masks every secret param and keeps the others', () => {
    const masked = maskParams({
      s3AccessKey: 'AKIA',
      s3SecretKey: 's',
      s3SessionToken: 't',
      accessKeyId: 'g',
      secretAccessKey: 'gs',
      bucketName: 'bucket'
    })
    expect(masked).toEqual({
      s3AccessKey: '***',
      s3SecretKey: '***',
      s3SessionToken: '***',
      accessKeyId: '***',
      secretAccessKey: '***',
      bucketName: 'bucket'
    })
  })
})
