// Adobe's OpenAPI files as the contract of every request the actions send. The three bundles run
// as the runner runs them, pointed at a proxy that validates each request against the OpenAPI file
// of the service it goes to (openapi/, Adobe's own files) and forwards it unchanged to the emulator.
// A request that does not validate fails the test unless tolerated.ts lists that disagreement
// between the OpenAPI file and Adobe's pages; a listed disagreement no request showed fails it too;
// and each action must have sent exactly the routes listed for it below.
//
// The scenarios run in order against one emulator, each on what the one before left, as a
// workflow's steps would: the connection's lifecycle, explore's listings, then a dataflow's.

import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEMO, DEMO_DATASET_ID, startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction, type RunResult } from '../helpers/action.js'
import { CRM_MAPPING, dataflowInputs, pastLatestRunStart, Workspace } from '../helpers/dataflow.js'
import { emulatorInputs } from '../helpers/fixtures.js'
import { waitFor } from '../helpers/wait.js'
import { startOpenApiProxy, type OpenApiProxy, type Violation } from '../helpers/openapi-proxy.js'
import { TOLERATED, type Tolerated } from './tolerated.js'

const SPEC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'openapi')

type Action = 'connection' | 'explore' | 'dataflow'
const ACTIONS: readonly Action[] = ['connection', 'explore', 'dataflow']

/**
 * Every route each action sends (its request builders: src/connection/requests.ts,
 * src/platform/base-connection.ts, src/platform/explore.ts, src/explore/requests.ts,
 * src/dataflow/requests.ts), as its service's OpenAPI file names it. The scenarios below must reach
 * each of them, and no other: a route an action starts or stops sending changes this list.
 */
const ROUTES: Record<Action, readonly string[]> = {
  connection: [
    'flow-service GET /connections',
    'flow-service POST /connections',
    'flow-service GET /connections/{BASE_CONNECTION_ID}',
    'flow-service PATCH /connections/{BASE_CONNECTION_ID}/',
    'flow-service DELETE /connections/{BASE_CONNECTION_ID}/',
    'flow-service GET /connections/{BASE_CONNECTION_ID}/explore',
    'flow-service GET /sourceConnections',
    'flow-service GET /flows'
  ],
  explore: ['flow-service GET /connections/{BASE_CONNECTION_ID}/explore'],
  dataflow: [
    'catalog GET /dataSets/{DATASET_ID}',
    'schema-registry GET /{CONTAINER_ID}/schemas/{SCHEMA_ID}',
    'data-prep POST /mappingSets/validate',
    'data-prep POST /mappingSets',
    'data-prep GET /mappingSets/{MAPPING_SET_ID}',
    'data-prep PUT /mappingSets/{MAPPING_SET_ID}',
    'flow-service GET /connections/{BASE_CONNECTION_ID}',
    'flow-service GET /connections/{BASE_CONNECTION_ID}/explore',
    'flow-service GET /sourceConnections',
    'flow-service POST /sourceConnections',
    'flow-service GET /sourceConnections/{SOURCE_CONNECTION_ID}',
    'flow-service PATCH /sourceConnections/{SOURCE_CONNECTION_ID}',
    'flow-service DELETE /sourceConnections/{SOURCE_CONNECTION_ID}',
    'flow-service GET /targetConnections',
    'flow-service POST /targetConnections',
    'flow-service GET /targetConnections/{TARGET_CONNECTION_ID}',
    'flow-service PATCH /targetConnections/{TARGET_CONNECTION_ID}',
    'flow-service DELETE /targetConnections/{TARGET_CONNECTION_ID}',
    'flow-service GET /flows',
    'flow-service POST /flows',
    'flow-service GET /flows/{FLOW_ID}',
    'flow-service PATCH /flows/{FLOW_ID}',
    'flow-service DELETE /flows/{FLOW_ID}',
    'flow-service POST /flows/{FLOW_ID}/action',
    'flow-service GET /runs',
    'flow-service POST /runs',
    'flow-service GET /runs/{RUN_ID}'
  ]
}

