// `npm run bench`: wall time and peak memory of the bundled action under Node 24, against the
// emulator over HTTPS with a stated latency profile, beside two baselines measured in the same
// run: the floor (a bare Node start + one handshake + the operation's sequential requests x
// latency) and the peer (bash + curl + jq making the same calls). Then the peak memory of runs
// against a hostile server (a 50 MB answer, pages without end), beside the same runs answered as
// a good service would, checked against PEAK_RSS_BOUND_MB: the bench exits with 1 if one is over.
// Prints the tables; rewrites BENCHMARKS.md only when asked (`npm run bench -- --write`).
// Settings: BENCH_REPS (default 15), BENCH_LATENCY_MS (50), BENCH_CONNECT_LATENCY_MS (100),
// BENCH_ONLY (run only the scenarios whose title holds this text; --write is then refused).

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { HostileServer } from '../__tests__/helpers/hostile-server.js'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { HOSTILE_SCENARIOS, PEAK_RSS_BOUND_MB, SCENARIOS, type HostileScenario, type Scenario } from './bench-scenarios.js'
import { bundleOf, inputEnv, node24, ROOT, runnerEnv } from './runner.js'

const REPS = Number(process.env.BENCH_REPS ?? 15)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const CONNECT_LATENCY_MS = Number(process.env.BENCH_CONNECT_LATENCY_MS ?? 100)
const ONLY = process.env.BENCH_ONLY ?? ''
if (ONLY !== '' && process.argv.includes('--write'))
  throw new Error('BENCH_ONLY runs part of the benchmark: it cannot rewrite BENCHMARKS.md')
const chosen = <T extends { title: string }>(scenarios: T[]): T[] => scenarios.filter((s) => s.title.includes(ONLY))
const TIME = '/usr/bin/time'

/**
 * What is known of the peak that once doubled: measured by hand (a probe running the hostile
 * explore scenario with the same preload as the tests, reading /proc/self/smaps at exit), not by
 * this script, so it is written here as found.
 */
