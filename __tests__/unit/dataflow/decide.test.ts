// One test per row of dataflow/README.md's table of what a dataflow run does.

import {
  MAX_ENTRY_CHANGES,
  appliedSchedule,
  decide,
  sourceDifferences,
  transformationOperation,
  type Chain,
  type Decision,
  type Observed,
  type Wanted
} from '../../../src/dataflow/decide.js'
import type { ExistingFlow, ExistingSource, ExistingTarget } from '../../../src/dataflow/model.js'
import { withClaim, withMark, withRetirement } from '../../../src/platform/ownership.js'

const BASE = '4cb0c374-d3bb-4557-b139-5712880adc55'
const FLOW_ID = '11111111-1111-1111-1111-111111111111'
const MAPPING_ID = 'a'.repeat(32)
const MAPPINGS = [{ sourceType: 'ATTRIBUTE' as const, source: 'email', destination: 'personalEmail.address' }]

function wanted(overrides: Partial<Wanted> = {}): Wanted {
  return {
    name: 'Daily CRM',
    baseConnectionId: BASE,
    source: { path: '/b/daily/*.csv', recursive: false, format: 'delimited', columnDelimiter: ',', encoding: 'UTF-8' },
    datasetId: '5c8c3c555033b814b69f947f',
    mappings: MAPPINGS,
    schedule: { frequency: 'day', interval: 1, backfill: true },
    errorDiagnostics: false,
    enabled: true,
    ifExists: 'update',
    onSourceChange: 'fail',
    ...overrides
  }
}

const NOW = Date.parse('2026-12-05T12:00:00Z')
const DATASET = { id: '5c8c3c555033b814b69f947f', name: 'CRM', schemaId: 'https://ns.adobe.com/t/schemas/x' }

function observed(chains: Chain[], parts: Partial<Observed> = {}): Observed {
  return {
    dataset: DATASET,
    chains,
    sources: chains.flatMap((c) => (c.source !== undefined ? [c.source] : [])),
    targets: chains.flatMap((c) => (c.target !== undefined ? [c.target] : [])),
    usedElsewhere: new Set(),
    ...parts
  }
}

/** The decision for what exists now, once the leftovers of runs that are over are dealt with. */
function decisionOf(chains: Chain[], w: Wanted): Decision {
  return decide(observed(chains), w, NOW).decision
}

function sourceOf(overrides: Partial<ExistingSource> = {}): ExistingSource {
  return {
    id: '22222222-2222-2222-2222-222222222222',
    name: 'Daily CRM: source',
    baseConnectionId: BASE,
    format: 'delimited',
    properties: {},
    path: '/b/daily/*.csv',
    recursive: false,
    ...overrides
  }
}

function targetOf(overrides: Partial<ExistingTarget> = {}): ExistingTarget {
  return {
    id: '33333333-3333-3333-3333-333333333333',
    name: 'Daily CRM: target',
    datasetId: '5c8c3c555033b814b69f947f',
    schemaId: 'https://ns.adobe.com/t/schemas/x',
    ...overrides
  }
}

function chain(flowOverrides: Partial<ExistingFlow> = {}, parts: Partial<Chain> = {}): Chain {
  return {
    flow: {
      id: FLOW_ID,
      etag: '"e1"',
      name: 'Daily CRM',
      state: 'enabled',
      sourceConnectionId: '22222222-2222-2222-2222-222222222222',
      targetConnectionId: '33333333-3333-3333-3333-333333333333',
      mapping: { index: 0, id: MAPPING_ID, version: 2 },
      schedule: { frequency: 'day', interval: 1, startTime: 1796000000, backfill: true },
      options: {},
      ...flowOverrides
    },
    source: sourceOf(),
    target: targetOf(),
    mapping: {
      id: MAPPING_ID,
      version: 2,
      mappings: [{ sourceType: 'ATTRIBUTE', source: 'email', destination: 'personalEmail.address' }]
    },
    ...parts
  }
}

