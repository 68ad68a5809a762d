import type { EmulatorOptions, FaultAction, FaultRule, RunClock } from './types.js'

// Pure argument parsing for emulator/cli.ts: argv in, options or one error line out.

export const USAGE = `Usage: npm run emulator -- [flags]

  --host <addr>              listen address (default 127.0.0.1)
  --port <n>                 Flow Service port, IMS too unless --separate-ims (default 8787; 0 = random)
  --separate-ims             serve IMS on its own port, as a second host
  --ims-port <n>             IMS port with --separate-ims (default: --port + 1, or random with --port 0)
  --tls                      HTTPS with a self-signed certificate (its file is printed: NODE_EXTRA_CA_CERTS)
  --latency <ms>             delay before every response
  --connect-latency <ms>     delay on every new TCP connection (stands for TCP+TLS set-up)
  --sandbox <name>           a sandbox that exists (repeatable; default prod)
  --s3-access-key <key>      with --s3-secret-key: the only S3 keys explore accepts (default: any)
  --s3-secret-key <key>
  --s3 <file.json>           the S3 world: S3Options JSON ({"accessKey","secretKey","buckets"}); the key flags win
  --list-lag <ms>            a created connection shows in GET /connections only <ms> later (default 0)
  --opaque-tokens            continuation tokens in standard base64, always holding '+', '/' and '='
  --preview-shape <shape>    file previews answer 'flat' ({format, schema, data}; default) or 'columns' ([{name, type}])
  --legacy-entry-types       explore listings answer 'File'/'Folder' instead of 'file'/'folder'
  --catalog <file.json>      more XDM schemas and datasets: {"schemas": [SchemaInput], "datasets": [DatasetInput]}
  --run-start-delay <ms>     a dataflow run appears this long after its scheduled time (default 150000)
  --run-duration <ms>        a run stays in progress this long (default 30000)
  --time-scale <n>           dataflow schedules and the two above run n times faster than the wall clock
                             (default 1; e.g. 60: a dataflow starting in 60 s runs after about 4 s)
  --delete-finalize <ms>     a deleted dataflow stays 'delete-finalizing' this long before it is gone (default 300)
  --fault '<METHOD> <route> <what>[x<N>|x*][ retry-after=<s>]'   inject a fault (repeatable)
                             METHOD: GET, POST, PATCH, PUT, DELETE or * ; route: /connections, /connections/*,
                             /connections/*/explore, /flows/*, /runs, /dataSets/*, /mappingSets, /ims/token/v3 ;
                             what: an HTTP status, hang, drop
                             (commit then close without answering), reset, malformed, delay:<ms>,
                             barrier:<n> (hold requests until n wait, then answer all; xN defaults to n) ;
                             xN: first N matching requests (default 1), x*: always
                             e.g. --fault 'POST /connections 503x2' --fault 'GET /connections 429 retry-after=1'
  --help                     this text`

export interface CliConfig {
  options: EmulatorOptions
  faults: FaultRule[]
  /** --s3: a JSON file of S3Options, read by the CLI (this parser stays pure). */
  s3File?: string
  /** --catalog: a JSON file of CatalogOptions, read by the CLI. */
  catalogFile?: string
}

export type ParsedArgs = { kind: 'help' } | { kind: 'run'; config: CliConfig } | { kind: 'error'; message: string }

const BOOLEAN_FLAGS = new Set(['--separate-ims', '--tls', '--opaque-tokens', '--legacy-entry-types', '--help', '-h'])
const VALUE_FLAGS = new Set([
  '--host',
  '--port',
  '--ims-port',
  '--latency',
  '--connect-latency',
  '--sandbox',
  '--s3-access-key',
  '--s3-secret-key',
  '--s3',
  '--list-lag',
  '--preview-shape',
  '--catalog',
  '--run-start-delay',
  '--run-duration',
  '--time-scale',
  '--delete-finalize',
  '--fault'
])

