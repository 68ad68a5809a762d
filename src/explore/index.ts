// The explore action's entry point (explore/action.yml runs dist/explore/index.js): it dials
// Platform first, then loads the rest of the action while the handshake is under way.

import { SERVICE_PATHS, SESSION_DEFAULTS } from '../platform/defaults.js'
import { isTrue, warmUpFromEnv } from '../platform/transport/warm-up.js'

await warmUpFromEnv(process.env, (input) => [
  {
    url: `${input('platform-url') || SESSION_DEFAULTS['platform-url']}${SERVICE_PATHS.flowService}`,
    // With preview, the listing and the preview go out together; with if-missing: skip, one after the other.
    connections: isTrue(input('preview')) && input('if-missing') !== 'skip' ? 2 : 1
  }
])
const { run } = await import('./main.js')
await run()
// Nothing may keep the step alive for long after the run; the timer holds nothing open.
setTimeout(() => process.exit(), 1000).unref()