describe('decide: the README table, row by row', () => {
  it('none exists: create the source connection, target connection, mapping set and dataflow', () => {
    const d = decisionOf([], wanted())
    expect(d).toMatchObject({ kind: 'create' })
    expect(d.kind === 'create' && d.changes.map((c) => c.object)).toEqual([
      'source connection',
      'target connection',
      'mapping set',
      'dataflow'
    ])
  })
  it('none exists, no mapping (XDM-shaped JSON): no mapping set', () => {
    const d = decisionOf([], wanted({ mappings: undefined }))
    expect(d.kind === 'create' && d.changes.map((c) => c.object)).toEqual(['source connection', 'target connection', 'dataflow'])
  })
  it('two or more exist: fail, listing them', () => {
    const d = decisionOf([chain(), chain({ id: '44444444-4444-4444-4444-444444444444' })], wanted())
    expect(d).toMatchObject({ kind: 'fail', reason: expect.stringContaining(`2 dataflows named "Daily CRM" exist (${FLOW_ID}, 44444444-`) })
  })
  it('one exists, if-exists fail: fail, naming it', () => {
    expect(decisionOf([chain()], wanted({ ifExists: 'fail' }))).toMatchObject({
      kind: 'fail',
      reason: expect.stringContaining("already exists (11111111-1111-1111-1111-111111111111), and if-exists is 'fail'")
    })
  })
  it('one exists, unchanged: reuse, writing nothing', () => {
    expect(decisionOf([chain()], wanted())).toEqual({ kind: 'reuse', chain: chain(), changes: [] })
  })
  it('one exists, if-exists reuse: change nothing, and report what differs as not applied', () => {
    const d = decisionOf([chain()], wanted({ ifExists: 'reuse', schedule: { frequency: 'hour', interval: 2, backfill: true } }))
    expect(d.kind).toBe('reuse')
    expect(d.kind === 'reuse' && d.changes.every((c) => c.action === 'not applied')).toBe(true)
  })
  it('a new schedule frequency and interval: one PATCH with both', () => {
    const d = decisionOf([chain()], wanted({ schedule: { frequency: 'minute', interval: 30, backfill: true } }))
    expect(d).toMatchObject({
      kind: 'update',
      steps: {
        patch: [
          { op: 'replace', path: '/scheduleParams/frequency', value: 'minute' },
          { op: 'replace', path: '/scheduleParams/interval', value: 30 }
        ]
      }
    })
  })
  it('a given description that differs: PATCH /description (add when there was none)', () => {
    expect(decisionOf([chain({ description: 'old' })], wanted({ description: 'new' }))).toMatchObject({
      steps: { patch: [{ op: 'replace', path: '/description', value: 'new' }] }
    })
    expect(decisionOf([chain()], wanted({ description: 'new' }))).toMatchObject({
      steps: { patch: [{ op: 'add', path: '/description', value: 'new' }] }
    })
  })
  it('options on a dataflow created without them: add /options (JSON Patch cannot replace what is absent)', () => {
    const d = decisionOf([chain({ options: undefined })], wanted({ partialIngestionPercent: 5 }))
    expect(d).toMatchObject({ steps: { patch: [{ op: 'add', path: '/options', value: { partialIngestionPercent: 5 } }] } })
  })
  it('partial ingestion or diagnostics that differ: PATCH /options', () => {
    const d = decisionOf([chain()], wanted({ partialIngestionPercent: 5, errorDiagnostics: true }))
    expect(d).toMatchObject({
      steps: { patch: [{ op: 'replace', path: '/options', value: { partialIngestionPercent: 5, errorDiagnosticsEnabled: true } }] }
    })
  })
  it('a changed mapping: a new version of the mapping set, then the transformation patched to it', () => {
    const d = decisionOf(
      [chain()],
      wanted({ mappings: [{ sourceType: 'ATTRIBUTE', source: 'mail', destination: 'personalEmail.address' }] })
    )
    expect(d).toMatchObject({ kind: 'update', steps: { patch: [], mapping: { kind: 'new-version', mappingId: MAPPING_ID, index: 0 } } })
    if (d.kind !== 'update') throw new Error('expected an update')
    expect(d.changes).toEqual([
      { action: 'update', object: 'mapping set', field: 'mappings', from: 'version 2 (1 mappings)', to: 'a new version (1 mappings)' },
      {
        action: 'update',
        object: 'mapping set',
        field: 'destination personalEmail.address',
        from: 'email (ATTRIBUTE)',
        to: 'mail (ATTRIBUTE)',
        note: 'changed'
      }
    ])
    expect(transformationOperation(d.steps, { id: MAPPING_ID, version: 3 })).toEqual({
      op: 'replace',
      path: '/transformations/0',
      value: { name: 'Mapping', params: { mappingId: MAPPING_ID, mappingVersion: '3' } }
    })
  })
  it('a mapping changed entry by entry: each destination added, removed or fed from another source is one change', () => {
    const d = decisionOf(
      [chain()],
      wanted({
        mappings: [
          { sourceType: 'EXPRESSION', source: 'lower(email)', destination: 'personalEmail.address' },
          { sourceType: 'ATTRIBUTE', source: 'first_name', destination: 'person.name.firstName' }
        ]
      })
    )
    expect(d.kind === 'update' && d.changes.slice(1).map((c) => [c.field, c.from, c.to, c.note])).toEqual([
      ['destination personalEmail.address', 'email (ATTRIBUTE)', 'lower(email) (EXPRESSION)', 'changed'],
      ['destination person.name.firstName', undefined, 'first_name (ATTRIBUTE)', 'added']
    ])
    const removed = decisionOf([chain()], wanted({ mappings: [{ sourceType: 'ATTRIBUTE', source: 'id', destination: '_t.id' }] }))
    expect(removed.kind === 'update' && removed.changes.slice(1).map((c) => c.note)).toEqual(['added', 'removed'])
  })
  it('a mapping changed in many entries lists the first ones and counts the rest', () => {
    const many = Array.from({ length: MAX_ENTRY_CHANGES + 7 }, (_, i) => ({
      sourceType: 'ATTRIBUTE' as const,
      source: `c${i}`,
      destination: `_t.f${i}`
    }))
    const d = decisionOf([chain()], wanted({ mappings: many }))
    const entries = d.kind === 'update' ? d.changes.slice(1) : []
    expect(entries).toHaveLength(MAX_ENTRY_CHANGES + 1)
    expect(entries.at(-1)).toEqual({ action: 'update', object: 'mapping set', note: 'and 8 more mapping entries' })
  })
  it('a mapping where there was none: a new mapping set, added as a transformation', () => {
    const d = decisionOf([chain({ mapping: undefined }, { mapping: undefined })], wanted())
    expect(d).toMatchObject({ kind: 'update', steps: { mapping: { kind: 'new-set' } } })
    if (d.kind !== 'update') throw new Error('expected an update')
    expect(transformationOperation(d.steps, { id: MAPPING_ID, version: 0 })).toMatchObject({ op: 'add', path: '/transformations/-' })
  })
  it('no mapping any more: the transformation removed', () => {
    const d = decisionOf(
      [chain()],
      wanted({
        mappings: undefined,
        source: { path: '/b/daily/*.csv', recursive: false, format: 'delimited', columnDelimiter: ',', encoding: 'UTF-8' }
      })
    )
    expect(d).toMatchObject({
      kind: 'update',
      steps: {
        patch: [
          { op: 'remove', path: '/transformations/0', value: { name: 'Mapping', params: { mappingId: MAPPING_ID, mappingVersion: '2' } } }
        ]
      }
    })
  })
  it('enabled differs: the enable or disable action, nothing else', () => {
    expect(decisionOf([chain()], wanted({ enabled: false }))).toMatchObject({ kind: 'update', steps: { patch: [], enable: false } })
    expect(decisionOf([chain({ state: 'disabled' })], wanted())).toMatchObject({ kind: 'update', steps: { enable: true } })
  })
  it('start-time or backfill differ: reported, never patched', () => {
    const d = decisionOf([chain()], wanted({ schedule: { frequency: 'day', interval: 1, backfill: false, startTime: 1797000000 } }))
    expect(d.kind).toBe('reuse')
    expect(d.kind === 'reuse' && d.changes.map((c) => [c.action, c.field])).toEqual([
      ['not applied', 'scheduleParams.startTime'],
      ['not applied', 'scheduleParams.backfill']
    ])
  })
  it('a scheduled dataflow asked to become once: reported, not applied (Adobe refuses it, 1366)', () => {
    const d = decisionOf([chain()], wanted({ schedule: { frequency: 'once' } }))
    expect(d.kind === 'reuse' && d.changes[0]).toMatchObject({ action: 'not applied', field: 'scheduleParams.frequency', to: 'once' })
  })
  it.each([
    [
      'path',
      { source: { path: '/b/other/', recursive: false, format: 'delimited' as const, columnDelimiter: ',', encoding: 'UTF-8' as const } },
      'path'
    ],
    ['format', { source: { path: '/b/daily/*.csv', recursive: false, format: 'json' as const } }, 'format'],
    [
      'recursive',
      {
        source: { path: '/b/daily/*.csv', recursive: true, format: 'delimited' as const, columnDelimiter: ',', encoding: 'UTF-8' as const }
      },
      'recursive'
    ],
    [
      'delimiter',
      {
        source: { path: '/b/daily/*.csv', recursive: false, format: 'delimited' as const, columnDelimiter: ';', encoding: 'UTF-8' as const }
      },
      'properties.columnDelimiter'
    ],
    ['base connection', { baseConnectionId: '55555555-5555-5555-5555-555555555555' }, 'baseConnectionId'],
    ['dataset', { datasetId: '6c8c3c555033b814b69f947f' }, 'dataSetId']
  ])('a changed %s, on-source-change fail: fail, listing what is and what the inputs ask', (_what, overrides, field) => {
    const d = decisionOf([chain()], wanted(overrides))
    expect(d).toMatchObject({ kind: 'fail', reason: expect.stringContaining(`${field}: is `) })
  })
  it("a source property the server named like an inherited member ('constructor') is compared as the value it is, printed on one line", () => {
    const odd = chain({}, { source: sourceOf({ properties: { constructor: 'x\u2028y\u202e' } }) })
    const d = decisionOf([odd], wanted())
    expect(d.kind).toBe('fail')
    const reason = d.kind === 'fail' ? d.reason : ''
    expect(reason).toContain('properties.constructor: is "x\\u2028y\\u202e", the inputs ask for (none)')
    expect(reason).not.toMatch(/[\u2028\u202e]/)
  })
  it('a changed path, on-source-change replace: replace the chain, deleting the old parts after; the mapping set carries over', () => {
    const d = decisionOf(
      [chain()],
      wanted({
        onSourceChange: 'replace',
        source: { path: '/b/other/', recursive: false, format: 'delimited', columnDelimiter: ',', encoding: 'UTF-8' }
      })
    )
    expect(d).toMatchObject({ kind: 'replace', reuseMapping: { id: MAPPING_ID, version: 2 } })
    expect(d.kind === 'replace' && d.changes.map((c) => `${c.action} ${c.object}`)).toEqual([
      'replace source connection',
      'create source connection',
      'create target connection',
      'create dataflow',
      'delete dataflow',
      'delete source connection',
      'delete target connection'
    ])
    expect(d.kind === 'replace' && d.changes[3]?.note).toBe(`the replacement, with mapping set ${MAPPING_ID} version 2 as it is`)
  })
  it('a changed path and a changed mapping, on-source-change replace: the replacement gets a new mapping set', () => {
    const d = decisionOf(
      [chain()],
      wanted({
        onSourceChange: 'replace',
        mappings: [{ sourceType: 'ATTRIBUTE', source: 'mail', destination: 'personalEmail.address' }],
        source: { path: '/b/other/', recursive: false, format: 'delimited', columnDelimiter: ',', encoding: 'UTF-8' }
      })
    )
    expect(d.kind === 'replace' && d.reuseMapping).toBeUndefined()
    expect(d.kind === 'replace' && d.changes.map((c) => `${c.action} ${c.object}`)).toContain('create mapping set')
  })
  it('a path that differs only by its trailing slash is the same path (Adobe removes it)', () => {
    const c = chain({}, { source: sourceOf({ path: '/b/daily' }) })
    expect(
      decisionOf(
        [c],
        wanted({ source: { path: '/b/daily/', recursive: false, format: 'delimited', columnDelimiter: ',', encoding: 'UTF-8' } })
      )
    ).toMatchObject({
      kind: 'reuse'
    })
  })
})

