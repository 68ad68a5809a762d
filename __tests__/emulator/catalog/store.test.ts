import { CatalogStore, readCatalogOptions, readDatasetInput, readSchemaInput } from '../../../emulator/catalog/store.js'
import { DEMO_DATASET_ID, DEMO_SCHEMA_ID } from '../../../emulator/index.js'

const SCHEMA_ID = 'https://ns.adobe.com/acme/schemas/0123456789abcdef0123456789abcdef'

describe('the catalog store', () => {
  test('starts with the demo schema and dataset in the first sandbox', () => {
    const store = new CatalogStore(['dev', 'prod'])
    expect(store.datasets()).toEqual([
      expect.objectContaining({ id: DEMO_DATASET_ID, name: 'CRM customers', schemaId: DEMO_SCHEMA_ID, sandboxName: 'dev' })
    ])
    expect(store.schemas().map((s) => s.id)).toEqual([DEMO_SCHEMA_ID])
    expect(store.dataset(DEMO_DATASET_ID, 'dev')).toBeDefined()
    expect(store.dataset(DEMO_DATASET_ID, 'prod')).toBeUndefined()
  })

  test('adds schemas and datasets with fresh ids, in the sandbox asked for', () => {
    const store = new CatalogStore(['prod', 'dev'])
    const schema = store.addSchema({ title: 'Orders', fields: { '_acme.orderId': 'string' }, sandboxName: 'dev' })
    expect(schema.id).toMatch(/^https:\/\/ns\.adobe\.com\/emulator\/schemas\/[0-9a-f]{32}$/)
    const dataset = store.addDataset({ name: 'Orders', schemaId: schema.id, sandboxName: 'dev', description: 'd' })
    expect(dataset).toMatchObject({ name: 'Orders', schemaId: schema.id, sandboxName: 'dev', description: 'd' })
    expect(dataset.id).toMatch(/^[0-9a-f]{24}$/)
    expect(store.datasets('dev')).toHaveLength(1)
    expect(store.schema(schema.id, 'prod')).toBeUndefined()
  })

  test('refuses bad or taken ids, unknown sandboxes, bad fields and schemas of another sandbox', () => {
    const store = new CatalogStore(['prod', 'dev'])
    expect(() => store.addSchema({ id: 'https://example.com/x', title: 't', fields: { a: 'string' } })).toThrow(/is not a schema \$id/)
    expect(() => store.addSchema({ id: DEMO_SCHEMA_ID, title: 't', fields: { a: 'string' } })).toThrow(/exists already/)
    expect(() => store.addSchema({ title: '', fields: { a: 'string' } })).toThrow(/needs a title/)
    expect(() => store.addSchema({ title: 't', fields: {} })).toThrow(/at least one field/)
    expect(() => store.addSchema({ title: 't', fields: { a: 'string' }, sandboxName: 'qa' })).toThrow("there is no sandbox 'qa'")
    expect(() => store.addDataset({ id: 'abc', name: 'n', schemaId: DEMO_SCHEMA_ID })).toThrow(/24 hex digits/)
    expect(() => store.addDataset({ id: DEMO_DATASET_ID, name: 'n', schemaId: DEMO_SCHEMA_ID })).toThrow(/exists already/)
    expect(() => store.addDataset({ name: '', schemaId: DEMO_SCHEMA_ID })).toThrow(/needs a name/)
    expect(() => store.addDataset({ name: 'n', schemaId: DEMO_SCHEMA_ID, sandboxName: 'dev' })).toThrow(
      `no schema ${DEMO_SCHEMA_ID} in sandbox 'dev'`
    )
  })

  test('keeps the records written per dataset, copies out, and reset goes back to the start-up catalog', () => {
    const store = new CatalogStore(['prod'], {
      schemas: [{ id: SCHEMA_ID, title: 'Extra', fields: { a: 'string' } }],
      datasets: [{ name: 'Extra', schemaId: SCHEMA_ID }]
    })
    expect(store.datasets()).toHaveLength(2)
    store.write(DEMO_DATASET_ID, [{ a: 1 }])
    store.write(DEMO_DATASET_ID, [{ a: 2 }])
    const records = store.records(DEMO_DATASET_ID)
    expect(records).toEqual([{ a: 1 }, { a: 2 }])
    records.push({ a: 3 })
    expect(store.records(DEMO_DATASET_ID)).toHaveLength(2)
    store.addSchema({ title: 'Later', fields: { b: 'string' } })
    store.reset()
    expect(store.records(DEMO_DATASET_ID)).toEqual([])
    expect(store.schemas().map((s) => s.title)).toEqual(['CRM customers', 'Extra'])
  })
})

describe('reading catalog JSON', () => {
  test('reads schemas and datasets, or says what is wrong', () => {
    expect(readSchemaInput({ title: 't', fields: { a: 'date' }, sandboxName: 'prod' })).toEqual({
      title: 't',
      fields: { a: 'date' },
      sandboxName: 'prod'
    })
    expect(readSchemaInput({ title: 't', fields: { a: 'text' } })).toBe(
      'fields.a must be one of string, integer, number, boolean, date, date-time'
    )
    expect(readSchemaInput({ title: 1, fields: {} })).toBe('title must be a string')
    expect(readSchemaInput({ title: 't', fields: [] })).toBe('fields must map field paths to types')
    expect(readSchemaInput({ title: 't', fields: {}, id: 5 })).toBe('id must be a string')
    expect(readSchemaInput('x')).toMatch(/^a schema is/)
    expect(readDatasetInput({ name: 'n', schemaId: 's', id: 'i' })).toEqual({ name: 'n', schemaId: 's', id: 'i' })
    expect(readDatasetInput({ name: 'n' })).toBe('schemaId must be a string')
    expect(readDatasetInput({ schemaId: 's' })).toBe('name must be a string')
    expect(readDatasetInput(null)).toMatch(/^a dataset is/)
  })

  test('reads a catalog file, naming the entry that is wrong', () => {
    expect(readCatalogOptions({})).toEqual({ schemas: [], datasets: [] })
    expect(readCatalogOptions({ datasets: [{ name: 'n', schemaId: 's' }, { name: 'm' }] })).toBe('datasets[1]: schemaId must be a string')
    expect(readCatalogOptions({ schemas: {} })).toBe('schemas must be an array')
    expect(readCatalogOptions([])).toMatch(/^the catalog is/)
  })
})
