// `npm run demo`: the actions' main job against the emulator, as a workflow would run it. Starts
// the emulator, then runs each bundle under Node 24 the way the runner does (INPUT_* variables,
// GITHUB_OUTPUT): the connection (created, then its key rotated), explore with the
// connection-id output (a listing, a preview, and a wait for a file that lands meanwhile), then
// the dataflow into the demo dataset (created, its first run waited for, the mapping changed,
// and a change planned).

import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO, DEMO_DATASET_ID, startEmulator } from '../emulator/index.js'
import { node24, ROOT, runAction, type ActionName, type RunResult } from './runner.js'

// Today's export, in the same format as the others: it lands while a step waits for it.
const LATE_EXPORT = [
  'customer_id,email,first_name,last_name,country,signup_date,lifetime_value',
  'C-2001,Lena.Berg@Example.com ,Lena,Berg,SE,2026-11-28,0',
  'C-2002,tomas.novak@example.com,Tomáš,Novák,CZ,2026-11-28,42.50',
  ''
].join('\n')

// Runs start a thousand times sooner than on Adobe (where the first comes 2 to 3 minutes after its start time).
const emulator = await startEmulator({ runClock: { timeScale: 1000 } })
// The workflow's checkout: the mapping files the dataflow reads.
const workspace = mkdtempSync(join(tmpdir(), 'demo-workspace-'))
copyFileSync(join(ROOT, 'examples', 'crm-customers-mapping.json'), join(workspace, 'crm-customers-mapping.json'))
const origin = emulator.flowServiceUrl.slice(0, emulator.flowServiceUrl.indexOf('/data/'))
let failed: boolean
try {
  console.log(`Platform emulator: ${origin} (IMS ${emulator.imsUrl})`)
  console.log(`Runner's Node:     ${node24()}\n`)

  const session = {
    'client-id': DEMO.clientId,
    'client-secret': DEMO.clientSecret,
    'ims-org-id': emulator.orgId,
    'sandbox-name': 'prod',
    'ims-url': emulator.imsUrl,
    'platform-url': origin
  }
  const connection = {
    ...session,
    'connection-name': 'S3 Connection',
    's3-access-key': DEMO.s3AccessKey,
    's3-secret-key': DEMO.s3SecretKey,
    'bucket-name': 'demo-bucket',
    verify: 'true'
  }

  const first = await step('connection', 'Run 1: create the connection (the credentials proved first)', connection)
  const second = await step('connection', 'Run 2: the same connection, its S3 secret key rotated (updated in place)', {
    ...connection,
    's3-secret-key': `${DEMO.s3SecretKey}-rotated`
  })
  const connectionId = second.outputs['connection-id'] ?? ''
  const explore = { ...session, 'connection-id': connectionId }

  const listing = await step('explore', 'Explore: list the daily exports, expecting a CRM export', {
    ...explore,
    path: '/demo-bucket/exports/daily/',
    expect: 'crm-customers-*.csv'
  })
  const preview = await step('explore', 'Explore: preview the export (columns and 3 sample rows, asked for)', {
    ...explore,
    path: '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv',
    preview: 'true',
    'preview-rows': '3'
  })
  const today = '/demo-bucket/exports/daily/crm-customers-2026-11-28.csv'
  // The export lands while the step waits, as an upstream job's file would.
  setTimeout(() => emulator.putFile(today, { content: LATE_EXPORT }), 4000)
  const waited = await step('explore', "Explore: wait for today's export (the emulator adds it 4 s into the step)", {
    ...explore,
    path: today,
    preview: 'true',
    expect: 'crm-customers-2026-11-28.csv',
    'wait-seconds': '60'
  })

  const dataflow = {
    ...explore,
    'dataflow-name': 'Daily CRM export',
    'source-path': '/demo-bucket/exports/daily/crm-customers-*.csv',
    'data-format': 'delimited',
    'dataset-id': DEMO_DATASET_ID,
    mapping: 'crm-customers-mapping.json',
    frequency: 'day'
  }
  const built = await step('dataflow', 'Dataflow: build it into the demo dataset and wait for its first run', {
    ...dataflow,
    'wait-for-run': 'true',
    'wait-minutes': '2'
  })
  // The team renames the source system it stamps on each record: a new version of the mapping
  // set, patched into the dataflow.
  const file = join(workspace, 'crm-customers-mapping.json')
  writeFileSync(file, readFileSync(file, 'utf8').replace('"crm-export"', '"crm-nightly"'))
  const remapped = await step('dataflow', 'Dataflow: run again with a changed mapping (updated in place)', dataflow)
  const planned = await step('dataflow', 'Dataflow: plan a move to hourly runs (reads, writes nothing)', {
    ...dataflow,
    frequency: 'hour',
    plan: 'true'
  })

  const stored = emulator.store.list('prod')
  const flows = emulator.dataflows.flows('prod')
  console.log(`Connections named "S3 Connection" in sandbox prod: ${stored.length} (two runs, one connection)`)
  console.log(
    `Dataflows named "Daily CRM export": ${flows.length}; records in the demo dataset: ${emulator.catalog.records(DEMO_DATASET_ID).length}`
  )
  failed =
    [first, second, listing, preview, waited, built, remapped, planned].some((r) => r.exitCode !== 0) ||
    stored.length !== 1 ||
    flows.length !== 1 ||
    first.outputs['connection-id'] !== connectionId ||
    remapped.outputs.operation !== 'updated' ||
    planned.outputs.operation !== 'planned'
} finally {
  await emulator.close()
  rmSync(workspace, { recursive: true, force: true })
}
console.log(failed ? '\nDemo FAILED' : '\nDemo passed')
process.exitCode = failed ? 1 : 0

async function step(action: ActionName, title: string, inputs: Record<string, string>): Promise<RunResult> {
  console.log(`== ${title}  [${action === 'connection' ? 'OWNER/REPO@v1' : `OWNER/REPO/${action}@v1`}]`)
  const result = await runAction({ action, inputs, env: { GITHUB_WORKSPACE: workspace } })
  for (const line of result.shown) if (line.trim() !== '' && !line.startsWith('::debug::')) console.log(`   ${line}`)
  if (result.stderr.trim() !== '') console.log(result.stderr)
  console.log(`   exit code ${result.exitCode}; step outputs:`)
  for (const [name, value] of Object.entries(result.outputs))
    console.log(`     ${name} = ${value.length > 160 ? `${value.slice(0, 157)}...` : value}`)
  console.log('')
  return result
}
