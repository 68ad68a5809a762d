// Source and target connections over real sockets.
import { DEMO_DATASET_ID, DEMO_SCHEMA_ID, GCS_SPEC_ID, startEmulator, type Emulator } from '../../../../emulator/index.js'
import {
  chainParts,
  createFlow,
  createSource,
  createTarget,
  CONTENT_TYPE,
  DAILY_EXPORT,
  flowBody,
  sourceBody,
  targetBody
} from '../../dataflow-helpers.js'
import { createS3, flow, flowCode, type FlowError } from '../../helpers.js'

let emu: Emulator
let base: string

beforeAll(async () => {
  emu = await startEmulator({ sandboxes: ['prod', 'dev'], pageSize: 2 })
})
afterAll(() => emu.close())
beforeEach(async () => {
  emu.reset()
  base = (await createS3(emu, 'S3')).id
})

interface Item {
  id: string
  etag: string
  version: string
  name: string
  description?: string
  state: string
  createdAt: number
  updatedAt: number
  createdClient: string
  baseConnectionId: string
  data: Record<string, unknown>
  params: Record<string, unknown>
  connectionSpec: { id: string; version: string }
}

interface List {
  items: Item[]
  _links?: { next: { href: string } }
}

async function item(path: string): Promise<Item> {
  const res = await flow(emu, 'GET', path)
  const [first] = res.json<List>().items
  if (!first) throw new Error(`no item at ${path}: ${res.text}`)
  return first
}

describe('POST /sourceConnections', () => {
  test('creates: 201, an id, a quoted etag and a Location header', async () => {
    const res = await flow(emu, 'POST', '/sourceConnections', { body: sourceBody(base) })
    expect(res.status).toBe(201)
    const { id, etag } = res.json<{ id: string; etag: string }>()
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(etag).toMatch(/^"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}"$/)
    expect(res.headers['location']).toBe(`${emu.flowServiceUrl}/sourceConnections/${id}`)
  })

  test('GET answers {items: [item]} with the body, the audit fields, state and epoch-ms times', async () => {
    const { id, etag } = await createSource(emu, base, {
      data: { format: 'DELIMITED', properties: { columnDelimiter: ';', encoding: 'iso-8859-1', compressionType: 'GZIP' } }
    })
    const got = await item(`/sourceConnections/${id}`)
    expect(got).toMatchObject({
      id,
      etag,
      version: etag,
      name: 'Daily CRM: source',
      description: 'made by a test',
      state: 'enabled',
      baseConnectionId: base,
      createdClient: 'emulator-demo-client-id',
      data: { format: 'delimited', properties: { columnDelimiter: ';', encoding: 'ISO-8859-1', compressionType: 'gzip' } },
      params: { path: DAILY_EXPORT, type: 'file', recursive: false }
    })
    expect(got.createdAt).toBe(got.updatedAt)
    expect(got.createdAt).toBeGreaterThan(1_600_000_000_000)
  })

  test('params.type and recursive are optional; recursive reads true/false text too', async () => {
    const { id } = await createSource(emu, base, { params: { path: '/demo-bucket/exports/', recursive: 'true' } })
    // Adobe removes a trailing '/' (the S3 source page).
    expect((await item(`/sourceConnections/${id}`)).params).toEqual({ path: '/demo-bucket/exports', recursive: true })
  })

  test('a column delimiter that is not one character is 1331-400', async () => {
    const res = await flow(emu, 'POST', '/sourceConnections', {
      body: sourceBody(base, { data: { format: 'delimited', properties: { columnDelimiter: ';;' } } })
    })
    expect(res.status).toBe(400)
    expect(flowCode(res)).toBe('1331-400')
  })

  test('a base connection that is not an S3 one of this sandbox is 1400-400', async () => {
    const gcs = emu.store.seed({ name: 'GCS', specId: GCS_SPEC_ID, specName: 'Google Cloud Storage authentication credentials' })
    const elsewhere = emu.store.seed({ name: 'Dev S3', sandboxName: 'dev' })
    for (const id of ['nope', gcs.id, elsewhere.id, 5]) {
      const res = await flow(emu, 'POST', '/sourceConnections', { body: sourceBody(base, { baseConnectionId: id }) })
      expect(flowCode(res)).toBe('1400-400')
      expect(res.json<FlowError>().errorMessage).toMatch(/is not an Amazon S3 base connection in this sandbox/)
    }
  })

  test('another connection spec is 1413-400', async () => {
    const res = await flow(emu, 'POST', '/sourceConnections', {
      body: sourceBody(base, { connectionSpec: { id: GCS_SPEC_ID, version: '1.0' } })
    })
    expect(flowCode(res)).toBe('1413-400')
  })

  test('a bad format, encoding, compression, unknown property, path or type is 1400-400 naming it', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ data: { format: 'xml' } }, /data\.format must be one of delimited, json, parquet/],
      [{ data: { format: 'json', properties: { encoding: 'UTF-16' } } }, /encoding must be one of UTF-8, ISO-8859-1/],
      [{ data: { format: 'json', properties: { compressionType: 'zip' } } }, /compressionType must be one of/],
      [{ data: { format: 'json', properties: { skipRows: '1' } } }, /data\.properties\.skipRows is not a property/],
      [{ data: { format: 'json', properties: 'x' } }, /data\.properties must be an object/],
      [{ params: { path: 'relative/a.csv' } }, /params\.path is required/],
      [{ params: { path: '/a/b', type: 'prefix' } }, /params\.type must be 'file' or 'folder'/],
      [{ params: { path: '/a/b', recursive: 'yes' } }, /params\.recursive must be true or false/],
      [{ name: ' ' }, /name is required/],
      [{ description: 3 }, /description must be a string/]
    ]
    for (const [overrides, message] of cases) {
      const res = await flow(emu, 'POST', '/sourceConnections', { body: sourceBody(base, overrides) })
      expect(flowCode(res)).toBe('1400-400')
      expect(res.json<FlowError>().errorMessage).toMatch(message)
    }
    expect(flowCode(await flow(emu, 'POST', '/sourceConnections', { body: [] }))).toBe('1400-400')
  })
})