const PEAK_FINDINGS = [
  '### The peak that once doubled',
  '',
  'The hostile explore run once measured 152.9 MB in a full `npm test`, twice in a row, against about 75 MB usually (one test run in 1,182; the tests then held every run under 150 MB). Not reproduced: 330 runs of that scenario on this machine under added load (one to four busy loops on its 2 cores, load average up to 6) peaked between 73.0 and 73.9 MB.',
  '',
  "- Where a run's 73 MB is: 41 MB is the Node binary's own code mapped from the page cache, 28 MB is anonymous; at the peak the JS heap is 15 MB (4 MB of it new space) and ArrayBuffers 8 MB (the 4 MiB read and the socket's chunks). Nothing of ours holds more: the transport reads bodies itself (`src/platform/transport/body.ts`, destroyed at 4 MiB; @actions/http-client only makes the agent for a proxy), and the job summary of a refused listing holds its error, not the body.",
  "- What moves the figure with the action doing nothing different is the kernel: when the Node binary's page cache holds 2 MB folios (after the file is read or written in large sequential chunks, e.g. copied), the kernel maps its code 2 MB at a time, and the same run peaks at 93 MB (a bare `node -e ''` at 71 MB instead of 45). A binary written by `npm ci`, or read back by page faults, does not get them. Transparent huge pages forced on for the process's anonymous memory (madvise through LD_PRELOAD; the machine's setting is madvise) added 1.4 MB. A child's peak does not include its parent's (a 268 MB parent, a 41.5 MB child).",
  '- So no cause was found. Nothing of ours could be made to hold more, and the one effect we could produce from outside (the page-cache mapping above) adds 20 MB here, not 80. A run that doubles would show here as a max far above the median; the check takes the median, which a body read whole raises on every run.'
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

function actionEnv(emulator: Emulator, s: Scenario): Record<string, string> {
  // No GITHUB_OUTPUT/GITHUB_STEP_SUMMARY files: outputs go to stdout, as the runner tolerates.
  return { ...runnerEnv(tmpdir()), ...inputEnv(s.inputs(emulator)), NODE_EXTRA_CA_CERTS: emulator.caCertFile ?? '', GITHUB_WORKSPACE: ROOT }
}

async function prepare(emulator: Emulator, s: Scenario): Promise<void> {
  emulator.reset()
  await s.prepare(emulator, async (inputs) => {
    const run = await measure(node24(), [bundleOf(s.action)], { ...actionEnv(emulator, s), ...inputEnv(inputs) })
    if (run.code !== 0) throw new Error(`preparing "${s.title}" failed:\n${run.stdout}`)
  })
}

type Stats = ReturnType<Emulator['stats']>

/** What the measured run alone sent, and the connections it opened, per host. */
function countsOf(before: Stats, after: Stats): string {
  const ims = { requests: after.ims.requests - before.ims.requests, connections: after.ims.connections - before.ims.connections }
  const platform = { requests: after.flow.requests - before.flow.requests, connections: after.flow.connections - before.flow.connections }
  const imsPart = ims.requests > 0 ? `IMS ${ims.requests} req / ${ims.connections} conn; ` : ''
  return `${imsPart}Platform ${platform.requests} req / ${platform.connections} conn`
}

async function benchScenario(emulator: Emulator, s: Scenario): Promise<Row> {
  const row: Row = { scenario: s, action: [], peer: [], bare: [], counts: '' }
  const node = node24()
  for (let rep = 0; rep < REPS; rep++) {
    // Interleaved, so that drift in the machine's load touches all three alike.
    await prepare(emulator, s)
    const before = emulator.stats()
    const action = await measure(node, [bundleOf(s.action)], actionEnv(emulator, s))
    if (action.code !== 0) throw new Error(`the action failed in "${s.title}":\n${action.stdout}`)
    row.action.push(action)
    row.counts = countsOf(before, emulator.stats())

    await prepare(emulator, s)
    const peer = await measure('bash', [join(ROOT, 'scripts', s.peer.script)], s.peer.env(emulator))
    if (peer.code !== 0) throw new Error(`the peer script failed in "${s.title}"`)
    row.peer.push(peer)

    row.bare.push(await measure(node, ['-e', ''], { PATH: process.env.PATH ?? '' }))
  }
  return row
}

interface HostileRow {
  scenario: HostileScenario
  hostile: Sample[]
  ordinary: Sample[]
}

/** Peak memory in MB of each run; GNU time is required for these. */
function peaks(samples: Sample[]): number[] {
  return samples.map((x) => {
    if (x.rssMb === undefined) throw new Error(`peak memory needs GNU time at ${TIME}`)
    return x.rssMb
  })
}

/** Whether a scenario's runs stay under the bound: their median, as a body read whole raises every run. */
function withinBound(row: HostileRow): boolean {
  return median(peaks(row.hostile)) < PEAK_RSS_BOUND_MB
}

async function benchHostile(server: HostileServer, s: HostileScenario): Promise<HostileRow> {
  const row: HostileRow = { scenario: s, hostile: [], ordinary: [] }
  const node = node24()
  const env = (): Record<string, string> => ({ ...runnerEnv(tmpdir()), ...inputEnv(s.inputs(server)), GITHUB_WORKSPACE: ROOT })
  for (let rep = 0; rep < REPS; rep++) {
    // Interleaved with the same inputs answered well, so that the machine's state touches both alike.
    server.reset()
    server.on(s.route, s.answer())
    const hostile = await measure(node, [bundleOf(s.action)], env())
    if (hostile.code !== 1 || !s.error.test(hostile.stdout)) throw new Error(`"${s.title}" did not fail as it should:\n${hostile.stdout}`)
    row.hostile.push(hostile)

    server.reset()
    const ordinary = await measure(node, [bundleOf(s.action)], env())
    if (ordinary.code !== 0) throw new Error(`the ordinary run beside "${s.title}" failed:\n${ordinary.stdout}`)
    row.ordinary.push(ordinary)
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
    '| operation | sequential steps | action median ms | floor ms | peer median ms | action/floor | action/peer | action peak MB | peer peak MB | requests / connections per host |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
  ]
  for (const { scenario: s, action, peer, bare, counts } of rows) {
    const a = median(action.map((x) => x.ms))
    const p = median(peer.map((x) => x.ms))
    const floor = median(bare.map((x) => x.ms)) + CONNECT_LATENCY_MS + s.steps.length * LATENCY_MS
    const rss = (xs: Sample[]) => {
      const values = xs.map((x) => x.rssMb).filter((x): x is number => x !== undefined)
      return values.length === 0 ? 'n/a' : Math.max(...values).toFixed(1)
    }
    lines.push(
      `| ${s.title}${s.info === true ? ' (for information)' : ''} | ${s.steps.join(', ')} | ${fmt(a)} | ${fmt(floor)} | ${fmt(p)} | ${(a / floor).toFixed(2)} | ${(a / p).toFixed(2)} | ${rss(action)} | ${rss(peer)} | ${counts} |`
    )
  }
  return lines.join('\n')
}

function renderHostile(rows: HostileRow[]): string {
  const mb = (xs: Sample[]) => `${median(peaks(xs)).toFixed(1)} (${Math.max(...peaks(xs)).toFixed(1)})`
  const lines = [
    '| hostile answer | action median ms | action peak MB, median (max) | ordinary answer, peak MB median (max) | bound MB | check |',
    '| --- | ---: | ---: | ---: | ---: | --- |'
  ]
  for (const row of rows) {
    const ms = median(row.hostile.map((x) => x.ms)).toFixed(0)
    const check = withinBound(row) ? 'within' : '**over**'
    lines.push(`| ${row.scenario.title} | ${ms} | ${mb(row.hostile)} | ${mb(row.ordinary)} | ${PEAK_RSS_BOUND_MB} | ${check} |`)
  }
  return lines.join('\n')
}

const emulator = await startEmulator({ tls: true, separateIms: true, latencyMs: LATENCY_MS, connectLatencyMs: CONNECT_LATENCY_MS })
const hostileServer = await HostileServer.start()
// The machine may be shared: how loaded it was tells how far the figures can be trusted.
const loadAtStart = loadavg()[0] ?? 0
try {
  console.log(
    `Benchmark: ${REPS} runs per operation; latency ${LATENCY_MS} ms per response, ${CONNECT_LATENCY_MS} ms per new connection; HTTPS`
  )
  const rows: Row[] = []
  for (const s of chosen(SCENARIOS)) {
    process.stdout.write(`  ${s.title}... `)
    rows.push(await benchScenario(emulator, s))
    console.log('done')
  }
  const hostileRows: HostileRow[] = []
  for (const s of chosen(HOSTILE_SCENARIOS)) {
    process.stdout.write(`  ${s.title}... `)
    hostileRows.push(await benchHostile(hostileServer, s))
    console.log('done')
  }
  const bareMedian = median(rows.flatMap((r) => r.bare.map((b) => b.ms)))
  const table = render(rows)
  const hostileTable = renderHostile(hostileRows)
  const sizes = bundleSizes()
  const bundles = Object.entries(sizes)
    .map(([action, bytes]) => `dist/${action}/ ${(bytes / 1e6).toFixed(2)} MB`)
    .join(', ')
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, load average ${loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end`
  const report = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}; Node ${(await measure(node24(), ['--version'], {})).stdout.trim()} for the action.`,
    '',
    '## Time',
    '',
    `Emulator over HTTPS (self-signed CA via NODE_EXTRA_CA_CERTS), IMS on its own port as a second host; latency profile: ${LATENCY_MS} ms before every response, ${CONNECT_LATENCY_MS} ms on every new TCP connection (standing for the TCP and TLS handshakes). ${REPS} runs of each, interleaved with the baselines; medians.`,
    '',
    `- **floor** = a bare Node 24 start (\`node -e ''\`, median ${bareMedian.toFixed(0)} ms in this run) + one handshake (${CONNECT_LATENCY_MS} ms; the handshakes to both hosts can overlap) + the operation's sequential steps x ${LATENCY_MS} ms (requests the action sends together count as one step).`,
    '- **peer** = `scripts/bench-peer*.sh`: bash with curl and jq making the same calls one after another, one process and one handshake per call; the peers write naively (no creation mark to take out, no list after the create, no probe, no latest run but the one run-now needs, no claim).',
    '- Peak memory is the maximum resident set size reported by GNU time, the largest of the runs.',
    '',
    "How the actions get near the floor: each entry chunk (`src/<action>/index.ts`) dials the run's hosts before the rest of the bundle is loaded (Node issues a connect only from the event loop, which loading a 1 MB chunk blocks), as many connections as the run first sends requests at once, so the handshakes overlap start-up; the transport's agent for a host hands those connections to its first requests; Platform's connections are ready while the IMS request is in flight; connections are kept alive; `@actions/github` (a 216 KB chunk) is loaded while the first request waits; independent requests go out together. Opening only one early connection, this benchmark measured 1.49 of the floor for an update with verify and 1.56 for the dataflow's re-run; opening none (a build whose entries dial nothing, run interleaved with this one, 10 runs each), the client-secret operations took 170 to 300 ms longer.",
    '',
    "The dataflow's first run rehearses before its first write: it reads the base connection, lists the source folder, reads the target schema and has Data Prep validate the mapping (sent together, one step), then previews the file. After the three parts and the dataflow it lists the dataflows again (two concurrent first runs leave one) while it takes the run's mark out of the source and target connections, then takes it out of the dataflow, then reads the dataflow's latest run for the run-* outputs. An unchanged re-run writes nothing, so it rehearses nothing: its lookup finds the dataflow with its source and target connections, then it reads the mapping set, then the latest run. A release tag on a dataflow scheduled once (`run-now` with `wait-for-run`, the README's release workflow) writes nothing either, then claims the dataflow, reads its latest run (where the new run's window starts), starts a run of what landed since, lets the claim go and reads the run by its id; the emulator's runs come a thousand times sooner than Adobe's here, so the run has ended by the first look in these runs (a look that finds it still running waits 2 s for the next).",
    '',
    table,
    '',
    `Bundles: ${bundles}.`,
    '',
    '## Memory against a hostile server',
    '',
    `The tests prove that reads are bounded (an answer is read up to 4 MiB and no further, a listing up to 100 pages); what that costs in memory is measured here. Each run of a bundle against \`__tests__/helpers/hostile-server.ts\` (loopback, no latency) is interleaved with a run of the same inputs answered as a good service would; ${REPS} of each. The check: the median peak of the hostile runs stays under ${PEAK_RSS_BOUND_MB} MB, the bound the tests used to hold every single run to (a body read whole raises every run; one of 1,182 full test runs measured 152.9 MB, see below).`,
    '',
    hostileTable,
    '',
    ...PEAK_FINDINGS,
    ''
  ].join('\n')
  console.log(`\n${table}\n\nBundles: ${bundles}\n\n${hostileTable}`)
  if (process.argv.includes('--write')) {
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), report)
    console.log('Wrote BENCHMARKS.md')
  } else {
    console.log('BENCHMARKS.md left as it is (npm run bench -- --write rewrites it).')
  }
  const over = hostileRows.filter((row) => !withinBound(row))
  if (over.length > 0) {
    console.error(`Over the ${PEAK_RSS_BOUND_MB} MB bound: ${over.map((row) => row.scenario.title).join('; ')}`)
    process.exitCode = 1
  }
} finally {
  await hostileServer.close()
  await emulator.close()
}
