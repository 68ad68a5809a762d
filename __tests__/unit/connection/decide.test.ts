// One test per row of the README's table "What a run does" (if-exists x what exists), and the
// rules every concurrent run applies to agree on one connection.

import type { Found } from '../../../src/connection/client.js'
import {
  converge,
  decide,
  decideRemoval,
  idList,
  newcomers,
  readByDataflows,
  type WantedConnection
} from '../../../src/connection/decide.js'
import type { IfExists } from '../../../src/connection/inputs.js'

const SPEC = { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' }

function plan(ifExists: IfExists, overrides: Partial<WantedConnection> = {}): WantedConnection {
  return { name: 'S3 Connection', sandboxName: 'prod', spec: SPEC, authSpecName: 'Access Key', ifExists, ...overrides }
}

function found(id: string, overrides: Partial<Found> = {}): Found {
  return { id, name: 'S3 Connection', spec: SPEC, authSpecName: 'Access Key', etag: `"${id}"`, ...overrides }
}

const ONE = [found('11111111-1111-1111-1111-111111111111')]
const TWO = [found('11111111-1111-1111-1111-111111111111'), found('22222222-2222-2222-2222-222222222222')]

describe('decide: the README table, row by row', () => {
  describe.each<IfExists>(['update', 'reuse', 'fail', 'create'])('if-exists: %s', (mode) => {
    it('none exists: create it', () => {
      expect(decide([], plan(mode))).toEqual({ kind: 'create' })
    })
  })

  it('update, one exists: update it', () => {
    expect(decide(ONE, plan('update'))).toEqual({ kind: 'update', target: ONE[0] })
  })
  it('reuse, one exists: reuse it', () => {
    expect(decide(ONE, plan('reuse'))).toEqual({ kind: 'reuse', target: ONE[0] })
  })
  it('fail, one exists: fail, naming it', () => {
    const decision = decide(ONE, plan('fail'))
    expect(decision.kind).toBe('fail')
    expect(decision).toMatchObject({
      reason: expect.stringMatching(/already exists in sandbox "prod" \(11111111-.*\), and if-exists is 'fail'/)
    })
  })
  it('create, one exists: create another', () => {
    expect(decide(ONE, plan('create'))).toEqual({ kind: 'create' })
  })

  it.each<IfExists>(['update', 'reuse', 'fail'])('%s, two or more exist: fail, listing every id', (mode) => {
    const decision = decide(TWO, plan(mode))
    expect(decision).toMatchObject({
      kind: 'fail',
      reason: expect.stringContaining(`2 connections named "S3 Connection" exist in sandbox "prod" (${TWO[0]?.id}, ${TWO[1]?.id})`)
    })
  })
  it('create, two or more exist: create another', () => {
    expect(decide(TWO, plan('create'))).toEqual({ kind: 'create' })
  })

  it.each<IfExists>(['update', 'reuse'])('%s, one exists with another auth type: fail, as Flow Service cannot switch it', (mode) => {
    const decision = decide([found('11111111-1111-1111-1111-111111111111', { authSpecName: 'IAMRole Based' })], plan(mode))
    expect(decision).toMatchObject({
      kind: 'fail',
      reason: expect.stringMatching(/uses auth "IAMRole Based", but this run gives "Access Key"/)
    })
  })
  it.each<IfExists>(['update', 'reuse'])('%s, one exists with another spec version: fail, naming both versions', (mode) => {
    const decision = decide([found('11111111-1111-1111-1111-111111111111', { spec: { id: SPEC.id, version: '2.0' } })], plan(mode))
    expect(decision).toMatchObject({
      kind: 'fail',
      reason: expect.stringMatching(/spec version "2.0", but connection-spec-version is "1.0"/)
    })
  })
  it('update, one exists that does not say its auth type or version: update it', () => {
    const bare = found('11111111-1111-1111-1111-111111111111', { spec: { id: SPEC.id, version: '' } })
    delete bare.authSpecName
    expect(decide([bare], plan('update'))).toEqual({ kind: 'update', target: bare })
  })
})

describe('idList: conflicts name at most 10 ids, then the count', () => {
  it('lists every id of a few', () => {
    expect(idList(TWO)).toBe(` (${TWO[0]?.id}, ${TWO[1]?.id})`)
  })
  it('lists 10 of 10,000 and counts the rest', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => found(`id-${i}`))
    const text = idList(many)
    expect(text).toMatch(/^ \(id-0, id-1, .* id-9 and 9990 more\)$/)
    expect(text.length).toBeLessThan(200)
  })
})

describe('converge: after a create', () => {
  it("keeps this run's connection when it is the only one", () => {
    expect(converge([found('own', { createdAt: 1 })], 'own')).toEqual({ kind: 'kept' })
  })
  it("keeps this run's connection when it is the oldest of several", () => {
    expect(converge([found('other', { createdAt: 2 }), found('own', { createdAt: 1 })], 'own')).toEqual({ kind: 'kept' })
  })
  it('names the survivor when another is older: this run deletes its own', () => {
    const older = found('other', { createdAt: 1 })
    expect(converge([older, found('own', { createdAt: 2 })], 'own')).toEqual({ kind: 'lost', survivor: older })
  })
  it('compares ids in any case', () => {
    expect(converge([found('ABC', { createdAt: 1 })], 'abc')).toEqual({ kind: 'kept' })
  })
})

describe('newcomers: what appeared since the run looked', () => {
  it('is every connection the run’s own lookup did not list', () => {
    expect(newcomers(new Set(['old']), [found('OLD'), found('new')]).map((c) => c.id)).toEqual(['new'])
  })
})

describe('state: absent, row by row', () => {
  it('none exists: absent already, nothing to do', () => {
    expect(decideRemoval([], 'S3 Connection', 'prod')).toEqual({ kind: 'absent' })
  })

  it('one exists: delete it', () => {
    expect(decideRemoval(ONE, 'S3 Connection', 'prod')).toEqual({ kind: 'delete', target: ONE[0] })
  })

  it('two or more: fail, listing them, deleting none', () => {
    const decision = decideRemoval(TWO, 'S3 Connection', 'prod')
    expect(decision).toEqual({
      kind: 'fail',
      reason:
        '2 connections named "S3 Connection" exist in sandbox "prod" (11111111-1111-1111-1111-111111111111, 22222222-2222-2222-2222-222222222222); state \'absent\' deletes one it can tell apart, so nothing was deleted. Delete the extra ones (DELETE /connections/{id}), then run again.'
    })
  })

  it('a connection no dataflow reads is not kept', () => {
    expect(readByDataflows(found('1'), [])).toBeUndefined()
  })

  it('a connection dataflows read is kept, naming them, at most ten', () => {
    const users = Array.from({ length: 12 }, (_, i) => ({ id: `flow-${i}`, name: i === 0 ? 'Daily CRM' : '' }))
    expect(readByDataflows(found('1'), users)).toBe(
      'Connection 1 ("S3 Connection") is read by 12 dataflow(s): flow-0 ("Daily CRM"), flow-1, flow-2, flow-3, flow-4, flow-5, flow-6, flow-7, flow-8, flow-9 and 2 more; nothing was deleted. Delete them first (the dataflow action with state: absent), then run this step again.'
    )
  })
})
