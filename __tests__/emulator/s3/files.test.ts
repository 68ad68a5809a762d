import {
  compressionProblem,
  declaredTable,
  decodeText,
  fileBytes,
  inferColumns,
  parseDelimited,
  parseJsonRecords,
  readFile,
  readFiles,
  selectFiles,
  splitRecords,
  wildcard,
  xdmType,
  type FileResult,
  type Table
} from '../../../emulator/s3/files.js'
import { buildBuckets } from '../../../emulator/s3/tree.js'

function table(result: FileResult<Table>): Table {
  if (!result.ok) throw new Error(result.problem.message)
  return result.value
}

function problem<T>(result: FileResult<T>): string {
  if (result.ok) throw new Error('expected a problem')
  return `${result.problem.kind}: ${result.problem.message}`
}

describe('delimited text', () => {
  test('the header names the columns, every column is a string, every row a record', () => {
    expect(parseDelimited('id,name\n1,Ada\n2,Alan\n', ',')).toEqual({
      columns: [
        { name: 'id', type: 'string' },
        { name: 'name', type: 'string' }
      ],
      rows: [
        { id: '1', name: 'Ada' },
        { id: '2', name: 'Alan' }
      ]
    })
  })

  test('RFC 4180 quotes hold delimiters, doubled quotes and line breaks', () => {
    expect(splitRecords('a,"b,c","say ""hi""","two\r\nlines"\r\n', ',')).toEqual([['a', 'b,c', 'say "hi"', 'two\r\nlines']])
  })

  test('CRLF and LF both end records; blank lines are no records; a last line without newline counts', () => {
    expect(splitRecords('h\r\n\r\nx\n\ny', ',')).toEqual([['h'], ['x'], ['y']])
  })

  test('a line holding only "" is one empty field, and a quote inside a field is kept as is', () => {
    expect(splitRecords('""\nab"c\n', ',')).toEqual([[''], ['ab"c']])
  })

  test('any one character delimits: semicolon and tab', () => {
    expect(splitRecords('a;b\tc', ';')).toEqual([['a', 'b\tc']])
    expect(splitRecords('a;b\tc', '\t')).toEqual([['a;b', 'c']])
  })

  test('short records leave their last columns null, extra fields are dropped, empty header names get a placeholder', () => {
    expect(parseDelimited('a,,c\n1\n1,2,3,4\n', ',').rows).toEqual([
      { a: '1', _c1: null, c: null },
      { a: '1', _c1: '2', c: '3' }
    ])
  })

  test('an empty file has no columns and no rows', () => {
    expect(parseDelimited('', ',')).toEqual({ columns: [], rows: [] })
  })
})

describe('JSON', () => {
  test('an array of objects: columns in first-seen order, typed from the values', () => {
    const result = table(parseJsonRecords('[{"id":1,"name":"Ada","vip":true},{"id":2,"score":1.5,"tags":["a"],"address":{}}]', '/b/x.json'))
    expect(result.columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'string' },
      { name: 'vip', type: 'boolean' },
      { name: 'score', type: 'number' },
      { name: 'tags', type: 'array' },
      { name: 'address', type: 'object' }
    ])
    expect(result.rows).toHaveLength(2)
  })

  test('one object per line, blank lines skipped', () => {
    expect(table(parseJsonRecords('{"a":1}\n\n{"a":2}\n', 'x')).rows).toEqual([{ a: 1 }, { a: 2 }])
  })

  test('mixed numbers are numbers, other mixes strings, only nulls strings', () => {
    expect(
      inferColumns([
        { n: 1, m: 1, z: null },
        { n: 2.5, m: 'x', z: null }
      ])
    ).toEqual([
      { name: 'n', type: 'number' },
      { name: 'm', type: 'string' },
      { name: 'z', type: 'string' }
    ])
  })

  test('text that is not JSON, or JSON that is not records, is a format problem naming the file; one object is one record', () => {
    expect(problem(parseJsonRecords('id,name\n1,Ada\n', '/b/a.csv'))).toMatch(/^format: The file '\/b\/a.csv' does not parse as JSON/)
    expect(problem(parseJsonRecords('[1, 2]', '/b/n.json'))).toMatch(/not records/)
    expect(table(parseJsonRecords('{"a":1}', 'x')).rows).toEqual([{ a: 1 }])
  })
})

