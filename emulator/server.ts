import type http from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { catalogRoute, handleCatalog } from './catalog/routes.js'
import { CatalogStore } from './catalog/store.js'
import { handleControl } from './control.js'
import { MappingSetStore } from './data-prep/mapping-sets.js'
import { dataPrepRoute, handleDataPrep } from './data-prep/routes.js'
import { DEMO } from './demo.js'
import { Faults, type Taken } from './faults/rules.js'
import { MemoryStore } from './flow-service/connections/store.js'
import { DataflowStore } from './flow-service/dataflows/store.js'
import { flowRoute, handleFlow, type FlowDeps } from './flow-service/routes.js'
import { Scheduler } from './flow-service/runs/scheduler.js'
import { catalogApi, dataflowApi } from './handles.js'
import { generic, notFoundRoute } from './http/errors.js'
import {
  dropSocket,
  malformedReply,
  pathSegments,
  readBody,
  requestIdOf,
  resetSocket,
  splitUrl,
  statusFaultReply,
  writeReply
} from './http/io.js'
import { Listener, type RequestHandler } from './http/listener.js'
import { headerRecord, queryRecord, Recorder } from './http/recorder.js'
import { failure, type Incoming, type Reply } from './http/reply.js'
import { makeCertificate, type Certificate } from './http/tls.js'
import { Credentials } from './ims/credentials.js'
import { handleIms } from './ims/routes.js'
import { CATALOG_BASE_PATH, CONTROL_PREFIX, DATAPREP_BASE_PATH, FLOW_BASE_PATH, SCHEMA_REGISTRY_BASE_PATH } from './paths.js'
import { putFile, removeFile } from './s3/tree.js'
import { s3World, type S3World } from './s3/world.js'
import { handleSchemaRegistry, schemaRegistryRoute } from './schema-registry/routes.js'
import type { Emulator, EmulatorOptions, EmulatorStats, RecordedRequest, S3File, ServiceName } from './types.js'

const TOO_LARGE = generic(413, 'PayloadTooLargeError', 'The request body is too large')

export const DEFAULT_DELETE_FINALIZE_MS = 300

export type Outcome = 'answered' | 'hung' | 'dropped' | 'reset'

// Not part of the public API: lets the CLI log each exchange without polling requests().
export interface EmulatorHooks {
  onExchange?(record: RecordedRequest, outcome: Outcome): void
}

// Which services a listener serves: one port for everything, or Flow Service and IMS apart.
type Role = 'shared' | 'flow' | 'ims'

interface Target {
  service: ServiceName | 'control'
  route: string
  // The path fault rules are matched against: relative to the service base for Flow Service.
  faultPath: string
  segments: string[]
}

interface Exchange {
  req: http.IncomingMessage
  res: http.ServerResponse
  record: RecordedRequest
  requestId: string
  listener: Listener
  process: () => Reply
}

interface Hosts {
  main: Listener
  ims?: Listener
  flow: FlowDeps
  cert?: Certificate
}

export async function startEmulator(options: EmulatorOptions = {}, hooks: EmulatorHooks = {}): Promise<Emulator> {
  const pageSize = options.pageSize ?? 100
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error('pageSize must be a positive integer')
  const lag = options.listLagMs ?? 0
  if (!(Number.isFinite(lag) && lag >= 0)) throw new Error('listLagMs must be a number of milliseconds >= 0')
  const finalize = options.deleteFinalizeMs ?? DEFAULT_DELETE_FINALIZE_MS
  if (!(Number.isFinite(finalize) && finalize >= 0)) throw new Error('deleteFinalizeMs must be a number of milliseconds >= 0')
  // Checked before anything listens: a bad catalog or clock throws here.
  const core = new EmulatorCore(options, hooks)
  const cert = options.tls ? await makeCertificate() : undefined
  const listen = (port: number, role: Role): Promise<Listener> =>
    Listener.open({
      host: options.host ?? '127.0.0.1',
      port,
      connectLatencyMs: options.connectLatencyMs ?? 0,
      handler: core.handler(role),
      ...(cert ? { tls: { key: cert.key, cert: cert.cert } } : {})
    })
  const main = await listen(options.port ?? 0, options.separateIms ? 'flow' : 'shared')
  const ims = options.separateIms ? await listen(options.imsPort ?? 0, 'ims') : undefined
  core.attach({
    main,
    ...(ims ? { ims } : {}),
    flow: {
      store: core.store,
      gateway: { credentials: core.credentials, orgId: core.orgId, sandboxes: new Set(options.sandboxes ?? ['prod']) },
      s3: () => core.world,
      pageSize,
      flowServiceUrl: `${main.origin}${FLOW_BASE_PATH}`,
      tokens: options.opaqueTokens ? 'opaque' : 'base64url',
      previewShape: options.previewShape ?? 'flat',
      legacyEntryTypes: options.legacyEntryTypes ?? false,
      catalog: core.catalog,
      mappingSets: core.mappingSets,
      dataflows: core.dataflows,
      scheduler: core.scheduler
    },
    ...(cert ? { cert } : {})
  })
  return core.handle()
}