describe('GET /sourceConnections', () => {
  test('filters by name, baseConnectionId or any property path, and pages with continuation tokens', async () => {
    const other = (await createS3(emu, 'Other S3')).id
    await createSource(emu, base, { name: 'A' })
    await createSource(emu, base, { name: 'B', data: { format: 'json' } })
    await createSource(emu, other, { name: 'A' })
    const byName = (await flow(emu, 'GET', `/sourceConnections?property=name==A&property=baseConnectionId==${base}`)).json<List>()
    expect(byName.items.map((i) => [i.name, i.baseConnectionId])).toEqual([['A', base]])
    const byFormat = (await flow(emu, 'GET', '/sourceConnections?property=data.format==json')).json<List>()
    expect(byFormat.items.map((i) => i.name)).toEqual(['B'])
    const first = (await flow(emu, 'GET', '/sourceConnections')).json<List>()
    expect(first.items).toHaveLength(2)
    expect(first._links?.next.href).toMatch(/^\/sourceConnections\?continuationToken=/)
    const second = (await flow(emu, 'GET', first._links?.next.href ?? '')).json<List>()
    expect(second.items.map((i) => i.name)).toEqual(['A'])
    expect(second).not.toHaveProperty('_links')
    expect((await flow(emu, 'GET', '/sourceConnections?count=true')).json()).toEqual({ count: 3 })
  })

  test('shows only the request sandbox', async () => {
    await createSource(emu, base)
    expect((await flow(emu, 'GET', '/sourceConnections', { headers: { 'x-sandbox-name': 'dev' } })).json<List>().items).toEqual([])
  })
})

describe('PATCH /sourceConnections/{id}', () => {
  test('needs If-Match (1403-400), the current etag (1404-412), then patches with a new etag', async () => {
    const { id, etag } = await createSource(emu, base)
    const ops = [{ op: 'replace', path: '/params/path', value: '/demo-bucket/exports/daily/' }]
    expect(flowCode(await flow(emu, 'PATCH', `/sourceConnections/${id}`, { body: ops }))).toBe('1403-400')
    expect(flowCode(await flow(emu, 'PATCH', `/sourceConnections/${id}`, { body: ops, headers: { 'if-match': '"stale"' } }))).toBe(
      '1404-412'
    )
    const res = await flow(emu, 'PATCH', `/sourceConnections/${id}`, {
      body: [...ops, { op: 'replace', path: '/params/type', value: 'folder' }, { op: 'remove', path: '/description' }],
      headers: { 'if-match': etag }
    })
    expect(res.status).toBe(200)
    const answer = res.json<{ id: string; etag: string }>()
    expect(answer.id).toBe(id)
    expect(answer.etag).not.toBe(etag)
    const got = await item(`/sourceConnections/${id}`)
    expect(got.params).toEqual({ path: '/demo-bucket/exports/daily', type: 'folder', recursive: false })
    expect(got).not.toHaveProperty('description')
    expect(got.updatedAt).toBeGreaterThan(got.createdAt)
  })

  test('the patched connection is checked as a create is; other paths cannot be patched', async () => {
    const { id, etag } = await createSource(emu, base)
    const bad = await flow(emu, 'PATCH', `/sourceConnections/${id}`, {
      body: [{ op: 'replace', path: '/data/properties/columnDelimiter', value: '||' }],
      headers: { 'if-match': etag }
    })
    expect(flowCode(bad)).toBe('1331-400')
    const other = await flow(emu, 'PATCH', `/sourceConnections/${id}`, {
      body: [{ op: 'replace', path: '/baseConnectionId', value: 'x' }],
      headers: { 'if-match': etag }
    })
    expect(flowCode(other)).toBe('1400-400')
    expect(other.json<FlowError>().errorMessage).toMatch(/path '\/baseConnectionId' cannot be patched/)
  })
})

