import { columnsOf, evaluate, parseExpression, splitPath, type Expr, type Lookup } from '../../../emulator/data-prep/expressions.js'

function parsed(text: string): Expr {
  const result = parseExpression(text)
  if (!result.ok) throw new Error(result.reason)
  return result.value
}

function reason(text: string): string {
  const result = parseExpression(text)
  return result.ok ? 'parsed' : result.reason
}

const row: Record<string, unknown> = { email: '  Ada@Example.COM ', first: 'Ada', last: null, count: '12.9', 'a.b': 'dotted' }
const lookup: Lookup = (path) => {
  const key = path.join('.')
  return key in row ? { found: true, value: row[key] } : { found: false }
}

function value(text: string): unknown {
  const result = evaluate(parsed(text), lookup)
  if (!result.ok) throw new Error(result.reason)
  return result.value
}

describe('parsing expressions', () => {
  test('reads columns, string literals and nested calls of the five functions', () => {
    expect(parsed('email')).toEqual({ kind: 'column', path: ['email'], text: 'email' })
    expect(parsed('"a \\"quoted\\" text"')).toEqual({ kind: 'string', value: 'a "quoted" text' })
    expect(parsed('concat(upper(first), " ", lower(trim(email)))')).toMatchObject({
      kind: 'call',
      name: 'concat',
      args: [
        { kind: 'call', name: 'upper' },
        { kind: 'string', value: ' ' },
        { kind: 'call', name: 'lower' }
      ]
    })
    expect(parsed('to_integer(count)')).toMatchObject({ kind: 'call', name: 'to_integer' })
  })

  test('a dotted column is a path; an escaped dot stays in its segment', () => {
    expect(parsed('person.name')).toEqual({ kind: 'column', path: ['person', 'name'], text: 'person.name' })
    expect(splitPath('a\\.b.c')).toEqual(['a.b', 'c'])
  })

  test('refuses an unknown function, naming the ones it knows', () => {
    expect(reason('iif(a, b, c)')).toBe("the function 'iif' is not supported (the emulator knows lower, upper, trim, concat, to_integer)")
  })

  test('refuses a wrong number of arguments', () => {
    expect(reason('lower(a, b)')).toBe('lower takes 1 argument, got 2')
    expect(reason('concat()')).toBe('concat takes at least 1 arguments, got 0')
  })

  test('refuses bad syntax with its position', () => {
    expect(reason('')).toBe('the expression is empty')
    expect(reason('a + b')).toBe("unsupported character '+' at position 3")
    expect(reason('"open')).toBe('the string starting at position 1 has no closing quote')
    expect(reason('lower(a')).toBe("'lower(' is missing its closing ')'")
    expect(reason('lower(')).toBe('the expression ends too soon')
    expect(reason('a b')).toBe("unexpected 'b' at position 3")
    expect(reason(')')).toBe("unexpected ')' at position 1")
    expect(reason('lower(a))')).toBe("unexpected ')' at position 9")
  })

  test('lists the columns an expression reads', () => {
    expect(columnsOf(parsed('concat(first, "x", lower(a\\.b))')).map((c) => c.text)).toEqual(['first', 'a\\.b'])
  })
})

describe('evaluating expressions', () => {
  test('applies lower, upper, trim and concat', () => {
    expect(value('lower(trim(email))')).toBe('ada@example.com')
    expect(value('upper(first)')).toBe('ADA')
    expect(value('concat(first, "-", a\\.b)')).toBe('Ada-dotted')
  })

  test('null in, null out; concat reads null as empty text', () => {
    expect(value('lower(last)')).toBeNull()
    expect(value('concat(first, last)')).toBe('Ada')
    expect(value('to_integer(last)')).toBeNull()
  })

  test('to_integer truncates a number and fails on other text', () => {
    expect(value('to_integer(count)')).toBe(12)
    expect(evaluate(parsed('to_integer(first)'), lookup)).toEqual({ ok: false, reason: "to_integer: 'Ada' is not a number" })
  })

  test('a missing column fails the evaluation', () => {
    expect(evaluate(parsed('upper(nope)'), lookup)).toEqual({ ok: false, reason: "the column 'nope' is missing" })
  })

  test('an object cannot be read as text', () => {
    const objects: Lookup = () => ({ found: true, value: { a: 1 } })
    expect(evaluate(parsed('lower(x)'), objects)).toEqual({ ok: false, reason: 'lower cannot read {"a":1}' })
  })
})
