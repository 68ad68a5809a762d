import { didYouMean, editDistance, nearest } from '../../../src/platform/did-you-mean.js'

describe('the nearest name', () => {
  it.each([
    ['emial', ['email', 'first_name'], 'email'],
    ['Email', ['email', 'emails'], 'email'],
    ['personalEmail.adress', ['personalEmail.address', 'person.name'], 'personalEmail.address'],
    ['sourcetype', ['source', 'destination', 'sourceType'], 'sourceType'],
    ['zzz', ['email', 'country'], undefined],
    ['id', ['ab', 'cd'], undefined]
  ])('%s among %j is %s', (name, candidates, expected) => {
    expect(nearest(name, candidates)).toBe(expected)
  })

  it('takes the fewest edits when several are within reach', () => {
    expect(nearest('contry', ['counter', 'country'])).toBe('country')
  })

  it('says it as a hint, quoted, or says nothing', () => {
    expect(didYouMean('emial', ['email'])).toBe(' (did you mean "email"?)')
    expect(didYouMean('zzz', ['email'])).toBe('')
  })
})

describe('the edit distance', () => {
  it.each([
    ['abc', 'abc', 0],
    ['abc', 'acb', 1],
    ['abc', 'ab', 1],
    ['kitten', 'sitting', 3]
  ])('%s to %s is %d', (a, b, d) => {
    expect(editDistance(a, b, 10)).toBe(d)
  })

  it('stops as soon as it must pass the limit', () => {
    expect(editDistance('a'.repeat(1000), 'b'.repeat(1000), 2)).toBe(3)
  })
})
