import {
  columnFindings,
  columnOf,
  connectionProblems,
  destinationProblems,
  expressionColumns,
  MAX_PROBLEMS,
  startTimeProblem
} from '../../../src/dataflow/checks.js'
import type { Mapping } from '../../../src/dataflow/mapping.js'
import { readSchemaFields } from '../../../src/dataflow/schema.js'
import { S3_SPEC_ID, type BaseConnection } from '../../../src/platform/base-connection.js'

const ID = '11111111-2222-4333-8444-555555555555'
const S3: BaseConnection = { id: ID, name: 'S3', specId: S3_SPEC_ID, state: 'enabled' }
const wanted = { id: ID, sandboxName: 'prod', path: '/bucket/daily/*.csv' }

describe('the base connection', () => {
  it('an S3 connection, enabled, that reaches the path passes', () => {
    expect(connectionProblems(S3, wanted)).toEqual([])
    expect(connectionProblems({ ...S3, bucketName: 'bucket' }, wanted)).toEqual([])
    expect(connectionProblems({ ...S3, bucketName: 'bucket', folderPath: '/daily/' }, wanted)).toEqual([])
  })

  it('none in this sandbox names connection-id and sandbox-name', () => {
    const [problem] = connectionProblems(undefined, wanted)
    expect(problem).toContain(`Input 'connection-id': sandbox "prod" has no base connection ${ID}.`)
    expect(problem).toContain("'sandbox-name'")
  })

  it('another spec is refused, saying which', () => {
    expect(connectionProblems({ ...S3, specId: 'other-spec' }, wanted)).toEqual([
      `Input 'connection-id': connection ${ID} ("S3") is not an Amazon S3 connection (its spec is "other-spec"); the dataflow reads S3 through an S3 base connection.`
    ])
  })

  it('a disabled one is refused', () => {
    expect(connectionProblems({ ...S3, state: 'disabled' }, wanted)[0]).toContain('is "disabled", not enabled')
  })

  it('a path outside its bucket or folder names source-path and the folder it may read', () => {
    const [other] = connectionProblems({ ...S3, bucketName: 'other' }, wanted)
    expect(other).toContain(`Input 'source-path' ("/bucket/daily/*.csv") is outside what connection ${ID} ("S3") may read, "/other/"`)
    expect(connectionProblems({ ...S3, bucketName: 'bucket', folderPath: 'weekly' }, wanted)[0]).toContain('"/bucket/weekly/"')
  })

  it('a server name is printed on one line', () => {
    expect(connectionProblems({ ...S3, name: 'a\nb', specId: 'x' }, wanted)[0]).toContain('("a\\nb")')
  })
})

describe('the start time', () => {
  const at = (iso: string): number => Date.parse(iso) / 1000
  it.each([
    [undefined, undefined],
    ['2026-12-06T00:00:01Z', undefined],
    ['2026-12-06T00:00:00Z', undefined]
  ])('%s is not refused', (start, expected) => {
    const schedule = { frequency: 'day' as const, ...(start !== undefined && { startTime: at(start) }) }
    expect(startTimeProblem(schedule, Date.parse('2026-12-06T00:00:00Z'))).toBe(expected)
  })

  it('a time passed is refused, naming start-time', () => {
    expect(startTimeProblem({ frequency: 'day', startTime: at('2020-01-01T00:00:00Z') }, Date.parse('2026-12-06T00:00:00Z'))).toContain(
      "Input 'start-time' (2020-01-01T00:00:00Z) has passed"
    )
  })
})

const attribute = (source: string, destination = 'x'): Mapping => ({ sourceType: 'ATTRIBUTE', source, destination })

