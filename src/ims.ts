// OAuth Server-to-Server: one client-credentials exchange with IMS per run (Adobe throttles
// integrations that mint too many tokens).

import { UnexpectedResponseError } from './errors.js'
import type { Transport } from './http.js'
import { isObject } from './json.js'
import type { Secrets } from './secrets.js'

export interface TokenRequest {
  imsUrl: string
  clientId: string
  clientSecret: string
  scopes: string
}

export const TOKEN_PATH = '/ims/token/v3'

/** Gets an access token and masks it before anything else can see it. */
export async function fetchAccessToken(transport: Transport, request: TokenRequest, secrets: Secrets): Promise<string> {
  const label = `POST ${TOKEN_PATH}`
  const res = await transport.request({
    service: 'IMS',
    method: 'POST',
    url: `${request.imsUrl}${TOKEN_PATH}`,
    label,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: request.clientId,
      client_secret: request.clientSecret,
      scope: request.scopes
    }).toString()
  })
  const token = isObject(res.json) ? res.json.access_token : undefined
  if (typeof token !== 'string' || token.trim() === '') {
    throw new UnexpectedResponseError('IMS', label, 'no "access_token" in the answer')
  }
  secrets.add(token)
  return token
}
