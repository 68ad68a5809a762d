// `npm run emulator -- [flags]`: the emulator as a process, for the demo, manual tries and
// workflows on a real runner. Parsing lives in cli-args.ts (pure, unit-tested).
import { readFileSync } from 'node:fs'
import { parseArgs, USAGE, type CliConfig } from './cli-args.js'
import { readS3Options } from './control.js'
import { DEMO } from './demo.js'
import { startEmulator, type Outcome } from './server.js'
import type { Emulator, RecordedRequest, S3Options } from './types.js'

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2))
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`emulator: ${parsed.message}\n${USAGE}\n`)
    process.exit(2)
  }
  const { config } = parsed
  if (config.s3File !== undefined) config.options.s3 = { ...loadS3(config.s3File), ...config.options.s3 }
  const emulator = await startEmulator(config.options, { onExchange: logExchange })
  for (const rule of config.faults) emulator.faults.add(rule)
  process.stdout.write(banner(emulator, config))
  const stop = (signal: string): void => {
    process.stdout.write(`${signal}: stopping\n`)
    void emulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

// --s3 <file.json>: the same S3Options JSON that PUT /__emulator/s3 takes.
function loadS3(file: string): S3Options {
  const s3 = readS3Options(JSON.parse(readFileSync(file, 'utf8')))
  if (typeof s3 === 'string') throw new Error(`--s3 ${file}: ${s3}`)
  return s3
}

// Method, route and outcome only: headers and bodies carry tokens and keys.
function logExchange(record: RecordedRequest, outcome: Outcome): void {
  const result = outcome === 'answered' ? String(record.status) : outcome
  const time = new Date(record.time).toISOString().slice(11, 23)
  process.stdout.write(`${time} ${record.method} ${record.route} ${result} [${record.service}]\n`)
}

function banner(emu: Emulator, config: CliConfig): string {
  const s3 = config.options.s3
  const accessKey = s3?.accessKey ?? DEMO.s3AccessKey
  const secretKey = s3?.secretKey ?? DEMO.s3SecretKey
  const sandbox = config.options.sandboxes?.[0] ?? 'prod'
  const origin = emu.flowServiceUrl.slice(0, emu.flowServiceUrl.indexOf('/data/'))
  const lines = [
    'AEP Flow Service + IMS emulator: NOT Adobe, for local tests only.',
    `  flow-service-url   ${emu.flowServiceUrl}`,
    `  ims-url            ${emu.imsUrl}`,
    `  control API        ${origin}/__emulator/  (health, requests, connections, faults, stats, s3, s3/files, reset)`,
    ...(emu.caCertFile ? [`  CA certificate     ${emu.caCertFile}  (trust it: NODE_EXTRA_CA_CERTS=${emu.caCertFile})`] : []),
    '',
    'Demo credentials (valid only here):',
    `  client id          ${DEMO.clientId}`,
    `  client secret      ${DEMO.clientSecret}`,
    `  access token       ${DEMO.accessToken}`,
    `  IMS org id         ${emu.orgId}`,
    `  S3 access key      ${accessKey}${s3?.accessKey !== undefined && s3.secretKey !== undefined ? '' : '  (any S3 keys are accepted)'}`,
    `  S3 secret key      ${secretKey}`,
    '',
    'Action inputs as the runner passes them (paste after `env`, or into a step):',
    ...inputLines(emu, sandbox, accessKey, secretKey).map((l) => `  ${l}`),
    '',
    `Faults armed: ${config.faults.length}. Listening; Ctrl+C stops.`,
    ''
  ]
  return lines.join('\n')
}

function inputLines(emu: Emulator, sandbox: string, accessKey: string, secretKey: string): string[] {
  const inputs: [string, string][] = [
    ['flow-service-url', emu.flowServiceUrl],
    ['ims-url', emu.imsUrl],
    ['client-id', DEMO.clientId],
    ['client-secret', DEMO.clientSecret],
    ['ims-org-id', emu.orgId],
    ['sandbox-name', sandbox],
    ['connection-name', 'emulator-demo-connection'],
    ['s3-access-key', accessKey],
    ['s3-secret-key', secretKey]
  ]
  const lines = inputs.map(([name, value]) => `'INPUT_${name.toUpperCase()}=${value}'`)
  return emu.caCertFile ? [...lines, `'NODE_EXTRA_CA_CERTS=${emu.caCertFile}'`] : lines
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