export const DEFAULT_PORT = 8787

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = readFlags(argv)
  if (typeof flags === 'string') return { kind: 'error', message: flags }
  if (flags.has('--help') || flags.has('-h')) return { kind: 'help' }
  try {
    return { kind: 'run', config: toConfig(flags) }
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) }
  }
}

type Flags = Map<string, string[]>

function readFlags(argv: readonly string[]): Flags | string {
  const flags: Flags = new Map()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const name = eq === -1 ? arg : arg.slice(0, eq)
    if (BOOLEAN_FLAGS.has(name)) {
      if (eq !== -1) return `${name} takes no value`
      flags.set(name, ['true'])
      continue
    }
    if (!VALUE_FLAGS.has(name)) return arg.startsWith('-') ? `unknown flag ${name}` : `unexpected argument '${arg}'`
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined) return `${name} needs a value`
    flags.set(name, [...(flags.get(name) ?? []), value])
  }
  return flags
}

function toConfig(flags: Flags): CliConfig {
  const last = (name: string): string | undefined => flags.get(name)?.at(-1)
  const port = integer(last('--port'), '--port', 65535) ?? DEFAULT_PORT
  const options: EmulatorOptions = { host: last('--host') ?? '127.0.0.1', port }
  if (flags.has('--separate-ims')) {
    options.separateIms = true
    options.imsPort = integer(last('--ims-port'), '--ims-port', 65535) ?? (port === 0 ? 0 : port + 1)
  } else if (flags.has('--ims-port')) {
    throw new Error('--ims-port needs --separate-ims')
  }
  if (flags.has('--tls')) options.tls = true
  const latency = integer(last('--latency'), '--latency')
  if (latency !== undefined) options.latencyMs = latency
  const connectLatency = integer(last('--connect-latency'), '--connect-latency')
  if (connectLatency !== undefined) options.connectLatencyMs = connectLatency
  const sandboxes = flags.get('--sandbox')
  if (sandboxes) options.sandboxes = sandboxes.map(checkSandbox)
  const s3 = s3Keys(last('--s3-access-key'), last('--s3-secret-key'))
  if (s3) options.s3 = s3
  Object.assign(options, consistencyOptions(flags), dataflowOptions(flags))
  const faults = (flags.get('--fault') ?? []).map((text) => {
    const rule = parseFaultSpec(text)
    if (typeof rule === 'string') throw new Error(`--fault '${text}': ${rule}`)
    return rule
  })
  const s3File = last('--s3')
  const catalogFile = last('--catalog')
  return { options, faults, ...(s3File !== undefined ? { s3File } : {}), ...(catalogFile !== undefined ? { catalogFile } : {}) }
}

// The run clock and deletion timing of dataflows.
function dataflowOptions(flags: Flags): EmulatorOptions {
  const options: EmulatorOptions = {}
  const clock: RunClock = {}
  const delay = integer(flags.get('--run-start-delay')?.at(-1), '--run-start-delay')
  if (delay !== undefined) clock.startDelayMs = delay
  const duration = integer(flags.get('--run-duration')?.at(-1), '--run-duration')
  if (duration !== undefined) clock.durationMs = duration
  const scale = flags.get('--time-scale')?.at(-1)
  if (scale !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(scale) || Number(scale) <= 0) throw new Error(`--time-scale must be a number > 0, got '${scale}'`)
    clock.timeScale = Number(scale)
  }
  if (Object.keys(clock).length > 0) options.runClock = clock
  const finalize = integer(flags.get('--delete-finalize')?.at(-1), '--delete-finalize')
  if (finalize !== undefined) options.deleteFinalizeMs = finalize
  return options
}

