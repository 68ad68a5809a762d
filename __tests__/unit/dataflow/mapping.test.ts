import { MappingError, parseCsv, parseMapping, readServiceMappings, sameMappings } from '../../../src/dataflow/mapping.js'

function problemsOf(text: string, file = 'm.json', format: 'delimited' | 'json' = 'delimited'): string[] {
  try {
    parseMapping(text, file, format)
  } catch (error) {
    if (error instanceof MappingError) return error.problems
    throw error
  }
  throw new Error('expected the mapping to be refused')
}

describe('parseMapping', () => {
  it('refuses a key that is none of source, destination and sourceType, with the one it likely meant', () => {
    const text = JSON.stringify([
      { source: 'email', destination: 'personalEmail.address', sourcetype: 'EXPRESSION' },
      { source: 'x', destination: 'y', comment: 'why' }
    ])
    expect(() => parseMapping(text, 'm.json', 'delimited')).toThrow(
      [
        `The mapping in "m.json" is not valid:`,
        `- entry 1: unknown key "sourcetype" (did you mean "sourceType"?): an entry has source, destination and sourceType only`,
        `- entry 2: unknown key "comment": an entry has source, destination and sourceType only`
      ].join('\n')
    )
  })

  it('refuses a CSV header column that is none of the three', () => {
    expect(() => parseMapping('source,destination,sourcetyp\na,b,ATTRIBUTE\n', 'm.csv', 'delimited')).toThrow(
      'its header row has unknown key "sourcetyp" (did you mean "sourceType"?)'
    )
  })

  it('reads a JSON array, ATTRIBUTE by default, a dot in a delimited column name escaped', () => {
    const text = JSON.stringify([
      { source: 'email', destination: 'personalEmail.address' },
      { source: 'first.name', destination: 'person.name.firstName' },
      { source: 'lower(country)', destination: 'homeAddress.countryCode', sourceType: 'expression' },
      { source: 'CRM', destination: '_emulator.origin', sourceType: 'STATIC' }
    ])
    expect(parseMapping(text, 'm.json', 'delimited')).toEqual([
      { sourceType: 'ATTRIBUTE', source: 'email', destination: 'personalEmail.address' },
      { sourceType: 'ATTRIBUTE', source: 'first\\.name', destination: 'person.name.firstName' },
      { sourceType: 'EXPRESSION', source: 'lower(country)', destination: 'homeAddress.countryCode' },
      { sourceType: 'STATIC', source: 'CRM', destination: '_emulator.origin' }
    ])
  })

  it('keeps dots as nesting in JSON files', () => {
    expect(parseMapping('[{"source":"customer.email","destination":"personalEmail.address"}]', 'm.json', 'json')[0]?.source).toBe(
      'customer.email'
    )
  })

  it('reads a CSV with a header in any order and case, quoted fields included', () => {
    const text =
      'Destination,SOURCE,sourceType\r\npersonalEmail.address,email,\r\n"_emulator.note","concat(first_name, "" "", last_name)",EXPRESSION\n'
    expect(parseMapping(text, 'map.csv', 'delimited')).toEqual([
      { sourceType: 'ATTRIBUTE', source: 'email', destination: 'personalEmail.address' },
      { sourceType: 'EXPRESSION', source: 'concat(first_name, " ", last_name)', destination: '_emulator.note' }
    ])
  })

  it('names every problem at once: missing parts, unknown types, duplicate destinations', () => {
    const text = JSON.stringify([
      { source: 'a', destination: 'x' },
      { destination: 'y' },
      { source: 'b' },
      { source: 'c', destination: 'z', sourceType: 'MAGIC' },
      { source: 'd', destination: 'x' }
    ])
    expect(problemsOf(text)).toEqual([
      'entry 2 (destination "y"): no source',
      'entry 3 (source "b"): no destination',
      'entry 4: sourceType "MAGIC" is not ATTRIBUTE, EXPRESSION or STATIC',
      'entry 5: destination "x" is mapped already by entry 1'
    ])
  })

  it.each([
    ['not JSON', '{', /it is not valid JSON/],
    ['an object', '{"source":"a"}', /it must be a JSON array/],
    ['empty', '[]', /it holds no mapping/]
  ])('refuses %s', (_case, text, message) => {
    expect(problemsOf(text)[0]).toMatch(message)
  })

  it('refuses a CSV without source and destination columns', () => {
    expect(problemsOf('from,to\na,b\n', 'm.csv')[0]).toMatch(/header row with source and destination columns/)
  })

  it('says which file in its message', () => {
    expect(() => parseMapping('[]', 'mappings/crm.json', 'delimited')).toThrow(
      'The mapping in "mappings/crm.json" is not valid:\n- it holds no mapping'
    )
  })
})

describe('parseCsv', () => {
  it('splits rows and fields, with quotes, doubled quotes and line breaks in quotes', () => {
    expect(parseCsv('a,b\n"c,d","e ""f""\ng"\n')).toEqual([
      ['a', 'b'],
      ['c,d', 'e "f"\ng']
    ])
  })
})

describe('comparing with what Data Prep returns', () => {
  const wanted = [
    { sourceType: 'ATTRIBUTE' as const, source: 'email', destination: 'personalEmail.address' },
    { sourceType: 'EXPRESSION' as const, source: 'lower(country)', destination: 'homeAddress.countryCode' }
  ]
  it('normalises the source types Data Prep writes back, and ignores order and extra fields', () => {
    const returned = readServiceMappings([
      { id: 'm2', sourceType: 'text/x.aep-xl', source: 'lower(country)', destination: 'homeAddress.countryCode', name: null },
      { id: 'm1', sourceType: 'text/x.schema-path', source: 'email', destination: 'personalEmail.address', description: null }
    ])
    expect(sameMappings(returned, wanted)).toBe(true)
  })
  it("keeps a source type it does not know as written, even one named like an inherited member ('constructor')", () => {
    expect(readServiceMappings([{ sourceType: 'constructor', source: 'email', destination: 'personalEmail.address' }])).toEqual([
      { sourceType: 'constructor', source: 'email', destination: 'personalEmail.address' }
    ])
  })
  it('sees a changed source, destination or type, and a mapping more or less', () => {
    const base = readServiceMappings(wanted)
    expect(sameMappings(base.slice(1), wanted)).toBe(false)
    expect(
      sameMappings([{ sourceType: 'ATTRIBUTE', source: 'mail', destination: 'personalEmail.address' }, ...base.slice(1)], wanted)
    ).toBe(false)
    expect(
      sameMappings(
        readServiceMappings([{ sourceType: 'text/plain', source: 'email', destination: 'personalEmail.address' }, wanted[1]]),
        wanted
      )
    ).toBe(false)
  })
})
