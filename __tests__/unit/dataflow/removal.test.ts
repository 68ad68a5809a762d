// state: absent, decided row by row from what is named after the dataflow.

import type { Chain, Observed } from '../../../src/dataflow/decide.js'
import type { ExistingSource, ExistingTarget } from '../../../src/dataflow/model.js'
import { decideRemoval, isNothing, type Removal } from '../../../src/dataflow/removal.js'
import type { User } from '../../../src/platform/usage.js'

const BASE = '4cb0c374-d3bb-4557-b139-5712880adc55'
const FLOW = '11111111-1111-1111-1111-111111111111'
const SOURCE = '22222222-2222-2222-2222-222222222222'
const TARGET = '33333333-3333-3333-3333-333333333333'
const MAPPING = 'a'.repeat(32)

const source = (id = SOURCE, base = BASE): ExistingSource => ({
  id,
  name: 'Daily: source',
  baseConnectionId: base,
  format: 'delimited',
  properties: {},
  path: '/b/',
  recursive: false
})
const target = (id = TARGET): ExistingTarget => ({ id, name: 'Daily: target', datasetId: 'd'.repeat(24), schemaId: 's' })

function chain(id = FLOW, parts: Partial<Chain> = {}): Chain {
  return {
    flow: {
      id,
      etag: '"e"',
      name: 'Daily',
      state: 'enabled',
      sourceConnectionId: SOURCE,
      targetConnectionId: TARGET,
      mapping: { index: 0, id: MAPPING, version: 3 },
      schedule: {}
    },
    source: source(),
    target: target(),
    ...parts
  }
}

function named(chains: Chain[], parts: Partial<Omit<Observed, 'dataset'>> = {}): Omit<Observed, 'dataset'> {
  return {
    chains,
    sources: chains.flatMap((c) => (c.source !== undefined ? [c.source] : [])),
    targets: chains.flatMap((c) => (c.target !== undefined ? [c.target] : [])),
    usedElsewhere: new Set(),
    ...parts
  }
}

/** Each chain part used by the chain's own dataflow, as the usage listing answers. */
function ownUse(chains: Chain[], extra: Record<string, User[]> = {}): Map<string, User[]> {
  const users = new Map<string, User[]>()
  for (const c of chains)
    for (const part of [c.source, c.target])
      if (part !== undefined) users.set(part.id, [...(users.get(part.id) ?? []), { id: c.flow.id, name: 'Daily' }])
  for (const [id, more] of Object.entries(extra)) users.set(id, [...(users.get(id) ?? []), ...more])
  return users
}

function removal(
  chains: Chain[],
  parts: Partial<Omit<Observed, 'dataset'>> = {},
  extra: Record<string, User[]> = {},
  connectionId?: string
): Removal {
  const decision = decideRemoval(named(chains, parts), ownUse(chains, extra), connectionId)
  if (decision.kind !== 'remove') throw new Error(decision.reason)
  return decision
}

describe('decideRemoval', () => {
  it('nothing named so: nothing to do, which the teardown reports as absent', () => {
    const nothing = removal([])
    expect(isNothing(nothing)).toBe(true)
    expect(nothing.changes).toEqual([])
  })

  it('one dataflow: it goes first, then the connections it was made of; its mapping set stays, named', () => {
    const r = removal([chain()])
    expect(r.flows.map((c) => c.flow.id)).toEqual([FLOW])
    expect(r.parts).toEqual([
      { kind: 'source', id: SOURCE, why: `dataflow ${FLOW} was made of it` },
      { kind: 'target', id: TARGET, why: `dataflow ${FLOW} was made of it` }
    ])
    expect(r.mappings).toEqual([{ id: MAPPING, version: 3 }])
    expect(r.changes.map((c) => `${c.action} ${c.object} ${String(c.from)}`)).toEqual([
      `delete dataflow ${FLOW}`,
      `delete source connection ${SOURCE}`,
      `delete target connection ${TARGET}`,
      `keep mapping set ${MAPPING} version 3`
    ])
  })

  it('a connection another dataflow also uses is kept, naming it', () => {
    const r = removal([chain()], {}, { [TARGET]: [{ id: 'other-flow', name: 'Weekly' }] })
    expect(r.parts.map((p) => p.id)).toEqual([SOURCE])
    expect(r.kept).toEqual([{ kind: 'target', id: TARGET, users: [{ id: 'other-flow', name: 'Weekly' }] }])
    expect(r.changes).toContainEqual({ action: 'keep', object: 'target connection', from: TARGET, note: 'used by other-flow ("Weekly")' })
  })

  it('connections named after the dataflow that nothing uses (a stopped run left them) go too', () => {
    const r = removal([], { sources: [source('44444444-4444-4444-4444-444444444444')] })
    expect(isNothing(r)).toBe(false)
    expect(r.parts).toEqual([{ kind: 'source', id: '44444444-4444-4444-4444-444444444444', why: 'named after the dataflow' }])
  })

  it('a connection named after it that a dataflow of another name uses is kept', () => {
    const r = removal([], {
      targets: [target('55555555-5555-5555-5555-555555555555')],
      usedElsewhere: new Set(['55555555-5555-5555-5555-555555555555'])
    })
    expect(r.parts).toEqual([])
    expect(r.kept).toEqual([{ kind: 'target', id: '55555555-5555-5555-5555-555555555555', users: [] }])
    expect(isNothing(r)).toBe(true)
  })

  it('several dataflows of the name (a replaced one, a stopped run’s) all go; a shared mapping set is named once', () => {
    const second = chain('66666666-6666-6666-6666-666666666666', {
      source: source('77777777-7777-7777-7777-777777777777'),
      target: target('88888888-8888-8888-8888-888888888888')
    })
    const r = removal([chain(), second])
    expect(r.flows).toHaveLength(2)
    expect(r.parts).toHaveLength(4)
    expect(r.mappings).toEqual([{ id: MAPPING, version: 3 }])
  })

  it('a connection shared by two dataflows both going is deleted, not kept', () => {
    const second = chain('66666666-6666-6666-6666-666666666666')
    const r = removal([chain(), second])
    expect(r.kept).toEqual([])
    expect(r.parts.map((p) => p.id)).toEqual([SOURCE, TARGET])
  })

  describe('connection-id, a guard when given', () => {
    it('the dataflow reads it: removed', () => {
      expect(removal([chain()], {}, {}, BASE.toUpperCase()).flows).toHaveLength(1)
    })

    it('the dataflow reads another base connection: refused, naming both, deleting nothing', () => {
      const decision = decideRemoval(named([chain()]), ownUse([chain()]), '99999999-9999-9999-9999-999999999999')
      expect(decision).toEqual({
        kind: 'fail',
        reason: `The dataflow named so does not read connection-id 99999999-9999-9999-9999-999999999999 (${FLOW} reads base connection ${BASE}); nothing was deleted. Check 'dataflow-name' and 'connection-id', or leave 'connection-id' empty to delete it whatever it reads.`
      })
    })

    it('a dataflow whose source connection is gone already cannot be told apart, and goes', () => {
      const broken = chain(FLOW, { source: undefined })
      expect(removal([broken], {}, {}, '99999999-9999-9999-9999-999999999999').flows).toHaveLength(1)
    })
  })
})
