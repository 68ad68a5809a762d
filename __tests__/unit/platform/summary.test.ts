import { MAX_COLUMNS, MAX_SUMMARY_BYTES, Summary } from '../../../src/platform/summary.js'

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

describe('the job summary stays under the 1 MiB GitHub keeps of a step', () => {
  it('a preview of 1000 columns and 20 long rows is cut to what fits, and says so', () => {
    const header = Array.from({ length: 1000 }, (_, i) => `column_${i} (string)`)
    const rows = Array.from({ length: 20 }, (_, r) => header.map((_, c) => `value ${r}-${c} ${'é'.repeat(400)}`))
    const html = new Summary().heading('Explore /b/').table(header, rows).paragraph('after the table').html()
    expect(bytes(html)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
    // Matched on the end only: a failure must not print the whole summary.
    expect(html.slice(-200)).toMatch(
      new RegExp(
        `shows \\d+ of 20 rows and ${MAX_COLUMNS} of 1000 columns: the job summary of a step holds 1 MiB at most\\.</em></p>\n<p>after the table</p>$`
      )
    )
  })

  it('keeps whole tables that fit, with no note', () => {
    const html = new Summary().table(['a', 'b'], [['1', '2']]).html()
    expect(html).toBe('<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>')
  })

  it('leaves out a table whose header alone does not fit, saying so', () => {
    const html = new Summary(600).table(['x'.repeat(400)], [['1']]).html()
    expect(html).toBe('<p><em>A table was left out: the job summary of a step holds 1 MiB at most.</em></p>')
  })

  it('counts bytes, not characters: rows of multi-byte text are cut at the byte budget', () => {
    const rows = Array.from({ length: 100 }, () => ['€'.repeat(100)])
    const html = new Summary(20_000).table(['v'], rows).html()
    expect(bytes(html)).toBeLessThanOrEqual(20_000)
    expect(html).toMatch(/shows \d+ of 100 rows/)
  })

  it('links only https URLs', () => {
    expect(new Summary().link('run', 'javascript:alert(1)').html()).toBe('')
    expect(new Summary().link('run', 'https://github.com/o/r/actions/runs/1').html()).toBe(
      '<p><a href="https://github.com/o/r/actions/runs/1">run</a></p>'
    )
  })
})
