import fc from 'fast-check'
import { readConfig, SECRET_INPUTS } from '../../../src/connection/inputs.js'
import { InputError, secretFault } from '../../../src/platform/input-reader.js'
import { CONTRACT_INPUTS } from '../../helpers/contract.js'

// Strings shaped like secrets: long enough that finding one in a message cannot be chance.
const secretValue = fc.string({ minLength: 12, maxLength: 40, unit: 'grapheme' }).map((s) => `SECRET-${s}`)
const anyValue = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', 'true', '0', 'https://x', 'iam-role')
)

describe('readConfig on arbitrary input', () => {
  it('either returns a config or throws one InputError naming inputs, and never echoes a secret', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...CONTRACT_INPUTS), anyValue),
        fc.dictionary(fc.constantFrom(...SECRET_INPUTS), secretValue),
        (values, secrets) => {
          const all: Record<string, string> = { ...values, ...secrets }
          try {
            readConfig((name) => all[name] ?? '')
            return true
          } catch (error) {
            if (!(error instanceof InputError)) return false
            if (error.problems.length === 0 || !error.problems.every((p) => /'[a-z0-9-]+'/.test(p))) return false
            return Object.values(secrets).every((secret) => !error.message.includes(secret.trim()))
          }
        }
      ),
      { numRuns: 500 }
    )
  })
})

// Inputs that pass, but for the secret under test.
const VALID: Record<string, string> = {
  'client-id': 'abc123clientid',
  'client-secret': 'p8e-SECRET-value',
  'ims-org-id': '1234ABCD5678EF90@AdobeOrg',
  'connection-name': 'S3 Connection',
  's3-access-key': 'AKIAEXAMPLE000000000',
  's3-secret-key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
}
const refusedSecret = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => s.trim() !== '' && secretFault(s.trim()) !== undefined)

describe('a secret input that is not masked', () => {
  it('is one the run refuses, naming the input, whatever else the inputs say: nothing unmasked is ever sent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SECRET_INPUTS), refusedSecret, fc.constantFrom('access-key', 'iam-role'), (name, value, authType) => {
        const all: Record<string, string> = { ...VALID, 'auth-type': authType, [name]: value }
        try {
          readConfig((input) => all[input] ?? '')
          return false
        } catch (error) {
          return error instanceof InputError && error.problems.some((p) => p.includes(`'${name}'`))
        }
      }),
      { numRuns: 300 }
    )
  })
})
