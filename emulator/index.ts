// The emulator's public API: what the action's tests, the demo and the benchmark import.
import { startEmulator as start } from './server.js'
import type { Emulator, EmulatorOptions } from './types.js'

export { DEMO, DEMO_DATASET_ID, DEMO_MAPPING, DEMO_SCHEMA_ID } from './demo.js'
export { DATA_LAKE_SPEC_ID, FLOW_SPEC_ID, GCS_SPEC_ID, S3_SPEC_ID } from './flow-service/connections/specs.js'
// Every public type. A plain re-export (not `export type`) also loads the module at run time,
// so coverage sees a file of declarations as run instead of as 130 unrun lines.
export * from './types.js'

export async function startEmulator(options?: EmulatorOptions): Promise<Emulator> {
  return start(options)
}
