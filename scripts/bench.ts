// `npm run bench`: wall time and peak memory of the bundled action under Node 24, against the
// emulator over HTTPS with a stated latency profile, beside two baselines measured in the same
// run: the floor (a bare Node start + one handshake + the operation's sequential requests x
// latency) and the peer (bash + curl + jq making the same calls). Prints a table; rewrites
// BENCHMARKS.md only when asked (`npm run bench -- --write`). Settings: BENCH_REPS (default
// 15), BENCH_LATENCY_MS (50), BENCH_CONNECT_LATENCY_MS (100).

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, platform, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { DEMO, startEmulator, type Emulator } from '../emulator/index.js'
import { bundleOf, inputEnv, node24, ROOT, runnerEnv } from './runner.js'

const REPS = Number(process.env.BENCH_REPS ?? 15)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const CONNECT_LATENCY_MS = Number(process.env.BENCH_CONNECT_LATENCY_MS ?? 100)
const TIME = '/usr/bin/time'
const NAME = 'Bench Connection'
const SPEC_ID = 'ecadc60c-7455-4d87-84dc-2a0e293d997b'

interface Scenario {
  title: string
  /** The operation's sequential steps (requests sent together count once); the floor is built from their count. */
  requests: string[]
  credentials: 'access-token' | 'client-secret'
  existing: boolean
  verify: boolean
  ifExists: 'update' | 'create'
  info?: boolean
}

const SCENARIOS: Scenario[] = [
  // After a create the run lists again: a concurrent run may have created the same name.
  {
    title: 'First run, access-token',
    requests: ['lookup', 'create', 'list again'],
    credentials: 'access-token',
    existing: false,
    verify: false,
    ifExists: 'update'
  },
  {
    title: 'First run, client-secret',
    requests: ['token', 'lookup', 'create', 'list again'],
    credentials: 'client-secret',
    existing: false,
    verify: false,
    ifExists: 'update'
  },
  {
    title: 'Update, client-secret',
    requests: ['token', 'lookup', 'patch'],
    credentials: 'client-secret',
    existing: true,
    verify: false,
    ifExists: 'update'
  },
  {
    // The probe is created with the lookup and deleted with the patch: verifying before the write costs no step.
    title: 'Update + verify, client-secret',
    requests: ['token', 'lookup + probe', 'explore', 'patch + delete probe'],
    credentials: 'client-secret',
    existing: true,
    verify: true,
    ifExists: 'update'
  },
  // A lookup comes first even here: it is what lets a lost create be adopted instead of duplicated.
  {
    title: 'if-exists: create, access-token',
    requests: ['lookup', 'create'],
    credentials: 'access-token',
    existing: true,
    verify: false,
    ifExists: 'create',
    info: true
  }
]

interface Sample {
  ms: number
  rssMb?: number
}

interface Row {
  scenario: Scenario
  action: Sample[]
  peer: Sample[]
  bare: Sample[]
  counts: string
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/** Runs a command to its end; wall time from spawn to exit, peak RSS from GNU time when present. */
async function measure(
  command: string,
  args: string[],
  env: Record<string, string>
): Promise<Sample & { stdout: string; code: number | null }> {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-'))
  const rssFile = join(tmp, 'rss')
  const withTime = existsSync(TIME)
  const [cmd, argv] = withTime ? [TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args]
  const started = process.hrtime.bigint()
  const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve, reject) => {
    const child = spawn(cmd, argv, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
    child.on('error', reject)
    child.on('close', (c) => resolve({ stdout: out, code: c }))
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const rssKb = withTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN
  rmSync(tmp, { recursive: true, force: true })
  return { ms, stdout, code, ...(Number.isFinite(rssKb) && { rssMb: rssKb / 1024 }) }
}

function prepare(emulator: Emulator, s: Scenario): void {
  emulator.reset()
  if (s.existing) emulator.store.seed({ name: NAME, params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: 'old-secret' } })
}

function actionEnv(emulator: Emulator, s: Scenario): Record<string, string> {
  const tmp = tmpdir()
  const inputs = {
    'client-id': DEMO.clientId,
    [s.credentials]: s.credentials === 'client-secret' ? DEMO.clientSecret : DEMO.accessToken,
    'ims-org-id': emulator.orgId,
    'ims-url': emulator.imsUrl,
    'flow-service-url': emulator.flowServiceUrl,
    'connection-name': NAME,
    's3-access-key': DEMO.s3AccessKey,
    's3-secret-key': DEMO.s3SecretKey,
    'if-exists': s.ifExists,
    verify: String(s.verify)
  }
  // No GITHUB_OUTPUT/GITHUB_STEP_SUMMARY files: outputs go to stdout, as the runner tolerates.
  return { ...runnerEnv(tmp), ...inputEnv(inputs), NODE_EXTRA_CA_CERTS: emulator.caCertFile ?? '' }
}

function peerEnv(emulator: Emulator, s: Scenario): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    CURL_CA_BUNDLE: emulator.caCertFile ?? '',
    IMS_URL: emulator.imsUrl,
    FLOW_URL: emulator.flowServiceUrl,
    CLIENT_ID: DEMO.clientId,
    ORG_ID: emulator.orgId,
    SANDBOX: 'prod',
    NAME,
    SPEC_ID,
    AK: DEMO.s3AccessKey,
    SK: DEMO.s3SecretKey,
    MODE: s.ifExists === 'create' ? 'create' : 'upsert',
    VERIFY: String(s.verify),
    ...(s.credentials === 'client-secret' ? { CLIENT_SECRET: DEMO.clientSecret } : { ACCESS_TOKEN: DEMO.accessToken })
  }
}