describe('Parquet as declared', () => {
  test('rows are narrowed to the declared columns, missing values null', () => {
    const file = {
      columns: [
        { name: 'id', type: 'string' },
        { name: 'score', type: 'double' }
      ],
      rows: [{ id: 'a', score: 0.5, extra: 1 }, { id: 'b' }]
    }
    expect(table(declaredTable(file, 'p'))).toEqual({
      columns: file.columns,
      rows: [
        { id: 'a', score: 0.5 },
        { id: 'b', score: null }
      ]
    })
  })

  test('a text file is not Parquet, and a Parquet file is not text', () => {
    expect(problem(declaredTable({ content: 'a,b' }, '/b/a.csv'))).toMatch(/^format: .*is not a Parquet file/)
    expect(problem(readFile({ columns: [] }, { format: 'delimited' }, '/b/p.parquet'))).toMatch(/is Parquet, not delimited/)
  })

  test('column types map to XDM types', () => {
    expect(['int', 'LONG', 'double', 'boolean', 'array', 'object', 'timestamp', 'string'].map(xdmType)).toEqual([
      'integer',
      'integer',
      'number',
      'boolean',
      'array',
      'object',
      'string',
      'string'
    ])
  })
})

describe('bytes, encodings and compression', () => {
  const latin = { content: 'Müller', encoding: 'ISO-8859-1' as const }

  test('a file is stored in its own encoding', () => {
    expect([...fileBytes(latin)]).toEqual([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72])
    expect(fileBytes({ content: 'ü' })).toEqual(Buffer.from([0xc3, 0xbc]))
  })

  test('decoding with the right encoding gives the text back; the wrong one shows replacement characters or mojibake', () => {
    expect(decodeText(fileBytes(latin), 'ISO-8859-1')).toBe('Müller')
    expect(decodeText(fileBytes(latin), 'UTF-8')).toBe('M\uFFFDller')
    expect(decodeText(fileBytes({ content: 'Müller' }), 'ISO-8859-1')).toBe('MÃ¼ller')
  })

  test('the requested compression must be the file own, and absent for an uncompressed file', () => {
    expect(compressionProblem({ compression: 'gzip' }, 'gzip', 'f')).toBeUndefined()
    expect(compressionProblem({}, undefined, 'f')).toBeUndefined()
    expect(compressionProblem({ compression: 'gzip' }, undefined, '/b/f.gz')?.message).toBe(
      "The file '/b/f.gz' is compressed (gzip): set compressionType=gzip to read it."
    )
    expect(compressionProblem({ compression: 'gzip' }, 'bzip2', 'f')?.message).toMatch(/compressed with gzip, not bzip2/)
    expect(compressionProblem({}, 'tar', 'f')?.message).toMatch(/not compressed, but compressionType=tar/)
  })

  test('readFile checks compression first, then decodes with the requested encoding and parses', () => {
    const gz = { content: 'a;b\n1;2\n', compression: 'gzip' as const }
    expect(problem(readFile(gz, { format: 'delimited' }, 'f'))).toMatch(/^compression: /)
    expect(table(readFile(gz, { format: 'delimited', compressionType: 'gzip', columnDelimiter: ';' }, 'f')).rows).toEqual([
      { a: '1', b: '2' }
    ])
    const names = table(readFile({ content: 'name\nJosé\n', encoding: 'ISO-8859-1' }, { format: 'delimited' }, 'f'))
    expect(names.rows).toEqual([{ name: 'Jos\uFFFD' }])
  })

  test('JSON is read as UTF-8 whatever encoding is asked (the encoding applies to delimited files)', () => {
    expect(table(readFile({ content: '{"n":"é"}' }, { format: 'json', encoding: 'ISO-8859-1' }, 'f')).rows).toEqual([{ n: 'é' }])
  })

  test('a delimiter of more or less than one character is a delimiter problem', () => {
    expect(problem(readFile({ content: 'a' }, { format: 'delimited', columnDelimiter: ';;' }, 'f'))).toMatch(/^delimiter: /)
    expect(problem(readFile({ content: 'a' }, { format: 'delimited', columnDelimiter: '' }, 'f'))).toMatch(/^delimiter: /)
  })

  test('a file without content reads as empty', () => {
    expect(table(readFile({}, { format: 'json' }, 'f'))).toEqual({ columns: [], rows: [] })
  })
})