describe("another step's run-now claim on the description", () => {
  const held = { token: 'c1a10001', until: NOW + 60_000 }
  const lapsed = { token: 'c1a10002', until: NOW - 10 * 60_000 }
  const claimed = (text: string, claim: typeof held) => withClaim(text, claim, 1024)

  it('stays while it may hold: a new description is written with the claim at its end', () => {
    const d = decisionOf([chain({ description: claimed('old', held) })], wanted({ description: 'new' }))
    expect(d).toMatchObject({ kind: 'update', steps: { patch: [{ op: 'replace', path: '/description', value: claimed('new', held) }] } })
    expect(d.kind === 'update' && d.changes).toEqual([
      { action: 'update', object: 'dataflow', field: 'description', from: 'old', to: 'new' }
    ])
  })

  it('is not a change: with nothing else asked, the dataflow is reused and nothing written', () => {
    expect(decisionOf([chain({ description: claimed('Managed by a test', held) })], wanted())).toMatchObject({ kind: 'reuse', changes: [] })
    expect(decisionOf([chain({ description: claimed('Managed by a test', held) })], wanted({ ifExists: 'reuse' }))).toMatchObject({
      kind: 'reuse',
      changes: []
    })
  })

  it('comes out once its time is over, and says so, once, with if-exists reuse too', () => {
    const d = decisionOf([chain({ description: claimed('Managed by a test', lapsed) })], wanted({ ifExists: 'reuse' }))
    expect(d).toMatchObject({ kind: 'update', steps: { patch: [{ op: 'replace', path: '/description', value: 'Managed by a test' }] } })
    expect(d.kind === 'update' && d.changes).toEqual([
      { action: 'update', object: 'dataflow', field: 'description', note: 'the claim of a run whose time is over comes out' }
    ])
  })
})

