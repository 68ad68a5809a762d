import { patchDocument, pointerSegments } from '../../../emulator/flow-service/json-patch.js'

const doc = { name: 'n', list: [{ a: 1 }, { a: 2 }], options: { x: 1 }, 'we/ird': 1 }
const ALL = ['/name', '/description', '/list', '/list/*', '/options', '/options/*', '/we~1ird']

function patched(ops: unknown): Record<string, unknown> {
  const result = patchDocument(doc, ops, ALL)
  if (!result.ok) throw new Error(result.message)
  return result.value
}

function problem(ops: unknown, allowed = ALL): string {
  const result = patchDocument(doc, ops, allowed)
  return result.ok ? 'applied' : result.message
}

describe('JSON Patch', () => {
  test('add sets a member or inserts into an array (at an index, or at the end with -)', () => {
    expect(patched([{ op: 'add', path: '/description', value: 'd' }])['description']).toBe('d')
    expect(patched([{ op: 'add', path: '/list/0', value: { a: 0 } }])['list']).toEqual([{ a: 0 }, { a: 1 }, { a: 2 }])
    expect(patched([{ op: 'add', path: '/list/-', value: { a: 3 } }])['list']).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }])
    expect(patched([{ op: 'add', path: '/list/2', value: { a: 3 } }])['list']).toHaveLength(3)
  })

  test('replace and remove need the member or element to exist', () => {
    expect(patched([{ op: 'replace', path: '/list/1', value: { a: 9 } }])['list']).toEqual([{ a: 1 }, { a: 9 }])
    expect(patched([{ op: 'remove', path: '/list/0' }])['list']).toEqual([{ a: 2 }])
    expect(patched([{ op: 'remove', path: '/options' }])).not.toHaveProperty('options')
    expect(problem([{ op: 'replace', path: '/description', value: 'd' }])).toBe(
      "Patch operation 0: 'replace' of '/description', which is not set; use 'add'."
    )
    expect(problem([{ op: 'remove', path: '/description' }])).toBe("Patch operation 0: 'remove' of '/description', which is not set.")
    expect(problem([{ op: 'replace', path: '/list/2', value: {} }])).toBe(
      "Patch operation 0: '/list/2' is not an element of the array (it has 2)."
    )
    expect(problem([{ op: 'remove', path: '/list/-' }])).toBe("Patch operation 0: '/list/-' is not an element of the array (it has 2).")
  })

  test('a lenient remove of an absent member is a no-op; elsewhere, and for replace, it stays an error', () => {
    const lenient = (ops: unknown): string => {
      const result = patchDocument(doc, ops, ALL, ['/description', '/options/*'])
      return result.ok ? JSON.stringify(result.value) : result.message
    }
    expect(lenient([{ op: 'remove', path: '/description' }])).toBe(JSON.stringify(doc))
    expect(lenient([{ op: 'remove', path: '/options/absent' }])).toBe(JSON.stringify(doc))
    expect(JSON.parse(lenient([{ op: 'remove', path: '/options/x' }]))).toMatchObject({ options: {} })
    expect(lenient([{ op: 'replace', path: '/description', value: 'd' }])).toMatch(/which is not set; use 'add'/)
    expect(lenient([{ op: 'remove', path: '/list/5' }])).toMatch(/not an element of the array/)
  })

  test('operations apply in order, on a copy: the document is never changed', () => {
    const result = patched([
      { op: 'replace', path: '/name', value: 'm' },
      { op: 'replace', path: '/options/x', value: 2 },
      { op: 'add', path: '/options/y', value: 3 }
    ])
    expect(result).toMatchObject({ name: 'm', options: { x: 2, y: 3 } })
    expect(doc).toEqual({ name: 'n', list: [{ a: 1 }, { a: 2 }], options: { x: 1 }, 'we/ird': 1 })
  })

  test('only the allowed paths, with ~1 and ~0 unescaped', () => {
    expect(problem([{ op: 'replace', path: '/state', value: 'x' }], ['/name'])).toBe(
      "Patch operation 0: path '/state' cannot be patched; use /name."
    )
    expect(patched([{ op: 'replace', path: '/we~1ird', value: 2 }])['we/ird']).toBe(2)
    expect(pointerSegments('/a~0b/c~1d')).toEqual(['a~b', 'c/d'])
    expect(pointerSegments('name')).toBeUndefined()
  })

  test('refuses what is not a JSON Patch array of lower-case operations with values', () => {
    expect(problem({ op: 'add' })).toMatch(/^The request body must be a non-empty JSON Patch array/)
    expect(problem([])).toMatch(/^The request body must be a non-empty JSON Patch array/)
    expect(problem(['x'])).toBe('Patch operation 0 must be an object with op, path and value.')
    expect(problem([{ op: 'REPLACE', path: '/name', value: 'x' }])).toBe(
      "Patch operation 0: op must be one of add, replace, remove (lower case), got 'REPLACE'."
    )
    expect(problem([{ op: 'replace', path: 'name', value: 'x' }])).toBe('Patch operation 0: path must be a JSON pointer such as /name.')
    expect(problem([{ op: 'add', path: '/name' }])).toBe("Patch operation 0: 'add' needs a value.")
    expect(problem([{ op: 'add', path: '/options/x/deeper', value: 1 }], ['/options/*/*'])).toBe(
      "Patch operation 0: '/options/x/deeper' is not inside an object or array that exists."
    )
  })
})
