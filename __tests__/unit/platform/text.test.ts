// Every hostile value a server could send, through the one helper that prints server text.

import { escapeHtml, oneLine, quoted, shortList, summaryText } from '../../../src/platform/text.js'

const HOSTILE = [
  'abc\n::error::injected',
  'abc\r\n::set-output name=connection-id::evil',
  'abc\r::warning::x',
  '\u2028::error::line separator',
  '\u0085::error::next line',
  'tab\there\u001b[31mred',
  '\n\n## heading [link](https://evil.example)',
  'x\u202eevil'
]

describe('oneLine: a server value on one line, whatever it holds', () => {
  it.each(HOSTILE)('%j cannot start a line, nor hold a line break or control character', (value) => {
    const line = oneLine(value)
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/)
    expect(`prefix: ${line}`.split('\n')).toHaveLength(1)
  })
  it('shows what the server sent, as escapes', () => {
    expect(oneLine('a\nb\rc\td\u001be')).toBe('a\\nb\\rc\\td\\u001be')
  })
  it('cuts a long value with an ellipsis', () => {
    expect(oneLine('x'.repeat(1000), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(oneLine('short', 10)).toBe('short')
  })
  it('quotes a value, its quotes escaped', () => {
    expect(quoted('a "b"\n')).toBe('"a \\"b\\"\\n"')
  })
})

describe('summaryText: a value in an HTML cell of the job summary', () => {
  it.each(HOSTILE)('%j stays in its cell: no line break, no markup', (value) => {
    const cell = summaryText(value)
    expect(cell).not.toMatch(/[\n\r<>[\]]/)
  })
  it('escapes markup and Markdown', () => {
    expect(escapeHtml('<b>&"\'`|[x](y)*_\\')).toBe('&#60;b&#62;&#38;&#34;&#39;&#96;&#124;&#91;x&#93;(y)&#42;&#95;&#92;')
  })
})

describe('shortList: a few of many, then how many more', () => {
  it('names them all when they fit', () => {
    expect(shortList(['a', 'b'], 3)).toBe('a, b')
    expect(shortList([], 3)).toBe('')
  })
  it('names the first ones, then counts the rest', () => {
    expect(shortList(['a', 'b', 'c', 'd', 'e'], 3)).toBe('a, b, c and 2 more')
    expect(shortList(Array.from({ length: 12 }, (_, i) => `id-${i}`))).toBe(
      'id-0, id-1, id-2, id-3, id-4, id-5, id-6, id-7, id-8, id-9 and 2 more'
    )
  })
  it('counts the rest of a total when only the shown ones were given', () => {
    expect(shortList(['a', 'b'], 2, 10_000)).toBe('a, b and 9998 more')
  })
})
