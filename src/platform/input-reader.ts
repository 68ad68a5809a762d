// Reads inputs and validates them into typed values before any network call. Problems are
// collected, so that one run reports every bad input at once, each message naming its input and
// the fix. Pure apart from the injected `getInput`, so every rule is a plain unit test.

import { MIN_SECRET_LENGTH } from './secrets.js'
import { oneLine } from './text.js'
import { isLoopback } from './url-rules.js'

export type GetInput = (name: string) => string

/** The longest name of a connection or dataflow: room is left for the suffix that names a verification probe. */
export const MAX_NAME_LENGTH = 200

/** The longest description Flow Service is given (an assumption: Adobe documents no limit). */
export const MAX_DESCRIPTION_LENGTH = 1024

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? (problems[0] ?? '') : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`)
    this.name = 'InputError'
  }
}

// Header values cannot hold control characters; a pasted secret with a newline is a mistake.
const CONTROL = /[\u0000-\u001f\u007f]/
const WHITESPACE = /\s/

export class InputReader {
  readonly problems: string[] = []

  constructor(
    private readonly getInput: GetInput,
    /** Each action's defaults, as its action.yml declares them (a test keeps the two equal). */
    private readonly defaults: Readonly<Record<string, string>>
  ) {}

  /** The input as most are read: surrounding whitespace is never meant. */
  private trimmed(name: string): string {
    return this.getInput(name).trim()
  }

  /** The input exactly as given but for surrounding line breaks: spaces and tabs are kept (a delimiter may be either). */
  verbatim(name: string): string {
    return this.getInput(name).replace(/^\r?\n+|\r?\n+$/g, '')
  }

  optional(name: string): string | undefined {
    const value = this.trimmed(name)
    return value === '' ? undefined : value
  }

  withDefault(name: string): string {
    return this.optional(name) ?? this.defaultOf(name)
  }

  required(name: string, hint: string): string {
    const value = this.optional(name)
    if (value === undefined) this.fail(`Input '${name}' is required: ${hint}.`)
    return value ?? ''
  }

  /** Whether the workflow set the input to something other than its default. */
  isSet(name: string): boolean {
    const value = this.trimmed(name)
    return value !== '' && value !== (this.defaults[name] ?? '')
  }

  /**
   * The name of what the run manages: required, one line, at most MAX_NAME_LENGTH characters.
   * `hint` says what it names; a later run finds it by this name.
   */
  name(name: string, hint: string): string {
    const value = this.required(name, `${hint}; the name is also how a later run finds it`)
    this.check(
      name,
      value,
      (v) => !hasControl(v) && v.length <= MAX_NAME_LENGTH,
      `must be one line of at most ${MAX_NAME_LENGTH} characters`
    )
    return value
  }

  /** A free-text description, as Flow Service takes one: at most MAX_DESCRIPTION_LENGTH characters. */
  description(): string | undefined {
    const value = this.optional('description')
    this.check('description', value, (v) => v.length <= MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`)
    return value
  }

  fail(problem: string): void {
    this.problems.push(problem)
  }

  /** Applies a check only to a value that is present, so a missing input yields one problem, not two. */
  check(name: string, value: string | undefined, ok: (v: string) => boolean, accepted: string): void {
    if (value !== undefined && value !== '' && !ok(value)) this.fail(`Input '${name}' ${accepted}.`)
  }

  /** Throws every problem found so far as one InputError. */
  done(): void {
    if (this.problems.length > 0) throw new InputError(this.problems)
  }

  choice<T extends string>(name: string, choices: readonly [T, ...T[]]): T {
    const value = this.withDefault(name)
    const chosen = choices.find((c) => c === value)
    if (chosen !== undefined) return chosen
    this.fail(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got '${printable(value)}'.`)
    return choices[0]
  }

  /** A choice that has no default: missing is one problem, a wrong value another. */
  requiredChoice<T extends string>(name: string, choices: readonly [T, ...T[]], hint: string): T {
    const value = this.required(name, hint)
    const chosen = choices.find((c) => c === value)
    if (chosen !== undefined) return chosen
    if (value !== '') this.fail(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got '${printable(value)}'.`)
    return choices[0]
  }

  /** The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them. */
  boolean(name: string): boolean {
    const value = this.withDefault(name)
    if (['true', 'True', 'TRUE'].includes(value)) return true
    if (['false', 'False', 'FALSE'].includes(value)) return false
    this.fail(`Input '${name}' must be 'true' or 'false'; got '${printable(value)}'.`)
    return false
  }

  number(name: string, rule: { integer: boolean; min?: number; max: number }): number {
    const value = this.withDefault(name)
    const shape = rule.integer ? /^\d+$/ : /^\d+(\.\d+)?$/
    const n = Number(value)
    const min = rule.min ?? 0
    if (!shape.test(value) || !(rule.min === undefined ? n > 0 : n >= min) || n > rule.max) {
      const kind = rule.integer ? 'a whole number' : 'a number'
      const low = rule.min === undefined ? 'greater than 0' : `at least ${min}`
      this.fail(`Input '${name}' must be ${kind} ${low} and at most ${rule.max}, in decimal digits; got '${printable(value)}'.`)
      return Number(this.defaultOf(name))
    }
    return n
  }

  /**
   * A secret input: never echoed; one line without spaces; at least MIN_SECRET_LENGTH characters,
   * because the runner masks a secret wherever it appears and a short one garbles every line.
   * The same rule (secretFault) decides which secret inputs are masked, before this runs.
   */
  secret(name: string, value: string | undefined, what: string, hint = ''): void {
    if (value === undefined || value === '') return
    const fault = secretFault(value)
    if (fault === 'not-one-token') {
      this.fail(`Input '${name}' must be a single line without spaces; check that the whole ${what} was pasted${hint}.`)
    }
    if (fault === 'too-short') {
      this.fail(
        `Input '${name}' is ${value.length} characters long, shorter than any real ${what} (${MIN_SECRET_LENGTH} at least); check that the right secret is passed.`
      )
    }
  }

  /** An absolute https:// base URL (http:// for loopback hosts only), without credentials, query or fragment. */
  baseUrl(name: string): string {
    const value = this.withDefault(name)
    return this.checkedUrl(name, value, this.defaultOf(name)) ?? value
  }

  /** The same rules for a URL input that has no default. */
  checkedUrl(name: string, value: string, example: string): string | undefined {
    // Checked on the raw text: the URL parser silently drops tabs and newlines.
    if (CONTROL.test(value)) {
      this.fail(`Input '${name}' must be one line without control characters, such as '${example}'.`)
      return undefined
    }
    const url = parseUrl(value)
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      this.fail(`Input '${name}' must be an absolute https:// URL such as '${example}'; got '${printable(withoutUserinfo(value))}'.`)
      return undefined
    }
    if (url.username !== '' || url.password !== '') {
      // Never echoed: whatever stands before the '@' could be a password.
      this.fail(`Input '${name}' must not hold a user name or password; give a URL such as '${example}'.`)
      return undefined
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
      this.fail(
        `Input '${name}' must use https:// (a bearer token never travels in clear text); http:// is accepted only for loopback hosts such as localhost or 127.0.0.1.`
      )
    }
    if (url.search !== '' || url.hash !== '') {
      this.fail(`Input '${name}' must be a base URL without query or fragment, such as '${example}'.`)
    }
    return url.href.replace(/\/+$/, '')
  }

  private defaultOf(name: string): string {
    const value = this.defaults[name]
    if (value === undefined) throw new Error(`input '${name}' has no default`)
    return value
  }
}