class EmulatorCore {
  readonly orgId: string
  readonly credentials: Credentials
  readonly store: MemoryStore
  readonly catalog: CatalogStore
  readonly mappingSets = new MappingSetStore()
  readonly dataflows = new DataflowStore()
  readonly scheduler: Scheduler
  readonly faults = new Faults()
  readonly recorder = new Recorder()
  world: S3World
  private readonly counters = { flow: 0, ims: 0 }
  private readonly closing = new AbortController()
  private hosts?: Hosts
  private api?: Emulator
  private closed?: Promise<void>

  constructor(
    private readonly options: EmulatorOptions,
    private readonly hooks: EmulatorHooks
  ) {
    this.orgId = options.orgId ?? DEMO.orgId
    this.credentials = new Credentials(
      options.clients ?? [{ clientId: DEMO.clientId, clientSecret: DEMO.clientSecret }],
      options.accessTokens ?? [DEMO.accessToken]
    )
    this.store = new MemoryStore(this.orgId, options.listLagMs ?? 0)
    this.world = s3World(options.s3)
    this.catalog = new CatalogStore(options.sandboxes ?? ['prod'], options.catalog)
    this.scheduler = new Scheduler(
      {
        dataflows: this.dataflows,
        catalog: this.catalog,
        mappingSets: this.mappingSets,
        connections: this.store,
        world: () => this.world,
        deleteFinalizeMs: options.deleteFinalizeMs ?? DEFAULT_DELETE_FINALIZE_MS
      },
      options.runClock
    )
  }

  handler(role: Role): RequestHandler {
    return (req, res) => void this.exchange(req, res, role)
  }

  attach(hosts: Hosts): void {
    this.hosts = hosts
  }

  // The public handle; the control API drives the very same one.
  handle(): Emulator {
    this.api ??= this.makeApi()
    return this.api
  }

  private makeApi(): Emulator {
    const hosts = this.ready()
    const cert = hosts.cert
    const emulator: Emulator = {
      flowServiceUrl: hosts.flow.flowServiceUrl,
      platformUrl: hosts.main.origin,
      catalogUrl: `${hosts.main.origin}${CATALOG_BASE_PATH}`,
      dataPrepUrl: `${hosts.main.origin}${DATAPREP_BASE_PATH}`,
      schemaRegistryUrl: `${hosts.main.origin}${SCHEMA_REGISTRY_BASE_PATH}`,
      imsUrl: (hosts.ims ?? hosts.main).origin,
      orgId: this.orgId,
      store: this.store,
      catalog: catalogApi(this),
      dataPrep: this.mappingSets,
      dataflows: dataflowApi(this),
      faults: this.faults,
      requests: () => this.recorder.all(),
      clearRequests: () => {
        this.recorder.clear()
      },
      stats: () => this.stats(),
      setS3: (s3) => {
        this.world = s3World(s3)
      },
      putFile: (path, file) => {
        this.putFile(path, file ?? {})
      },
      removeFile: (path) => removeFile(this.world.buckets, path),
      reset: () => {
        this.reset()
      },
      close: () => this.close()
    }
    if (cert) {
      emulator.caCert = cert.cert
      emulator.caCertFile = cert.certFile
    }
    return emulator
  }

  private putFile(path: string, file: S3File): void {
    const problem = putFile(this.world.buckets, path, file)
    if (problem) throw new Error(`putFile: ${problem}`)
  }

  private ready(): Hosts {
    if (!this.hosts) throw new Error('the emulator is not listening yet')
    return this.hosts
  }

  // With one port, IMS and Flow Service share a listener, so both report its connection count.
  private stats(): EmulatorStats {
    const { main, ims } = this.ready()
    const imsHost = ims ?? main
    return {
      flow: { origin: main.origin, connections: main.connections, requests: this.counters.flow },
      ims: { origin: imsHost.origin, connections: imsHost.connections, requests: this.counters.ims }
    }
  }

  private reset(): void {
    const { main, ims } = this.ready()
    this.store.clear()
    this.dataflows.clear()
    this.scheduler.clear()
    this.mappingSets.clear()
    this.catalog.reset()
    this.faults.clear()
    this.recorder.clear()
    this.counters.flow = 0
    this.counters.ims = 0
    main.connections = 0
    if (ims) ims.connections = 0
    this.world = s3World(this.options.s3)
  }

