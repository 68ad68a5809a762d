import { marked, markOf, unmarked } from '../../../src/connection/creation-mark.js'
import { MAX_DESCRIPTION_LENGTH } from '../../../src/platform/input-reader.js'

describe('the creation mark a create carries until its answer is known', () => {
  it('ends the description, and is read back', () => {
    const description = marked('Managed by GitHub Actions: acme/app, workflow Release', '3f9a1c2e')
    expect(description).toBe('Managed by GitHub Actions: acme/app, workflow Release [creating 3f9a1c2e]')
    expect(markOf(description)).toBe('3f9a1c2e')
    expect(unmarked(description)).toBe('Managed by GitHub Actions: acme/app, workflow Release')
  })

  it('is found only at the very end, in its exact form', () => {
    expect(markOf('[creating 3f9a1c2e] moved to the front')).toBeUndefined()
    expect(markOf('ends with [creating 3F9A1C2E]')).toBeUndefined()
    expect(markOf('ends with [creating 3f9a1c2]')).toBeUndefined()
    expect(markOf('no mark')).toBeUndefined()
    expect(markOf(undefined)).toBeUndefined()
  })

  it('cuts a description at the longest one to leave room for itself', () => {
    const description = marked('d'.repeat(MAX_DESCRIPTION_LENGTH), '00000001')
    expect(description).toHaveLength(MAX_DESCRIPTION_LENGTH)
    expect(markOf(description)).toBe('00000001')
  })

  it('leaves a description without a mark as it is', () => {
    expect(unmarked('Nightly import [creating later]')).toBe('Nightly import [creating later]')
  })
})