describe('the schedule an update leaves', () => {
  const daily = { frequency: 'day' as const, interval: 1, startTime: 1796000000, backfill: true }
  it.each([
    [
      'a new frequency and interval apply',
      daily,
      { frequency: 'hour' as const, interval: 3 },
      { ...daily, frequency: 'hour', interval: 3 }
    ],
    ['a scheduled one stays scheduled when once is asked', daily, { frequency: 'once' as const }, daily],
    [
      'one whose frequency was not read stays as read when once is asked',
      { startTime: 1796000000 },
      { frequency: 'once' as const },
      { startTime: 1796000000 }
    ],
    [
      'a once one may become scheduled',
      { frequency: 'once' as const, startTime: 1796000000 },
      { frequency: 'week' as const, interval: 2 },
      { frequency: 'week', interval: 2, startTime: 1796000000 }
    ],
    ["start time and backfill stay the create's", daily, { frequency: 'day' as const, interval: 1, startTime: 1, backfill: false }, daily]
  ])('%s', (_what, now, wantedSchedule, expected) => {
    expect(appliedSchedule(now, wantedSchedule)).toEqual(expected)
  })
})

describe('sourceDifferences', () => {
  it('reads an absent delimiter or encoding as the defaults a source connection means', () => {
    const c = chain(
      {},
      {
        source: {
          id: 's',
          name: 'Daily CRM: source',
          baseConnectionId: BASE.toUpperCase(),
          format: 'delimited',
          properties: {},
          path: '/b/daily/*.csv',
          recursive: false
        }
      }
    )
    expect(sourceDifferences(c, wanted())).toEqual([])
  })
})