/** Why a value cannot be a secret: more than one word or line, or too short to be masked safely. */
export type SecretFault = 'not-one-token' | 'too-short'

/**
 * What refuses a value as a secret, judged on the value alone; undefined when it can be one. A
 * refused value is never masked: masking a short one (a common word, say) would garble every
 * later line of the job's log that holds that word, the refusal's own message included.
 */
export function secretFault(value: string): SecretFault | undefined {
  if (!singleToken(value)) return 'not-one-token'
  if (value.length < MIN_SECRET_LENGTH) return 'too-short'
  return undefined
}

export function singleToken(value: string): boolean {
  return !WHITESPACE.test(value) && !CONTROL.test(value)
}

export function hasControl(value: string): boolean {
  return CONTROL.test(value)
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

/** Everything up to the last '@' after the scheme may be a user and password: it is never echoed. */
function withoutUserinfo(value: string): string {
  const scheme = value.indexOf('//')
  const at = value.lastIndexOf('@')
  if (at === -1) return value
  return scheme !== -1 && scheme < at ? `${value.slice(0, scheme + 2)}***@${value.slice(at + 1)}` : `***@${value.slice(at + 1)}`
}

/** Echoes a non-secret value in an error message without letting it break the log line. */
export function printable(value: string): string {
  return oneLine(value, 80)
}
