import { boundedJson, outputsOf } from '../../../src/explore/outputs.js'

const entry = (name: string) => ({ type: 'file', name, path: `/b/${name}` })

describe('boundedJson', () => {
  it('is compact JSON of every item that fits, with its length in bytes', () => {
    expect(boundedJson([{ a: 1 }, 'b'])).toEqual({ json: '[{"a":1},"b"]', kept: 2, bytes: 13 })
    expect(boundedJson([])).toEqual({ json: '[]', kept: 0, bytes: 2 })
  })
  it('keeps the first items within the limit, and stays valid JSON', () => {
    const items = Array.from({ length: 100 }, (_, i) => `item-${i}`)
    const bounded = boundedJson(items, 100)
    expect(bounded.json.length).toBeLessThanOrEqual(100)
    expect(JSON.parse(bounded.json)).toEqual(items.slice(0, bounded.kept))
    expect(bounded.kept).toBeGreaterThan(5)
  })
  it('counts UTF-8 bytes, not characters: a name in another script takes up to three bytes a character', () => {
    const names = Array.from({ length: 50 }, (_, i) => `売上-${i}`)
    const bounded = boundedJson(names, 100)
    expect(Buffer.byteLength(bounded.json)).toBeLessThanOrEqual(100)
    expect(bounded.bytes).toBe(Buffer.byteLength(bounded.json))
    // Counted in characters, the same limit would have let about twice as many in.
    expect(bounded.json.length).toBeLessThan(70)
  })
  it('escapes control characters in names, so an output is one line', () => {
    expect(boundedJson([{ name: 'a\n::set-output x' }]).json).toBe('[{"name":"a\\n::set-output x"}]')
  })
})

describe('outputsOf: matched', () => {
  it.each([
    [undefined, undefined],
    [true, 'true'],
    [false, 'false']
  ])('with matched %p sets the matched output to %p (none without expect)', (matched, output) => {
    const outputs = outputsOf({ entries: [], matches: [], ...(matched !== undefined && { matched }) }, undefined)
    expect(outputs.values.matched).toBe(output)
    expect('matched' in outputs.values).toBe(matched !== undefined)
  })

  it('sets neither columns nor rows when no preview was read', () => {
    expect(outputsOf({ entries: [entry('a.json')], matches: [], matched: false }, undefined).values).toEqual({
      entries: '[{"type":"file","name":"a.json","path":"/b/a.json"}]',
      count: '1',
      matches: '[]',
      matched: 'false'
    })
  })
})

describe('outputsOf: every output within one budget', () => {
  it('sets every output in full when they fit', () => {
    const outputs = outputsOf(
      { entries: [entry('a.csv')], matches: ['/b/a.csv'] },
      { columns: [{ name: 'id', type: 'string' }], rows: [{ id: '1' }] }
    )
    expect(outputs).toEqual({
      values: {
        entries: '[{"type":"file","name":"a.csv","path":"/b/a.csv"}]',
        count: '1',
        matches: '["/b/a.csv"]',
        columns: '[{"name":"id","type":"string"}]',
        rows: '[{"id":"1"}]'
      },
      cut: []
    })
  })
  it('serves columns and matches first, and cuts the listing, all outputs together within the budget', () => {
    const entries = Array.from({ length: 200 }, (_, i) => entry(`file-${i}.csv`))
    const matches = entries.slice(0, 20).map((e) => e.path)
    const outputs = outputsOf({ entries, matches, matched: true }, { columns: [{ name: 'id', type: 'string' }], rows: [] }, 2000)
    const bytes = Object.values(outputs.values).reduce((n, v) => n + Buffer.byteLength(v), 0)
    expect(bytes).toBeLessThanOrEqual(2000)
    expect(JSON.parse(outputs.values.matches ?? '')).toEqual(matches)
    expect(outputs.values.count).toBe('200')
    expect(outputs.values.matched).toBe('true')
    expect(outputs.cut).toEqual([{ name: 'entries', kept: expect.any(Number), total: 200 }])
  })
})