describe('DELETE /sourceConnections/{id}', () => {
  test('204, then 1010-404 everywhere', async () => {
    const { id } = await createSource(emu, base)
    expect((await flow(emu, 'DELETE', `/sourceConnections/${id}`)).status).toBe(204)
    const gone = await flow(emu, 'GET', `/sourceConnections/${id}`)
    expect(gone.status).toBe(404)
    expect(flowCode(gone)).toBe('1010-404')
    expect(gone.json<FlowError>().errorMessage).toBe(`Source connection with id '${id}' was not found in this sandbox.`)
    expect((await flow(emu, 'DELETE', `/sourceConnections/${id}`)).status).toBe(404)
  })

  test('while a dataflow uses it, source and target connections answer 1418-400', async () => {
    const parts = await chainParts(emu)
    const { id: flowId } = await createFlow(emu, flowBody(parts))
    for (const path of [`/sourceConnections/${parts.source}`, `/targetConnections/${parts.target}`]) {
      const res = await flow(emu, 'DELETE', path)
      expect(flowCode(res)).toBe('1418-400')
      expect(res.json<FlowError>().errorMessage).toContain(flowId)
    }
  })
})

describe('target connections', () => {
  test('create, read, list by params.dataSetId, delete', async () => {
    const { id, etag } = await createTarget(emu)
    const got = await item(`/targetConnections/${id}`)
    expect(got).toMatchObject({
      id,
      etag,
      state: 'enabled',
      data: { schema: { id: DEMO_SCHEMA_ID, version: CONTENT_TYPE } },
      params: { dataSetId: DEMO_DATASET_ID },
      connectionSpec: { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' }
    })
    const listed = (
      await flow(emu, 'GET', `/targetConnections?property=params.dataSetId==${DEMO_DATASET_ID}&property=name==Daily CRM: target`)
    ).json<List>()
    expect(listed.items.map((i) => i.id)).toEqual([id])
    expect((await flow(emu, 'GET', '/targetConnections?property=params.dataSetId==000000000000000000000000')).json<List>().items).toEqual(
      []
    )
    expect((await flow(emu, 'DELETE', `/targetConnections/${id}`)).status).toBe(204)
    expect((await flow(emu, 'GET', `/targetConnections/${id}`)).status).toBe(404)
  })

  test('another connection spec is 1307-400; a missing dataSetId 1325-400', async () => {
    expect(
      flowCode(await flow(emu, 'POST', '/targetConnections', { body: targetBody({ connectionSpec: { id: 'x', version: '1.0' } }) }))
    ).toBe('1307-400')
    expect(flowCode(await flow(emu, 'POST', '/targetConnections', { body: targetBody({ connectionSpec: undefined }) }))).toBe('1307-400')
    expect(flowCode(await flow(emu, 'POST', '/targetConnections', { body: targetBody({ params: {} }) }))).toBe('1325-400')
  })

  test("an unknown dataset, a schema that is not the dataset's or a wrong version are 1400-400", async () => {
    const unknown = await flow(emu, 'POST', '/targetConnections', {
      body: targetBody({ params: { dataSetId: '000000000000000000000000' } })
    })
    expect(flowCode(unknown)).toBe('1400-400')
    expect(unknown.json<FlowError>().errorMessage).toBe("Dataset '000000000000000000000000' was not found in this sandbox.")
    const schema = emu.catalog.addSchema({ title: 'Other', fields: { a: 'string' } })
    const mismatch = await flow(emu, 'POST', '/targetConnections', {
      body: targetBody({ data: { schema: { id: schema.id, version: CONTENT_TYPE } } })
    })
    expect(mismatch.json<FlowError>().errorMessage).toBe(
      `data.schema.id '${schema.id}' is not the schema of dataset ${DEMO_DATASET_ID} ('${DEMO_SCHEMA_ID}').`
    )
    const version = await flow(emu, 'POST', '/targetConnections', {
      body: targetBody({ data: { schema: { id: DEMO_SCHEMA_ID, version: '1.0' } } })
    })
    expect(version.json<FlowError>().errorMessage).toMatch(/^data\.schema must be/)
  })

  test('PATCH changes the name and description only', async () => {
    const { id, etag } = await createTarget(emu)
    const res = await flow(emu, 'PATCH', `/targetConnections/${id}`, {
      body: [{ op: 'replace', path: '/name', value: 'Renamed' }],
      headers: { 'if-match': etag }
    })
    expect(res.status).toBe(200)
    expect((await item(`/targetConnections/${id}`)).name).toBe('Renamed')
    const fresh = res.json<{ etag: string }>().etag
    const other = await flow(emu, 'PATCH', `/targetConnections/${id}`, {
      body: [{ op: 'replace', path: '/params/dataSetId', value: 'x' }],
      headers: { 'if-match': fresh }
    })
    expect(flowCode(other)).toBe('1400-400')
  })
})
