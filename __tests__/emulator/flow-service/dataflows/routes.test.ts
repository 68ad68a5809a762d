// Dataflows over real sockets: create and its checks, read, list, patch, enable/disable, delete;
// and the CloudStorageToAEP flow spec.
import { FLOW_SPEC_ID, startEmulator, type Emulator } from '../../../../emulator/index.js'
import {
  chainParts,
  createFlow,
  createMappingSet,
  createTarget,
  flowBody,
  inSeconds,
  mappingBody,
  type Chain
} from '../../dataflow-helpers.js'
import { dataPrep, flow, flowCode, type FlowError } from '../../helpers.js'

let emu: Emulator
let parts: Chain

beforeAll(async () => {
  emu = await startEmulator({ sandboxes: ['prod', 'dev'], pageSize: 2, deleteFinalizeMs: 150 })
})
afterAll(() => emu.close())
beforeEach(async () => {
  emu.reset()
  parts = await chainParts(emu)
})

interface FlowItem {
  id: string
  etag: string
  name: string
  description?: string
  state: string
  flowSpec: { id: string; version: string }
  sourceConnectionIds: string[]
  targetConnectionIds: string[]
  transformations: { name: string; params: { mappingId: string; mappingVersion: string } }[]
  scheduleParams: Record<string, string>
  options?: Record<string, unknown>
  createdAt: number
  updatedAt: number
  lastRunDetails?: unknown
  inheritedAttributes: unknown
  runs: string
}

interface List {
  items: FlowItem[]
  _links?: { next: { href: string } }
}

async function get(id: string): Promise<FlowItem> {
  const res = await flow(emu, 'GET', `/flows/${id}`)
  const [first] = res.json<List>().items
  if (!first) throw new Error(res.text)
  return first
}

async function patch(id: string, etag: string, ops: unknown[]): Promise<ReturnType<typeof flow>> {
  return flow(emu, 'PATCH', `/flows/${id}`, { body: ops, headers: { 'if-match': etag } })
}

