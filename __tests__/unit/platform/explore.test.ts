import { readPreview } from '../../../src/platform/explore.js'

describe('readPreview accepts both documented shapes', () => {
  it('a bare array of columns', () => {
    expect(
      readPreview([
        { name: 'id', type: 'string' },
        { name: 'n', type: 'integer' }
      ])
    ).toEqual({
      columns: [
        { name: 'id', type: 'string' },
        { name: 'n', type: 'integer' }
      ],
      rows: []
    })
  })
  it('the flat shape with rows, at most 20 of them, the type from xdm when absent', () => {
    const data = Array.from({ length: 30 }, (_, i) => ({ id: String(i) }))
    const preview = readPreview({ format: 'flat', schema: { columns: [{ name: 'id', xdm: { type: 'string' } }] }, data })
    expect(preview.columns).toEqual([{ name: 'id', type: 'string' }])
    expect(preview.rows).toHaveLength(20)
    expect(preview.rows[0]).toEqual({ id: '0' })
  })
  it('skips columns and rows it cannot read', () => {
    expect(readPreview({ schema: { columns: [{ type: 'string' }, 'x', { name: 'ok' }] }, data: ['x', null, { ok: 1 }] })).toEqual({
      columns: [{ name: 'ok', type: 'unknown' }],
      rows: [{ ok: 1 }]
    })
  })
  it('refuses anything else', () => {
    expect(() => readPreview({ items: [] })).toThrow(/neither an array of columns nor a \{schema, data\} object/)
  })
})
