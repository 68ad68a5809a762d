// The connection action's entry point (action.yml runs dist/connection/index.js). It is kept
// tiny: it dials the run's hosts first, then loads the rest of the action (a larger chunk) while
// their handshakes are under way.

import { SERVICE_PATHS, SESSION_DEFAULTS } from '../platform/defaults.js'
import { isTrue, warmUpFromEnv } from '../platform/transport/warm-up.js'

await warmUpFromEnv(process.env, (input) => [
  {
    url: input('flow-service-url') || `${input('platform-url') || SESSION_DEFAULTS['platform-url']}${SERVICE_PATHS.flowService}`,
    // With verify, the lookup, the probe and the sweep of old probes go out together; after a
    // create, the list again and the PATCH that takes the creation mark out do.
    connections: isTrue(input('verify')) ? 3 : 2
  }
])
const { run } = await import('./main.js')
await run()
// The run is over and its outputs are written. A request tunnelled through a proxy cannot always
// be cut off, so nothing may keep the step alive for long after this; the timer holds nothing open.
setTimeout(() => process.exit(), 1000).unref()