describe('what runs that are over left, row by row', () => {
  const NEW_FLOW = '44444444-4444-4444-4444-444444444444'
  const NEW_SOURCE = '55555555-5555-5555-5555-555555555555'
  const NEW_TARGET = '66666666-6666-6666-6666-666666666666'
  const killed = { token: 'dead0001', until: NOW - 10 * 60_000 }
  const alive = { token: 'a1100001', until: NOW + 60_000 }
  const marked = (mark: typeof killed) => withMark('Managed by a test', mark, 1024)
  /** A chain another run made, carrying its mark everywhere. */
  const theirs = (mark: typeof killed, source: Partial<ExistingSource> = {}): Chain =>
    chain(
      { id: NEW_FLOW, description: marked(mark), sourceConnectionId: NEW_SOURCE, targetConnectionId: NEW_TARGET, createdAt: NOW - 60_000 },
      {
        source: sourceOf({ id: NEW_SOURCE, description: marked(mark), ...source }),
        target: targetOf({ id: NEW_TARGET, description: marked(mark) })
      }
    )
  const otherPath = { path: '/b/other/*.csv' }

  it("a killed run's dataflow that reads what the inputs ask, none other: it is the dataflow, its marks come out", () => {
    const p = decide(observed([theirs(killed)]), wanted(), NOW)
    expect(p.leftovers.adopted?.flow.id).toBe(NEW_FLOW)
    expect(p.leftovers.unmarked.map((u) => u.part.id)).toEqual([NEW_SOURCE, NEW_TARGET])
    expect(p.decision).toMatchObject({
      kind: 'update',
      steps: { patch: [{ op: 'replace', path: '/description', value: 'Managed by a test' }] }
    })
  })
  it("a killed run's dataflow that reads something else, none other: deleted with its connections, and a new one created", () => {
    const p = decide(observed([theirs(killed, otherPath)]), wanted(), NOW)
    expect(p.leftovers.removed.map((r) => r.chain.flow.id)).toEqual([NEW_FLOW])
    expect(p.leftovers.orphans).toEqual([])
    expect(p.decision).toMatchObject({ kind: 'create' })
    expect(p.decision.kind === 'create' && p.decision.changes[0]).toMatchObject({ action: 'delete', object: 'dataflow', from: NEW_FLOW })
  })
  it('a replacement a killed run left half done, the inputs asking for the new path: the swap is finished (the old one deleted)', () => {
    const old = chain({ state: 'disabled' }, { source: sourceOf(otherPath) })
    const p = decide(observed([old, theirs(killed)]), wanted(), NOW)
    expect(p.leftovers.adopted?.flow.id).toBe(NEW_FLOW)
    expect(p.leftovers.removed).toMatchObject([
      { chain: { flow: { id: FLOW_ID } }, why: expect.stringContaining(`replaced by dataflow ${NEW_FLOW}`) }
    ])
    expect(p.decision).toMatchObject({ kind: 'update', chain: { flow: { id: NEW_FLOW } } })
  })
  it('a replacement a killed run left half done, the inputs asking for the old path: undone (the new one deleted, the old one enabled again)', () => {
    const old = chain({ state: 'disabled' })
    const p = decide(observed([old, theirs(killed, otherPath)]), wanted(), NOW)
    expect(p.leftovers.adopted).toBeUndefined()
    expect(p.leftovers.removed.map((r) => r.chain.flow.id)).toEqual([NEW_FLOW])
    expect(p.decision).toMatchObject({ kind: 'update', chain: { flow: { id: FLOW_ID } }, steps: { enable: true } })
  })
  it("another run's dataflow it is still making: not counted, and left alone; this run creates, then converges with it", () => {
    const p = decide(observed([theirs(alive)]), wanted(), NOW)
    expect(p.decision.kind).toBe('create')
    expect(p.inProgress.map((c) => c.flow.id)).toEqual([NEW_FLOW])
    expect(p.leftovers).toEqual({ removed: [], orphans: [], unmarked: [] })
  })
  it('a dataflow recorded as replaced by one that exists: deleted; the replacement is the dataflow, even before its mark is out', () => {
    const old = chain({ description: withRetirement('Managed by a test', NEW_FLOW, 1024) }, { source: sourceOf(otherPath) })
    const p = decide(observed([old, theirs(alive)]), wanted(), NOW)
    expect(p.leftovers.removed.map((r) => r.chain.flow.id)).toEqual([FLOW_ID])
    expect(p.decision).toMatchObject({ kind: 'update', chain: { flow: { id: NEW_FLOW } } })
  })
  it('a dataflow recorded as replaced by one that does not exist: it is the dataflow, and the record comes out', () => {
    const p = decide(observed([chain({ description: withRetirement('Managed by a test', NEW_FLOW, 1024) })]), wanted(), NOW)
    expect(p.leftovers.removed).toEqual([])
    expect(p.decision).toMatchObject({
      kind: 'update',
      steps: { patch: [{ op: 'replace', path: '/description', value: 'Managed by a test' }] }
    })
  })
  it('connections named after the dataflow that no dataflow uses: deleted, unless a run is making them or a dataflow of another name uses them', () => {
    const orphan = sourceOf({ id: NEW_SOURCE })
    const busy = targetOf({ id: NEW_TARGET, description: marked(alive) })
    const renamed = sourceOf({ id: '77777777-7777-7777-7777-777777777777' })
    const c = chain()
    const p = decide(
      observed([c], {
        sources: [c.source ?? sourceOf(), orphan, renamed],
        targets: [c.target ?? targetOf(), busy],
        usedElsewhere: new Set([renamed.id])
      }),
      wanted(),
      NOW
    )
    expect(p.leftovers.orphans).toEqual([{ kind: 'source', part: orphan }])
    expect(p.decision).toMatchObject({ kind: 'reuse', changes: [{ action: 'delete', object: 'source connection', from: NEW_SOURCE }] })
  })
  it("a killed run's mark on the dataflow that stays, with if-exists reuse: only the mark comes out", () => {
    const p = decide(
      observed([theirs(killed)]),
      wanted({ ifExists: 'reuse', schedule: { frequency: 'hour', interval: 1, backfill: true } }),
      NOW
    )
    expect(p.decision).toMatchObject({ kind: 'update', steps: { patch: [{ path: '/description' }] } })
    // The mark's removal is said once: as the update it is, not also as a change reuse did not apply.
    expect(p.decision.kind === 'update' && p.decision.changes.map((c) => `${c.action} ${c.field ?? ''}`)).toEqual([
      'update description',
      'not applied scheduleParams.frequency'
    ])
  })
})
