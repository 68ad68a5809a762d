import { generic, ims, notFoundRoute } from '../http/errors.js'
import { failure, isMediaType, ok, type Incoming, type Reply } from '../http/reply.js'
import { IMS_TOKEN_PATH } from '../paths.js'
import type { Credentials } from './credentials.js'

export const TOKEN_LIFETIME_SECONDS = 86399

// OAuth Server-to-Server: client_credentials grant, checked in the order IMS reports problems.
export function handleIms(req: Incoming, credentials: Credentials): Reply {
  if (req.path !== IMS_TOKEN_PATH) return failure(notFoundRoute(req.path))
  if (req.method !== 'POST') return failure(generic(405, 'MethodNotAllowedError', `${req.method} is not supported on ${IMS_TOKEN_PATH}`))
  if (!isMediaType(req.headers['content-type'], 'application/x-www-form-urlencoded')) {
    return failure(ims(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded'))
  }
  const form = new URLSearchParams(req.body)
  if (form.get('grant_type') !== 'client_credentials') {
    return failure(ims(400, 'unsupported_grant_type', 'grant_type must be client_credentials'))
  }
  const clientId = form.get('client_id') ?? ''
  if (!credentials.isClient(clientId)) return failure(ims(400, 'invalid_client', 'invalid client_id parameter'))
  if (!credentials.secretMatches(clientId, form.get('client_secret') ?? '')) {
    return failure(ims(401, 'invalid_client', 'invalid client_secret parameter'))
  }
  if (!form.get('scope')) return failure(ims(400, 'invalid_scope', 'scope parameter is missing'))
  return ok({ access_token: credentials.issue(clientId), token_type: 'bearer', expires_in: TOKEN_LIFETIME_SECONDS })
}
