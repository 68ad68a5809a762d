import { matchesAll, matchesFilter, parseFilter, type PropertyFilter } from '../../../../emulator/flow-service/listing/filters.js'

function parsed(text: string): PropertyFilter {
  const f = parseFilter(text)
  if ('error' in f) throw new Error(f.error)
  return f
}

const item = {
  name: 'Sales, EU',
  state: 'enabled',
  createdAt: 1700000000000,
  connectionSpec: { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' },
  auth: { specName: 'Access Key' }
}

describe('property filter parsing', () => {
  test('reads each operator, two-character ones before their one-character prefixes', () => {
    expect(parsed('name==x').op).toBe('==')
    expect(parsed('name!=x').op).toBe('!=')
    expect(parsed('createdAt>=5')).toEqual({ field: 'createdAt', op: '>=', values: ['5'] })
    expect(parsed('createdAt<=5').op).toBe('<=')
    expect(parsed('createdAt>5').op).toBe('>')
    expect(parsed('createdAt<5').op).toBe('<')
    expect(parsed('name~x').op).toBe('~')
  })

  test('takes the first operator after the field, so the rest of the text is the value', () => {
    expect(parsed('name==a==b')).toEqual({ field: 'name', op: '==', values: ['a==b'] })
    expect(parsed('name==a>b')).toEqual({ field: 'name', op: '==', values: ['a>b'] })
  })

  test('splits the value on commas (Adobe reads a comma as OR)', () => {
    expect(parsed('id==a,b').values).toEqual(['a', 'b'])
  })

  test('reads dotted field paths', () => {
    expect(parsed('connectionSpec.id==x').field).toBe('connectionSpec.id')
  })

  test('rejects a filter without a field or an operator', () => {
    expect(parseFilter('==x')).toHaveProperty('error')
    expect(parseFilter('name=x')).toHaveProperty('error')
    expect(parseFilter('name')).toHaveProperty('error')
  })
})

describe('property filter matching', () => {
  test('== compares exactly, on dotted paths too', () => {
    expect(matchesFilter(item, parsed('state==enabled'))).toBe(true)
    expect(matchesFilter(item, parsed('state==Enabled'))).toBe(false)
    expect(matchesFilter(item, parsed('connectionSpec.id==ecadc60c-7455-4d87-84dc-2a0e293d997b'))).toBe(true)
    expect(matchesFilter(item, parsed('auth.specName==Access Key'))).toBe(true)
  })

  test('a name holding a comma cannot be matched as itself', () => {
    expect(matchesFilter(item, parsed('name==Sales, EU'))).toBe(false)
    expect(matchesFilter(item, parsed('name==Sales'))).toBe(false)
  })

  test('a comma list matches any of its values', () => {
    expect(matchesFilter(item, parsed('state==disabled,enabled'))).toBe(true)
  })

  test('!= with a list matches only when the field equals none of the values', () => {
    expect(matchesFilter(item, parsed('state!=disabled'))).toBe(true)
    expect(matchesFilter(item, parsed('state!=disabled,enabled'))).toBe(false)
  })

  test('~ matches a substring', () => {
    expect(matchesFilter(item, parsed('name~les'))).toBe(true)
    expect(matchesFilter(item, parsed('name~xyz'))).toBe(false)
  })

  test('ordering operators compare numbers numerically', () => {
    expect(matchesFilter(item, parsed('createdAt>999'))).toBe(true)
    expect(matchesFilter(item, parsed('createdAt<1700000000001'))).toBe(true)
    expect(matchesFilter(item, parsed('createdAt>=1700000000000'))).toBe(true)
    expect(matchesFilter(item, parsed('createdAt<=1699999999999'))).toBe(false)
  })

  test('a missing field equals nothing and differs from everything', () => {
    expect(matchesFilter(item, parsed('description==x'))).toBe(false)
    expect(matchesFilter(item, parsed('description!=x'))).toBe(true)
    expect(matchesFilter(item, parsed('nope.deeper>1'))).toBe(false)
  })

  test('several filters are ANDed', () => {
    expect(matchesAll(item, [parsed('state==enabled'), parsed('name~Sales')])).toBe(true)
    expect(matchesAll(item, [parsed('state==enabled'), parsed('name~Nope')])).toBe(false)
    expect(matchesAll(item, [])).toBe(true)
  })
})

describe('array fields and quoted values', () => {
  const flowItem = { name: 'Daily', sourceConnectionIds: ['s1', 's2'], flowSpec: { id: 'f' }, targetConnectionIds: [] }

  test('a field written with [] matches when any element matches', () => {
    expect(parsed('sourceConnectionIds[]==s2')).toEqual({ field: 'sourceConnectionIds[]', op: '==', values: ['s2'] })
    expect(matchesFilter(flowItem, parsed('sourceConnectionIds[]==s2'))).toBe(true)
    expect(matchesFilter(flowItem, parsed('sourceConnectionIds[]==s3'))).toBe(false)
    expect(matchesFilter(flowItem, parsed('sourceConnectionIds[]!=s3'))).toBe(true)
    expect(matchesFilter(flowItem, parsed('sourceConnectionIds[]!=s1'))).toBe(false)
    expect(matchesFilter(flowItem, parsed('targetConnectionIds[]==x'))).toBe(false)
    expect(matchesFilter(flowItem, parsed('name[]==Daily'))).toBe(false)
  })

  test('without [] an array field matches nothing', () => {
    expect(matchesFilter(flowItem, parsed('sourceConnectionIds==s1'))).toBe(false)
  })

  test('a value in double quotes also matches its text, as the flowSpecs docs write it', () => {
    expect(matchesFilter(flowItem, parsed('name=="Daily"'))).toBe(true)
    expect(matchesFilter({ name: '"Daily"' }, parsed('name=="Daily"'))).toBe(true)
    expect(matchesFilter(flowItem, parsed('name!="Daily"'))).toBe(false)
    expect(matchesFilter(flowItem, parsed('name=="'))).toBe(false)
  })
})
