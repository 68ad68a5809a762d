import { keepRows, previewLine } from '../../../src/explore/reads.js'

const columns = [
  { name: 'id', type: 'string' },
  { name: 'email', type: 'string' }
]
const rows = [
  { id: '1', email: 'a@example.com' },
  { id: '2', email: 'b@example.com' },
  { id: '3', email: 'c@example.com' }
]

describe('keepRows', () => {
  it.each([
    [0, []],
    [1, rows.slice(0, 1)],
    [3, rows],
    [20, rows]
  ])('keeps the columns and the first %i sample rows', (asked, kept) => {
    expect(keepRows({ columns, rows }, asked)).toEqual({ columns, rows: kept })
  })

  it('keeps no row value anywhere in what it returns when none are asked for', () => {
    expect(JSON.stringify(keepRows({ columns, rows }, 0))).not.toContain('@example.com')
  })
})

describe('previewLine', () => {
  it.each([
    [0, rows, 'Previewed /b/x.csv: 2 columns; no sample rows shown (set preview-rows, up to 20, to see some).'],
    [1, rows.slice(0, 1), 'Previewed /b/x.csv: 2 columns, 1 sample row.'],
    [5, rows, 'Previewed /b/x.csv: 2 columns, 3 sample rows.']
  ])('with preview-rows %i says what was shown', (asked, kept, line) => {
    expect(previewLine('/b/x.csv', { columns, rows: kept }, asked)).toBe(line)
  })

  it('counts one column in the singular', () => {
    expect(previewLine('/b/x.csv', { columns: columns.slice(0, 1), rows: [] }, 0)).toMatch(/: 1 column;/)
  })
})
