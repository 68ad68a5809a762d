import { admit, type Caller, type GatewayConfig } from '../ims/gateway.js'
import { generic, notFoundRoute } from './errors.js'
import { failure, type Incoming, type Reply } from './reply.js'

// Routing shared by the Platform services (Flow Service, Catalog, Data Prep): the gateway checks
// first, then a route template per path, then the handler for the method.

export interface Call<D> {
  req: Incoming
  caller: Caller
  deps: D
  // The second path segment, percent-decoded: the id of `/{collection}/{id}`.
  id: string
}

export type Handler<D> = (call: Call<D>) => Reply

// Route templates as RecordedRequest.route shows them, with the handlers per method.
export type Routes<D> = Record<string, Partial<Record<string, Handler<D>>>>

/** `/collection`, `/collection/{id}`, `/collection/{id}/sub`, or a literal route (`/mappingSets/validate`) before those. */
export function routeTemplate<D>(segments: readonly string[], routes: Routes<D>): string {
  const literal = `/${segments.join('/')}`
  if (literal in routes) return literal
  const [collection, id, sub, ...extra] = segments
  if (collection === undefined) return '/'
  if (id === undefined || extra.length > 0) return literal
  const template = sub === undefined ? `/${collection}/{id}` : `/${collection}/{id}/${sub}`
  return template in routes ? template : literal
}

export function dispatch<D extends { gateway: GatewayConfig }>(req: Incoming, deps: D, routes: Routes<D>, basePath: string): Reply {
  const admitted = admit(req.headers, req.body, deps.gateway)
  if (!admitted.ok) return failure(admitted.error)
  const route = routeTemplate(req.segments, routes)
  const methods = routes[route]
  if (!methods) return failure(notFoundRoute(req.path))
  const handler = methods[req.method]
  if (!handler) return failure(generic(405, 'MethodNotAllowedError', `${req.method} is not supported on ${basePath}${route}`))
  return handler({ req, caller: admitted.value, deps, id: decodeSegment(req.segments[1]) })
}

function decodeSegment(segment: string | undefined): string {
  if (segment === undefined) return ''
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
