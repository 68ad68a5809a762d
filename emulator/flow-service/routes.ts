import type { Incoming, Reply } from '../http/reply.js'
import { dispatch, routeTemplate } from '../http/routing.js'
import { FLOW_BASE_PATH } from '../paths.js'
import type { FlowDeps, FlowRoutes } from './collection.js'
import { BASE_CONNECTION_ROUTES } from './connections/routes.js'
import { DATAFLOW_ROUTES } from './dataflows/routes.js'
import { SOURCE_TARGET_ROUTES } from './dataflows/source-target-connections.js'
import { RUN_ROUTES } from './runs/routes.js'

// Flow Service under /data/foundation/flowservice: every collection's routes in one table, served
// through the gateway's checks (http/routing.ts).

export type { FlowDeps }

const ROUTES: FlowRoutes = {
  ...BASE_CONNECTION_ROUTES,
  ...SOURCE_TARGET_ROUTES,
  ...DATAFLOW_ROUTES,
  ...RUN_ROUTES
}

export function flowRoute(segments: readonly string[]): string {
  return routeTemplate(segments, ROUTES)
}

export function handleFlow(req: Incoming, deps: FlowDeps): Reply {
  return dispatch(req, deps, ROUTES, FLOW_BASE_PATH)
}
