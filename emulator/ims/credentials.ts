import { randomBytes } from 'node:crypto'

// Who may call: IMS clients (id + secret), static bearer tokens, and the tokens IMS issued.
// An issued token is bound to its client, as Adobe's gateway binds it to the API key.
export class Credentials {
  private readonly secrets: Map<string, string>
  private readonly staticTokens: Set<string>
  private readonly issued = new Map<string, string>()

  constructor(clients: readonly { clientId: string; clientSecret: string }[], accessTokens: readonly string[]) {
    this.secrets = new Map(clients.map((c) => [c.clientId, c.clientSecret]))
    this.staticTokens = new Set(accessTokens)
  }

  isClient(clientId: string): boolean {
    return this.secrets.has(clientId)
  }

  secretMatches(clientId: string, secret: string): boolean {
    return this.secrets.get(clientId) === secret
  }

  issue(clientId: string): string {
    // 48 random bytes: 64 base64url characters, unguessable and of a token's usual heft.
    const token = `emu.${randomBytes(48).toString('base64url')}`
    this.issued.set(token, clientId)
    return token
  }

  // undefined: unknown token; null: a static token usable with any known client id.
  tokenClient(token: string): string | null | undefined {
    if (this.staticTokens.has(token)) return null
    return this.issued.get(token)
  }
}
