import {
  convert,
  fieldsProblem,
  isFieldPath,
  newDatasetId,
  newSchemaId,
  schemaIdOf,
  setPath,
  DATASET_ID,
  SCHEMA_ID
} from '../../../emulator/catalog/xdm.js'

describe('XDM ids', () => {
  test('fresh schema ids are $ids of the emulator tenant, dataset ids 24 hex digits', () => {
    expect(newSchemaId()).toMatch(SCHEMA_ID)
    expect(newSchemaId()).toMatch(/^https:\/\/ns\.adobe\.com\/emulator\/schemas\/[0-9a-f]{32}$/)
    expect(newDatasetId()).toMatch(DATASET_ID)
    expect(newDatasetId()).not.toBe(newDatasetId())
  })

  test("the older mapping-set form's _tenant.schemas.hex names the same schema as its $id", () => {
    const hex = '0123456789abcdef0123456789abcdef'
    expect(schemaIdOf(`_acme.schemas.${hex}`)).toBe(`https://ns.adobe.com/acme/schemas/${hex}`)
    expect(schemaIdOf(`https://ns.adobe.com/acme/schemas/${hex}`)).toBe(`https://ns.adobe.com/acme/schemas/${hex}`)
  })
})

describe('schema fields', () => {
  test('field paths are dotted identifiers', () => {
    expect(isFieldPath('_emulator.customerId')).toBe(true)
    expect(isFieldPath('person.name.firstName')).toBe(true)
    expect(isFieldPath('person..name')).toBe(false)
    expect(isFieldPath('first name')).toBe(false)
  })

  test('refuses no fields, a bad path or type, and a field that also holds fields', () => {
    expect(fieldsProblem({})).toBe('a schema needs at least one field')
    expect(fieldsProblem({ 'a b': 'string' })).toMatch(/not a field path/)
    expect(fieldsProblem({ a: 'text' })).toMatch(/must be one of string, integer, number, boolean, date, date-time/)
    expect(fieldsProblem({ person: 'string', 'person.name': 'string' })).toBe("'person' cannot be a field and hold 'person.name' too")
    expect(fieldsProblem({ 'person.name': 'string', 'person.age': 'integer' })).toBeUndefined()
  })
})

describe('converting a value to a field type', () => {
  test('string takes text, numbers and booleans as their text; not objects', () => {
    expect(convert('Ada', 'string')).toEqual({ ok: true, value: 'Ada' })
    expect(convert(12.5, 'string')).toEqual({ ok: true, value: '12.5' })
    expect(convert(true, 'string')).toEqual({ ok: true, value: 'true' })
    expect(convert({ a: 1 }, 'string')).toEqual({ ok: false, reason: '{"a":1} is not a string' })
  })

  test('integer takes whole numbers and their text', () => {
    expect(convert(' 42 ', 'integer')).toEqual({ ok: true, value: 42 })
    expect(convert(-3, 'integer')).toEqual({ ok: true, value: -3 })
    expect(convert('4.2', 'integer')).toEqual({ ok: false, reason: "'4.2' is not an integer" })
    expect(convert(4.2, 'integer').ok).toBe(false)
    expect(convert('99999999999999999999', 'integer').ok).toBe(false)
  })

  test('number takes finite numbers and decimal text', () => {
    expect(convert('1250.50', 'number')).toEqual({ ok: true, value: 1250.5 })
    expect(convert('1e3', 'number')).toEqual({ ok: true, value: 1000 })
    expect(convert('abc', 'number')).toEqual({ ok: false, reason: "'abc' is not a number" })
    expect(convert(Infinity, 'number').ok).toBe(false)
  })

  test('boolean takes booleans and true/false text', () => {
    expect(convert('true', 'boolean')).toEqual({ ok: true, value: true })
    expect(convert(false, 'boolean')).toEqual({ ok: true, value: false })
    expect(convert('yes', 'boolean').ok).toBe(false)
  })

  test('date takes a real calendar date as YYYY-MM-DD', () => {
    expect(convert('2024-03-14', 'date')).toEqual({ ok: true, value: '2024-03-14' })
    expect(convert('2024-02-30', 'date').ok).toBe(false)
    expect(convert('not a date', 'date')).toEqual({ ok: false, reason: "'not a date' is not a date (YYYY-MM-DD)" })
    expect(convert(20240314, 'date').ok).toBe(false)
  })

  test('date-time takes ISO 8601 with a zone, written back in UTC', () => {
    expect(convert('2026-11-27T08:01:12+01:00', 'date-time')).toEqual({ ok: true, value: '2026-11-27T07:01:12.000Z' })
    expect(convert('2026-11-27T08:01:12', 'date-time').ok).toBe(false)
    expect(convert('2026-11-27', 'date-time')).toEqual({ ok: false, reason: "'2026-11-27' is not a date-time (ISO 8601 with a zone)" })
  })

  test('nothing is no value of any type', () => {
    expect(convert(undefined, 'string')).toEqual({ ok: false, reason: 'nothing is not a string' })
  })
})

describe('setPath', () => {
  test('builds nested objects and keeps siblings', () => {
    const record: Record<string, unknown> = {}
    setPath(record, 'person.name.firstName', 'Ada')
    setPath(record, 'person.name.lastName', 'Lovelace')
    setPath(record, '_emulator.customerId', 'C-1')
    expect(record).toEqual({ person: { name: { firstName: 'Ada', lastName: 'Lovelace' } }, _emulator: { customerId: 'C-1' } })
  })
})
