// OAuth Server-to-Server: one client-credentials exchange with IMS per run (Adobe throttles
// integrations that mint too many tokens).

import { UnexpectedResponseError } from './errors.js'
import type { Request, Transport } from './transport/transport.js'
import { isObject } from './json.js'
import type { Secrets } from './secrets.js'

export interface TokenRequest {
  imsUrl: string
  clientId: string
  clientSecret: string
  scopes: string
}

export const TOKEN_PATH = '/ims/token/v3'

const LABEL = `POST ${TOKEN_PATH}`

/** The token request as it goes on the wire (a dry run prints it, secret redacted). */
export function tokenRequest(request: TokenRequest): Request {
  return {
    service: 'IMS',
    method: 'POST',
    url: `${request.imsUrl}${TOKEN_PATH}`,
    label: LABEL,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: request.clientId,
      client_secret: request.clientSecret,
      scope: request.scopes
    }).toString()
  }
}

/** Gets an access token and masks it before anything else can see it. */
export async function fetchAccessToken(transport: Transport, request: TokenRequest, secrets: Secrets): Promise<string> {
  const res = await transport.request(tokenRequest(request))
  const token = isObject(res.json) ? res.json.access_token : undefined
  // It goes into a header of every later request: one token of printable characters, no more.
  if (typeof token !== 'string' || !/^[\x21-\x7e]{1,16384}$/.test(token)) {
    throw new UnexpectedResponseError('IMS', LABEL, 'no usable "access_token" in the answer')
  }
  secrets.add(token)
  return token
}
