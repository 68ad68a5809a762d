import { boundedJson } from '../../../src/explore/outputs.js'

describe('boundedJson', () => {
  it('is compact JSON of every item that fits', () => {
    expect(boundedJson([{ a: 1 }, 'b'])).toEqual({ json: '[{"a":1},"b"]', kept: 2 })
    expect(boundedJson([])).toEqual({ json: '[]', kept: 0 })
  })
  it('keeps the first items within the limit, and stays valid JSON', () => {
    const items = Array.from({ length: 100 }, (_, i) => `item-${i}`)
    const bounded = boundedJson(items, 100)
    expect(bounded.json.length).toBeLessThanOrEqual(100)
    expect(JSON.parse(bounded.json)).toEqual(items.slice(0, bounded.kept))
    expect(bounded.kept).toBeGreaterThan(5)
  })
  it('escapes control characters in names, so an output is one line', () => {
    expect(boundedJson([{ name: 'a\n::set-output x' }]).json).toBe('[{"name":"a\\n::set-output x"}]')
  })
})
