// The dataflow action's entry point (dataflow/action.yml runs dist/dataflow/index.js): it dials
// Platform first, then loads the rest of the action while the handshake is under way.

import { SERVICE_PATHS, SESSION_DEFAULTS } from '../platform/defaults.js'
import { warmUpFromEnv } from '../platform/transport/warm-up.js'

await warmUpFromEnv(process.env, (input) => [
  {
    // Catalog, Data Prep, the Schema Registry and Flow Service share Platform's origin; a run's
    // first step (the dataset, and the lookups of the dataflow and its source and target
    // connections) sends four requests at once, as a first run's rehearsal does.
    url: `${input('platform-url') || SESSION_DEFAULTS['platform-url']}${SERVICE_PATHS.flowService}`,
    connections: 4
  }
])
const { run } = await import('./main.js')
await run()
// Nothing may keep the step alive for long after the run; the timer holds nothing open.
setTimeout(() => process.exit(), 1000).unref()