function countsOf(emulator: Emulator): string {
  const { flow, ims } = emulator.stats()
  const imsPart = ims.requests > 0 ? `IMS ${ims.requests} req / ${ims.connections} conn; ` : ''
  return `${imsPart}Flow ${flow.requests} req / ${flow.connections} conn`
}

async function benchScenario(emulator: Emulator, s: Scenario): Promise<Row> {
  const row: Row = { scenario: s, action: [], peer: [], bare: [], counts: '' }
  const node = node24()
  for (let rep = 0; rep < REPS; rep++) {
    // Interleaved, so that drift in the machine's load touches all three alike.
    prepare(emulator, s)
    const action = await measure(node, [bundleOf('connection')], actionEnv(emulator, s))
    if (action.code !== 0) throw new Error(`the action failed in "${s.title}":\n${action.stdout}`)
    row.action.push(action)
    row.counts = countsOf(emulator)

    prepare(emulator, s)
    const peer = await measure('bash', [join(ROOT, 'scripts', 'bench-peer.sh')], peerEnv(emulator, s))
    if (peer.code !== 0) throw new Error(`the peer script failed in "${s.title}"`)
    row.peer.push(peer)

    row.bare.push(await measure(node, ['-e', ''], { PATH: process.env.PATH ?? '' }))
  }
  return row
}

/** Bytes of each action's bundle folder in dist/. */
function bundleSizes(): Record<string, number> {
  const dist = join(ROOT, 'dist')
  return Object.fromEntries(
    readdirSync(dist).map((action) => [
      action,
      readdirSync(join(dist, action)).reduce((sum, f) => sum + statSync(join(dist, action, f)).size, 0)
    ])
  )
}

function render(rows: Row[]): string {
  const fmt = (n: number) => n.toFixed(0)
  const lines = [
    '| operation | requests in sequence | action median ms | floor ms | peer median ms | action/floor | action/peer | action peak MB | peer peak MB | requests / connections per host |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
  ]
  for (const { scenario: s, action, peer, bare, counts } of rows) {
    const a = median(action.map((x) => x.ms))
    const p = median(peer.map((x) => x.ms))
    const floor = median(bare.map((x) => x.ms)) + CONNECT_LATENCY_MS + s.requests.length * LATENCY_MS
    const rss = (xs: Sample[]) => {
      const values = xs.map((x) => x.rssMb).filter((x): x is number => x !== undefined)
      return values.length === 0 ? 'n/a' : Math.max(...values).toFixed(1)
    }
    lines.push(
      `| ${s.title}${s.info === true ? ' (for information)' : ''} | ${s.requests.join(', ')} | ${fmt(a)} | ${fmt(floor)} | ${fmt(p)} | ${(a / floor).toFixed(2)} | ${(a / p).toFixed(2)} | ${rss(action)} | ${rss(peer)} | ${counts} |`
    )
  }
  return lines.join('\n')
}

const emulator = await startEmulator({ tls: true, separateIms: true, latencyMs: LATENCY_MS, connectLatencyMs: CONNECT_LATENCY_MS })
try {
  console.log(
    `Benchmark: ${REPS} runs per operation; latency ${LATENCY_MS} ms per response, ${CONNECT_LATENCY_MS} ms per new connection; HTTPS`
  )
  const rows: Row[] = []
  for (const s of SCENARIOS) {
    process.stdout.write(`  ${s.title}... `)
    rows.push(await benchScenario(emulator, s))
    console.log('done')
  }
  const bareMedian = median(rows.flatMap((r) => r.bare.map((b) => b.ms)))
  const table = render(rows)
  const sizes = bundleSizes()
  const bundles = Object.entries(sizes)
    .map(([action, bytes]) => `dist/${action}/ ${(bytes / 1e6).toFixed(2)} MB`)
    .join(', ')
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}`
  const report = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}; Node ${(await measure(node24(), ['--version'], {})).stdout.trim()} for the action.`,
    '',
    `Emulator over HTTPS (self-signed CA via NODE_EXTRA_CA_CERTS), IMS on its own port as a second host; latency profile: ${LATENCY_MS} ms before every response, ${CONNECT_LATENCY_MS} ms on every new TCP connection (standing for the TCP and TLS handshakes). ${REPS} runs of each, interleaved with the baselines; medians.`,
    '',
    `- **floor** = a bare Node 24 start (\`node -e ''\`, median ${bareMedian.toFixed(0)} ms in this run) + one handshake (${CONNECT_LATENCY_MS} ms; the handshakes to both hosts can overlap) + the operation's sequential requests x ${LATENCY_MS} ms.`,
    '- **peer** = `scripts/bench-peer.sh`: bash with curl and jq making the same calls, one process and one handshake per call.',
    '- Peak memory is the maximum resident set size reported by GNU time.',
    '',
    "How the action gets near the floor: `src/connection/index.ts` dials the run's hosts before the rest of the bundle is loaded (Node issues a connect only from the event loop, which loading a 1 MB chunk blocks), so the handshakes overlap start-up; the Flow Service connection is ready while the IMS request is in flight; each host gets one keep-alive connection; `@actions/github` (a 216 KB chunk, about 13 ms to load) is loaded while the first request waits. Before the early connections, this benchmark measured action/floor of 1.40 to 1.49.",
    '',
    table,
    '',
    `Bundles: ${bundles}.`,
    ''
  ].join('\n')
  console.log(`\n${table}\n\nBundles: ${bundles}`)
  if (process.argv.includes('--write')) {
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), report)
    console.log('Wrote BENCHMARKS.md')
  } else {
    console.log('BENCHMARKS.md left as it is (npm run bench -- --write rewrites it).')
  }
} finally {
  await emulator.close()
}