describe('POST /flows', () => {
  test('creates an enabled dataflow: 201 {id, etag} and a Location header', async () => {
    const res = await flow(emu, 'POST', '/flows', { body: flowBody(parts) })
    expect(res.status).toBe(201)
    const { id, etag } = res.json<{ id: string; etag: string }>()
    expect(res.headers['location']).toBe(`${emu.flowServiceUrl}/flows/${id}`)
    expect(emu.dataflows.flows()).toEqual([expect.objectContaining({ id, etag, state: 'enabled', name: 'Daily CRM' })])
  })

  test('GET shows schedule values and the mapping version as text, options, the ids and no run yet', async () => {
    const start = inSeconds(120)
    const body = flowBody(parts, {
      scheduleParams: { startTime: start, frequency: 'minute', interval: 15, backfill: true },
      options: { partialIngestionPercent: 10, errorDiagnosticsEnabled: true }
    })
    const { id, etag } = await createFlow(emu, body)
    const got = await get(id)
    expect(got).toMatchObject({
      id,
      etag,
      name: 'Daily CRM',
      description: 'made by a test',
      state: 'enabled',
      flowSpec: { id: FLOW_SPEC_ID, version: '1.0' },
      sourceConnectionIds: [parts.source],
      targetConnectionIds: [parts.target],
      transformations: [{ name: 'Mapping', params: { mappingId: parts.mapping.id, mappingVersion: '0' } }],
      scheduleParams: { startTime: String(start), frequency: 'minute', interval: '15', backfill: 'true' },
      options: { partialIngestionPercent: 10, errorDiagnosticsEnabled: true },
      runs: `/runs?property=flowId==${id}`,
      inheritedAttributes: {
        sourceConnections: [{ id: parts.source, baseConnection: { id: parts.base } }],
        targetConnections: [{ id: parts.target }]
      }
    })
    expect(got).not.toHaveProperty('lastRunDetails')
  })

  test('transformations may be empty; a once dataflow has no interval', async () => {
    const { id } = await createFlow(
      emu,
      flowBody({ source: parts.source, target: parts.target }, { scheduleParams: { startTime: inSeconds(60), frequency: 'once' } })
    )
    const got = await get(id)
    expect(got.transformations).toEqual([])
    expect(got.scheduleParams).toEqual({ startTime: expect.any(String), frequency: 'once' })
  })

  test("Adobe's codes: state sent 1410, start missing or past 1360, interval with once 1361, too small 1362, backfill with once 1364", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ state: 'enabled' }, '1410-400'],
      [{ scheduleParams: { frequency: 'once' } }, '1360-400'],
      [{ scheduleParams: { startTime: inSeconds(-60), frequency: 'once' } }, '1360-400'],
      [{ scheduleParams: { startTime: inSeconds(60), frequency: 'once', interval: 1 } }, '1361-400'],
      [{ scheduleParams: { startTime: inSeconds(60), frequency: 'minute', interval: 5 } }, '1362-400'],
      [{ scheduleParams: { startTime: inSeconds(60), frequency: 'day', interval: 0 } }, '1362-400'],
      [{ scheduleParams: { startTime: inSeconds(60), frequency: 'once', backfill: true } }, '1364-400']
    ]
    for (const [overrides, code] of cases) {
      const res = await flow(emu, 'POST', '/flows', { body: flowBody(parts, overrides) })
      expect([JSON.stringify(overrides), res.status, flowCode(res)]).toEqual([JSON.stringify(overrides), 400, code])
    }
    expect(emu.dataflows.flows()).toEqual([])
  })

  test("a mapping set whose output schema is not the target's is 1425-400", async () => {
    const schema = emu.catalog.addSchema({ title: 'Other', fields: { '_emulator.customerId': 'string' } })
    const dataset = emu.catalog.addDataset({ name: 'Other', schemaId: schema.id })
    const target = await createTarget(emu, {
      data: { schema: { id: schema.id, version: 'application/vnd.adobe.xed-full+json;version=1' } },
      params: { dataSetId: dataset.id }
    })
    const res = await flow(emu, 'POST', '/flows', { body: flowBody({ ...parts, target: target.id }) })
    expect(flowCode(res)).toBe('1425-400')
  })

  test('an unknown source, target, mapping set or version, flow spec or transformation is 1400-400', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ sourceConnectionIds: ['nope'] }, /Source connection 'nope' was not found/],
      [{ sourceConnectionIds: [parts.source, parts.source] }, /sourceConnectionIds must be an array holding one connection id/],
      [{ targetConnectionIds: ['nope'] }, /Target connection 'nope' was not found/],
      [{ transformations: [{ name: 'Mapping', params: { mappingId: parts.mapping.id, mappingVersion: '7' } }] }, /version 7 was not found/],
      [
        { transformations: [{ name: 'Mapping', params: { mappingId: 'nope', mappingVersion: 0 } }] },
        /Mapping set 'nope' version 0 was not found/
      ],
      [
        { transformations: [{ name: 'Mapping', params: { mappingId: parts.mapping.id, mappingVersion: 'latest' } }] },
        /needs a mappingId and a mappingVersion/
      ],
      [{ transformations: [{ name: 'Filter', params: {} }] }, /the only transformation the emulator knows/],
      [{ transformations: {} }, /transformations must be an array/],
      [{ flowSpec: { id: FLOW_SPEC_ID, version: '2.0' } }, /flowSpec must be/],
      [{ options: { partialIngestionPercent: 101 } }, /partialIngestionPercent must be a number from 0 to 100/],
      [{ options: { errorDiagnosticsEnabled: 'on' } }, /errorDiagnosticsEnabled must be true or false/],
      [{ options: { retries: 3 } }, /options\.retries is not an option/],
      [{ options: [] }, /options must be an object/],
      [{ name: '' }, /name is required/],
      [{ description: false }, /description must be a string/]
    ]
    for (const [overrides, message] of cases) {
      const res = await flow(emu, 'POST', '/flows', { body: flowBody(parts, overrides) })
      expect(flowCode(res)).toBe('1400-400')
      expect(res.json<FlowError>().errorMessage).toMatch(message)
    }
    const two = { name: 'Mapping', params: { mappingId: parts.mapping.id, mappingVersion: '0' } }
    expect(
      (await flow(emu, 'POST', '/flows', { body: flowBody(parts, { transformations: [two, two] }) })).json<FlowError>().errorMessage
    ).toBe('A dataflow takes one Mapping transformation.')
  })

  test('options may come as text, as the service writes them back', async () => {
    const { id } = await createFlow(emu, flowBody(parts, { options: { partialIngestionPercent: '5', errorDiagnosticsEnabled: 'false' } }))
    expect((await get(id)).options).toEqual({ partialIngestionPercent: 5, errorDiagnosticsEnabled: false })
  })
})

