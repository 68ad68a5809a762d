// Which secret inputs are masked before anything is printed: every one the reader accepts, in all
// its encodings, and none it refuses (a short value masked would garble the whole job's log).

import { maskSecretInputs } from '../../../src/platform/runtime.js'
import { Secrets } from '../../../src/platform/secrets.js'

function masking(values: Record<string, string>, names: readonly string[]): string[] {
  const masked: string[] = []
  maskSecretInputs(new Secrets((value) => masked.push(value)), (name) => values[name] ?? '', names)
  return masked
}

describe('maskSecretInputs', () => {
  it('masks an accepted secret and its encodings, base64 included', () => {
    const masked = masking({ 'client-secret': 'p8e-SECRET/value' }, ['client-secret'])
    expect(masked).toEqual(
      expect.arrayContaining(['p8e-SECRET/value', 'p8e-SECRET%2Fvalue', Buffer.from('p8e-SECRET/value').toString('base64')])
    )
  })

  it.each([
    ['too short', 'short'],
    ['several words', 'Bearer eyJhbGciOiJSUzI1NiJ9'],
    ['several lines', 'first-line-secret\nsecond-line']
  ])('masks nothing of a refused secret (%s): not the value, a line of it, nor an encoding', (_why, value) => {
    expect(masking({ 'client-secret': value }, ['client-secret'])).toEqual([])
  })

  it('still masks the accepted secrets when another is refused', () => {
    const masked = masking({ 'client-secret': 'short', 's3-secret-key': 'wJalrXUtnFEMI/K7MDENG' }, ['client-secret', 's3-secret-key'])
    expect(masked).toContain('wJalrXUtnFEMI/K7MDENG')
    expect(masked.some((m) => m.includes('short'))).toBe(false)
  })

  it('judges the value trimmed, as the reader does', () => {
    expect(masking({ 'access-token': '  token-value-0000\n' }, ['access-token'])[0]).toBe('token-value-0000')
    expect(masking({ 'access-token': '  short \n' }, ['access-token'])).toEqual([])
  })

  it('masks nothing for an input not given', () => {
    expect(masking({}, ['client-secret', 'access-token'])).toEqual([])
  })
})
