import { hasField, readSchemaFields } from '../../../src/dataflow/schema.js'

const SCHEMA = {
  properties: {
    person: { type: 'object', properties: { name: { type: 'object', properties: { firstName: { type: 'string' } } } } },
    tags: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
    attributes: { type: 'object', additionalProperties: { type: 'string' } },
    age: { type: 'integer' }
  }
}

describe('a schema read whole', () => {
  it('holds every field path, objects and leaves alike', () => {
    expect([...readSchemaFields(SCHEMA).paths].sort()).toEqual([
      'age',
      'attributes',
      'person',
      'person.name',
      'person.name.firstName',
      'tags'
    ])
  })

  it('leaves what is below an array or a map to Data Prep', () => {
    const fields = readSchemaFields(SCHEMA)
    expect(fields.open.sort()).toEqual(['attributes', 'tags'])
    expect(hasField(fields, 'tags[0].id')).toBe(true)
    expect(hasField(fields, 'attributes.anything')).toBe(true)
    expect(hasField(fields, 'person.name.firstName')).toBe(true)
    expect(hasField(fields, 'person.name.first')).toBe(false)
    expect(hasField(fields, 'agex')).toBe(false)
  })

  it('reads nothing from what is not a schema', () => {
    expect(readSchemaFields('nope').paths.size).toBe(0)
    expect(readSchemaFields({ properties: [1, 2] }).paths.size).toBe(0)
  })

  it('stops at a depth no schema has', () => {
    let deep: Record<string, unknown> = { type: 'string' }
    for (let i = 0; i < 100; i++) deep = { type: 'object', properties: { x: deep } }
    const { paths } = readSchemaFields(deep)
    expect(Math.max(...[...paths].map((p) => p.split('.').length))).toBeLessThanOrEqual(34)
  })
})
