// The job summary: what this step did to which connection, readable on the run's page.
// Every value in it is either public or already redacted; none is a secret.

import * as core from '@actions/core'

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
  // Outside a runner (a local run) there is no summary file to write to.
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const rows: [string, string][] = [
    ['Connection name', facts.name],
    ['Operation', facts.operation],
    ['Connection ID', facts.id ?? '-'],
    ['Etag', facts.etag ?? '-'],
    ['Sandbox', facts.sandboxName],
    ['Connection spec', facts.connectionSpec],
    ['Verified', facts.verified]
  ]
  const summary = core.summary.addHeading('Amazon S3 base connection', 3).addTable([
    [
      { data: 'Field', header: true },
      { data: 'Value', header: true }
    ],
    ...rows.map(([field, value]) => [field, code(value)])
  ])
  if (facts.error !== undefined) summary.addRaw(`<p><strong>Failed:</strong> ${escapeHtml(facts.error)}</p>`, true)
  if (facts.runUrl !== undefined) summary.addLink('Workflow run', facts.runUrl)
  await summary.write()
}

function code(value: string): string {
  return `<code>${escapeHtml(value)}</code>`
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
