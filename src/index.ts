// The action's entry point (runs.main in action.yml bundles to dist/index.js). It is kept tiny:
// it dials the hosts of the run first, then loads the rest of the action (a larger chunk) while
// their handshakes are under way.
import { openEarlyConnections } from './early-connect.js'

await openEarlyConnections()
const { run } = await import('./main.js')
await run()
// The run is over and its outputs are written. A request tunnelled through a proxy cannot always
// be cut off (@actions/http-client's tunnel agent cannot destroy a pending CONNECT), so nothing
// may keep the step alive for long after this; the timer itself holds nothing open.
setTimeout(() => process.exit(), 1000).unref()
