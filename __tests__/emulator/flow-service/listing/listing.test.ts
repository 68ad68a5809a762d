import { orderEntries } from '../../../../emulator/flow-service/listing/listing.js'

// Items made within one millisecond share a createdAt: the order must still be total.
const entries = [
  { seq: 1, item: { id: 'a', createdAt: 100, name: 'x' } },
  { seq: 2, item: { id: 'b', createdAt: 100, name: 'y' } },
  { seq: 3, item: { id: 'c', createdAt: 200 } },
  { seq: 4, item: { id: 'd', createdAt: 100, name: 'x' } }
]
const ids = (ordered: ReturnType<typeof orderEntries>): unknown[] =>
  typeof ordered === 'string' ? [ordered] : ordered.map((e) => e.item.id)

describe('orderby', () => {
  test('ascending breaks ties by creation order', () => {
    expect(ids(orderEntries(entries, 'createdAt'))).toEqual(['a', 'b', 'd', 'c'])
  })

  test('descending reverses ties too: the newest of items made in the same millisecond comes first', () => {
    expect(ids(orderEntries(entries, '-createdAt'))).toEqual(['c', 'd', 'b', 'a'])
  })

  test('items without the field come last in either direction', () => {
    expect(ids(orderEntries(entries, 'name'))).toEqual(['a', 'd', 'b', 'c'])
    expect(ids(orderEntries(entries, '-name'))).toEqual(['b', 'd', 'a', 'c'])
  })

  test('renumbers the items in the new order, for the token cursor', () => {
    const ordered = orderEntries(entries, '-createdAt')
    expect(typeof ordered === 'string' ? [] : ordered.map((e) => e.seq)).toEqual([1, 2, 3, 4])
  })

  test('refuses an orderby that is not a field path', () => {
    expect(orderEntries(entries, 'created At')).toMatch(/^Invalid orderby 'created At'/)
  })

  test('no orderby keeps creation order', () => {
    expect(ids(orderEntries(entries, undefined))).toEqual(['a', 'b', 'c', 'd'])
  })
})
