import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { DEFAULTS, isValidBucketName, readConfig, SECRET_INPUTS, type Config } from '../../../src/connection/inputs.js'
import { isLoopback } from '../../../src/platform/url-rules.js'
import { CONTRACT_SECRET_INPUTS } from '../../helpers/contract.js'
import { inputProblems } from '../../helpers/inputs.js'

const VALID: Record<string, string> = {
  'client-id': 'abc123clientid',
  'client-secret': 'p8e-SECRET-value',
  'ims-org-id': '1234ABCD5678EF90@AdobeOrg',
  'connection-name': 'S3 Connection',
  's3-access-key': 'AKIAEXAMPLE000000000',
  's3-secret-key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
}

function getter(values: Record<string, string | undefined>) {
  return (name: string): string => values[name] ?? ''
}

function read(overrides: Record<string, string | undefined> = {}): Config {
  const config = readConfig(getter({ ...VALID, ...overrides }))
  if (config.state !== 'present') throw new Error(`expected state: present, got ${config.state}`)
  return config
}

function problemsOf(overrides: Record<string, string | undefined>): string[] {
  return inputProblems(() => read(overrides))
}

function expectOneProblem(overrides: Record<string, string | undefined>, input: string, fragment: RegExp): void {
  const problems = problemsOf(overrides)
  expect(problems).toHaveLength(1)
  expect(problems[0]).toContain(`'${input}'`)
  expect(problems[0]).toMatch(fragment)
}

