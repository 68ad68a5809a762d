// `npm run demo`: the action's main job against the emulator, as a workflow would run it.
// Starts the emulator, runs dist/connection/index.js under Node 24 the way the runner does (INPUT_*
// variables, GITHUB_OUTPUT), then runs it again with a rotated key, then explores the bucket
// with the connection-id output as a later step would.

import { DEMO, startEmulator } from '../emulator/index.js'
import { node24, runAction, type RunResult } from './runner.js'

const emulator = await startEmulator()
let failed: boolean
try {
  console.log(`Flow Service emulator: ${emulator.flowServiceUrl}`)
  console.log(`IMS emulator:          ${emulator.imsUrl}`)
  console.log(`Runner's Node:         ${node24()}\n`)

  const inputs = {
    'client-id': DEMO.clientId,
    'client-secret': DEMO.clientSecret,
    'ims-org-id': emulator.orgId,
    'sandbox-name': 'prod',
    'connection-name': 'S3 Connection',
    's3-access-key': DEMO.s3AccessKey,
    's3-secret-key': DEMO.s3SecretKey,
    'bucket-name': 'demo-bucket',
    verify: 'true',
    'ims-url': emulator.imsUrl,
    'flow-service-url': emulator.flowServiceUrl
  }

  const first = await step('Run 1: create the connection', inputs)
  const second = await step('Run 2: same inputs, rotated S3 secret key (updates the same connection)', {
    ...inputs,
    's3-secret-key': `${DEMO.s3SecretKey}-rotated`
  })
  failed = first.exitCode !== 0 || second.exitCode !== 0

  const id = second.outputs['connection-id'] ?? ''
  console.log('== A later step: explore the bucket with steps.s3.outputs.connection-id')
  const res = await fetch(`${emulator.flowServiceUrl}/connections/${id}/explore?objectType=root`, {
    headers: {
      Authorization: `Bearer ${DEMO.accessToken}`,
      'x-api-key': DEMO.clientId,
      'x-gw-ims-org-id': emulator.orgId,
      'x-sandbox-name': 'prod'
    }
  })
  const entries = (await res.json()) as { type: string; name: string }[]
  for (const entry of entries) console.log(`   ${entry.type.padEnd(6)} ${entry.name}`)

  const stored = emulator.store.list('prod')
  console.log(`\nConnections named "S3 Connection" in sandbox prod: ${stored.length} (two runs, one connection)`)
  failed ||= stored.length !== 1 || !res.ok
} finally {
  await emulator.close()
}
console.log(failed ? '\nDemo FAILED' : '\nDemo passed')
process.exitCode = failed ? 1 : 0

async function step(title: string, inputs: Record<string, string>): Promise<RunResult> {
  console.log(`== ${title}`)
  const result = await runAction({ inputs })
  for (const line of result.shown) if (line.trim() !== '' && !line.startsWith('::debug::')) console.log(`   ${line}`)
  if (result.stderr.trim() !== '') console.log(result.stderr)
  console.log(`   exit code ${result.exitCode}; step outputs:`)
  for (const [name, value] of Object.entries(result.outputs)) console.log(`     ${name} = ${value}`)
  console.log('')
  return result
}