describe('selecting and reading many files', () => {
  const buckets = buildBuckets({
    b: [
      { type: 'file', name: 'a.csv', path: 'in/a.csv', content: 'x\n1\n' },
      { type: 'file', name: 'b.csv', path: 'in/b.csv', content: 'x\n2\n' },
      { type: 'file', name: 'c.json', path: 'in/c.json', content: '{"x":3}' },
      { type: 'file', name: 'd.csv', path: 'in/deep/d.csv', content: 'x\n4\n' },
      { type: 'file', name: 'e.csv', path: 'in/deep/more/e.csv', content: 'x\n5\n' },
      { type: 'file', name: 'z.csv', path: 'z.csv', content: 'x\n0\n' }
    ]
  })

  function paths(result: ReturnType<typeof selectFiles>): string[] {
    if (!result.ok) throw new Error(result.problem.message)
    return result.value.map((f) => f.path)
  }

  test('a file path selects that file', () => {
    expect(paths(selectFiles(buckets, { path: '/b/in/a.csv' }))).toEqual(['/b/in/a.csv'])
  })

  test('a folder selects its files, or every file below it when recursive', () => {
    expect(paths(selectFiles(buckets, { path: '/b/in/' }))).toEqual(['/b/in/a.csv', '/b/in/b.csv', '/b/in/c.json'])
    expect(paths(selectFiles(buckets, { path: '/b/in', type: 'folder', recursive: true }))).toEqual([
      '/b/in/a.csv',
      '/b/in/b.csv',
      '/b/in/c.json',
      '/b/in/deep/d.csv',
      '/b/in/deep/more/e.csv'
    ])
  })

  test('a * in the last segment selects the matching files; matching folders only when recursive', () => {
    expect(paths(selectFiles(buckets, { path: '/b/in/*.csv' }))).toEqual(['/b/in/a.csv', '/b/in/b.csv'])
    expect(paths(selectFiles(buckets, { path: '/b/in/*' }))).toEqual(['/b/in/a.csv', '/b/in/b.csv', '/b/in/c.json'])
    expect(paths(selectFiles(buckets, { path: '/b/in/de*', recursive: true }))).toEqual(['/b/in/deep/d.csv', '/b/in/deep/more/e.csv'])
    expect(paths(selectFiles(buckets, { path: '/b/in/*.parquet' }))).toEqual([])
  })

  test('the wildcard is the only special character', () => {
    expect(wildcard('a.c*(1)').test('a.csv(1)')).toBe(true)
    expect(wildcard('a.c*(1)').test('abcsv(1)')).toBe(false)
    expect(wildcard('a.c*(1)').test('a.csv1')).toBe(false)
    expect(wildcard('*').test('x/y')).toBe(false)
  })

  test('a missing file, folder or bucket is a not-found problem; a type that does not match finds nothing', () => {
    expect(problem(selectFiles(buckets, { path: '/b/in/nope.csv' }))).toMatch(/^not-found: Nothing at '\/b\/in\/nope.csv'/)
    expect(problem(selectFiles(buckets, { path: '/nobucket/x' }))).toMatch(/^not-found/)
    expect(problem(selectFiles(buckets, { path: '/b/in/a.csv', type: 'folder' }))).toMatch(/no such folder/)
    expect(problem(selectFiles(buckets, { path: '/b/in/', type: 'file' }))).toMatch(/no such file/)
    expect(problem(selectFiles(buckets, { path: '/b/none/*.csv' }))).toMatch(/no such folder/)
  })

  test('readFiles reads every selected file; one file that does not parse does not stop the others', () => {
    const read = readFiles(buckets, { path: '/b/in/' }, { format: 'delimited' })
    if (!read.ok) throw new Error(read.problem.message)
    expect(read.value.map((f) => [f.name, f.result.ok])).toEqual([
      ['a.csv', true],
      ['b.csv', true],
      ['c.json', true]
    ])
    const asJson = readFiles(buckets, { path: '/b/in/' }, { format: 'json' })
    if (!asJson.ok) throw new Error(asJson.problem.message)
    expect(asJson.value.map((f) => f.result.ok)).toEqual([false, false, true])
    expect(problem(readFiles(buckets, { path: '/b/nope/' }, { format: 'json' }))).toMatch(/^not-found/)
  })
})
