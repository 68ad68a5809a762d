// The connection action's job summary: what this step did to which connection.

import { Summary } from '../platform/summary.js'

export interface SummaryFacts {
  name: string
  sandboxName: string
  connectionSpec: string
  operation: string
  id?: string
  etag?: string
  verified: string
  runUrl?: string
  error?: string
}

export async function writeSummary(facts: SummaryFacts): Promise<void> {
  const summary = new Summary().heading('Amazon S3 base connection').facts([
    ['Connection name', facts.name],
    ['Operation', facts.operation],
    ['Connection ID', facts.id ?? '-'],
    ['Etag', facts.etag ?? '-'],
    ['Sandbox', facts.sandboxName],
    ['Connection spec', facts.connectionSpec],
    ['Verified', facts.verified]
  ])
  if (facts.operation === 'dry-run') summary.dryRun()
  if (facts.error !== undefined) summary.paragraph(facts.error, 'Failed:')
  if (facts.runUrl !== undefined) summary.link('Workflow run', facts.runUrl)
  await summary.write()
}