describe('GET /flows', () => {
  test('lists by name, flowSpec.id and sourceConnectionIds[], with paging', async () => {
    const a = await createFlow(emu, flowBody(parts, { name: 'A' }))
    const other = await chainParts(emu)
    await createFlow(emu, flowBody(other, { name: 'B' }))
    await createFlow(emu, flowBody(parts, { name: 'C' }))
    const byName = (await flow(emu, 'GET', `/flows?property=name==A&property=flowSpec.id==${FLOW_SPEC_ID}`)).json<List>()
    expect(byName.items.map((i) => i.id)).toEqual([a.id])
    const bySource = (await flow(emu, 'GET', `/flows?property=sourceConnectionIds[]==${parts.source}`)).json<List>()
    expect(bySource.items.map((i) => i.name)).toEqual(['A', 'C'])
    const page = (await flow(emu, 'GET', '/flows?limit=2')).json<List>()
    expect(page.items.map((i) => i.name)).toEqual(['A', 'B'])
    const next = (await flow(emu, 'GET', page._links?.next.href ?? '')).json<List>()
    expect(next.items.map((i) => i.name)).toEqual(['C'])
  })
})

describe('PATCH /flows/{id}', () => {
  test('needs If-Match (1403-400) and the current etag (1404-412)', async () => {
    const { id } = await createFlow(emu, flowBody(parts))
    const ops = [{ op: 'replace', path: '/name', value: 'Renamed' }]
    expect(flowCode(await flow(emu, 'PATCH', `/flows/${id}`, { body: ops }))).toBe('1403-400')
    expect(flowCode(await patch(id, '"old"', ops))).toBe('1404-412')
  })

  test('patches name, description, frequency, interval and options, with a new etag each time', async () => {
    const { id, etag } = await createFlow(emu, flowBody(parts))
    const res = await patch(id, etag, [
      { op: 'replace', path: '/name', value: 'Renamed' },
      { op: 'replace', path: '/description', value: 'new words' },
      { op: 'replace', path: '/scheduleParams/frequency', value: 'hour' },
      { op: 'replace', path: '/scheduleParams/interval', value: 2 },
      { op: 'add', path: '/options', value: { partialIngestionPercent: 5 } }
    ])
    expect(res.status).toBe(200)
    const { etag: second } = res.json<{ id: string; etag: string }>()
    expect(second).not.toBe(etag)
    const got = await get(id)
    expect(got).toMatchObject({ name: 'Renamed', description: 'new words', etag: second, options: { partialIngestionPercent: 5 } })
    expect(got.scheduleParams).toMatchObject({ frequency: 'hour', interval: '2' })
    const removed = await patch(id, second, [
      { op: 'remove', path: '/options' },
      { op: 'remove', path: '/description' }
    ])
    expect(removed.json<{ etag: string }>().etag).not.toBe(second)
    const after = await get(id)
    expect(after).not.toHaveProperty('options')
    expect(after).not.toHaveProperty('description')
  })

  test('replaces, removes and adds the Mapping transformation by index', async () => {
    const { id, etag } = await createFlow(emu, flowBody(parts))
    const v1 = (await flow(emu, 'GET', `/flows/${id}`)).json<List>().items[0]
    expect(v1?.transformations[0]?.params.mappingVersion).toBe('0')
    expect((await dataPrep(emu, 'PUT', `/mappingSets/${parts.mapping.id}`, { body: mappingBody() })).status).toBe(200)
    const replaced = await patch(id, etag, [
      {
        op: 'replace',
        path: '/transformations/0',
        value: { name: 'Mapping', params: { mappingId: parts.mapping.id, mappingVersion: '1' } }
      }
    ])
    expect(replaced.status).toBe(200)
    expect((await get(id)).transformations).toEqual([{ name: 'Mapping', params: { mappingId: parts.mapping.id, mappingVersion: '1' } }])
    const removed = await patch(id, replaced.json<{ etag: string }>().etag, [{ op: 'remove', path: '/transformations/0' }])
    expect((await get(id)).transformations).toEqual([])
    const other = await createMappingSet(emu)
    const added = await patch(id, removed.json<{ etag: string }>().etag, [
      { op: 'add', path: '/transformations/-', value: { name: 'Mapping', params: { mappingId: other.id, mappingVersion: '0' } } }
    ])
    expect(added.status).toBe(200)
    expect((await get(id)).transformations[0]?.params.mappingId).toBe(other.id)
  })

  test("the patched dataflow is checked as a create is: schedule codes and 1425 for another schema's mapping", async () => {
    const { id, etag } = await createFlow(emu, flowBody(parts))
    expect(flowCode(await patch(id, etag, [{ op: 'replace', path: '/scheduleParams/interval', value: 3 }]))).toBe('1362-400')
    expect(flowCode(await patch(id, etag, [{ op: 'replace', path: '/scheduleParams/frequency', value: 'once' }]))).toBe('1361-400')
    const schema = emu.catalog.addSchema({ title: 'Other', fields: { '_emulator.customerId': 'string' } })
    const set = await dataPrep(emu, 'POST', '/mappingSets', {
      body: mappingBody([{ source: 'customer_id', destination: '_emulator.customerId' }], schema.id)
    })
    const foreign = { name: 'Mapping', params: { mappingId: set.json<{ id: string }>().id, mappingVersion: '0' } }
    expect(flowCode(await patch(id, etag, [{ op: 'replace', path: '/transformations/0', value: foreign }]))).toBe('1425-400')
    expect(flowCode(await patch(id, etag, [{ op: 'replace', path: '/state', value: 'disabled' }]))).toBe('1410-400')
    const other = await patch(id, etag, [{ op: 'replace', path: '/sourceConnectionIds/0', value: 'x' }])
    expect(other.json<FlowError>().errorMessage).toMatch(/cannot be patched/)
    expect((await get(id)).etag).toBe(etag)
  })

  test('after the start has passed, startTime, backfill and becoming once are 1366-400; frequency may still change', async () => {
    const { id, etag } = await createFlow(
      emu,
      flowBody(parts, { scheduleParams: { startTime: inSeconds(1), frequency: 'minute', interval: 15, backfill: true } })
    )
    // The start is at most a second away: it has passed after this.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(flowCode(await patch(id, etag, [{ op: 'replace', path: '/scheduleParams/startTime', value: inSeconds(600) }]))).toBe('1366-400')
    expect(flowCode(await patch(id, etag, [{ op: 'replace', path: '/scheduleParams/backfill', value: false }]))).toBe('1366-400')
    const once = [
      { op: 'replace', path: '/scheduleParams/frequency', value: 'once' },
      { op: 'remove', path: '/scheduleParams/interval' },
      { op: 'remove', path: '/scheduleParams/backfill' }
    ]
    expect(flowCode(await patch(id, etag, once))).toBe('1366-400')
    expect((await patch(id, etag, [{ op: 'replace', path: '/scheduleParams/frequency', value: 'day' }])).status).toBe(200)
  })

  test('before the start, startTime may move (not to the past) and backfill change', async () => {
    const { id, etag } = await createFlow(emu, flowBody(parts))
    const later = inSeconds(3600)
    const res = await patch(id, etag, [
      { op: 'replace', path: '/scheduleParams/startTime', value: later },
      { op: 'replace', path: '/scheduleParams/backfill', value: false }
    ])
    expect(res.status).toBe(200)
    expect((await get(id)).scheduleParams).toMatchObject({ startTime: String(later), backfill: 'false' })
    expect(
      flowCode(
        await patch(id, res.json<{ etag: string }>().etag, [{ op: 'replace', path: '/scheduleParams/startTime', value: inSeconds(-100) }])
      )
    ).toBe('1360-400')
  })

  test('a dataflow forced busy answers 1421-400 for as many changes as asked, then works', async () => {
    const { id, etag } = await createFlow(emu, flowBody(parts))
    emu.dataflows.markBusy(id, 2)
    const ops = [{ op: 'replace', path: '/name', value: 'Renamed' }]
    const busy = await patch(id, etag, ops)
    expect(flowCode(busy)).toBe('1421-400')
    expect(busy.json<FlowError>().errorMessage).toBe(
      'The dataflow cannot be changed now: the dataflow is busy with another operation. Try again later.'
    )
    expect(flowCode(await flow(emu, 'POST', `/flows/${id}/action?op=disable`))).toBe('1421-400')
    expect((await patch(id, etag, ops)).status).toBe(200)
  })

  test('an unknown dataflow is 1010-404', async () => {
    const res = await patch('00000000-0000-0000-0000-000000000000', '"x"', [{ op: 'replace', path: '/name', value: 'n' }])
    expect(flowCode(res)).toBe('1010-404')
  })
})

