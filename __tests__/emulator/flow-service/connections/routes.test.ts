// Base connections over real sockets: create, list, read, update, delete, and the spec endpoints.
import { DEMO, S3_SPEC_ID, startEmulator, type Emulator } from '../../../../emulator/index.js'
import { createS3, flow, flowCode, s3Body, type FlowError } from '../../helpers.js'

const GCS_SPEC_ID = '32e8f412-cdf7-464c-9885-78184cb113fd'

interface Item {
  id: string
  name: string
  etag: string
  version: string
  description?: string
  auth: { specName: string; params: Record<string, unknown> }
  connectionSpec: { id: string; version: string }
  sandboxName: string
  createdAt: number
  updatedAt: number
}

interface List {
  items: Item[]
  _links?: { next: { href: string } }
}

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ sandboxes: ['prod', 'dev'], pageSize: 3 })
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

function query(...properties: string[]): string {
  return properties.map((p) => `property=${encodeURIComponent(p)}`).join('&')
}

describe('POST /connections', () => {
  test('creates a connection: 201, an id, a quoted etag and a Location header', async () => {
    const res = await flow(emu, 'POST', '/connections', { body: s3Body('Sales') })
    expect(res.status).toBe(201)
    const { id, etag } = res.json<{ id: string; etag: string }>()
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(etag).toMatch(/^"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}"$/)
    expect(res.headers['location']).toBe(`${emu.flowServiceUrl}/connections/${id}`)
    expect(emu.store.get(id)).toMatchObject({
      name: 'Sales',
      etag,
      orgId: emu.orgId,
      sandboxName: 'prod',
      auth: { specName: 'Access Key', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } },
      state: 'enabled'
    })
  })

  test('names are not unique: the same body twice makes two connections', async () => {
    const a = await createS3(emu, 'Twice')
    const b = await createS3(emu, 'Twice')
    expect(a.id).not.toBe(b.id)
    expect(emu.store.list().map((c) => c.name)).toEqual(['Twice', 'Twice'])
  })

  test('accepts an IAM role connection with only a bucket name', async () => {
    await createS3(emu, 'Role', { bucketName: 'demo-bucket' }, 'IAMRole Based')
    expect(emu.store.list()[0]?.auth.specName).toBe('IAMRole Based')
  })

  test('a missing name is 1400-400', async () => {
    const body = { ...(s3Body('x') as object), name: undefined }
    const res = await flow(emu, 'POST', '/connections', { body })
    expect(res.status).toBe(400)
    expect(flowCode(res)).toBe('1400-400')
    expect(res.json<FlowError>().report['detailed-message']).toMatch(/name/)
  })

  test('a missing or unknown connection spec is 1413-400', async () => {
    for (const connectionSpec of [undefined, { id: S3_SPEC_ID }, { id: 'nope', version: '1.0' }]) {
      const res = await flow(emu, 'POST', '/connections', { body: { ...(s3Body('x') as object), connectionSpec } })
      expect(flowCode(res)).toBe('1413-400')
    }
  })

  test('an auth spec name the spec does not define is 1415-400', async () => {
    const res = await flow(emu, 'POST', '/connections', { body: s3Body('x', { bucketName: 'b' }, 'Assumed Role') })
    expect(res.status).toBe(400)
    expect(flowCode(res)).toBe('1415-400')
  })

  test('bad auth params are 1400-400 naming the key but never its value', async () => {
    const missing = await flow(emu, 'POST', '/connections', { body: s3Body('x', { s3AccessKey: 'AKIA-SHOWN?' }) })
    expect(flowCode(missing)).toBe('1400-400')
    expect(missing.text).toContain('s3SecretKey')
    expect(missing.text).not.toContain('AKIA-SHOWN?')
    const unknown = await flow(emu, 'POST', '/connections', { body: s3Body('x', { s3AccessKey: 'a', s3SecretKey: 'b', password: 'P4SS' }) })
    expect(unknown.text).toContain('password')
    expect(unknown.text).not.toContain('P4SS')
    const nonString = await flow(emu, 'POST', '/connections', { body: s3Body('x', { s3AccessKey: 'a', s3SecretKey: 12345 }) })
    expect(nonString.text).toContain('s3SecretKey')
    expect(nonString.text).not.toContain('12345')
    expect(emu.store.list()).toHaveLength(0)
  })

  test('a body that is not an object is 1400-400', async () => {
    expect(flowCode(await flow(emu, 'POST', '/connections', { body: [] }))).toBe('1400-400')
  })
})

