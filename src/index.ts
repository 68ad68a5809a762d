// The action's entry point (runs.main in action.yml bundles to dist/index.js). It is kept tiny:
// it dials the hosts of the run first, then loads the rest of the action (a larger chunk) while
// their handshakes are under way.
import { openEarlyConnections } from './early-connect.js'

await openEarlyConnections()
const { run } = await import('./main.js')
await run()
