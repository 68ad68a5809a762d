// The problems an action's input validation reports, for tests that expect a refusal.

import { InputError } from '../../src/platform/input-reader.js'

export function inputProblems(read: () => unknown): string[] {
  try {
    read()
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
  throw new Error('expected the inputs to be rejected')
}
