// The rule that both refuses a secret input and decides whether it is masked: one rule, so that
// what is refused is never masked and what is masked is never refused for its shape.

import { InputReader, secretFault } from '../../../src/platform/input-reader.js'
import { MIN_SECRET_LENGTH } from '../../../src/platform/secrets.js'

describe('secretFault', () => {
  it.each(['p8e-SECRET-value', 'AKIAEXAMPLE000000000', 'x'.repeat(MIN_SECRET_LENGTH), 'wJalr+XUtn/FEMI=K7"MD&ENG<bPx'])(
    'accepts %j as a secret',
    (value) => expect(secretFault(value)).toBeUndefined()
  )

  it.each(['', 'x', 'short', 'x'.repeat(MIN_SECRET_LENGTH - 1)])('refuses %j as too short to mask', (value) => {
    expect(secretFault(value)).toBe('too-short')
  })

  it.each(['Bearer eyJhbGciOiJSUzI1NiJ9', 'first-line-secret\nsecond-line', 'tab\tseparated-secret', 'ab cd'])(
    'refuses %j as more than one token, whatever its length',
    (value) => expect(secretFault(value)).toBe('not-one-token')
  )
})

describe('InputReader.secret', () => {
  const problemsFor = (value: string | undefined): string[] => {
    const reader = new InputReader(() => '', {})
    reader.secret('client-secret', value, 'client secret')
    return reader.problems
  }

  it('says how long a short secret is, naming the input, without the value', () => {
    expect(problemsFor('short')).toEqual([
      "Input 'client-secret' is 5 characters long, shorter than any real client secret (8 at least); check that the right secret is passed."
    ])
  })

  it('refuses a secret of several words or lines, naming the input, without the value', () => {
    const [problem, ...others] = problemsFor('several-words secret\nvalue')
    expect(others).toEqual([])
    expect(problem).toBe("Input 'client-secret' must be a single line without spaces; check that the whole client secret was pasted.")
  })

  it('leaves a missing secret to the rule that requires it, and passes a sound one', () => {
    expect(problemsFor(undefined)).toEqual([])
    expect(problemsFor('')).toEqual([])
    expect(problemsFor('p8e-SECRET-value')).toEqual([])
  })
})
