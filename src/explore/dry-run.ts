// dry-run: true prints the requests a real run would send (built by the same code), and sends nothing.

import { flowServiceOnly } from '../platform/api.js'
import { DryRunPlan, dryRunTarget } from '../platform/dry-run.js'
import type { Config } from './inputs.js'
import { listCall, listedFolder, previewCall } from './requests.js'

export function describeDryRun(config: Config): string[] {
  const plan = new DryRunPlan(dryRunTarget(config.session, flowServiceOnly(config.flowServiceUrl))).token(config.session)
  const folder = listedFolder(config)
  const again =
    config.waitSeconds > 0
      ? `, then again with backoff for up to ${config.waitSeconds} s until an entry matches "${config.expect ?? ''}"`
      : ''
  plan.call(`List ${folder ?? 'the root'}${again}`, listCall(config.connectionId, folder))
  const { preview } = config
  if (preview !== undefined) {
    const shown = preview.rows > 0 ? `its columns and up to ${preview.rows} sample rows` : 'its columns only'
    const when = config.expect !== undefined && config.ifMissing === 'skip' ? ` (only if an entry matches "${config.expect}")` : ''
    plan.call(`Preview ${preview.file}${when}, showing ${shown}`, previewCall(config.connectionId, preview.file, preview.format))
  }
  return plan.lines()
}