describe('readConfig with valid inputs', () => {
  it('applies every contract default when only the required inputs are given', () => {
    const config = read()
    expect(config).toEqual({
      session: {
        clientId: 'abc123clientid',
        credentials: { kind: 'client-secret', clientSecret: 'p8e-SECRET-value' },
        imsOrgId: '1234ABCD5678EF90@AdobeOrg',
        sandboxName: 'prod',
        scopes: DEFAULTS.scopes,
        imsUrl: 'https://ims-na1.adobelogin.com',
        platformUrl: 'https://platform.adobe.io',
        timeoutSeconds: 120,
        maxAttempts: 5
      },
      flowServiceUrl: 'https://platform.adobe.io/data/foundation/flowservice',
      connectionName: 'S3 Connection',
      s3: { type: 'access-key', accessKey: VALID['s3-access-key'], secretKey: VALID['s3-secret-key'] },
      connectionSpec: { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' },
      ifExists: 'update',
      verify: false,
      state: 'present',
      dryRun: false
    })
  })

  it('uses a given access token instead of a client secret', () => {
    expect(read({ 'client-secret': undefined, 'access-token': 'eyJ.token.sig' }).session.credentials).toEqual({
      kind: 'access-token',
      accessToken: 'eyJ.token.sig'
    })
  })

  it('keeps the optional S3 params of an access-key connection', () => {
    const config = read({
      's3-session-token': 'FwoGZXIvYXdzEXAMPLE',
      'service-url': 'https://s3.eu-west-1.amazonaws.com/',
      'bucket-name': 'my-bucket.data',
      'folder-path': 'exports/daily'
    })
    expect(config.s3).toEqual({
      type: 'access-key',
      accessKey: VALID['s3-access-key'],
      secretKey: VALID['s3-secret-key'],
      sessionToken: 'FwoGZXIvYXdzEXAMPLE',
      serviceUrl: 'https://s3.eu-west-1.amazonaws.com/',
      bucketName: 'my-bucket.data',
      folderPath: 'exports/daily'
    })
  })

  it('builds an iam-role connection from the bucket alone', () => {
    const config = read({ 'auth-type': 'iam-role', 's3-access-key': undefined, 's3-secret-key': undefined, 'bucket-name': 'role-bucket' })
    expect(config.s3).toEqual({ type: 'iam-role', bucketName: 'role-bucket' })
  })

  it('takes Flow Service under platform-url, unless flow-service-url is given, which wins', () => {
    expect(read({ 'platform-url': 'https://platform-stage.adobe.io' }).flowServiceUrl).toBe(
      'https://platform-stage.adobe.io/data/foundation/flowservice'
    )
    expect(
      read({ 'platform-url': 'https://platform-stage.adobe.io', 'flow-service-url': 'http://127.0.0.1:8787/data/foundation/flowservice' })
        .flowServiceUrl
    ).toBe('http://127.0.0.1:8787/data/foundation/flowservice')
  })

  it('accepts the YAML booleans that core.getBooleanInput accepts', () => {
    for (const value of ['true', 'True', 'TRUE'])
      expect(read({ verify: value, 'dry-run': value })).toMatchObject({ verify: true, dryRun: true })
    for (const value of ['false', 'False', 'FALSE'])
      expect(read({ verify: value, 'dry-run': value })).toMatchObject({ verify: false, dryRun: false })
  })

  it('accepts http:// for loopback emulators and strips a trailing slash', () => {
    const config = read({ 'ims-url': 'http://127.0.0.1:8787/', 'flow-service-url': 'http://localhost:8787/data/foundation/flowservice/' })
    expect(config.session.imsUrl).toBe('http://127.0.0.1:8787')
    expect(config.flowServiceUrl).toBe('http://localhost:8787/data/foundation/flowservice')
    expect(read({ 'ims-url': 'http://[::1]:9000' }).session.imsUrl).toBe('http://[::1]:9000')
  })

  it('normalises spaces in the scope list', () => {
    expect(read({ scopes: ' openid , AdobeID,,session ' }).session.scopes).toBe('openid,AdobeID,session')
  })

  it('keeps a given description and leaves it undefined when not given', () => {
    expect(read({ description: 'Owned by data team' }).description).toBe('Owned by data team')
    expect(read().description).toBeUndefined()
  })

  it('reads fractional timeouts and whole attempt counts', () => {
    expect(read({ 'timeout-seconds': '2.5', 'max-attempts': '1' }).session).toMatchObject({ timeoutSeconds: 2.5, maxAttempts: 1 })
  })

  it('lower-cases the connection spec id, as Flow Service writes ids', () => {
    expect(read({ 'connection-spec-id': 'ECADC60C-7455-4D87-84DC-2A0E293D997B' }).connectionSpec.id).toBe(
      'ecadc60c-7455-4d87-84dc-2a0e293d997b'
    )
  })

  it('accepts every if-exists mode', () => {
    for (const mode of ['update', 'reuse', 'fail', 'create']) expect(read({ 'if-exists': mode }).ifExists).toBe(mode)
  })
})

describe('state: absent', () => {
  const absent = (values: Record<string, string | undefined>) => readConfig(getter({ state: 'absent', ...values }))
  const session = { 'client-id': VALID['client-id'], 'client-secret': VALID['client-secret'], 'ims-org-id': VALID['ims-org-id'] }

  it('needs only what finds the connection: the session, its name and spec', () => {
    expect(absent({ ...session, 'connection-name': 'S3 Connection' })).toMatchObject({
      state: 'absent',
      connectionName: 'S3 Connection',
      connectionSpec: { id: DEFAULTS['connection-spec-id'], version: '1.0' },
      dryRun: false
    })
  })

  it('does not read the S3 credentials or the rest, so one step can take either state', () => {
    const config = absent({ ...VALID, 'auth-type': 'iam-role', 'if-exists': 'nonsense', verify: 'maybe' })
    expect(config).not.toHaveProperty('s3')
    expect(config).not.toHaveProperty('ifExists')
  })

  it('still needs the connection name', () => {
    expect(inputProblems(() => absent(session))).toEqual([expect.stringContaining("Input 'connection-name' is required")])
  })

  it('refuses a state that is neither', () => {
    expect(problemsOf({ state: 'gone' })).toEqual([expect.stringContaining("'state' must be one of 'present', 'absent'")])
  })
})

describe('readConfig rejects bad input with one message naming the input', () => {
  it.each([
    ['client-id', { 'client-id': undefined }, /required/],
    ['ims-org-id', { 'ims-org-id': undefined }, /required/],
    ['connection-name', { 'connection-name': undefined }, /required/],
    ['s3-access-key', { 's3-access-key': undefined }, /required/],
    ['s3-secret-key', { 's3-secret-key': undefined }, /required/]
  ])('a missing required %s', (input, overrides, fragment) => {
    expectOneProblem(overrides, input, fragment)
  })

  it('both client-secret and access-token', () => {
    const [problem] = problemsOf({ 'access-token': 'tok' })
    expect(problem).toMatch(/'client-secret' and 'access-token' are both set: give exactly one/)
  })

  it('neither client-secret nor access-token, saying why a secret can arrive empty', () => {
    const [problem] = problemsOf({ 'client-secret': undefined })
    expect(problem).toMatch(/'client-secret' or 'access-token' is required/)
    expect(problem).toMatch(
      /arrives as an empty string \(a misspelt secret name, a pull request from a fork, or a secret of another environment\)/
    )
  })

  it('an empty S3 key, saying why a secret can arrive empty', () => {
    expectOneProblem({ 's3-secret-key': '' }, 's3-secret-key', /arrives as an empty string/)
  })

  it.each(['client-secret', 's3-access-key', 's3-secret-key', 's3-session-token'])(
    'a %s shorter than 8 characters, which masking would smear over every log line',
    (input) => {
      expectOneProblem({ [input]: 'x' }, input, /1 characters long, shorter than any real .*8 at least/)
    }
  )

  it('folder-path with iam-role, which that auth spec does not take', () => {
    expectOneProblem(
      { 'auth-type': 'iam-role', 's3-access-key': undefined, 's3-secret-key': undefined, 'bucket-name': 'b-1', 'folder-path': 'in' },
      'folder-path',
      /not supported with 'auth-type: iam-role'/
    )
  })

  it('iam-role without bucket-name', () => {
    expectOneProblem(
      { 'auth-type': 'iam-role', 's3-access-key': undefined, 's3-secret-key': undefined },
      'bucket-name',
      /required with 'auth-type: iam-role'/
    )
  })

  it('S3 keys given with iam-role', () => {
    const problems = problemsOf({ 'auth-type': 'iam-role', 'bucket-name': 'b-1' })
    expect(problems).toEqual([
      expect.stringContaining("'s3-access-key' is only used with 'auth-type: access-key'"),
      expect.stringContaining("'s3-secret-key' is only used")
    ])
  })

  it.each([
    ['auth-type', 'AccessKey', /one of 'access-key', 'iam-role'/],
    ['if-exists', 'replace', /one of 'update', 'reuse', 'fail', 'create'/],
    ['verify', 'yes', /'true' or 'false'/],
    ['dry-run', '1', /'true' or 'false'/],
    ['timeout-seconds', 'ten', /a number greater than 0/],
    ['timeout-seconds', '0', /greater than 0/],
    ['timeout-seconds', '-5', /greater than 0/],
    ['timeout-seconds', '1e3', /decimal digits/],
    ['timeout-seconds', '99999', /at most 3600/],
    ['max-attempts', '2.5', /a whole number/],
    ['max-attempts', '0', /greater than 0/],
    ['max-attempts', '0x10', /a whole number/],
    ['max-attempts', '21', /at most 20/],
    ['ims-url', 'not a url', /absolute https:\/\/ URL/],
    ['ims-url', 'ftp://ims.example.com', /absolute https:\/\/ URL/],
    ['flow-service-url', 'http://platform.adobe.io/data/foundation/flowservice', /must use https:\/\/.*loopback/],
    ['flow-service-url', 'http://127.0.0.1.evil.com/x', /must use https:\/\//],
    ['flow-service-url', 'https://user:pw@platform.adobe.io', /must not hold a user name or password/],
    ['flow-service-url', 'https://platform.adobe.io/x?y=1', /without query or fragment/],
    ['platform-url', 'https://platform.adobe.io/x#y', /without query or fragment/],
    ['flow-service-url', 'https://platform.adobe.io/data\nfoundation', /one line without control characters/],
    ['service-url', 'https://s3.eu-west-1.amazonaws.com/\n::error::x', /one line without control characters/],
    ['service-url', 'https://AKIA:secret@s3.eu-west-1.amazonaws.com/', /must not hold a user name or password/],
    ['connection-spec-id', 'ecadc60c-7455-4d87-84dc', /must be a UUID/],
    ['connection-spec-version', 'v1', /version such as '1.0'/],
    ['sandbox-name', 'Prod', /lower-case letters, digits and hyphens/],
    ['sandbox-name', 'my sandbox', /lower-case letters, digits and hyphens/],
    ['sandbox-name', 'dev_1', /lower-case letters, digits and hyphens/],
    ['ims-org-id', 'my-org', /ends? in '@AdobeOrg'|such as '1234ABCD5678EF90@AdobeOrg'/],
    ['client-id', 'two words', /single word/],
    ['client-id', 'abc123\u200bclientid', /takes printable ASCII only, but holds U\+200B at character 7/],
    ['client-id', 'abc123clïentid', /takes printable ASCII only, but holds U\+00EF at character 9/],
    ['bucket-name', 'My_Bucket', /S3 bucket name/],
    ['service-url', 'http://s3.amazonaws.com', /https:\/\/ S3 endpoint/],
    ['connection-name', 'line one\nline two', /one line/],
    ['scopes', 'openid, bad scope', /comma-separated list of IMS scopes/]
  ])('%s = %j', (input, value, fragment) => {
    expectOneProblem({ [input]: value }, input, fragment)
  })

  it('reports every bad input of one run in one message', () => {
    let message = ''
    try {
      read({ 'sandbox-name': 'BAD', 'if-exists': 'maybe', 'max-attempts': 'x' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message.split('\n')).toEqual([
      'Invalid inputs:',
      expect.stringContaining("'sandbox-name'"),
      expect.stringContaining("'max-attempts'"),
      expect.stringContaining("'if-exists'")
    ])
  })

  it('masks exactly the secret inputs of the contract', () => {
    expect([...SECRET_INPUTS].sort()).toEqual([...CONTRACT_SECRET_INPUTS].sort())
  })

  it.each([
    ['ims-url', 'htps://user:TOP/SECRET@ims.example.com', "got 'htps://***@ims.example.com'"],
    ['ims-url', 'https://user:TOP/SECRET@ims.example.com', "got 'https://***@ims.example.com'"],
    ['ims-url', 'https://user:TOPSECRET@ims.example.com', 'must not hold a user name or password'],
    ['platform-url', 'not a url user:TOP/SECRET@host', "got '***@host'"],
    ['service-url', 'https://key:TOP/SECRET@s3.amazonaws.com/', "got 'https://***@s3.amazonaws.com/'"]
  ])('never echoes credentials typed into %s, even a password holding a slash', (input, value, shown) => {
    const [problem] = problemsOf({ [input]: value })
    expect(problem).toContain(shown)
    expect(problem).not.toContain('SECRET')
  })

  it('refuses an access token a header cannot carry, naming the character but not the token', () => {
    const problems = problemsOf({ 'client-secret': undefined, 'access-token': 'eyJhbGciOi\u200bJSUzI1NiJ9.payload.sig' })
    expect(problems).toEqual([expect.stringMatching(/^Input 'access-token' goes into a request header.*U\+200B at character 11/)])
    expect(problems.join('\n')).not.toContain('eyJhbGciOi')
  })

  it('never echoes a secret value in a message', () => {
    const secret = 'super secret value\nsecond line'
    for (const name of SECRET_INPUTS) {
      const problems = problemsOf({ [name]: secret, ...(name === 'access-token' && { 'client-secret': undefined }) })
      expect(problems.join('\n')).not.toContain('super secret')
      expect(problems.join('\n')).toContain(`'${name}'`)
    }
  })
})

describe('isValidBucketName follows the S3 naming rules', () => {
  it.each(['abc', 'my-bucket', 'my.bucket.1', 'a'.repeat(63), '1bucket'])('accepts %s', (name) => {
    expect(isValidBucketName(name)).toBe(true)
  })
  it.each(['ab', 'a'.repeat(64), 'My-Bucket', '-bucket', 'bucket-', 'bucket.', 'my..bucket', 'my_bucket', '192.168.5.4', 'bucket name'])(
    'rejects %s',
    (name) => {
      expect(isValidBucketName(name)).toBe(false)
    }
  )
})

describe('isLoopback', () => {
  it.each(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'])('treats %s as loopback', (host) => expect(isLoopback(host)).toBe(true))
  it.each(['127.0.0.1.nip.io', '10.0.0.1', 'localhost.example.com', '128.0.0.1', '127.0.0.256'])('treats %s as remote', (host) =>
    expect(isLoopback(host)).toBe(false)
  )
})

describe('action.yml', () => {
  const action = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  it('declares exactly the defaults the code applies', () => {
    const declared = Object.fromEntries(
      Object.entries(action.inputs)
        .filter(([, input]) => input.default !== undefined)
        .map(([name, input]) => [name, input.default])
    )
    expect(declared).toEqual(DEFAULTS)
  })
})
