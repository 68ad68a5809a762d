// `npm run demo`: the actions' main job against the emulator, as a workflow would run it. Starts
// the emulator, then runs each bundle under Node 24 the way the runner does (INPUT_* variables,
// GITHUB_OUTPUT): the connection (created, then its key rotated), then explore with the
// connection-id output (a listing, a preview, and a wait for a file that lands meanwhile).

import { DEMO, startEmulator } from '../emulator/index.js'
import { node24, runAction, type ActionName, type RunResult } from './runner.js'

const emulator = await startEmulator()
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
  const second = await step('connection', 'Run 2: same inputs, a rotated S3 secret key (updates the same connection)', {
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
  const preview = await step('explore', 'Explore: preview the export (columns and sample rows)', {
    ...explore,
    path: '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv',
    preview: 'true'
  })
  const today = '/demo-bucket/exports/daily/crm-customers-2026-11-28.csv'
  // The export lands while the step waits, as an upstream job's file would.
  setTimeout(() => emulator.putFile(today, { content: 'customer_id,email,first_name\nC-100,late@example.com,Lena\n' }), 4000)
  const waited = await step('explore', "Explore: wait for today's export (the emulator adds it 4 s into the step)", {
    ...explore,
    path: today,
    preview: 'true',
    expect: 'crm-customers-2026-11-28.csv',
    'wait-seconds': '60'
  })

  const stored = emulator.store.list('prod')
  console.log(`Connections named "S3 Connection" in sandbox prod: ${stored.length} (two runs, one connection)`)
  failed =
    [first, second, listing, preview, waited].some((r) => r.exitCode !== 0) ||
    stored.length !== 1 ||
    first.outputs['connection-id'] !== connectionId
} finally {
  await emulator.close()
}
console.log(failed ? '\nDemo FAILED' : '\nDemo passed')
process.exitCode = failed ? 1 : 0

async function step(action: ActionName, title: string, inputs: Record<string, string>): Promise<RunResult> {
  console.log(`== ${title}  [${action === 'connection' ? 'OWNER/REPO@v1' : `OWNER/REPO/${action}@v1`}]`)
  const result = await runAction({ action, inputs })
  for (const line of result.shown) if (line.trim() !== '' && !line.startsWith('::debug::')) console.log(`   ${line}`)
  if (result.stderr.trim() !== '') console.log(result.stderr)
  console.log(`   exit code ${result.exitCode}; step outputs:`)
  for (const [name, value] of Object.entries(result.outputs))
    console.log(`     ${name} = ${value.length > 160 ? `${value.slice(0, 157)}...` : value}`)
  console.log('')
  return result
}
