import { applyPatch } from '../../emulator/patch.js'

const current = { name: 'n', description: 'd', params: { s3AccessKey: 'a', s3SecretKey: 'b' } }

function applied(body: unknown) {
  const result = applyPatch(current, body)
  if (!result.ok) throw new Error(result.message)
  return result.value
}

function rejected(body: unknown): string {
  const result = applyPatch(current, body)
  if (result.ok) throw new Error('expected a rejection')
  return result.message
}

describe('JSON Patch on a connection', () => {
  test('replaces all auth params at once', () => {
    expect(applied([{ op: 'replace', path: '/auth/params', value: { s3AccessKey: 'x', s3SecretKey: 'y' } }]).params).toEqual({
      s3AccessKey: 'x',
      s3SecretKey: 'y'
    })
  })

  test('adds, replaces and removes one auth param', () => {
    const value = applied([
      { op: 'add', path: '/auth/params/s3SessionToken', value: 't' },
      { op: 'replace', path: '/auth/params/s3SecretKey', value: 'z' },
      { op: 'remove', path: '/auth/params/s3AccessKey' }
    ])
    expect(value.params).toEqual({ s3SecretKey: 'z', s3SessionToken: 't' })
  })

  test('sets the name and the description, and removes the description', () => {
    expect(applied([{ op: 'replace', path: '/name', value: 'm' }]).name).toBe('m')
    expect(applied([{ op: 'replace', path: '/description', value: 'e' }]).description).toBe('e')
    expect(applied([{ op: 'remove', path: '/description' }])).not.toHaveProperty('description')
  })

  test('replace of an absent description or param is refused, as RFC 6902 says; add sets it', () => {
    expect(applyPatch({ name: 'n', params: {} }, [{ op: 'replace', path: '/description', value: 'e' }])).toMatchObject({ ok: false })
    expect(applyPatch({ name: 'n', params: {} }, [{ op: 'replace', path: '/auth/params/k', value: 'v' }])).toMatchObject({ ok: false })
    expect(applyPatch({ name: 'n', params: {} }, [{ op: 'add', path: '/description', value: 'e' }])).toEqual({
      ok: true,
      value: { name: 'n', params: {}, description: 'e' }
    })
  })

  test('unescapes JSON Pointer segments', () => {
    expect(applied([{ op: 'add', path: '/auth/params/a~1b~0c', value: 'v' }]).params).toHaveProperty(['a/b~c'], 'v')
  })

  test('does not change its input', () => {
    applied([{ op: 'replace', path: '/auth/params/s3SecretKey', value: 'z' }])
    expect(current.params.s3SecretKey).toBe('b')
  })

  test('rejects upper-case ops, as the OpenAPI file shows them', () => {
    expect(rejected([{ op: 'REPLACE', path: '/auth/params', value: {} }])).toMatch(/lower case/)
  })

  test('rejects a single object instead of an array, and an empty array', () => {
    expect(rejected({ op: 'replace', path: '/auth/params', value: {} })).toMatch(/array/)
    expect(rejected([])).toMatch(/array/)
  })

  test('rejects paths outside name, description and auth params', () => {
    expect(rejected([{ op: 'replace', path: '/auth/specName', value: 'IAMRole Based' }])).toMatch(/cannot be patched/)
    expect(rejected([{ op: 'replace', path: '/connectionSpec/id', value: 'x' }])).toMatch(/cannot be patched/)
  })

  test('rejects removing the name or the params, a missing value and a non-object params value', () => {
    expect(rejected([{ op: 'remove', path: '/name' }])).toMatch(/name/)
    expect(rejected([{ op: 'remove', path: '/auth/params' }])).toMatch(/params/)
    expect(rejected([{ op: 'replace', path: '/auth/params' }])).toMatch(/value/)
    expect(rejected([{ op: 'replace', path: '/auth/params', value: 'x' }])).toMatch(/object/)
  })
})