describe('GET /connections', () => {
  test('lists only the request sandbox, in creation order, with secrets masked', async () => {
    await createS3(emu, 'A')
    await createS3(emu, 'B')
    emu.store.seed({ name: 'Elsewhere', sandboxName: 'dev' })
    const res = await flow(emu, 'GET', '/connections')
    const { items } = res.json<List>()
    expect(items.map((i) => i.name)).toEqual(['A', 'B'])
    expect(items[0]?.auth.params).toEqual({ s3AccessKey: '***', s3SecretKey: '***' })
    expect(res.text).not.toContain(DEMO.s3SecretKey)
    expect(res.text).not.toContain(DEMO.s3AccessKey)
  })

  test('items have the fields Adobe shows', async () => {
    await createS3(emu, 'A')
    const [item] = (await flow(emu, 'GET', '/connections')).json<List>().items
    expect(Object.keys(item ?? {}).sort()).toEqual(
      [
        'auth',
        'connectionSpec',
        'createdAt',
        'createdBy',
        'createdClient',
        'description',
        'etag',
        'id',
        'imsOrgId',
        'name',
        'sandboxId',
        'sandboxName',
        'state',
        'updatedAt',
        'updatedBy',
        'updatedClient',
        'version'
      ].sort()
    )
    expect(item).toMatchObject({ createdClient: DEMO.clientId, imsOrgId: emu.orgId, sandboxName: 'prod', state: 'enabled' })
    expect(item?.version).toBe(item?.etag)
  })

  test('property filters are ANDed and URL-decoded', async () => {
    await createS3(emu, 'My S3 & co')
    emu.store.seed({ name: 'My S3 & co', specId: GCS_SPEC_ID, specName: 'Google Cloud Storage authentication credentials' })
    await createS3(emu, 'Other')
    const res = await flow(emu, 'GET', `/connections?${query('name==My S3 & co', `connectionSpec.id==${S3_SPEC_ID}`)}`)
    const { items } = res.json<List>()
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ name: 'My S3 & co', connectionSpec: { id: S3_SPEC_ID } })
  })

  test('the operator is the first one after the field', async () => {
    await createS3(emu, 'a==b')
    await createS3(emu, 'a')
    const { items } = (await flow(emu, 'GET', `/connections?${query('name==a==b')}`)).json<List>()
    expect(items.map((i) => i.name)).toEqual(['a==b'])
  })

  test('a comma is OR, so a name with a comma is not found by equality (as on Adobe)', async () => {
    await createS3(emu, 'Sales, EU')
    await createS3(emu, 'Sales')
    const { items } = (await flow(emu, 'GET', `/connections?${query('name==Sales, EU')}`)).json<List>()
    expect(items.map((i) => i.name)).toEqual(['Sales'])
  })

  test('a malformed property filter is 1400-400', async () => {
    expect(flowCode(await flow(emu, 'GET', `/connections?${query('name=x')}`))).toBe('1400-400')
  })

  test('limit pages with a continuation token until the last page, which has no _links', async () => {
    for (const n of ['c1', 'c2', 'c3', 'c4', 'c5']) await createS3(emu, n)
    const first = (await flow(emu, 'GET', '/connections?limit=2')).json<List>()
    expect(first.items.map((i) => i.name)).toEqual(['c1', 'c2'])
    expect(first._links?.next.href).toMatch(/^\/connections\?continuationToken=[\w-]+$/)
    const second = (await flow(emu, 'GET', `${first._links?.next.href ?? ''}&limit=2`)).json<List>()
    expect(second.items.map((i) => i.name)).toEqual(['c3', 'c4'])
    const third = (await flow(emu, 'GET', `${second._links?.next.href ?? ''}&limit=2`)).json<List>()
    expect(third.items.map((i) => i.name)).toEqual(['c5'])
    expect(third).not.toHaveProperty('_links')
  })

  test('without limit, pages hold pageSize items', async () => {
    for (const n of ['c1', 'c2', 'c3', 'c4']) await createS3(emu, n)
    const first = (await flow(emu, 'GET', '/connections')).json<List>()
    expect(first.items).toHaveLength(3)
    const second = (await flow(emu, 'GET', first._links?.next.href ?? '')).json<List>()
    expect(second.items.map((i) => i.name)).toEqual(['c4'])
  })

  test('the client re-sends its filters with the token; a token used with other filters is 1400-400', async () => {
    for (const n of ['x1', 'y', 'x2', 'x3']) await createS3(emu, n)
    const filter = query('name~x')
    const first = (await flow(emu, 'GET', `/connections?${filter}&limit=2`)).json<List>()
    expect(first.items.map((i) => i.name)).toEqual(['x1', 'x2'])
    const href = first._links?.next.href ?? ''
    const second = (await flow(emu, 'GET', `${href}&${filter}&limit=2`)).json<List>()
    expect(second.items.map((i) => i.name)).toEqual(['x3'])
    const forgot = await flow(emu, 'GET', `${href}&limit=2`)
    expect(forgot.status).toBe(400)
    expect(forgot.text).toMatch(/same filters/)
  })

  test('a token the emulator did not make is 1400-400', async () => {
    expect(flowCode(await flow(emu, 'GET', '/connections?continuationToken=garbage'))).toBe('1400-400')
  })

  test('count=true counts the matching connections', async () => {
    await createS3(emu, 'A')
    await createS3(emu, 'B')
    expect((await flow(emu, 'GET', '/connections?count=true')).json()).toEqual({ count: 2 })
    expect((await flow(emu, 'GET', `/connections?count=true&${query('name==A')}`)).json()).toEqual({ count: 1 })
  })

  test('count with limit is 1401-400', async () => {
    const res = await flow(emu, 'GET', '/connections?count=true&limit=5')
    expect(res.status).toBe(400)
    expect(flowCode(res)).toBe('1401-400')
  })

  test('a limit that is not a positive integer is 1400-400', async () => {
    expect(flowCode(await flow(emu, 'GET', '/connections?limit=0'))).toBe('1400-400')
  })

  test('the request is recorded with its query decoded and raw', async () => {
    await flow(emu, 'GET', `/connections?${query('name==a b', 'state==enabled')}&limit=2`)
    const [rec] = emu.requests()
    expect(rec).toMatchObject({
      service: 'flow',
      method: 'GET',
      path: '/data/foundation/flowservice/connections',
      route: '/connections',
      query: { property: ['name==a b', 'state==enabled'], limit: ['2'] },
      rawQuery: 'property=name%3D%3Da%20b&property=state%3D%3Denabled&limit=2',
      status: 200
    })
    expect(rec?.headers['x-sandbox-name']).toBe('prod')
  })
})

