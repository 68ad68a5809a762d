// Masking: every secret is registered with the runner before anything can print it, and
// every message the action writes itself is redacted too, so a secret echoed back by a
// server in an encoding the runner does not know is still never printed.

export type SetSecret = (value: string) => void

const MIN_MASK_LENGTH = 4

export class Secrets {
  private readonly values = new Set<string>()

  constructor(private readonly setSecret: SetSecret) {}

  /** Registers a secret and the forms it takes inside JSON, form and URL encodings, and line by line. */
  add(secret: string | undefined): void {
    if (secret === undefined || secret.trim() === '') return
    for (const form of encodedForms(secret)) {
      // Derived fragments that short would mask ordinary words; the secret itself is always masked.
      if (this.values.has(form) || (form !== secret && form.length < MIN_MASK_LENGTH)) continue
      this.values.add(form)
      this.setSecret(form)
    }
  }

  /** Replaces every registered secret in a message with ***; longest first so that no fragment survives. */
  redact(text: string): string {
    let out = text
    for (const value of [...this.values].sort((a, b) => b.length - a.length)) {
      out = out.split(value).join('***')
    }
    return out
  }
}

function encodedForms(secret: string): string[] {
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2)
  ]
  // The runner masks line by line, so a multi-line secret is masked one line at a time as well.
  for (const line of secret.split(/\r?\n/)) {
    if (line.trim() !== '') forms.push(line, line.trim())
  }
  return forms
}
