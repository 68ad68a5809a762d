import { DEFAULTS, guessFormat, readConfig } from '../../../src/explore/inputs.js'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { inputProblems } from '../../helpers/inputs.js'

const VALID: Record<string, string> = {
  'client-id': 'abc123clientid',
  'access-token': 'token-value-0000',
  'ims-org-id': '1234ABCD5678EF90@AdobeOrg',
  'connection-id': '4cb0c374-d3bb-4557-b139-5712880adc55'
}
const read = (overrides: Record<string, string | undefined> = {}) => readConfig((name) => ({ ...VALID, ...overrides })[name] ?? '')

function problemsOf(overrides: Record<string, string | undefined>): string[] {
  return inputProblems(() => read(overrides))
}

describe('readConfig', () => {
  it('lists the root by default, once, with Flow Service under platform-url', () => {
    expect(read()).toMatchObject({
      connectionId: VALID['connection-id'],
      waitSeconds: 0,
      dryRun: false,
      flowServiceUrl: 'https://platform.adobe.io/data/foundation/flowservice'
    })
    expect(read().path).toBeUndefined()
    expect(read().preview).toBeUndefined()
  })

  it('previews a file with its format from the extension, delimiter and encoding for delimited only', () => {
    expect(read({ path: '/b/daily/export.csv', preview: 'true' }).preview).toEqual({
      file: '/b/daily/export.csv',
      format: { fileType: 'delimited', columnDelimiter: ',', encoding: 'UTF-8' },
      rows: 0
    })
    expect(read({ path: '/b/daily/orders.json.gz', preview: 'true' }).preview).toEqual({
      file: '/b/daily/orders.json.gz',
      format: { fileType: 'json', compressionType: 'gzip' },
      rows: 0
    })
    expect(read({ path: '/b/x.tsv', preview: 'true' }).preview?.format.columnDelimiter).toBe('\t')
  })

  it('takes the given file type, compression, delimiter (a space or a tab included) and encoding over the guesses', () => {
    const config = read({
      path: '/b/data.out',
      preview: 'true',
      'file-type': 'delimited',
      'compression-type': 'bzip2',
      'column-delimiter': '\t',
      encoding: 'ISO-8859-1'
    })
    expect(config.preview?.format).toEqual({
      fileType: 'delimited',
      compressionType: 'bzip2',
      columnDelimiter: '\t',
      encoding: 'ISO-8859-1'
    })
    expect(read({ path: '/b/x.csv', preview: 'true', 'column-delimiter': ' ' }).preview?.format.columnDelimiter).toBe(' ')
  })

  it.each([
    [{}, 0],
    [{ 'preview-rows': '0' }, 0],
    [{ 'preview-rows': '1' }, 1],
    [{ 'preview-rows': '20' }, 20]
  ])('a preview shows columns only unless sample rows are asked for: %j gives %i rows', (given, rows) => {
    expect(read({ path: '/b/x.parquet', preview: 'true', ...given }).preview?.rows).toBe(rows)
  })

  it.each([
    [{}, 'fail'],
    [{ expect: '*.csv' }, 'fail'],
    [{ expect: '*.csv', 'if-missing': 'fail' }, 'fail'],
    [{ expect: '*.csv', 'if-missing': 'skip' }, 'skip'],
    [{ expect: '*.csv', 'if-missing': 'skip', 'wait-seconds': '600' }, 'skip'],
    [{ 'if-missing': 'fail' }, 'fail']
  ])('reads %j as if-missing %s', (given, ifMissing) => {
    expect(read(given).ifMissing).toBe(ifMissing)
  })

  it('accepts preview-rows at its default without preview, which changes nothing', () => {
    expect(read({ 'preview-rows': '0' }).preview).toBeUndefined()
  })

  it.each([
    [{ 'connection-id': undefined }, "'connection-id' is required"],
    [{ 'connection-id': '../connections' }, "'connection-id' must be a connection id"],
    [{ preview: 'yes' }, "Input 'preview' must be"],
    [{ preview: 'true' }, "'preview' reads a file"],
    [{ preview: 'true', path: '/b/daily/' }, "'preview' reads a file"],
    [{ preview: 'true', path: '/b/daily/blob' }, "'file-type' is needed"],
    [{ preview: 'true', path: '/b/x.csv', 'column-delimiter': '||' }, "'column-delimiter' must be exactly one character"],
    [{ preview: 'true', path: '/b/x.csv', 'file-type': 'xml' }, "'file-type' must be one of 'delimited', 'json', 'parquet'"],
    [{ preview: 'true', path: '/b/x.csv', 'compression-type': 'zip' }, "'compression-type' must be one of"],
    [
      { preview: 'true', path: '/b/x.parquet', 'compression-type': 'gzip' },
      "Input 'compression-type' applies to delimited and JSON files only"
    ],
    [{ preview: 'true', path: '/b/x.csv', encoding: 'latin1' }, "'encoding' must be one of 'UTF-8', 'ISO-8859-1'"],
    [{ 'wait-seconds': '60' }, "'wait-seconds' waits for an entry matching 'expect'"],
    [{ expect: '*.csv', 'wait-seconds': '-1' }, "'wait-seconds' must be a whole number at least 0"],
    [{ expect: '*.csv', 'wait-seconds': '99999' }, 'at most 21600'],
    [{ path: '/b/\n::error::x' }, "'path' must be one line"],
    [{ expect: '[z-a].csv' }, "Input 'expect' has the range [z-a] out of order; write [a-z]"],
    [{ path: '/b/x.csv', 'file-type': 'json' }, "Input 'file-type' is only read with 'preview: true': set 'preview: true', or remove it."],
    [
      { path: '/b/x.csv', 'column-delimiter': ';', encoding: 'ISO-8859-1' },
      "Inputs 'column-delimiter', 'encoding' are only read with 'preview: true'"
    ],
    [
      { 'if-missing': 'skip' },
      "Input 'if-missing' says what to do when no entry matches 'expect': set 'expect' too (such as '*.csv'), or remove 'if-missing'."
    ],
    [{ expect: '*.csv', 'if-missing': 'ignore' }, "Input 'if-missing' must be one of 'fail', 'skip'; got 'ignore'."],
    [{ 'if-missing': 'Skip' }, "Input 'if-missing' must be one of 'fail', 'skip'; got 'Skip'."],
    [
      { path: '/b/x.csv', 'preview-rows': '5' },
      "Input 'preview-rows' is only read with 'preview: true': set 'preview: true', or remove it."
    ],
    [
      { path: '/b/x.csv', 'preview-rows': '5', encoding: 'ISO-8859-1' },
      "Inputs 'preview-rows', 'encoding' are only read with 'preview: true'"
    ],
    [
      { preview: 'true', path: '/b/x.csv', 'preview-rows': '21' },
      "Input 'preview-rows' must be a whole number at least 0 and at most 20, in decimal digits; got '21'."
    ],
    [{ preview: 'true', path: '/b/x.csv', 'preview-rows': '-1' }, "Input 'preview-rows' must be a whole number at least 0 and at most 20"],
    [{ preview: 'true', path: '/b/x.csv', 'preview-rows': 'all' }, "Input 'preview-rows' must be a whole number at least 0 and at most 20"],
    [
      { preview: 'true', path: '/b/x.json', 'column-delimiter': ';' },
      "Input 'column-delimiter' is only read for delimited files, and this preview reads json: remove it."
    ]
  ])('refuses %j', (overrides, message) => {
    const problems = problemsOf(overrides)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(message)
  })
})

describe('guessFormat', () => {
  it.each([
    ['a.csv', { fileType: 'delimited' }],
    ['A.TXT', { fileType: 'delimited' }],
    ['a.parquet', { fileType: 'parquet' }],
    ['a.csv.bz2', { fileType: 'delimited', compressionType: 'bzip2' }],
    ['a.csv.tar.gz', { fileType: 'delimited', compressionType: 'tarGzip' }],
    ['a.json.zip', { fileType: 'json', compressionType: 'zipDeflate' }],
    ['a.bin', {}]
  ])('%s', (name, expected) => expect(guessFormat(`/b/${name}`)).toEqual(expected))
})

describe('explore/action.yml', () => {
  const action = parse(readFileSync(new URL('../../../explore/action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  it('declares exactly the defaults the code applies', () => {
    const declared = Object.fromEntries(
      Object.entries(action.inputs).flatMap(([name, input]) => (input.default === undefined ? [] : [[name, input.default]]))
    )
    expect(declared).toEqual(DEFAULTS)
  })
})
