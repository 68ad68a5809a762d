import { checkRules, compileRules, identityRow, mapRow, readSourceType, rowLookup } from '../../../emulator/data-prep/mapping.js'
import type { MappingRule, XdmFieldType } from '../../../emulator/types.js'

const fields: Record<string, XdmFieldType> = {
  '_emulator.customerId': 'string',
  'personalEmail.address': 'string',
  '_emulator.signupDate': 'date',
  '_emulator.lifetimeValue': 'number',
  '_emulator.ordersLast90d': 'integer',
  '_emulator.sourceSystem': 'string'
}

function exceptions(
  drafts: { sourceType?: unknown; source?: unknown; destination?: unknown }[],
  input?: Record<string, unknown>
): string[][] {
  return checkRules(drafts, fields, input).checks.map((c) => c.errors.map((e) => e.exception))
}

describe('source types', () => {
  test('reads the names in any case and the forms Data Prep writes back', () => {
    expect(readSourceType('attribute')).toBe('ATTRIBUTE')
    expect(readSourceType('text/x.schema-path')).toBe('ATTRIBUTE')
    expect(readSourceType('text/x.aep-xl')).toBe('EXPRESSION')
    expect(readSourceType('text/plain')).toBe('STATIC')
    expect(readSourceType('COLUMN')).toBeUndefined()
    expect(readSourceType(1)).toBeUndefined()
  })
})

describe('checking mappings', () => {
  test('one SUCCESS per good mapping, with the rules read (ATTRIBUTE when no sourceType)', () => {
    const result = checkRules(
      [
        { source: 'customer_id', destination: '_emulator.customerId' },
        { sourceType: 'EXPRESSION', source: 'lower(email)', destination: 'personalEmail.address' },
        { sourceType: 'STATIC', source: 'crm', destination: '_emulator.sourceSystem' }
      ],
      fields
    )
    expect(result.checks).toEqual([
      { status: 'SUCCESS', errors: [] },
      { status: 'SUCCESS', errors: [] },
      { status: 'SUCCESS', errors: [] }
    ])
    expect(result.rules.map((r) => r.sourceType)).toEqual(['ATTRIBUTE', 'EXPRESSION', 'STATIC'])
  })

  test('a destination must be a field of the output schema, and mapped once', () => {
    const result = checkRules(
      [
        { source: 'a', destination: 'nope.field' },
        { source: 'b', destination: '_emulator.customerId' },
        { source: 'c', destination: '_emulator.customerId' }
      ],
      fields
    )
    expect(result.checks[0]).toEqual({
      status: 'FAILED',
      errors: [{ source: 'a', destination: 'nope.field', exception: "The destination 'nope.field' is not a field of the output schema." }]
    })
    expect(result.checks[1]?.status).toBe('SUCCESS')
    expect(result.checks[2]?.errors[0]?.exception).toBe("The destination '_emulator.customerId' is mapped more than once.")
  })

  test('an ATTRIBUTE source must be a valid path, and one of the input schema properties when given', () => {
    expect(exceptions([{ source: 'a..b', destination: '_emulator.customerId' }])[0]?.[0]).toMatch(
      /^The source 'a\.\.b' is not a valid attribute path/
    )
    expect(exceptions([{ source: 'trailing\\', destination: '_emulator.customerId' }])[0]).toHaveLength(1)
    expect(exceptions([{ source: 'first\\.name', destination: '_emulator.customerId' }])[0]).toEqual([])
    const input = {
      customer_id: { type: 'string' },
      person: { type: 'object', properties: { name: { type: 'string' } } },
      blob: { type: 'object' }
    }
    expect(exceptions([{ source: 'customer_id', destination: '_emulator.customerId' }], input)[0]).toEqual([])
    expect(exceptions([{ source: 'person.name', destination: '_emulator.customerId' }], input)[0]).toEqual([])
    expect(exceptions([{ source: 'blob.anything', destination: '_emulator.customerId' }], input)[0]).toEqual([])
    expect(exceptions([{ source: 'person.age', destination: '_emulator.customerId' }], input)[0]).toEqual([
      "The source 'person.age' is not a property of the input schema."
    ])
    expect(exceptions([{ source: 'email', destination: '_emulator.customerId' }], input)[0]).toEqual([
      "The source 'email' is not a property of the input schema."
    ])
  })

  test('an EXPRESSION must parse, and read only input schema properties when given', () => {
    expect(exceptions([{ sourceType: 'EXPRESSION', source: 'sha256(email)', destination: 'personalEmail.address' }])[0]).toEqual([
      "The expression 'sha256(email)' is not valid: the function 'sha256' is not supported (the emulator knows lower, upper, trim, concat, to_integer)."
    ])
    expect(
      exceptions([{ sourceType: 'EXPRESSION', source: 'lower(email)', destination: 'personalEmail.address' }], { mail: {} })[0]
    ).toEqual(["The column 'email' of the expression is not a property of the input schema."])
  })

  test('a STATIC source is any text, but must fit its destination type', () => {
    expect(exceptions([{ sourceType: 'STATIC', source: '', destination: '_emulator.sourceSystem' }])[0]).toEqual([])
    expect(exceptions([{ sourceType: 'STATIC', source: '7', destination: '_emulator.ordersLast90d' }])[0]).toEqual([])
    expect(exceptions([{ sourceType: 'STATIC', source: 'seven', destination: '_emulator.ordersLast90d' }])[0]).toEqual([
      "The static value cannot be written to '_emulator.ordersLast90d': 'seven' is not an integer."
    ])
  })

  test('an unknown sourceType, an empty source or a missing destination fail that mapping alone', () => {
    const result = exceptions([
      { sourceType: 'COLUMN', source: 'a', destination: '_emulator.customerId' },
      { source: '', destination: '_emulator.signupDate' },
      { source: 'a' },
      { source: 'customer_id', destination: '_emulator.lifetimeValue' }
    ])
    expect(result).toEqual([
      ["The sourceType 'COLUMN' is not ATTRIBUTE, EXPRESSION or STATIC."],
      ['The source must be a non-empty string.'],
      ['The destination must be a non-empty string.'],
      []
    ])
  })
})

