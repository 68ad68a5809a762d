// `npm run emulator -- [flags]`: the emulator as a process, for the demo, manual tries and
// workflows on a real runner. Parsing lives in cli-args.ts (pure, unit-tested).
import { readFileSync } from 'node:fs'
import { readCatalogOptions } from './catalog/store.js'
import { parseArgs, USAGE, type CliConfig } from './cli-args.js'
import { DEMO, DEMO_DATASET_ID, DEMO_SCHEMA_ID } from './demo.js'
import { readS3Options } from './s3/world.js'
import { startEmulator, type Outcome } from './server.js'
import type { CatalogOptions, Emulator, RecordedRequest, S3Options } from './types.js'

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
  if (config.catalogFile !== undefined) config.options.catalog = loadCatalog(config.catalogFile)
  const emulator = await startListening(config)
  for (const rule of config.faults) emulator.faults.add(rule)
  process.stdout.write(banner(emulator, config))
  const stop = (signal: string): void => {
    process.stdout.write(`${signal}: stopping\n`)
    void emulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

// A port in use is the one start-up failure a user fixes with a flag: say which, in one line.
async function startListening(config: CliConfig): Promise<Emulator> {
  try {
    return await startEmulator(config.options, { onExchange: logExchange })
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'EADDRINUSE')) throw err
    const port = 'port' in err && typeof err.port === 'number' ? err.port : config.options.port
    const flag = config.options.separateIms && port === config.options.imsPort ? '--ims-port' : '--port'
    process.stderr.write(`emulator: port ${String(port)} is already in use: pass ${flag} 0 (any free port) or another ${flag}\n`)
    process.exit(1)
  }
}

// --catalog <file.json>: {"schemas": [...], "datasets": [...]}, as POST /__emulator/schemas and datasets take them.
function loadCatalog(file: string): CatalogOptions {
  const catalog = readCatalogOptions(JSON.parse(readFileSync(file, 'utf8')))
  if (typeof catalog === 'string') throw new Error(`--catalog ${file}: ${catalog}`)
  return catalog
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
  const clock = emu.dataflows.runClock()
  const wall = (ms: number): string => wallTime(ms, clock.timeScale)
  const lines = [
    'AEP Flow Service + Catalog + Data Prep + Schema Registry + IMS emulator: NOT Adobe, for local tests only.',
    `  platform-url       ${emu.platformUrl}`,
    `  flow-service-url   ${emu.flowServiceUrl}`,
    `  catalog            ${emu.catalogUrl}`,
    `  data prep          ${emu.dataPrepUrl}`,
    `  schema registry    ${emu.schemaRegistryUrl}`,
    `  ims-url            ${emu.imsUrl}`,
    `  control API        ${emu.platformUrl}/__emulator/  (health, requests, connections, faults, stats, s3, s3/files, schemas, datasets,`,
    '                     records, mapping-sets, dataflows, runs, runs/check, run-clock, busy, reset)',
    ...(emu.caCertFile ? [`  CA certificate     ${emu.caCertFile}  (trust it: NODE_EXTRA_CA_CERTS=${emu.caCertFile})`] : []),
    '',
    'Demo credentials (valid only here):',
    `  client id          ${DEMO.clientId}`,
    `  client secret      ${DEMO.clientSecret}`,
    `  access token       ${DEMO.accessToken}`,
    `  IMS org id         ${emu.orgId}`,
    `  S3 access key      ${accessKey}${s3?.accessKey !== undefined && s3.secretKey !== undefined ? '' : '  (any S3 keys are accepted)'}`,
    `  S3 secret key      ${secretKey}`,
    `  demo dataset       ${DEMO_DATASET_ID}  (CRM customers, schema ${DEMO_SCHEMA_ID})`,
    `  dataflow runs      start ${wall(clock.startDelayMs)} after their slot and last ${wall(clock.durationMs)} (time scale ${clock.timeScale})`,
    '',
    'Action inputs as the runner passes them (paste after `env`, or into a step):',
    ...inputLines(emu, sandbox, accessKey, secretKey).map((l) => `  ${l}`),
    '',
    `Faults armed: ${config.faults.length}. Listening; Ctrl+C stops.`,
    ''
  ]
  return lines.join('\n')
}

// A duration of the dataflows' clock in wall-clock time: the run clock's scale divides it.
function wallTime(ms: number, scale: number): string {
  const wall = ms / scale
  return wall >= 1000 ? `${String(Math.round(wall / 100) / 10)} s` : `${String(Math.round(wall))} ms`
}

function inputLines(emu: Emulator, sandbox: string, accessKey: string, secretKey: string): string[] {
  const inputs: [string, string][] = [
    ['flow-service-url', emu.flowServiceUrl],
    ['platform-url', emu.platformUrl],
    ['ims-url', emu.imsUrl],
    ['client-id', DEMO.clientId],
    ['client-secret', DEMO.clientSecret],
    ['ims-org-id', emu.orgId],
    ['sandbox-name', sandbox],
    ['connection-name', 'emulator-demo-connection'],
    ['s3-access-key', accessKey],
    ['s3-secret-key', secretKey],
    ['dataset-id', DEMO_DATASET_ID]
  ]
  const lines = inputs.map(([name, value]) => `'INPUT_${name.toUpperCase()}=${value}'`)
  return emu.caCertFile ? [...lines, `'NODE_EXTRA_CA_CERTS=${emu.caCertFile}'`] : lines
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