describe('GET /connections/{id}', () => {
  test('answers a list wrapper around the one item', async () => {
    const { id, etag } = await createS3(emu, 'One')
    const res = await flow(emu, 'GET', `/connections/${id}`)
    expect(res.status).toBe(200)
    const { items } = res.json<List>()
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ id, etag, name: 'One', description: 'made by a test' })
    expect(emu.requests().at(-1)?.route).toBe('/connections/{id}')
  })

  test('an unknown id, or one from another sandbox, is 404', async () => {
    const other = emu.store.seed({ name: 'Dev', sandboxName: 'dev' })
    for (const id of ['nope', other.id]) {
      const res = await flow(emu, 'GET', `/connections/${id}`)
      expect(res.status).toBe(404)
      expect(flowCode(res)).toBe('1010-404')
    }
  })
})

describe('PATCH /connections/{id}', () => {
  const newKeys = [{ op: 'replace', path: '/auth/params', value: { s3AccessKey: 'AKIANEW', s3SecretKey: 'new-secret' } }]

  test('updates with the current etag: 200, a new etag, params replaced, updatedAt bumped', async () => {
    const { id, etag } = await createS3(emu, 'P')
    const before = emu.store.get(id)
    const res = await flow(emu, 'PATCH', `/connections/${id}`, { body: newKeys, headers: { 'if-match': etag } })
    expect(res.status).toBe(200)
    const body = res.json<{ id: string; etag: string }>()
    expect(body.id).toBe(id)
    expect(body.etag).not.toBe(etag)
    const after = emu.store.get(id)
    expect(after?.etag).toBe(body.etag)
    expect(after?.auth.params).toEqual({ s3AccessKey: 'AKIANEW', s3SecretKey: 'new-secret' })
    expect(after?.updatedAt).toBeGreaterThan(before?.updatedAt ?? Infinity)
    expect(after?.createdAt).toBe(before?.createdAt)
  })

  test('updates the description', async () => {
    const { id, etag } = await createS3(emu, 'P')
    await flow(emu, 'PATCH', `/connections/${id}`, {
      body: [{ op: 'replace', path: '/description', value: 'new' }],
      headers: { 'if-match': etag }
    })
    expect(emu.store.get(id)?.description).toBe('new')
  })

  test('a missing If-Match is 1403-400', async () => {
    const { id } = await createS3(emu, 'P')
    const res = await flow(emu, 'PATCH', `/connections/${id}`, { body: newKeys })
    expect(res.status).toBe(400)
    expect(flowCode(res)).toBe('1403-400')
  })

  test('a stale etag is 412 1404-412, and so is the etag without its quotes', async () => {
    const { id, etag } = await createS3(emu, 'P')
    await flow(emu, 'PATCH', `/connections/${id}`, { body: newKeys, headers: { 'if-match': etag } })
    const stale = await flow(emu, 'PATCH', `/connections/${id}`, { body: newKeys, headers: { 'if-match': etag } })
    expect(stale.status).toBe(412)
    expect(flowCode(stale)).toBe('1404-412')
    const current = emu.store.get(id)?.etag ?? ''
    const unquoted = await flow(emu, 'PATCH', `/connections/${id}`, { body: newKeys, headers: { 'if-match': current.replace(/"/g, '') } })
    expect(unquoted.status).toBe(412)
  })

  test('a patch that is not a lower-case JSON Patch array is 1400-400 and changes nothing', async () => {
    const { id, etag } = await createS3(emu, 'P')
    for (const body of [{ op: 'replace', path: '/auth/params', value: {} }, [{ op: 'REPLACE', path: '/auth/params', value: {} }]]) {
      const res = await flow(emu, 'PATCH', `/connections/${id}`, { body, headers: { 'if-match': etag } })
      expect(flowCode(res)).toBe('1400-400')
    }
    expect(emu.store.get(id)?.etag).toBe(etag)
  })

  test('the patched auth params are validated as on create, without echoing values', async () => {
    const { id, etag } = await createS3(emu, 'P')
    const body = [{ op: 'replace', path: '/auth/params', value: { s3AccessKey: 'AKIA-ONLY' } }]
    const res = await flow(emu, 'PATCH', `/connections/${id}`, { body, headers: { 'if-match': etag } })
    expect(flowCode(res)).toBe('1400-400')
    expect(res.text).toContain('s3SecretKey')
    expect(res.text).not.toContain('AKIA-ONLY')
  })

  // Each patch is sent with the connection's current etag.
  async function patch(id: string, body: unknown) {
    return flow(emu, 'PATCH', `/connections/${id}`, { body, headers: { 'if-match': emu.store.get(id)?.etag ?? '' } })
  }

  test('adds and replaces one auth param, unescaping the pointer; removing an absent param changes nothing', async () => {
    const { id } = await createS3(emu, 'P')
    const res = await patch(id, [
      { op: 'add', path: '/auth/params/s3SessionToken', value: 't' },
      { op: 'replace', path: '/auth/params/s3SecretKey', value: 'z' },
      { op: 'remove', path: '/auth/params/serviceUrl' }
    ])
    expect(res.status).toBe(200)
    expect(emu.store.get(id)?.auth.params).toEqual({ s3AccessKey: DEMO.s3AccessKey, s3SecretKey: 'z', s3SessionToken: 't' })
    const escaped = await patch(id, [{ op: 'add', path: '/auth/params/a~1b', value: 'v' }])
    expect(escaped.json<FlowError>().errorMessage).toContain("auth.params.a/b is not a property of auth spec 'Access Key'")
  })

  test('sets the name; removes the description, then removing it again is a no-op, replacing it is refused and add sets it', async () => {
    const { id } = await createS3(emu, 'P')
    expect((await patch(id, [{ op: 'replace', path: '/name', value: 'm' }])).status).toBe(200)
    expect((await patch(id, [{ op: 'remove', path: '/description' }])).status).toBe(200)
    expect(emu.store.get(id)).toMatchObject({ name: 'm' })
    expect(emu.store.get(id)).not.toHaveProperty('description')
    expect((await patch(id, [{ op: 'remove', path: '/description' }])).status).toBe(200)
    const replaced = await patch(id, [{ op: 'replace', path: '/description', value: 'e' }])
    expect(flowCode(replaced)).toBe('1400-400')
    expect(replaced.text).toContain("use 'add'")
    expect((await patch(id, [{ op: 'add', path: '/description', value: 'e' }])).status).toBe(200)
    expect(emu.store.get(id)?.description).toBe('e')
  })

  test('refuses other paths, an empty patch, removing the name or the params, a description or params of the wrong type and a missing value', async () => {
    const { id, etag } = await createS3(emu, 'P')
    const refusals: [unknown, RegExp][] = [
      [[{ op: 'replace', path: '/auth/specName', value: 'IAMRole Based' }], /cannot be patched/],
      [[{ op: 'replace', path: '/connectionSpec/id', value: 'x' }], /cannot be patched/],
      [[], /array/],
      [[{ op: 'remove', path: '/name' }], /name/],
      [[{ op: 'replace', path: '/description', value: 3 }], /description must be a string/],
      [[{ op: 'remove', path: '/auth/params' }], /params/],
      [[{ op: 'replace', path: '/auth/params' }], /value/],
      [[{ op: 'replace', path: '/auth/params', value: 'x' }], /object/],
      [[{ op: 'replace', path: '/auth/params/s3SessionToken', value: 't' }], /use 'add'/]
    ]
    for (const [body, message] of refusals) {
      const res = await patch(id, body)
      expect(flowCode(res)).toBe('1400-400')
      expect(res.json<FlowError>().errorMessage).toMatch(message)
    }
    expect(emu.store.get(id)?.etag).toBe(etag)
  })

  test('an unknown id is 404', async () => {
    const res = await flow(emu, 'PATCH', '/connections/nope', { body: newKeys, headers: { 'if-match': '"x"' } })
    expect(res.status).toBe(404)
  })
})

describe('DELETE /connections/{id}', () => {
  test('deletes: 204 with no body, then 404', async () => {
    const { id } = await createS3(emu, 'D')
    const res = await flow(emu, 'DELETE', `/connections/${id}`)
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect(emu.store.get(id)).toBeUndefined()
    expect((await flow(emu, 'DELETE', `/connections/${id}`)).status).toBe(404)
  })

  test('a connection in use by a dataflow is 1418-400 and stays', async () => {
    const { id } = await createS3(emu, 'D')
    emu.store.markInUse(id)
    const res = await flow(emu, 'DELETE', `/connections/${id}`)
    expect(res.status).toBe(400)
    expect(flowCode(res)).toBe('1418-400')
    expect(emu.store.get(id)).toBeDefined()
  })

  test('a trailing slash, as the OpenAPI file writes the path, reaches the same route', async () => {
    const { id } = await createS3(emu, 'D')
    expect((await flow(emu, 'DELETE', `/connections/${id}/`)).status).toBe(204)
  })

  test('a delete is recorded, and the connection vanishes from lists, GETs and explore (1010-404)', async () => {
    const { id } = await createS3(emu, 'Gone')
    await createS3(emu, 'Stays')
    expect((await flow(emu, 'DELETE', `/connections/${id}`)).status).toBe(204)
    expect(emu.requests().at(-1)).toMatchObject({
      method: 'DELETE',
      route: '/connections/{id}',
      path: expect.stringContaining(id),
      status: 204
    })
    expect((await flow(emu, 'GET', '/connections')).json<List>().items.map((i) => i.name)).toEqual(['Stays'])
    expect((await flow(emu, 'GET', '/connections?count=true')).json()).toEqual({ count: 1 })
    for (const path of [`/connections/${id}`, `/connections/${id}/explore?objectType=root`]) {
      const res = await flow(emu, 'GET', path)
      expect(res.status).toBe(404)
      expect(flowCode(res)).toBe('1010-404')
    }
  })
})

describe('connection specs', () => {
  test('GET /connectionSpecs/{id} describes the S3 auth specs as JSON schemas', async () => {
    const res = await flow(emu, 'GET', `/connectionSpecs/${S3_SPEC_ID}`)
    const [spec] = res.json<{
      items: { id: string; version: string; authSpec: { name: string; spec: { required: string[]; properties: object } }[] }[]
    }>().items
    expect(spec?.id).toBe(S3_SPEC_ID)
    expect(spec?.version).toBe('1.0')
    const accessKey = spec?.authSpec.find((a) => a.name === 'Access Key')
    expect(accessKey?.spec.required).toEqual(['s3AccessKey', 's3SecretKey'])
    expect(Object.keys(accessKey?.spec.properties ?? {})).toEqual(
      expect.arrayContaining(['s3SessionToken', 'serviceUrl', 'bucketName', 'folderPath'])
    )
    expect(spec?.authSpec.find((a) => a.name === 'IAMRole Based')?.spec.required).toEqual(['bucketName'])
  })

  test('an unknown spec is 404', async () => {
    expect((await flow(emu, 'GET', '/connectionSpecs/nope')).status).toBe(404)
  })

  test('configs for IamBasedAuthentication give the role to allow', async () => {
    const res = await flow(emu, 'GET', `/connectionSpecs/${S3_SPEC_ID}/configs?authType=IamBasedAuthentication`)
    expect(res.json()).toEqual({ configParams: { IAMRole: 'arn:aws:iam::123456789012:role/EmulatorFlowServiceRole' } })
  })
})

describe('listing lag (listLagMs)', () => {
  let lagging: Emulator
  // Long enough that the requests a test makes before the lag is over (a few, milliseconds each)
  // are all within it, however loaded the machine.
  const LAG = 2000

  beforeAll(async () => {
    lagging = await startEmulator({ listLagMs: LAG })
  })
  afterAll(() => lagging.close())
  beforeEach(() => lagging.reset())

  const names = async (path = '/connections'): Promise<string[]> => (await flow(lagging, 'GET', path)).json<List>().items.map((i) => i.name)

  test('a created connection is listed only listLagMs after its creation; by id, patch and explore see it at once', async () => {
    const { id, etag } = await createS3(lagging, 'Fresh')
    const created = Date.now()
    expect(await names()).toEqual([])
    expect(await names(`/connections?${query('name==Fresh')}`)).toEqual([])
    expect((await flow(lagging, 'GET', '/connections?count=true')).json()).toEqual({ count: 0 })
    expect((await flow(lagging, 'GET', `/connections/${id}`)).status).toBe(200)
    expect((await flow(lagging, 'GET', `/connections/${id}/explore?objectType=root`)).status).toBe(200)
    const patched = await flow(lagging, 'PATCH', `/connections/${id}`, {
      body: [{ op: 'replace', path: '/name', value: 'Fresher' }],
      headers: { 'if-match': etag }
    })
    expect(patched.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, LAG - (Date.now() - created) + 20))
    expect(await names()).toEqual(['Fresher'])
  })

  test('a deletion shows at once, even before the connection was ever listed', async () => {
    const seeded = lagging.store.seed({ name: 'Old' })
    const { id } = await createS3(lagging, 'Fresh')
    expect((await flow(lagging, 'DELETE', `/connections/${id}`)).status).toBe(204)
    expect((await flow(lagging, 'DELETE', `/connections/${seeded.id}`)).status).toBe(204)
    expect(await names()).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, LAG + 20))
    expect(await names()).toEqual([])
    expect((await flow(lagging, 'GET', `/connections/${id}`)).status).toBe(404)
  })

  test('store.seed is listed at once (it is state that exists already); a fault seed lags like a create', async () => {
    lagging.store.seed({ name: 'Existing' })
    lagging.faults.add({ method: 'POST', route: '/connections', action: { type: 'status', status: 503 }, seed: { name: 'Racing' } })
    expect((await flow(lagging, 'POST', '/connections', { body: s3Body('Racing') })).status).toBe(503)
    expect(await names()).toEqual(['Existing'])
    await new Promise((resolve) => setTimeout(resolve, LAG + 20))
    expect(await names()).toEqual(['Existing', 'Racing'])
  })

  test('a negative lag is refused at start', async () => {
    await expect(startEmulator({ listLagMs: -1 })).rejects.toThrow(/listLagMs/)
  })
})

describe('continuation tokens in the query', () => {
  let opaque: Emulator

  beforeAll(async () => {
    opaque = await startEmulator({ opaqueTokens: true, pageSize: 2 })
  })
  afterAll(() => opaque.close())
  beforeEach(() => opaque.reset())

  async function firstHref(target: Emulator): Promise<string> {
    for (const n of ['c1', 'c2', 'c3']) await createS3(target, n)
    const first = (await flow(target, 'GET', '/connections?limit=2')).json<List>()
    return first._links?.next.href ?? ''
  }

  test('opaque tokens are standard base64 holding +, / and =, carried raw in _links.next.href', async () => {
    const href = await firstHref(opaque)
    const token = href.replace('/connections?continuationToken=', '')
    expect(href.startsWith('/connections?continuationToken=')).toBe(true)
    expect(token).toMatch(/^[A-Za-z0-9+/]+={1,2}$/)
    for (const c of ['+', '/', '=']) expect(token).toContain(c)
  })

  test('the token is read with percent-decoding only: raw or %2B-encoded it pages on', async () => {
    const href = await firstHref(opaque)
    const token = href.replace('/connections?continuationToken=', '')
    expect((await flow(opaque, 'GET', href)).json<List>().items.map((i) => i.name)).toEqual(['c3'])
    const encoded = `/connections?continuationToken=${encodeURIComponent(token)}`
    expect((await flow(opaque, 'GET', encoded)).json<List>().items.map((i) => i.name)).toEqual(['c3'])
    expect(opaque.requests().at(-1)?.rawQuery).toContain('%2B')
  })

  test('a token whose + arrives as a space or %20 is 1400-400 "The continuationToken is not valid."', async () => {
    const href = await firstHref(opaque)
    for (const altered of [href.replace(/\+/g, '%20'), href.replace(/=+$/, ''), `${href}%3D`]) {
      const res = await flow(opaque, 'GET', altered)
      expect(res.status).toBe(400)
      expect(flowCode(res)).toBe('1400-400')
      expect(res.json<FlowError>().report['detailed-message']).toBe('The continuationToken is not valid.')
    }
  })

  test('in the default mode too, a token is read raw and checked strictly: a + or %2B after it is refused', async () => {
    const href = await firstHref(emu)
    expect((await flow(emu, 'GET', `${href}%2B`)).status).toBe(400)
    expect((await flow(emu, 'GET', `${href}+`)).status).toBe(400)
    expect((await flow(emu, 'GET', href)).status).toBe(200)
  })

  test('other query parameters keep form decoding: + in a property filter is a space', async () => {
    await createS3(emu, 'a b')
    expect((await flow(emu, 'GET', '/connections?property=name==a+b')).json<List>().items.map((i) => i.name)).toEqual(['a b'])
  })
})