describe('mapping rows', () => {
  const rules: MappingRule[] = [
    { sourceType: 'ATTRIBUTE', source: 'customer_id', destination: '_emulator.customerId' },
    { sourceType: 'EXPRESSION', source: 'lower(trim(email))', destination: 'personalEmail.address' },
    { sourceType: 'ATTRIBUTE', source: 'signup_date', destination: '_emulator.signupDate' },
    { sourceType: 'ATTRIBUTE', source: 'lifetime_value', destination: '_emulator.lifetimeValue' },
    { sourceType: 'STATIC', source: 'crm', destination: '_emulator.sourceSystem' }
  ]
  const compiled = compileRules(rules, fields)

  test('a row becomes a nested record of typed values', () => {
    const row = { customer_id: 'C-1', email: ' Ada@Example.com ', signup_date: '2024-03-14', lifetime_value: '1250.50' }
    expect(mapRow(compiled, row)).toEqual({
      ok: true,
      record: {
        _emulator: { customerId: 'C-1', signupDate: '2024-03-14', lifetimeValue: 1250.5, sourceSystem: 'crm' },
        personalEmail: { address: 'ada@example.com' }
      }
    })
  })

  test('a value its type cannot hold fails the row, naming the field', () => {
    const row = { customer_id: 'C-1', email: 'a@example.com', signup_date: 'not a date', lifetime_value: '1' }
    expect(mapRow(compiled, row)).toEqual({ ok: false, reason: "_emulator.signupDate: 'not a date' is not a date (YYYY-MM-DD)" })
    expect(mapRow(compiled, { ...row, signup_date: '2024-01-01', lifetime_value: 'abc' })).toEqual({
      ok: false,
      reason: "_emulator.lifetimeValue: 'abc' is not a number"
    })
  })

  test('a missing ATTRIBUTE column fails the row; a null or empty value leaves its field out', () => {
    expect(mapRow(compiled, { email: 'a@example.com', signup_date: null, lifetime_value: '' })).toEqual({
      ok: false,
      reason: "_emulator.customerId: the column 'customer_id' is missing"
    })
    expect(mapRow(compiled, { customer_id: 'C-2', email: 'a@example.com', signup_date: null, lifetime_value: '' })).toEqual({
      ok: true,
      record: { _emulator: { customerId: 'C-2', sourceSystem: 'crm' }, personalEmail: { address: 'a@example.com' } }
    })
  })

  test('a rule that did not pass its check is not compiled', () => {
    expect(compileRules([{ sourceType: 'EXPRESSION', source: 'nope(', destination: 'personalEmail.address' }], fields)).toEqual([])
    expect(compileRules([{ sourceType: 'ATTRIBUTE', source: 'a', destination: 'not.a.field' }], fields)).toEqual([])
  })

  test('a path reads a flat column (dots and all) or nested JSON', () => {
    const lookup = rowLookup({ 'first.name': 'Ada', person: { name: { last: 'Lovelace' } } })
    expect(lookup(['first.name'])).toEqual({ found: true, value: 'Ada' })
    expect(lookup(['first', 'name'])).toEqual({ found: true, value: 'Ada' })
    expect(lookup(['person', 'name', 'last'])).toEqual({ found: true, value: 'Lovelace' })
    expect(lookup(['person', 'age'])).toEqual({ found: false })
  })
})

describe('rows without a mapping', () => {
  test('are taken as XDM: each leaf must be a field of its type', () => {
    expect(
      identityRow(fields, { _emulator: { customerId: 'C-1', lifetimeValue: '3.5' }, 'personalEmail.address': 'a@example.com', x: null })
    ).toEqual({
      ok: true,
      record: { _emulator: { customerId: 'C-1', lifetimeValue: 3.5 }, personalEmail: { address: 'a@example.com' } }
    })
    expect(identityRow(fields, { customer_id: 'C-1' })).toEqual({ ok: false, reason: 'customer_id: not a field of the schema' })
    expect(identityRow(fields, { _emulator: { signupDate: 'soon' } })).toEqual({
      ok: false,
      reason: "_emulator.signupDate: 'soon' is not a date (YYYY-MM-DD)"
    })
  })
})
