// The small part of Data Prep's expression language the emulator understands: column names,
// string literals in double quotes, and five functions. Anything else is refused with a message
// that says what is supported, so a mapping never silently means something else here. Pure.

export type Expr =
  { kind: 'string'; value: string } | { kind: 'column'; path: string[]; text: string } | { kind: 'call'; name: FunctionName; args: Expr[] }

export type FunctionName = 'lower' | 'upper' | 'trim' | 'concat' | 'to_integer'

const ARITY: Record<FunctionName, { min: number; max: number }> = {
  lower: { min: 1, max: 1 },
  upper: { min: 1, max: 1 },
  trim: { min: 1, max: 1 },
  concat: { min: 1, max: Infinity },
  to_integer: { min: 1, max: 1 }
}

export const FUNCTIONS: readonly FunctionName[] = ['lower', 'upper', 'trim', 'concat', 'to_integer']

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

type Token =
  { kind: '(' | ')' | ','; at: number } | { kind: 'string'; value: string; at: number } | { kind: 'name'; text: string; at: number }

// A column path: segments of letters, digits, '_' or '$', or '\.' (a dot inside a column name).
const NAME = /^(?:[A-Za-z0-9_$]|\\.)+(?:\.(?:[A-Za-z0-9_$]|\\.)+)*/

export function parseExpression(text: string): Parsed<Expr> {
  const tokens = tokenize(text)
  if (!tokens.ok) return tokens
  if (tokens.value.length === 0) return { ok: false, reason: 'the expression is empty' }
  const parser = new Parser(tokens.value)
  const expr = parser.expression()
  if (!expr.ok) return expr
  const rest = parser.peek()
  return rest ? { ok: false, reason: `unexpected ${describe(rest)} at position ${rest.at + 1}` } : expr
}

function tokenize(text: string): Parsed<Token[]> {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text.charAt(i)
    if (/\s/.test(c)) i++
    else if (c === '(' || c === ')' || c === ',') tokens.push({ kind: c, at: i++ })
    else if (c === '"') {
      const literal = readString(text, i)
      if (!literal.ok) return literal
      tokens.push({ kind: 'string', value: literal.value.value, at: i })
      i = literal.value.end
    } else {
      const name = NAME.exec(text.slice(i))?.[0]
      if (name === undefined) return { ok: false, reason: `unsupported character '${c}' at position ${i + 1}` }
      tokens.push({ kind: 'name', text: name, at: i })
      i += name.length
    }
  }
  return { ok: true, value: tokens }
}

// "..." with \" and \\ as escapes; `end` is the index after the closing quote.
function readString(text: string, start: number): Parsed<{ value: string; end: number }> {
  let value = ''
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charAt(i)
    if (c === '"') return { ok: true, value: { value, end: i + 1 } }
    if (c === '\\' && i + 1 < text.length) value += text.charAt(++i)
    else value += c
  }
  return { ok: false, reason: `the string starting at position ${start + 1} has no closing quote` }
}

class Parser {
  private at = 0

  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.at]
  }

  expression(): Parsed<Expr> {
    const token = this.tokens[this.at++]
    if (token === undefined) return { ok: false, reason: 'the expression ends too soon' }
    if (token.kind === 'string') return { ok: true, value: { kind: 'string', value: token.value } }
    if (token.kind !== 'name') return { ok: false, reason: `unexpected ${describe(token)} at position ${token.at + 1}` }
    if (this.peek()?.kind === '(') return this.call(token.text)
    return { ok: true, value: { kind: 'column', path: splitPath(token.text), text: token.text } }
  }

  private call(name: string): Parsed<Expr> {
    const fn = FUNCTIONS.find((f) => f === name)
    if (fn === undefined)
      return { ok: false, reason: `the function '${name}' is not supported (the emulator knows ${FUNCTIONS.join(', ')})` }
    this.at++
    const args: Expr[] = []
    if (this.peek()?.kind === ')') this.at++
    else {
      for (;;) {
        const arg = this.expression()
        if (!arg.ok) return arg
        args.push(arg.value)
        const next = this.tokens[this.at++]
        if (next?.kind === ')') break
        if (next?.kind !== ',') return { ok: false, reason: `'${name}(' is missing its closing ')'` }
      }
    }
    const { min, max } = ARITY[fn]
    if (args.length < min || args.length > max) {
      const expected = max === Infinity ? `at least ${min}` : String(min)
      return { ok: false, reason: `${fn} takes ${expected} argument${min === 1 && max === 1 ? '' : 's'}, got ${args.length}` }
    }
    return { ok: true, value: { kind: 'call', name: fn, args } }
  }
}

function describe(token: Token): string {
  if (token.kind === 'string') return 'string'
  if (token.kind === 'name') return `'${token.text}'`
  return `'${token.kind}'`
}

/** A source path: segments split on '.', a '\.' being a dot inside a segment. */
export function splitPath(text: string): string[] {
  const segments: string[] = []
  let segment = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (c === '\\' && i + 1 < text.length) segment += text.charAt(++i)
    else if (c === '.') {
      segments.push(segment)
      segment = ''
    } else segment += c
  }
  segments.push(segment)
  return segments
}

/** Every column an expression reads. */
export function columnsOf(expr: Expr): { path: string[]; text: string }[] {
  if (expr.kind === 'column') return [{ path: expr.path, text: expr.text }]
  if (expr.kind === 'call') return expr.args.flatMap(columnsOf)
  return []
}

/** A column's value in a row, or that the row has no such column. */
export type Lookup = (path: readonly string[]) => { found: true; value: unknown } | { found: false }

export function evaluate(expr: Expr, lookup: Lookup): Parsed<unknown> {
  if (expr.kind === 'string') return { ok: true, value: expr.value }
  if (expr.kind === 'column') {
    const read = lookup(expr.path)
    return read.found ? { ok: true, value: read.value } : { ok: false, reason: `the column '${expr.text}' is missing` }
  }
  const args: unknown[] = []
  for (const arg of expr.args) {
    const value = evaluate(arg, lookup)
    if (!value.ok) return value
    args.push(value.value)
  }
  return apply(expr.name, args)
}

// null in, null out (concat reads null as ''); numbers and booleans are read as their text.
function apply(name: FunctionName, args: readonly unknown[]): Parsed<unknown> {
  const texts: (string | null)[] = []
  for (const arg of args) {
    if (arg === null || arg === undefined) texts.push(null)
    else if (typeof arg === 'string' || typeof arg === 'number' || typeof arg === 'boolean') texts.push(String(arg))
    else return { ok: false, reason: `${name} cannot read ${JSON.stringify(arg)}` }
  }
  if (name === 'concat') return { ok: true, value: texts.map((t) => t ?? '').join('') }
  const text = texts[0] ?? null
  if (text === null) return { ok: true, value: null }
  switch (name) {
    case 'lower':
      return { ok: true, value: text.toLowerCase() }
    case 'upper':
      return { ok: true, value: text.toUpperCase() }
    case 'trim':
      return { ok: true, value: text.trim() }
    case 'to_integer': {
      const n = Number(text.trim())
      return text.trim() !== '' && Number.isFinite(n)
        ? { ok: true, value: Math.trunc(n) }
        : { ok: false, reason: `to_integer: '${text}' is not a number` }
    }
  }
}
