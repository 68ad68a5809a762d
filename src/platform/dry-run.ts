// What a dry run prints: each request a real run would send, numbered, with when it is sent.
// Requests come from the actions' own builders; the caller redacts secrets before printing.

import { describeCall, type Call, type Target } from './api.js'
import { tokenRequest } from './ims.js'
import type { Session } from './session.js'

export class DryRunPlan {
  private readonly steps: string[][] = []

  constructor(private readonly target: Target) {}

  /** The IMS request, when the run exchanges a client secret for a token. */
  token(session: Session): this {
    if (session.credentials.kind !== 'client-secret') return this
    const ims = tokenRequest({
      imsUrl: session.imsUrl,
      clientId: session.clientId,
      clientSecret: session.credentials.clientSecret,
      scopes: session.scopes
    })
    return this.step('Get an access token (one per run)', [
      `${ims.method} ${ims.url}`,
      'Content-Type: application/x-www-form-urlencoded',
      '',
      ims.body ?? ''
    ])
  }

  /** A request; placeholders such as {id} stand where a real run puts what the service answered. */
  call(when: string, call: Call): this {
    const [requestLine = '', ...rest] = describeCall(call, this.target)
    // Only the request line's own placeholders: '%7Bid%7D' in a path reads '{id}'. Anything else,
    // a description with '%7B' in it say, is printed as it would be sent.
    const shown = requestLine.replace(/%7B([A-Za-z](?:[\w-]|%20)*)%7D/g, (_, name: string) => `{${name.replace(/%20/g, ' ')}}`)
    return this.step(when, [shown, ...rest])
  }

  /** A step that sends nothing (a decision). */
  note(when: string): this {
    return this.step(when, [])
  }

  lines(): string[] {
    return ['Dry run: the inputs are valid. No token was requested and nothing was sent.', 'A real run would send:', ...this.steps.flat()]
  }

  private step(when: string, lines: string[]): this {
    this.steps.push([`${this.steps.length + 1}. ${when}`, ...lines.map((l) => `   ${l}`)])
    return this
  }
}

/** The target of a dry run: the session's caller, and where each service lives. */
export function dryRunTarget(session: Session, baseUrls: Target['baseUrls']): Target {
  return { clientId: session.clientId, imsOrgId: session.imsOrgId, sandboxName: session.sandboxName, baseUrls }
}
