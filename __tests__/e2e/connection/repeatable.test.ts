// Repeatable runs on the bundle: the same inputs twice leave one connection; if-exists decides
// what happens to an existing one; nothing of another spec or sandbox is touched.

import { DEMO, startEmulator, type Emulator, type StoredConnection } from '../../../emulator/index.js'
import { expectNoLeak, runAction } from '../../helpers/action.js'
import { emulatorInputs, flowRequests, secretsOf, SPEC_ID } from '../../helpers/fixtures.js'

const GCS_SPEC_ID = '32e8f412-cdf7-464c-9885-78184cb113fd'
let emulator: Emulator

beforeAll(async () => {
  // Small pages, so that every lookup here has to follow continuation tokens.
  emulator = await startEmulator({ sandboxes: ['prod', 'dev'], pageSize: 2 })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const routes = () => flowRequests(emulator).map((r) => `${r.method} ${r.route}`)
const snapshot = (c: StoredConnection | undefined) => JSON.parse(JSON.stringify(c)) as StoredConnection

describe('if-exists: update (the default)', () => {
  it('two runs with the same inputs leave one connection, updated in place with If-Match', async () => {
    const inputs = emulatorInputs(emulator)
    const first = await runAction({ inputs })
    expect(first.outputs.operation).toBe('created')
    emulator.clearRequests()

    const second = await runAction({ inputs, debug: true })
    expect(second.exitCode).toBe(0)
    const stored = emulator.store.list('prod')
    expect(stored).toHaveLength(1)
    expect(second.outputs).toEqual({ 'connection-id': first.outputs['connection-id'], etag: stored[0]?.etag, operation: 'updated' })
    expect(second.outputs.etag).not.toBe(first.outputs.etag)
    const patch = flowRequests(emulator).find((r) => r.method === 'PATCH')
    expect(patch?.route).toBe('/connections/{id}')
    expect(patch?.path).toMatch(new RegExp(`/connections/${first.outputs['connection-id']}$`))
    expect(patch?.headers['if-match']).toBe(first.outputs.etag)
    expectNoLeak(second, secretsOf(inputs, emulator))
  })

  it('a rotated S3 secret reaches the existing connection through one PATCH of /auth/params', async () => {
    await runAction({ inputs: emulatorInputs(emulator) })
    const before = emulator.store.list('prod')[0]
    emulator.clearRequests()

    const rotated = emulatorInputs(emulator, { 's3-secret-key': 'ROTATED-secret-key-0000000000000000000000' })
    const result = await runAction({ inputs: rotated, debug: true })
    expect(result.exitCode).toBe(0)
    expect(routes()).toEqual(['GET /connections', 'PATCH /connections/{id}'])
    const patch = flowRequests(emulator)[1]
    expect(patch?.headers['if-match']).toBe(before?.etag)
    expect(patch?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(patch?.body ?? '')).toEqual([
      {
        op: 'replace',
        path: '/auth/params',
        value: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: 'ROTATED-secret-key-0000000000000000000000' }
      }
    ])
    const after = emulator.store.list('prod')
    expect(after).toHaveLength(1)
    expect(after[0]?.auth.params.s3SecretKey).toBe('ROTATED-secret-key-0000000000000000000000')
    expect(after[0]?.description).toBe(before?.description)
    expectNoLeak(result, secretsOf(rotated, emulator))
  })

  it('replaces the description only when one is given', async () => {
    await runAction({ inputs: emulatorInputs(emulator) })
    emulator.clearRequests()
    const result = await runAction({ inputs: emulatorInputs(emulator, { description: 'Owned by the data team' }) })
    expect(result.exitCode).toBe(0)
    const ops = JSON.parse(flowRequests(emulator)[1]?.body ?? '[]') as { path: string }[]
    expect(ops.map((o) => o.path)).toEqual(['/auth/params', '/description'])
    expect(emulator.store.list('prod')[0]?.description).toBe('Owned by the data team')
  })

  it('reads the connection again and retries once when its etag went stale (412)', async () => {
    const existing = emulator.store.seed({ name: 'S3 Connection' })
    emulator.faults.add({ method: 'PATCH', route: '/connections/*', action: { type: 'status', status: 412 } })
    const result = await runAction({ inputs: emulatorInputs(emulator) })
    expect(result.exitCode).toBe(0)
    expect(routes()).toEqual(['GET /connections', 'PATCH /connections/{id}', 'GET /connections/{id}', 'PATCH /connections/{id}'])
    expect(result.outputs).toMatchObject({ 'connection-id': existing.id, operation: 'updated' })
    expect(result.stdout).toContain('412')
  })

  it('fails clearly when the existing connection uses another auth type, changing nothing', async () => {
    const existing = emulator.store.seed({ name: 'S3 Connection', specName: 'IAMRole Based', params: { bucketName: 'demo-bucket' } })
    const before = snapshot(existing)
    const result = await runAction({ inputs: emulatorInputs(emulator) })
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain(`Connection ${existing.id}`)
    expect(result.error).toContain('"IAMRole Based"')
    expect(emulator.store.get(existing.id)).toEqual(before)
  })
})

describe('if-exists: reuse', () => {
  it('writes nothing and outputs the current id and etag', async () => {
    const existing = emulator.store.seed({ name: 'S3 Connection' })
    const before = snapshot(existing)
    const result = await runAction({
      inputs: emulatorInputs(emulator, { 'if-exists': 'reuse', 's3-secret-key': 'a-different-secret-not-written' })
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toEqual({ 'connection-id': existing.id, etag: existing.etag, operation: 'reused' })
    expect(flowRequests(emulator).every((r) => r.method === 'GET')).toBe(true)
    expect(emulator.store.get(existing.id)).toEqual(before)
  })

  it('creates the connection when none exists', async () => {
    const result = await runAction({ inputs: emulatorInputs(emulator, { 'if-exists': 'reuse' }) })
    expect(result.outputs.operation).toBe('created')
    expect(emulator.store.list('prod')).toHaveLength(1)
  })
})

describe('if-exists: fail', () => {
  it("fails with a message naming the existing connection's id, and changes nothing", async () => {
    const existing = emulator.store.seed({ name: 'S3 Connection' })
    const result = await runAction({ inputs: emulatorInputs(emulator, { 'if-exists': 'fail' }) })
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain(existing.id)
    expect(result.error).toContain("if-exists is 'fail'")
    expect(routes().every((r) => r.startsWith('GET'))).toBe(true)
    expect(emulator.store.list()).toHaveLength(1)
  })
})

describe('if-exists: create', () => {
  it('always creates another connection, as the plain API call does', async () => {
    emulator.store.seed({ name: 'S3 Connection' })
    const result = await runAction({ inputs: emulatorInputs(emulator, { 'if-exists': 'create' }) })
    expect(result.outputs.operation).toBe('created')
    expect(emulator.store.list('prod')).toHaveLength(2)
  })
})

describe('ambiguous matches', () => {
  it.each(['update', 'reuse'])('if-exists %s fails listing every id, across pages, and touches nothing', async (mode) => {
    const seeded = [1, 2, 3].map(() => emulator.store.seed({ name: 'S3 Connection' }))
    const before = emulator.store.list().map(snapshot)
    const result = await runAction({ inputs: emulatorInputs(emulator, { 'if-exists': mode }) })
    expect(result.exitCode).toBe(1)
    for (const c of seeded) expect(result.error).toContain(c.id)
    expect(result.error).toContain(`3 connections named "S3 Connection"`)
    expect(routes().every((r) => r === 'GET /connections')).toBe(true)
    expect(emulator.store.list()).toEqual(before)
  })
})

describe('isolation by spec and sandbox', () => {
  it('never touches a same-named connection of another spec or another sandbox', async () => {
    const otherSpec = emulator.store.seed({
      name: 'S3 Connection',
      specId: GCS_SPEC_ID,
      specName: 'Google Cloud Storage authentication credentials',
      params: { accessKeyId: 'x', secretAccessKey: 'y' }
    })
    const otherSandbox = emulator.store.seed({ name: 'S3 Connection', sandboxName: 'dev' })
    const before = [snapshot(otherSpec), snapshot(otherSandbox)]

    const first = await runAction({ inputs: emulatorInputs(emulator) })
    const second = await runAction({ inputs: emulatorInputs(emulator) })
    expect([first.outputs.operation, second.outputs.operation]).toEqual(['created', 'updated'])
    expect(second.outputs['connection-id']).not.toBe(otherSpec.id)
    expect(second.outputs['connection-id']).not.toBe(otherSandbox.id)
    expect([emulator.store.get(otherSpec.id), emulator.store.get(otherSandbox.id)]).toEqual(before)
    expect(emulator.store.list('prod').filter((c) => c.connectionSpec.id === SPEC_ID)).toHaveLength(1)
  })
})

describe('names round-trip exactly', () => {
  it.each([
    ['spaces', 'My  S3   Connection'],
    ['a comma, which the filter reads as OR', 'Sales, EU'],
    ['quotes', `He said "hi" and 'bye'`],
    ['==', 'key==value'],
    ['& # %', 'R&D #1 at 100% & more'],
    ['non-ASCII letters', 'Übersicht Données 連携 S3']
  ])('a name with %s is found and updated, and only itself', async (_what, name) => {
    // Decoys a loose filter could confuse with the name.
    const decoys = new Set([`${name}-other`, name.toUpperCase(), ...name.split(',').map((part) => part.trim()), 'S3 Connection'])
    for (const decoy of decoys) if (decoy !== name) emulator.store.seed({ name: decoy })
    const before = emulator.store.list().map(snapshot)

    const first = await runAction({ inputs: emulatorInputs(emulator, { 'connection-name': name }) })
    const second = await runAction({ inputs: emulatorInputs(emulator, { 'connection-name': name }) })
    expect([first.exitCode, second.exitCode]).toEqual([0, 0])
    expect([first.outputs.operation, second.outputs.operation]).toEqual(['created', 'updated'])
    expect(second.outputs['connection-id']).toBe(first.outputs['connection-id'])
    expect(emulator.store.list().filter((c) => c.name === name)).toHaveLength(1)
    for (const decoy of before) expect(emulator.store.get(decoy.id)).toEqual(decoy)
  })
})

describe('paging', () => {
  it('follows continuation tokens to a match on a later page', async () => {
    // A comma in the name leaves only the spec to filter on: every S3 connection is listed.
    for (let i = 0; i < 7; i++) emulator.store.seed({ name: `Other ${i}` })
    const target = emulator.store.seed({ name: 'Sales, EU' })
    const result = await runAction({ inputs: emulatorInputs(emulator, { 'connection-name': 'Sales, EU' }) })
    expect(result.outputs).toMatchObject({ 'connection-id': target.id, operation: 'updated' })
    const lookups = flowRequests(emulator).filter((r) => r.method === 'GET')
    expect(lookups).toHaveLength(4)
    expect(lookups.slice(1).every((r) => (r.query.continuationToken?.[0] ?? '') !== '')).toBe(true)
    expect(lookups.every((r) => r.query.property?.includes(`connectionSpec.id==${SPEC_ID}`))).toBe(true)
  })
})
