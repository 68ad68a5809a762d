// The action's entry point (runs.main in action.yml bundles to dist/index.js).
import { run } from './main.js'

await run()