// The flags that change how the service answers, beyond faults.
function consistencyOptions(flags: Flags): EmulatorOptions {
  const options: EmulatorOptions = {}
  const lag = integer(flags.get('--list-lag')?.at(-1), '--list-lag')
  if (lag !== undefined) options.listLagMs = lag
  if (flags.has('--opaque-tokens')) options.opaqueTokens = true
  if (flags.has('--legacy-entry-types')) options.legacyEntryTypes = true
  const shape = flags.get('--preview-shape')?.at(-1)
  if (shape !== undefined) {
    if (shape !== 'flat' && shape !== 'columns') throw new Error(`--preview-shape must be flat or columns, got '${shape}'`)
    options.previewShape = shape
  }
  return options
}

function integer(raw: string | undefined, flag: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new Error(`${flag} must be an integer from 0 to ${max}, got '${raw}'`)
  return Number(raw)
}

function checkSandbox(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`--sandbox '${name}': use lower-case letters, digits and hyphens`)
  return name
}

function s3Keys(accessKey: string | undefined, secretKey: string | undefined): EmulatorOptions['s3'] {
  if (accessKey === undefined && secretKey === undefined) return undefined
  if (!accessKey || !secretKey) throw new Error('--s3-access-key and --s3-secret-key go together')
  return { accessKey, secretKey }
}

const WHAT = /^(\d{3}|hang|drop|reset|malformed|delay:\d+|barrier:\d+)(?:x(\d+|\*))?$/

// '<METHOD> <route> <what>[x<N>|x*][ retry-after=<s>]' -> FaultRule, or why not.
export function parseFaultSpec(text: string): FaultRule | string {
  const [method, route, what, ...extras] = text.trim().split(/\s+/)
  if (!method || !route || !what) return "expected '<METHOD> <route> <what>', e.g. 'POST /connections 503x2'"
  if (!/^([A-Za-z]+|\*)$/.test(method)) return `'${method}' is not an HTTP method (or *)`
  if (!route.startsWith('/')) return `the route must start with '/', got '${route}'`
  const match = WHAT.exec(what)
  if (!match) return `'${what}' is not a status, hang, drop, reset, malformed, delay:<ms> or barrier:<n> (optionally xN or x*)`
  const action = toAction(match[1] ?? '')
  if (typeof action === 'string') return action
  const retryAfter = readExtras(extras)
  if (typeof retryAfter === 'object') return retryAfter.error
  if (retryAfter !== undefined) {
    if (action.type !== 'status') return 'retry-after goes with a status fault'
    action.headers = { 'retry-after': retryAfter }
  }
  const count = times(match[2], action.type === 'barrier' ? action.count : 1)
  if (count < 1) return 'x0 would never apply; use x1 or more'
  if (action.type === 'barrier' && count < action.count) {
    return `barrier:${action.count} holds ${action.count} requests: use x${action.count} or more`
  }
  const rule: FaultRule = { route, action, times: count }
  if (method !== '*') rule.method = method.toUpperCase()
  return rule
}

function toAction(what: string): FaultAction | string {
  if (what === 'hang') return { type: 'hang' }
  if (what === 'drop') return { type: 'commit-then-drop' }
  if (what === 'reset') return { type: 'reset' }
  if (what === 'malformed') return { type: 'malformed-json' }
  if (what.startsWith('delay:')) return { type: 'delay', ms: Number(what.slice('delay:'.length)) }
  if (what.startsWith('barrier:')) {
    const count = Number(what.slice('barrier:'.length))
    return count < 1 ? 'barrier:0 would hold nothing; use barrier:1 or more' : { type: 'barrier', count }
  }
  const status = Number(what)
  if (status < 200 || status > 599) return `status ${what} is outside 200-599`
  return { type: 'status', status }
}

function times(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  return raw === '*' ? Infinity : Number(raw)
}

function readExtras(extras: readonly string[]): string | undefined | { error: string } {
  let retryAfter: string | undefined
  for (const extra of extras) {
    const m = /^retry-after=(\d+)$/i.exec(extra)
    if (!m?.[1]) return { error: `unknown option '${extra}' (only retry-after=<seconds> is known)` }
    retryAfter = m[1]
  }
  return retryAfter
}
