import { MappingSetStore, readMappingSetBody } from '../../../emulator/data-prep/mapping-sets.js'

const SCHEMA = 'https://ns.adobe.com/emulator/schemas/0123456789abcdef0123456789abcdef'
const rule = { sourceType: 'ATTRIBUTE' as const, source: 'a', destination: 'x' }

describe('mapping-set bodies', () => {
  test('reads the OpenAPI form, with an inputSchema in either shape', () => {
    const mappings = [{ sourceType: 'ATTRIBUTE', source: 'a', destination: 'x' }]
    expect(readMappingSetBody({ outputSchema: { schemaRef: { id: SCHEMA, contentType: 'c' } }, mappings })).toEqual({
      schemaId: SCHEMA,
      drafts: mappings
    })
    expect(
      readMappingSetBody({ outputSchema: { schemaRef: { id: SCHEMA } }, mappings, inputSchema: { properties: { a: {} } } })
    ).toMatchObject({
      input: { a: {} }
    })
    expect(
      readMappingSetBody({ outputSchema: { schemaRef: { id: SCHEMA } }, mappings, inputSchema: { schema: { properties: { b: {} } } } })
    ).toMatchObject({
      input: { b: {} }
    })
    expect(readMappingSetBody({ outputSchema: { schemaRef: { id: SCHEMA } }, mappings, inputSchema: { id: 'x' } })).not.toHaveProperty(
      'input'
    )
  })

  test("reads the tutorials' older form, xdmSchema as $id or as _tenant.schemas.hex", () => {
    const mappings = [{ source: 'a', destination: 'x' }]
    expect(readMappingSetBody({ version: 0, xdmSchema: SCHEMA, xdmVersion: '1.0', mappings })).toMatchObject({ schemaId: SCHEMA })
    expect(readMappingSetBody({ xdmSchema: '_emulator.schemas.0123456789abcdef0123456789abcdef', mappings })).toMatchObject({
      schemaId: SCHEMA
    })
  })

  test('says why a body is not a mapping set', () => {
    expect(readMappingSetBody([])).toBe('The request body must be a JSON object.')
    expect(readMappingSetBody({ mappings: [rule] })).toMatch(
      /^outputSchema\.schemaRef\.id \(or, in the older form, xdmSchema\) is required/
    )
    expect(readMappingSetBody({ xdmSchema: SCHEMA, mappings: [] })).toMatch(/^mappings must be a non-empty array/)
    expect(readMappingSetBody({ xdmSchema: SCHEMA, mappings: [rule, 'x'] })).toBe(
      'mappings[1] must be an object {sourceType, source, destination}.'
    )
  })
})

describe('the mapping-set store', () => {
  test('a PUT adds a version; every version stays readable; the set lives in its sandbox', () => {
    const store = new MappingSetStore()
    const v0 = store.create('prod', { schemaId: SCHEMA, mappings: [rule] }, 'client-a')
    expect(v0.id).toMatch(/^[0-9a-f]{32}$/)
    expect(v0.version).toBe(0)
    const v1 = store.put(v0.id, 'prod', { schemaId: SCHEMA, mappings: [{ ...rule, source: 'b' }] }, 'client-b')
    expect(v1).toMatchObject({ id: v0.id, version: 1, createdAt: v0.createdAt, createdClient: 'client-a', modifiedClient: 'client-b' })
    expect(v1?.modifiedAt).toBeGreaterThan(v0.modifiedAt)
    expect(store.get(v0.id, 'prod')?.version).toBe(1)
    expect(store.get(v0.id, 'prod', 0)?.mappings[0]?.source).toBe('a')
    expect(store.get(v0.id, 'prod', 2)).toBeUndefined()
    expect(store.get(v0.id, 'dev')).toBeUndefined()
    expect(store.put(v0.id, 'dev', { schemaId: SCHEMA, mappings: [rule] }, 'c')).toBeUndefined()
    expect(store.put('nope', 'prod', { schemaId: SCHEMA, mappings: [rule] }, 'c')).toBeUndefined()
  })

  test('the public API shows the latest versions, or one asked for, as copies', () => {
    const store = new MappingSetStore()
    const a = store.create('prod', { schemaId: SCHEMA, mappings: [rule] }, 'c')
    store.create('dev', { schemaId: SCHEMA, mappings: [rule] }, 'c')
    store.put(a.id, 'prod', { schemaId: SCHEMA, mappings: [rule, { ...rule, destination: 'y' }] }, 'c')
    expect(store.mappingSets().map((s) => s.version)).toEqual([1, 0])
    expect(store.mappingSets('prod')).toEqual([expect.objectContaining({ id: a.id, version: 1, sandboxName: 'prod', schemaId: SCHEMA })])
    expect(store.mappingSet(a.id, 0)?.mappings).toEqual([rule])
    expect(store.mappingSet('nope')).toBeUndefined()
    store.clear()
    expect(store.mappingSets()).toEqual([])
  })
})