  private close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing.abort()
      this.scheduler.close()
      const { main, ims, cert } = this.ready()
      await Promise.all([main.close(), ims?.close()])
      await cert?.remove()
    })()
    return this.closed
  }

  private async exchange(req: http.IncomingMessage, res: http.ServerResponse, role: Role): Promise<void> {
    try {
      await this.serve(req, res, role)
    } catch (err) {
      // A client that went away, or close() aborting a wait: nothing is left to answer.
      if (this.closing.signal.aborted || req.destroyed) return
      writeReply(res, failure(generic(500, 'InternalServerError', `Emulator error: ${String(err)}`)), requestIdOf(req))
    }
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse, role: Role): Promise<void> {
    const hosts = this.ready()
    const method = (req.method ?? 'GET').toUpperCase()
    const { path, rawQuery } = splitUrl(req.url ?? '/')
    const target = classify(path, role)
    const requestId = requestIdOf(req)
    if (target.service === 'control') {
      const body = await readBody(req)
      writeReply(res, handleControl(this.handle(), { method, name: target.route, rawQuery, body: body ?? '' }), requestId)
      return
    }
    const service = target.service
    const query = new URLSearchParams(rawQuery)
    const headers = headerRecord(req.headers)
    const record = this.recorder.start({ service, method, path, route: target.route, query: queryRecord(query), rawQuery, headers })
    this.count(role, service)
    const body = await readBody(req)
    record.body = body ?? ''
    const incoming: Incoming = { method, path, segments: target.segments, query, rawQuery, headers, body: body ?? '' }
    const process = (): Reply => (body === undefined ? failure(TOO_LARGE) : this.process(service, incoming, hosts.flow))
    const listener = role === 'ims' && hosts.ims ? hosts.ims : hosts.main
    const fault = this.faults.take(method, target.faultPath)
    // The side effect happens as the rule applies, so it is in place before any answer is sent.
    if (fault?.seed) this.store.seed(fault.seed, true)
    await this.perform(fault, { req, res, record, requestId, listener, process })
  }

  private count(role: Role, service: ServiceName): void {
    if (role === 'ims' || (role === 'shared' && service === 'ims')) this.counters.ims += 1
    else this.counters.flow += 1
  }

  private process(service: ServiceName, req: Incoming, platform: FlowDeps): Reply {
    if (service === 'ims') return handleIms(req, this.credentials)
    if (service === 'unknown') return failure(notFoundRoute(req.path))
    // Every Platform answer reflects the runs due by now.
    this.scheduler.check()
    if (service === 'catalog') return handleCatalog(req, platform)
    if (service === 'dataprep') return handleDataPrep(req, platform)
    if (service === 'schemaregistry') return handleSchemaRegistry(req, platform)
    return handleFlow(req, platform)
  }

  // status, malformed-json, hang and reset stand in for the service: the request is not
  // processed. commit-then-drop and delay process it, then lose or hold back the answer; barrier
  // holds it until enough others wait with it, then processes them all in arrival order.
  private async perform(taken: Taken | undefined, x: Exchange): Promise<void> {
    if (taken?.barrier) return this.answer(x, await taken.barrier.arrive(x.process, this.closing.signal))
    const fault = taken?.action
    switch (fault?.type) {
      case undefined:
        return this.answer(x, x.process())
      case 'status':
        return this.answer(x, statusFaultReply(fault))
      case 'malformed-json':
        return this.answer(x, malformedReply(fault.status ?? 200))
      case 'delay': {
        const reply = x.process()
        await sleep(fault.ms, undefined, { signal: this.closing.signal })
        return this.answer(x, reply)
      }
      case 'hang':
        this.report(x.record, 'hung')
        return
      case 'reset':
        resetSocket(x.req.socket, x.listener)
        this.report(x.record, 'reset')
        return
      case 'commit-then-drop':
        x.process()
        await this.latency()
        dropSocket(x.req.socket, x.listener)
        this.report(x.record, 'dropped')
        return
    }
  }

  private async answer(x: Exchange, reply: Reply): Promise<void> {
    await this.latency()
    if (x.res.destroyed) return
    writeReply(x.res, reply, x.requestId)
    x.record.status = reply.status
    this.report(x.record, 'answered')
  }

  private async latency(): Promise<void> {
    const ms = this.options.latencyMs ?? 0
    if (ms > 0) await sleep(ms, undefined, { signal: this.closing.signal })
  }

  private report(record: RecordedRequest, outcome: Outcome): void {
    this.hooks.onExchange?.(structuredClone(record), outcome)
  }
}

// The services under platform-url, each with its base path; fault routes are relative to it.
const PLATFORM_SERVICES: readonly { service: ServiceName; base: string; route: (segments: readonly string[]) => string }[] = [
  { service: 'flow', base: FLOW_BASE_PATH, route: flowRoute },
  { service: 'catalog', base: CATALOG_BASE_PATH, route: catalogRoute },
  { service: 'dataprep', base: DATAPREP_BASE_PATH, route: dataPrepRoute },
  { service: 'schemaregistry', base: SCHEMA_REGISTRY_BASE_PATH, route: schemaRegistryRoute }
]

function classify(path: string, role: Role): Target {
  if (role !== 'ims' && path.startsWith(CONTROL_PREFIX)) {
    return { service: 'control', route: path.slice(CONTROL_PREFIX.length), faultPath: path, segments: [] }
  }
  const platform = role === 'ims' ? undefined : PLATFORM_SERVICES.find((s) => path === s.base || path.startsWith(`${s.base}/`))
  if (platform) {
    const segments = pathSegments(path.slice(platform.base.length))
    return { service: platform.service, route: platform.route(segments), faultPath: `/${segments.join('/')}`, segments }
  }
  if (role !== 'flow' && path.startsWith('/ims/')) return { service: 'ims', route: path, faultPath: path, segments: pathSegments(path) }
  return { service: 'unknown', route: path, faultPath: path, segments: pathSegments(path) }
}
