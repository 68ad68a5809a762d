import { describeDryRun, describeTeardown } from '../../../src/connection/dry-run.js'
import { readConfig, type Config } from '../../../src/connection/inputs.js'

const base: Record<string, string> = {
  'client-id': 'client-1',
  'client-secret': 'CLIENT-SECRET-VALUE',
  'ims-org-id': 'ORG1@AdobeOrg',
  'connection-name': 'S3 Connection',
  's3-access-key': 'ACCESS-KEY-VALUE',
  's3-secret-key': 'SECRET-KEY-VALUE'
}
const read = (overrides: Record<string, string> = {}) => readConfig((name) => ({ ...base, ...overrides })[name] ?? '')
function config(overrides: Record<string, string> = {}): Config {
  const given = read(overrides)
  if (given.state !== 'present') throw new Error('expected state: present')
  return given
}
const CONTEXT = { repository: 'o/r', runId: 9, runAttempt: 1 }
const text = (overrides: Record<string, string> = {}) =>
  describeDryRun(config(overrides), 'Managed by GitHub Actions: o/r, workflow w', CONTEXT, 0).join('\n')

describe('describeDryRun', () => {
  it('lists the token, lookup, create, list-again and update requests in the order a run sends them', () => {
    const steps = text()
      .split('\n')
      .filter((l) => /^\d+\. /.test(l))
    expect(steps).toEqual([
      '1. Get an access token (one per run)',
      '2. Find the connection by name and spec (every page is read)',
      '3. When none exists: create it',
      '4. After a create: take the creation mark (a random 00000000) out of the description, while listing again',
      '5. After a create: list again, and keep the oldest if a concurrent run created one too',
      "6. When one exists (if-exists: update): update it; /description is 'add' when it has none"
    ])
    expect(text()).toMatch(
      /"description": "Managed by GitHub Actions: o\/r, workflow w \[creating 00000000 until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\]"/
    )
    expect(text()).toContain(
      '   GET https://platform.adobe.io/data/foundation/flowservice/connections?property=name==S3%20Connection&property=connectionSpec.id==ecadc60c-7455-4d87-84dc-2a0e293d997b&limit=100'
    )
    expect(text()).toContain('   PATCH https://platform.adobe.io/data/foundation/flowservice/connections/{id}')
    expect(text()).toContain('   If-Match: {its etag}')
  })

  it('shows the probe, the sweep, the verification listing and the probe delete with verify', () => {
    const out = text({ verify: 'true', 'bucket-name': 'b-1' })
    expect(out).toContain('S3 Connection (verify probe: o/r run 9 attempt 1, {nonce})')
    expect(out).toContain('/connections/{probe id}/explore?objectType=folder&object=%2Fb-1%2F')
    expect(out).toContain('   DELETE https://platform.adobe.io/data/foundation/flowservice/connections/{probe id}')
  })

  it('prints a description holding percent signs as it would be sent, on one line, without failing', () => {
    const out = text({ description: 'odd %7B%E0%7D and %7B%0A%7D' })
    expect(out).toContain('"value": "odd %7B%E0%7D and %7B%0A%7D"')
    expect(out.split('\n').filter((l) => l.includes('odd'))).toHaveLength(1)
  })

  it('holds the secrets for the caller to redact, and never the token', () => {
    const out = text()
    expect(out).toContain('Authorization: Bearer ***')
    expect(out).toContain('client_secret=CLIENT-SECRET-VALUE')
  })

  it('has no IMS step with a ready access token, and one POST, then the mark taken out, with if-exists create', () => {
    const out = text({ 'client-secret': '', 'access-token': 'TOKEN-VALUE-0000', 'if-exists': 'create' })
    expect(out).not.toContain('ims/token')
    expect(out).not.toContain('TOKEN-VALUE')
    expect(out).toContain('Create another connection (if-exists: create)')
    expect(out.match(/^\s+POST /gm)).toHaveLength(1)
    expect(out.match(/^\s+PATCH /gm)).toHaveLength(1)
    expect(out).not.toContain('/auth/params')
  })
})

describe('describeTeardown', () => {
  it('lists the lookup, the question whether a dataflow reads it, and the delete, with no credentials read', () => {
    const teardown = read({ state: 'absent' })
    if (teardown.state !== 'absent') throw new Error('expected state: absent')
    const lines = describeTeardown(teardown).join('\n')
    expect(lines.split('\n').filter((l) => /^\d+\. /.test(l))).toEqual([
      '1. Get an access token (one per run)',
      '2. Find the connection by name and spec (every page is read)',
      '3. With it: probes of it that earlier, killed runs with verify left behind (each is deleted)',
      '4. When one exists: the source connections made on it',
      '5. Then, for each: the dataflows that read it (any: the step fails, naming them, and deletes nothing)',
      '6. When no dataflow reads it: delete it (none exists: nothing to do, operation absent)'
    ])
    expect(lines).toContain(
      'GET https://platform.adobe.io/data/foundation/flowservice/sourceConnections?property=baseConnectionId=={id}&limit=100'
    )
    expect(lines).toContain('DELETE https://platform.adobe.io/data/foundation/flowservice/connections/{id}')
    expect(lines).not.toContain('SECRET-KEY-VALUE')
  })
})
