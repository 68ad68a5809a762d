// One test per row of the README's table of what a dataflow run does.

import type { ExistingFlow } from '../../../src/dataflow/client.js'
import { decide, sourceDifferences, transformationOperation, type Chain, type Wanted } from '../../../src/dataflow/decide.js'

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
    source: {
      id: '22222222-2222-2222-2222-222222222222',
      baseConnectionId: BASE,
      format: 'delimited',
      properties: {},
      path: '/b/daily/*.csv',
      recursive: false
    },
    target: {
      id: '33333333-3333-3333-3333-333333333333',
      datasetId: '5c8c3c555033b814b69f947f',
      schemaId: 'https://ns.adobe.com/t/schemas/x'
    },
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
    const d = decide([], wanted())
    expect(d).toMatchObject({ kind: 'create' })
    expect(d.kind === 'create' && d.changes.map((c) => c.object)).toEqual([
      'source connection',
      'target connection',
      'mapping set',
      'dataflow'
    ])
  })
  it('none exists, no mapping (XDM-shaped JSON): no mapping set', () => {
    const d = decide([], wanted({ mappings: undefined }))
    expect(d.kind === 'create' && d.changes.map((c) => c.object)).toEqual(['source connection', 'target connection', 'dataflow'])
  })
  it('two or more exist: fail, listing them', () => {
    const d = decide([chain(), chain({ id: '44444444-4444-4444-4444-444444444444' })], wanted())
    expect(d).toMatchObject({ kind: 'fail', reason: expect.stringContaining(`2 dataflows named "Daily CRM" exist (${FLOW_ID}, 44444444-`) })
  })
  it('one exists, if-exists fail: fail, naming it', () => {
    expect(decide([chain()], wanted({ ifExists: 'fail' }))).toMatchObject({
      kind: 'fail',
      reason: expect.stringContaining("already exists (11111111-1111-1111-1111-111111111111), and if-exists is 'fail'")
    })
  })
  it('one exists, unchanged: reuse, writing nothing', () => {
    expect(decide([chain()], wanted())).toEqual({ kind: 'reuse', chain: chain(), changes: [] })
  })
  it('one exists, if-exists reuse: change nothing, and report what differs as not applied', () => {
    const d = decide([chain()], wanted({ ifExists: 'reuse', schedule: { frequency: 'hour', interval: 2, backfill: true } }))
    expect(d.kind).toBe('reuse')
    expect(d.kind === 'reuse' && d.changes.every((c) => c.action === 'not applied')).toBe(true)
  })
  it('a new schedule frequency and interval: one PATCH with both', () => {
    const d = decide([chain()], wanted({ schedule: { frequency: 'minute', interval: 30, backfill: true } }))
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
    expect(decide([chain({ description: 'old' })], wanted({ description: 'new' }))).toMatchObject({
      steps: { patch: [{ op: 'replace', path: '/description', value: 'new' }] }
    })
    expect(decide([chain()], wanted({ description: 'new' }))).toMatchObject({
      steps: { patch: [{ op: 'add', path: '/description', value: 'new' }] }
    })
  })
  it('partial ingestion or diagnostics that differ: PATCH /options', () => {
    const d = decide([chain()], wanted({ partialIngestionPercent: 5, errorDiagnostics: true }))
    expect(d).toMatchObject({
      steps: { patch: [{ op: 'replace', path: '/options', value: { partialIngestionPercent: 5, errorDiagnosticsEnabled: true } }] }
    })
  })
  it('a changed mapping: a new version of the mapping set, then the transformation patched to it', () => {
    const d = decide([chain()], wanted({ mappings: [{ sourceType: 'ATTRIBUTE', source: 'mail', destination: 'personalEmail.address' }] }))
    expect(d).toMatchObject({ kind: 'update', steps: { patch: [], mapping: { kind: 'new-version', mappingId: MAPPING_ID, index: 0 } } })
    if (d.kind !== 'update') throw new Error('expected an update')
    expect(transformationOperation(d.steps, { id: MAPPING_ID, version: 3 })).toEqual({
      op: 'replace',
      path: '/transformations/0',
      value: { name: 'Mapping', params: { mappingId: MAPPING_ID, mappingVersion: '3' } }
    })
  })
  it('a mapping where there was none: a new mapping set, added as a transformation', () => {
    const d = decide([chain({ mapping: undefined }, { mapping: undefined })], wanted())
    expect(d).toMatchObject({ kind: 'update', steps: { mapping: { kind: 'new-set' } } })
    if (d.kind !== 'update') throw new Error('expected an update')
    expect(transformationOperation(d.steps, { id: MAPPING_ID, version: 0 })).toMatchObject({ op: 'add', path: '/transformations/-' })
  })
  it('no mapping any more: the transformation removed', () => {
    const d = decide(
      [chain()],
      wanted({
        mappings: undefined,
        source: { path: '/b/daily/*.csv', recursive: false, format: 'delimited', columnDelimiter: ',', encoding: 'UTF-8' }
      })
    )
    expect(d).toMatchObject({ kind: 'update', steps: { patch: [{ op: 'remove', path: '/transformations/0' }] } })
  })
  it('enabled differs: the enable or disable action, nothing else', () => {
    expect(decide([chain()], wanted({ enabled: false }))).toMatchObject({ kind: 'update', steps: { patch: [], enable: false } })
    expect(decide([chain({ state: 'disabled' })], wanted())).toMatchObject({ kind: 'update', steps: { enable: true } })
  })
  it('start-time or backfill differ: reported, never patched', () => {
    const d = decide([chain()], wanted({ schedule: { frequency: 'day', interval: 1, backfill: false, startTime: 1797000000 } }))
    expect(d.kind).toBe('reuse')
    expect(d.kind === 'reuse' && d.changes.map((c) => [c.action, c.field])).toEqual([
      ['not applied', 'scheduleParams.startTime'],
      ['not applied', 'scheduleParams.backfill']
    ])
  })
  it('a scheduled dataflow asked to become once: reported, not applied (Adobe refuses it, 1366)', () => {
    const d = decide([chain()], wanted({ schedule: { frequency: 'once' } }))
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
    const d = decide([chain()], wanted(overrides))
    expect(d).toMatchObject({ kind: 'fail', reason: expect.stringContaining(`${field}: is `) })
  })
  it('a changed path, on-source-change replace: replace the chain, deleting the old parts after', () => {
    const d = decide(
      [chain()],
      wanted({
        onSourceChange: 'replace',
        source: { path: '/b/other/', recursive: false, format: 'delimited', columnDelimiter: ',', encoding: 'UTF-8' }
      })
    )
    expect(d.kind).toBe('replace')
    expect(d.kind === 'replace' && d.changes.map((c) => `${c.action} ${c.object}`)).toEqual([
      'replace source connection',
      'create source connection',
      'create target connection',
      'create mapping set',
      'create dataflow',
      'delete dataflow',
      'delete source connection',
      'delete target connection'
    ])
  })
})

describe('sourceDifferences', () => {
  it('reads an absent delimiter or encoding as the defaults a source connection means', () => {
    const c = chain(
      {},
      {
        source: {
          id: 's',
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