const CSV_HEADER = 'customer_id,email,first_name,last_name,country,signup_date,lifetime_value'

let emulator: Emulator
let proxy: OpenApiProxy
let workspace: Workspace
let baseConnectionId: string

beforeAll(async () => {
  emulator = await startEmulator({ runClock: { timeScale: 1000 } })
  proxy = await startOpenApiProxy({
    upstream: emulator.platformUrl,
    specDir: SPEC_DIR,
    services: ['flow-service', 'catalog', 'data-prep', 'schema-registry'],
    passThrough: ['/ims/']
  })
  workspace = new Workspace()
  workspace.write('crm-mapping.json', CRM_MAPPING)
  baseConnectionId = emulator.store.seed({ name: 'S3', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
})
afterAll(async () => {
  // The emulator's answers, checked against the same files, are reported (OPENAPI_REPORT_RESPONSES=1)
  // rather than asserted: they speak of the emulator's fidelity, and the files and Adobe's pages
  // disagree on answers as well.
  if (process.env.OPENAPI_REPORT_RESPONSES === '1') {
    const lines = proxy.responseViolations().map((v) => `${describeRoute(v)} ${v.status}: ${v.problem.replace(/\/\d+\//g, '/N/')}`)
    console.info(`Answers that do not validate against the OpenAPI files:\n${[...new Set(lines)].join('\n')}`)
  }
  await proxy.close()
  await emulator.close()
  workspace.remove()
})

const describeRoute = (r: { service: string; method: string; template: string }): string => `${r.service} ${r.method} ${r.template}`
const keyOf = (v: Violation): string => `${describeRoute(v)}: ${v.problem}`
const matches = (t: Tolerated, v: Violation): boolean =>
  t.service === v.service && t.method === v.method && t.template === v.template && t.problem.test(v.problem)

// Filled by each run: the routes each action reached, and the scenario that first showed each violation.
const usedBy: Record<Action, Set<string>> = { connection: new Set(), explore: new Set(), dataflow: new Set() }
const firstSeenIn = new Map<string, string>()

/** Runs one action's bundle through the proxy, noting which routes it reached and what it first showed. */
async function run(action: Action, inputs: Record<string, string | undefined>): Promise<RunResult> {
  const scenario = expect.getState().currentTestName ?? action
  const before = new Map(proxy.exercised().map((e) => [describeRoute(e), e.count]))
  const shown = proxy.violations().length
  const result = await runAction({ action, inputs, env: { GITHUB_WORKSPACE: workspace.dir } })
  for (const e of proxy.exercised()) if (e.count > (before.get(describeRoute(e)) ?? 0)) usedBy[action].add(describeRoute(e))
  for (const v of proxy.violations().slice(shown)) firstSeenIn.set(keyOf(v), scenario)
  return result
}

function expectSuccess(result: RunResult): void {
  expect(result.error).toBeUndefined()
  expect(result.exitCode).toBe(0)
}

const connection = (overrides: Record<string, string | undefined> = {}) =>
  run(
    'connection',
    emulatorInputs(emulator, {
      'ims-url': proxy.origin,
      'platform-url': proxy.origin,
      'flow-service-url': `${proxy.origin}/data/foundation/flowservice`,
      ...overrides
    })
  )

const explore = (overrides: Record<string, string | undefined> = {}) =>
  run('explore', {
    'client-id': DEMO.clientId,
    'client-secret': DEMO.clientSecret,
    'ims-org-id': emulator.orgId,
    'ims-url': proxy.origin,
    'platform-url': proxy.origin,
    'connection-id': baseConnectionId,
    'timeout-seconds': '20',
    ...overrides
  })

/**
 * A run of the dataflow action once the dataflows' runs in progress are over: a change sent while
 * one runs meets a busy dataflow (1420) and is retried, which would add requests to no purpose.
 */
async function dataflow(overrides: Record<string, string | undefined> = {}): Promise<RunResult> {
  await waitFor(() => emulator.dataflows.runs().every((r) => r.completedAt !== undefined))
  return run(
    'dataflow',
    dataflowInputs(emulator, baseConnectionId, DEMO_DATASET_ID, { 'ims-url': proxy.origin, 'platform-url': proxy.origin, ...overrides })
  )
}

const json = (text: string | undefined): unknown => JSON.parse(text ?? 'null')

describe('the validating proxy', () => {
  it("maps each service to its OpenAPI file by the spec's own base path", () => {
    expect(Object.fromEntries(proxy.services.map((s) => [s.service, s.basePath]))).toEqual({
      'flow-service': '/data/foundation/flowservice',
      catalog: '/data/foundation/catalog',
      'data-prep': '/data/foundation/conversion',
      'schema-registry': '/data/foundation/schemaregistry'
    })
    for (const s of proxy.services) expect(s.operations).toBeGreaterThan(0)
  })

  it('reports each way a request breaks its spec, and forwards it all the same', async () => {
    // A proxy of its own: what it records must not reach the contract's proxy.
    const probe = await startOpenApiProxy({ upstream: emulator.platformUrl, specDir: SPEC_DIR, services: ['flow-service', 'catalog'] })
    try {
      const refused = (origin: string) =>
        fetch(`${origin}/data/foundation/flowservice/flows`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': DEMO.clientId },
          body: JSON.stringify({ name: 7, scheduleParams: { startTime: 'soon' } })
        })
      // The emulator's own answer comes back, as if sent to it directly: the proxy validates, it does not answer.
      expect((await refused(probe.origin)).status).toBe((await refused(emulator.platformUrl)).status)
      await fetch(`${probe.origin}/data/foundation/flowservice/connections/abc/explore/?objectType=ROOT&objectTyp=root`)
      await fetch(`${probe.origin}/data/foundation/catalog/dataSets`, { method: 'DELETE' })
      await fetch(`${probe.origin}/data/foundation/nowhere`)
      expect(probe.violations().map(keyOf)).toEqual([
        'flow-service POST /flows: header Authorization is required but not sent',
        'flow-service POST /flows: header x-gw-ims-org-id is required but not sent',
        'flow-service POST /flows: body lacks required property flowSpec',
        'flow-service POST /flows: body/name must be string (is number)',
        'flow-service POST /flows: body/scheduleParams/startTime must be integer (is string)',
        'flow-service GET /connections/{BASE_CONNECTION_ID}/explore: path has a trailing slash; the spec writes /connections/{BASE_CONNECTION_ID}/explore',
        'flow-service GET /connections/{BASE_CONNECTION_ID}/explore: query objectTyp is not declared (the spec declares objectType, object, FileType, CompressionType)',
        'flow-service GET /connections/{BASE_CONNECTION_ID}/explore: header Authorization is required but not sent',
        'flow-service GET /connections/{BASE_CONNECTION_ID}/explore: header x-api-key is required but not sent',
        'flow-service GET /connections/{BASE_CONNECTION_ID}/explore: header x-gw-ims-org-id is required but not sent',
        'catalog DELETE /dataSets: the spec declares no DELETE on this path',
        '(none) GET /data/foundation/nowhere: no OpenAPI file covers this path'
      ])
    } finally {
      await probe.close()
    }
  })
})

describe('the connection action', () => {
  it('a first run creates the connection', async () => {
    const result = await connection()
    expectSuccess(result)
    expect(result.outputs.operation).toBe('created')
  })

  it('a re-run updates it in place', async () => {
    const result = await connection()
    expectSuccess(result)
    expect(result.outputs.operation).toBe('updated')
  })

  it('a re-run whose update meets a stale etag (412) reads the connection again by id and retries', async () => {
    emulator.faults.add({ method: 'PATCH', route: '/connections/*', action: { type: 'status', status: 412 } })
    const result = await connection()
    expectSuccess(result)
    expect(result.outputs.operation).toBe('updated')
  })

  it('if-exists: reuse takes the existing connection as it is', async () => {
    const result = await connection({ 'if-exists': 'reuse' })
    expectSuccess(result)
    expect(result.outputs.operation).toBe('reused')
  })

  it('verify: true proves the credentials through a probe that explores the bucket, then updates', async () => {
    const result = await connection({ verify: 'true' })
    expectSuccess(result)
    expect(result.outputs.operation).toBe('updated')
  })

  it('a dry run sends nothing', async () => {
    const before = proxy.requests()
    const result = await connection({ 'dry-run': 'true' })
    expectSuccess(result)
    expect(result.outputs.operation).toBe('dry-run')
    expect(proxy.requests()).toBe(before)
  })
})

describe('the explore action', () => {
  it('lists the root', async () => {
    const result = await explore()
    expectSuccess(result)
    expect(json(result.outputs.entries)).toContainEqual(expect.objectContaining({ path: '/demo-bucket/' }))
  })

  it('lists a folder again and again until an entry matching expect lands, within wait-seconds', async () => {
    const landing = setTimeout(() => {
      emulator.putFile('/demo-bucket/exports/daily/crm-customers-2026-11-28.csv', {
        content: `${CSV_HEADER}\nC-9001,a@example.com,Ann,Lee,DE,2026-11-28,1\n`
      })
    }, 1000)
    try {
      const result = await explore({ path: '/demo-bucket/exports/daily/', expect: 'crm-customers-2026-11-28.csv', 'wait-seconds': '20' })
      expectSuccess(result)
      expect(json(result.outputs.matches)).toEqual(['/demo-bucket/exports/daily/crm-customers-2026-11-28.csv'])
    } finally {
      clearTimeout(landing)
    }
  })

  it('previews a CSV file', async () => {
    const result = await explore({ path: '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv', preview: 'true' })
    expectSuccess(result)
    expect(json(result.outputs.columns)).toContainEqual(expect.objectContaining({ name: 'customer_id' }))
  })
})

describe('the dataflow action', () => {
  // The inputs of the one dataflow the scenarios below change, as a workflow would over time.
  const daily: Record<string, string> = {}

  it('a first run creates the source connection, target connection, mapping set and dataflow, then takes its marks out', async () => {
    const result = await dataflow(daily)
    expectSuccess(result)
    expect(result.outputs.operation).toBe('created')
  })

  it('a re-run with the same inputs changes nothing', async () => {
    const result = await dataflow(daily)
    expectSuccess(result)
    expect(result.outputs).toMatchObject({ operation: 'reused', changes: '[]' })
  })

  it('a re-run with another schedule patches the dataflow', async () => {
    Object.assign(daily, { frequency: 'hour', interval: '6' })
    const result = await dataflow(daily)
    expectSuccess(result)
    expect(result.outputs.operation).toBe('updated')
  })

  it('a re-run with a changed mapping puts a new mapping-set version and points the dataflow at it', async () => {
    workspace.write('crm-mapping.json', [
      ...CRM_MAPPING.slice(0, -1),
      { source: 'crm-nightly', destination: '_emulator.sourceSystem', sourceType: 'STATIC' }
    ])
    const result = await dataflow(daily)
    expectSuccess(result)
    expect(result.outputs).toMatchObject({ operation: 'updated', 'mapping-version': '1' })
  })

  it('on-source-change: replace with another source path builds a new chain, then deletes the old one', async () => {
    Object.assign(daily, { 'source-path': '/demo-bucket/archive/2024/' })
    const result = await dataflow({ ...daily, 'on-source-change': 'replace' })
    expectSuccess(result)
    expect(result.outputs.operation).toBe('replaced')
  })

  it('enabled: false disables the dataflow', async () => {
    const result = await dataflow({ ...daily, enabled: 'false' })
    expectSuccess(result)
    expect(result.outputs.operation).toBe('updated')
  })

  it('plan: true reads what exists and writes nothing', async () => {
    const result = await dataflow({ ...daily, frequency: 'week', plan: 'true' })
    expectSuccess(result)
    expect(result.outputs.operation).toBe('planned')
  })

  it("a first run whose marks' removal meets stale etags (412) reads each connection again by id", async () => {
    emulator.faults.add({ method: 'PATCH', route: '/sourceConnections/*', action: { type: 'status', status: 412 } })
    emulator.faults.add({ method: 'PATCH', route: '/targetConnections/*', action: { type: 'status', status: 412 } })
    const result = await dataflow({ 'dataflow-name': 'Weekly CRM export', frequency: 'week' })
    expectSuccess(result)
    expect(result.outputs.operation).toBe('created')
  })

  const ONCE = {
    'dataflow-name': 'CRM export on demand',
    frequency: 'once',
    'run-now': 'true',
    'wait-for-run': 'true',
    'wait-minutes': '2'
  }

  it('frequency: once with run-now and wait-for-run creates the dataflow and waits for its first run', async () => {
    const result = await dataflow(ONCE)
    expectSuccess(result)
    expect(result.outputs).toMatchObject({ operation: 'created', 'run-status': 'success' })
  })

  it('run-now on that dataflow, once a file has landed, starts a run of it and waits for that run by id', async () => {
    await pastLatestRunStart(emulator)
    emulator.putFile('/demo-bucket/exports/daily/crm-customers-2026-12-02.csv', {
      content: `${CSV_HEADER}\nC-9002,b@example.com,Bo,Li,FR,2026-12-02,2\n`
    })
    // On-demand windows are whole unix seconds: the file must be in a second before the run's.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const result = await dataflow(ONCE)
    expectSuccess(result)
    expect(result.outputs).toMatchObject({ operation: 'reused', 'run-status': 'success', 'records-written': '1' })
  })
})

describe('teardown, state: absent', () => {
  it('the connection the dataflows read is kept while they read it, naming them', async () => {
    const result = await connection({ state: 'absent', 'connection-name': 'S3' })
    expect(result.exitCode).toBe(1)
    expect(result.error).toContain('nothing was deleted')
  })

  it.each(['Daily CRM export', 'Weekly CRM export', 'CRM export on demand'])(
    'the dataflow %s goes, waited for until it is gone, then its connections',
    async (name) => {
      const result = await dataflow({ state: 'absent', 'dataflow-name': name })
      expectSuccess(result)
      expect(result.outputs.operation).toBe('deleted')
    }
  )

  it('then the connection goes', async () => {
    const result = await connection({ state: 'absent', 'connection-name': 'S3' })
    expectSuccess(result)
    expect(result.outputs.operation).toBe('deleted')
  })
})

describe('the contract', () => {
  it('every request either validates against its service’s OpenAPI file or is a tolerated, documented disagreement', () => {
    const untolerated = proxy
      .violations()
      .filter((v) => !TOLERATED.some((t) => matches(t, v)))
      .map((v) => ({ ...v, firstSeenIn: firstSeenIn.get(keyOf(v)) }))
    expect({ untolerated, dropped: proxy.dropped() }).toEqual({ untolerated: [], dropped: 0 })
  })

  it('every tolerated disagreement was seen, so the list holds nothing stale', () => {
    const stale = TOLERATED.filter((t) => !proxy.violations().some((v) => matches(t, v))).map(
      (t) => `${describeRoute(t)}: ${String(t.problem)}`
    )
    expect(stale).toEqual([])
  })

  it('each action reached exactly the routes it is listed to use, and IMS only through the pass-through', () => {
    for (const action of ACTIONS) {
      expect({ action, routes: [...usedBy[action]].sort() }).toEqual({ action, routes: [...ROUTES[action]].sort() })
    }
    expect(proxy.passedThrough()).toEqual(['POST /ims/token/v3'])
  })
})
