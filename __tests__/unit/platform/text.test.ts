// Every hostile value a server could send, through the one helper that prints server text.

import { escapeHtml, oneLine, quoted, summaryText } from '../../../src/platform/text.js'

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
