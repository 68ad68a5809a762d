// Masking and redaction. Every secret is registered with the runner (core.setSecret) before
// anything can print it, in the encodings a server is likely to echo it in; and every message
// the actions write is redacted on top, by a pattern that recognises the secret in any mixture
// of those encodings, so that a secret echoed back in a form the runner does not know is still
// never printed.

export type SetSecret = (value: string) => void

/** Secret inputs shorter than this are refused, and never masked: masking a short value garbles every log line. */
export const MIN_SECRET_LENGTH = 8

const MASK = '***'

export class Secrets {
  private readonly registered = new Set<string>()
  private patterns: { length: number; pattern: RegExp }[] = []

  constructor(private readonly setSecret: SetSecret) {}

  /** Registers a secret with the runner, with its encoded forms and each of its lines. */
  add(secret: string | undefined): void {
    if (secret === undefined || secret.trim() === '' || this.registered.has(secret)) return
    this.registered.add(secret)
    const values = [secret, ...secret.split(/\r?\n/).flatMap((line) => [line, line.trim()])].filter(
      (value, index) => index === 0 || value.length >= MIN_SECRET_LENGTH
    )
    for (const value of new Set(values)) {
      for (const form of runnerForms(value)) {
        // Derived forms that short would mask ordinary words; the secret itself is always masked.
        if (form === secret || form.length >= MIN_SECRET_LENGTH) this.setSecret(form)
      }
      this.patterns.push({ length: value.length, pattern: redactionPattern(value) })
    }
    // Longest first, so that no fragment of a longer secret survives a shorter one's match.
    this.patterns = [...this.patterns].sort((a, b) => b.length - a.length)
  }

  /** Replaces every secret, in any encoding listed above, with ***. Redact before any cut. */
  redact(text: string): string {
    let out = text
    for (const { pattern } of this.patterns) out = out.replace(pattern, MASK)
    return out
  }
}

/** The exact strings registered with the runner, which masks only literal matches. */
function runnerForms(secret: string): Set<string> {
  const json = JSON.stringify(secret).slice(1, -1)
  const percent = encodeURIComponent(secret)
  return new Set([
    secret,
    json,
    json.replace(/\//g, '\\/'),
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase()),
    new URLSearchParams({ s: secret }).toString().slice(2),
    secret.replace(/[&<>"']/g, (c) => HTML_NAMED[c] ?? c),
    ...base64Cores(secret)
  ])
}

const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
const JSON_SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f'
}

/**
 * One pattern for the secret written in any mixture of: itself, JSON escapes (`\/`, `\"`,
 * `\u002b` in either case), percent-encoding (either case), form encoding (`+` for a space) and
 * HTML character references (`&#43;`, `&#x2B;`, `&amp;`); or as base64 (standard or URL alphabet,
 * at any alignment inside a longer base64 text).
 */
export function redactionPattern(secret: string): RegExp {
  const perCharacter = Array.from(secret)
    .map((c) => `(?:${characterForms(c).join('|')})`)
    .join('')
  const base64 = [...base64Cores(secret)].filter((core) => core.length >= MIN_SECRET_LENGTH).map(escapeRegExp)
  return new RegExp([perCharacter, ...base64].join('|'), 'g')
}

function characterForms(c: string): string[] {
  const code = c.codePointAt(0) ?? 0
  const forms = [escapeRegExp(c)]
  const bytes = [...Buffer.from(c, 'utf8')]
  forms.push(bytes.map((b) => `%${hexEitherCase(b, 2)}`).join(''))
  if (c === ' ') forms.push('\\+')
  const short = JSON_SHORT[c]
  if (short !== undefined) forms.push(escapeRegExp(short))
  // \uXXXX for each UTF-16 code unit (a surrogate pair for characters beyond the BMP).
  forms.push(Array.from({ length: c.length }, (_, i) => `\\\\u${hexEitherCase(c.charCodeAt(i), 4)}`).join(''))
  forms.push(`&#0*${code};`, `&#[xX]0*${hexEitherCase(code, 1)};`)
  const named = HTML_NAMED[c]
  if (named !== undefined) forms.push(escapeRegExp(named))
  return forms
}

/** `0x2b` as `2[bB]`: hexadecimal digits that match upper and lower case, padded to `width`. */
function hexEitherCase(value: number, width: number): string {
  return value
    .toString(16)
    .padStart(width, '0')
    .split('')
    .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
    .join('')
}

/**
 * The base64 characters that depend on the secret alone, at each of the three alignments the
 * secret can have inside longer base64 text (such as `Basic base64(user:secret)`), in the
 * standard and the URL-safe alphabets.
 */
function base64Cores(secret: string): Set<string> {
  const bytes = Buffer.from(secret, 'utf8')
  const cores = new Set<string>()
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const start = [0, 2, 3][offset] ?? 0
    const end = 4 * Math.floor((offset + bytes.length) / 3)
    const core = encoded.slice(start, end)
    if (core.length === 0) continue
    cores.add(core)
    cores.add(core.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  // The whole value, padding included, as most servers would write it.
  cores.add(bytes.toString('base64'))
  cores.add(bytes.toString('base64url'))
  return cores
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