describe('POST /flows/{id}/action', () => {
  test('disables and enables: {id, etag}, the state changes, a new etag when it does', async () => {
    const { id, etag } = await createFlow(emu, flowBody(parts))
    const off = await flow(emu, 'POST', `/flows/${id}/action?op=disable`)
    expect(off.status).toBe(200)
    const disabled = off.json<{ id: string; etag: string }>()
    expect(disabled.id).toBe(id)
    expect(disabled.etag).not.toBe(etag)
    expect((await get(id)).state).toBe('disabled')
    const again = await flow(emu, 'POST', `/flows/${id}/action?op=DISABLE`)
    expect(again.json<{ etag: string }>().etag).toBe(disabled.etag)
    await flow(emu, 'POST', `/flows/${id}/action?op=enable`)
    expect((await get(id)).state).toBe('enabled')
  })

  test('an op that is not enable or disable is 1400-400', async () => {
    const { id } = await createFlow(emu, flowBody(parts))
    expect(flowCode(await flow(emu, 'POST', `/flows/${id}/action?op=pause`))).toBe('1400-400')
    expect(flowCode(await flow(emu, 'POST', `/flows/${id}/action`))).toBe('1400-400')
  })
})

describe('DELETE /flows/{id}', () => {
  test('204; the dataflow is delete-finalizing (readable, not listed, unchangeable), then 404', async () => {
    const { id, etag } = await createFlow(emu, flowBody(parts))
    const res = await flow(emu, 'DELETE', `/flows/${id}`)
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect((await get(id)).state).toBe('delete-finalizing')
    expect((await flow(emu, 'GET', '/flows')).json<List>().items).toEqual([])
    expect(flowCode(await patch(id, etag, [{ op: 'replace', path: '/name', value: 'n' }]))).toBe('1400-400')
    expect(flowCode(await flow(emu, 'POST', `/flows/${id}/action?op=disable`))).toBe('1400-400')
    expect((await flow(emu, 'DELETE', `/flows/${id}`)).status).toBe(204)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const gone = await flow(emu, 'GET', `/flows/${id}`)
    expect(gone.status).toBe(404)
    expect(flowCode(gone)).toBe('1010-404')
    expect(emu.dataflows.flows()).toEqual([])
  })

  test('until the dataflow is fully deleted its base connection answers 1418-400; then the chain deletes', async () => {
    const { id } = await createFlow(emu, flowBody(parts))
    expect(flowCode(await flow(emu, 'DELETE', `/connections/${parts.base}`))).toBe('1418-400')
    await flow(emu, 'DELETE', `/flows/${id}`)
    expect(flowCode(await flow(emu, 'DELETE', `/connections/${parts.base}`))).toBe('1418-400')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await flow(emu, 'DELETE', `/sourceConnections/${parts.source}`)).status).toBe(204)
    expect((await flow(emu, 'DELETE', `/targetConnections/${parts.target}`)).status).toBe(204)
    expect((await flow(emu, 'DELETE', `/connections/${parts.base}`)).status).toBe(204)
  })

  test('a dataflow of another sandbox is 404', async () => {
    const { id } = await createFlow(emu, flowBody(parts))
    expect((await flow(emu, 'DELETE', `/flows/${id}`, { headers: { 'x-sandbox-name': 'dev' } })).status).toBe(404)
  })
})

describe('flow specs', () => {
  test('GET /flowSpecs?property=name=="CloudStorageToAEP" finds the spec; by id too; another id is 404', async () => {
    const listed = await flow(emu, 'GET', `/flowSpecs?property=${encodeURIComponent('name=="CloudStorageToAEP"')}`)
    const items = listed.json<{ items: { id: string; name: string; version: string; targetConnectionSpecIds: string[] }[] }>().items
    expect(items.map((i) => [i.id, i.name, i.version])).toEqual([[FLOW_SPEC_ID, 'CloudStorageToAEP', '1.0']])
    expect(items[0]?.targetConnectionSpecIds).toEqual(['c604ff05-7f1a-43c0-8e18-33bf874cb11c'])
    expect((await flow(emu, 'GET', '/flowSpecs?property=name==Other')).json<{ items: unknown[] }>().items).toEqual([])
    const byId = await flow(emu, 'GET', `/flowSpecs/${FLOW_SPEC_ID}`)
    expect(byId.json()).toMatchObject({ items: [{ id: FLOW_SPEC_ID, scheduleSpec: { spec: { required: ['startTime', 'frequency'] } } }] })
    expect(flowCode(await flow(emu, 'GET', '/flowSpecs/nope'))).toBe('1010-404')
  })
})