describe('destinations against the schema', () => {
  const fields = readSchemaFields({
    properties: {
      person: { properties: { name: { properties: { firstName: { type: 'string' } } } } },
      personalEmail: { properties: { address: { type: 'string' } } },
      tags: { type: 'array' }
    }
  })

  it('fields of the schema, and paths below an array, pass', () => {
    expect(destinationProblems([attribute('a', 'person.name.firstName'), attribute('b', 'tags[0]')], fields, 'S')).toEqual([])
  })

  it('a near miss names the entry and the field it likely meant', () => {
    expect(destinationProblems([attribute('a', 'personalEmail.adress')], fields, 'S')).toEqual([
      `Input 'mapping': entry 1's destination "personalEmail.adress" is not a field of the dataset's schema S (did you mean "personalEmail.address"?).`
    ])
  })

  it('a field given at the wrong depth is pointed to the one of that name', () => {
    expect(destinationProblems([attribute('a', 'person.firstName')], fields, 'S')[0]).toContain('(did you mean "person.name.firstName"?)')
  })

  it('suggestions stop after the first problems, and the list is bounded', () => {
    const many = Array.from({ length: 200 }, (_, i) => attribute('a', `personalEmail.adress${i}`))
    const problems = destinationProblems(many, fields, 'S')
    expect(problems).toHaveLength(MAX_PROBLEMS * 5 + 1)
    expect(problems.at(-1)).toBe(`and ${200 - MAX_PROBLEMS * 5} more`)
    expect(problems[MAX_PROBLEMS]).not.toContain('did you mean')
  })
})

describe('sources against a file', () => {
  const columns = [
    { name: 'email', type: 'string' },
    { name: 'first.name', type: 'string' },
    { name: 'address', type: 'object' }
  ]

  it('an ATTRIBUTE source the file has is fine, a dot in a delimited column its own', () => {
    expect(columnFindings([attribute('email'), attribute('first\\.name')], columns, 'delimited', '/b/f.csv')).toEqual({
      problems: [],
      warnings: []
    })
  })

  it('an ATTRIBUTE source the file lacks is refused with the column it likely meant and the columns there', () => {
    const { problems } = columnFindings([attribute('email'), attribute('emial')], columns, 'delimited', '/b/f.csv')
    expect(problems).toEqual([
      `Input 'mapping': entry 2 reads column "emial", which "/b/f.csv" does not have (did you mean "email"?) (its columns: "email", "first.name", "address").`
    ])
  })

  it('in JSON a source reads the top-level field its path starts with', () => {
    expect(columnFindings([attribute('address.city')], columns, 'json', '/b/f.json').problems).toEqual([])
    expect(columnFindings([attribute('adress.city')], columns, 'json', '/b/f.json').problems[0]).toContain('column "adress"')
  })

  it("an EXPRESSION's missing columns are warned about, not refused; functions, strings and literals are not columns", () => {
    const findings = columnFindings(
      [{ sourceType: 'EXPRESSION', source: 'concat(lower(emial), " x y ", true, email)', destination: 'd' }],
      columns,
      'delimited',
      '/b/f.csv'
    )
    expect(findings.problems).toEqual([])
    expect(findings.warnings).toEqual([
      `Mapping entry 1's expression reads "emial", which "/b/f.csv" has no column of (did you mean "email"?); if it is a column, the run's rows will fail to map.`
    ])
  })

  it('a STATIC source reads no column', () => {
    expect(columnFindings([{ sourceType: 'STATIC', source: 'nope', destination: 'd' }], columns, 'delimited', '/b/f.csv')).toEqual({
      problems: [],
      warnings: []
    })
  })
})

describe('the columns a source or expression reads', () => {
  it.each([
    ['a\\.b', 'delimited', 'a.b'],
    ['a.b', 'json', 'a'],
    ['a\\.b.c', 'json', 'a.b'],
    ['a', 'parquet', 'a']
  ] as const)('%s in %s reads %s', (source, format, column) => {
    expect(columnOf(source, format)).toBe(column)
  })

  it.each([
    ['upper(first_name)', ['first_name']],
    ['concat(first_name, " ", last_name)', ['first_name', 'last_name']],
    ['"a \\" b" ', []],
    ['to_integer(1e5) + x1', ['x1']],
    ['a.b\\.c', ['a.b\\.c']],
    ['null', []]
  ])('%s reads %j', (expression, columns) => {
    expect(expressionColumns(expression)).toEqual(columns)
  })
})
