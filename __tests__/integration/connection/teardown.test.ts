// state: absent against the emulator: the connection is deleted unless a dataflow reads it; none
// is absent already; two are a person's to sort out; probes killed runs left go with it.

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { ConnectionsClient } from '../../../src/connection/client.js'
import { probeName } from '../../../src/connection/probe.js'
import { removeConnection, type TeardownDeps } from '../../../src/connection/teardown.js'
import type { RunContext } from '../../../src/platform/context.js'
import { ConflictError } from '../../../src/platform/errors.js'
import { Ledger } from '../../../src/platform/ledger.js'
import { withMark } from '../../../src/platform/ownership.js'
import { systemClock } from '../../../src/platform/retry.js'
import { createFlow, createMappingSet, createSource, createTarget, flowBody } from '../../emulator/dataflow-helpers.js'
import { platformSession, type TestSession } from '../../helpers/platform.js'

const SPEC_ID = 'ecadc60c-7455-4d87-84dc-2a0e293d997b'
const NAME = 'S3 Connection'
const KEYS = { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey }
const RUN: RunContext = { repository: 'octo-org/pipeline', runId: 7, runAttempt: 1 }

let emulator: Emulator
let sessions: TestSession[]
let log: string[]
let warnings: string[]

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  sessions = []
  log = []
  warnings = []
})
afterEach(() => {
  for (const s of sessions) s.transport.close()
})

function deps(): TeardownDeps {
  const session = platformSession(emulator)
  sessions.push(session)
  return {
    client: new ConnectionsClient(session.api, new Ledger()),
    context: Promise.resolve(RUN),
    clock: systemClock,
    log: (m) => log.push(m),
    warn: (m) => warnings.push(m)
  }
}

const teardown = (d = deps()) => removeConnection(d, { name: NAME, sandboxName: 'prod', specId: SPEC_ID })
const connections = () => emulator.store.list('prod').map((c) => c.id)

describe('state: absent', () => {
  it('deletes the one connection named so, and says so; a second teardown finds it absent', async () => {
    const { id } = emulator.store.seed({ name: NAME, params: KEYS })
    expect(await teardown()).toEqual({ operation: 'deleted', id })
    expect(connections()).toEqual([])
    expect(await teardown()).toEqual({ operation: 'absent' })
  })

  it('keeps a connection a dataflow reads, naming the dataflow, and deletes nothing', async () => {
    const { id } = emulator.store.seed({ name: NAME, params: KEYS })
    const [source, target, mapping] = await Promise.all([createSource(emulator, id), createTarget(emulator), createMappingSet(emulator)])
    const flow = await createFlow(emulator, flowBody({ source: source.id, target: target.id, mapping }))
    const error = await teardown().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConflictError)
    expect(String(error)).toContain(`Connection ${id} ("${NAME}") is read by 1 dataflow(s): ${flow.id} ("Daily CRM"); nothing was deleted.`)
    expect(connections()).toEqual([id])
  })

  it('a dataflow that begins to read it between the look and the delete (1418-400) fails the step, saying so; nothing is deleted', async () => {
    const { id } = emulator.store.seed({ name: NAME, params: KEYS })
    const inUse = JSON.stringify({ type: 'https://ns.adobe.com/aep/errors/FLOW-1418-400', title: 'Bad Request', status: 400 })
    emulator.faults.add({ method: 'DELETE', route: '/connections/*', action: { type: 'status', status: 400, body: inUse } })
    const error = await teardown().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConflictError)
    expect(String(error)).toMatch(/A dataflow began to read the connection while this step ran; nothing was deleted\./)
    expect(connections()).toEqual([id])
  })

  it('a failed delete whose text merely holds 1418 is the failure it is, not a dataflow reading the connection', async () => {
    emulator.store.seed({ name: NAME, params: KEYS })
    const busy = JSON.stringify({
      type: 'https://ns.adobe.com/aep/errors/FLOW-1103-503',
      title: 'Busy',
      status: 503,
      report: { 'request-id': 'c0ffee1418' }
    })
    emulator.faults.add({ method: 'DELETE', route: '/connections/*', action: { type: 'status', status: 503, body: busy }, times: 100 })
    const error = await teardown().catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(ConflictError)
    expect(String(error)).toMatch(/DELETE \/connections\/\{id\} failed.*HTTP 503.*c0ffee1418/)
    expect(String(error)).not.toMatch(/began to read/)
  })

  it('a connection whose source connections no dataflow uses any more is deleted', async () => {
    const { id } = emulator.store.seed({ name: NAME, params: KEYS })
    await createSource(emulator, id)
    expect(await teardown()).toEqual({ operation: 'deleted', id })
  })

  it('two named so: fails listing them, deleting neither', async () => {
    const a = emulator.store.seed({ name: NAME, params: KEYS }).id
    const b = emulator.store.seed({ name: NAME, params: KEYS }).id
    await expect(teardown()).rejects.toThrow(`2 connections named "${NAME}" exist in sandbox "prod"`)
    expect(connections().sort()).toEqual([a, b].sort())
  })

  it("deletes the probes killed runs with verify left, and leaves a running run's probe to it", async () => {
    const { id } = emulator.store.seed({ name: NAME, params: KEYS })
    const old = emulator.store.seed({
      name: probeName(NAME, { repository: 'octo-org/pipeline', runId: 3, runAttempt: 1 }, 0, 'aa'),
      description: withMark('probe', { token: '0badcafe', until: Date.now() - 600_000 }, 1024),
      params: KEYS
    }).id
    const running = emulator.store.seed({
      name: probeName(NAME, { repository: 'octo-org/pipeline', runId: 9, runAttempt: 1 }, 0, 'bb'),
      description: withMark('probe', { token: '0c0ffee0', until: Date.now() + 60_000 }, 1024),
      params: KEYS
    }).id
    expect(await teardown()).toEqual({ operation: 'deleted', id })
    expect(connections()).toEqual([running])
    expect(log.join('\n')).toContain(`Deleted 1 verification probe(s) that earlier runs left: ${old}.`)
    expect(warnings).toEqual([
      `1 verification probe(s) of "${NAME}" belong to runs that may still be going; each is deleted by its own run.`
    ])
  })

  it('concurrent teardowns both end well, and the connection is gone', async () => {
    const { id } = emulator.store.seed({ name: NAME, params: KEYS })
    const results = await Promise.all([teardown(), teardown()])
    expect(results.some((r) => r.id === id)).toBe(true)
    expect(connections()).toEqual([])
  })

  it('a delete that meets a server error is retried, and a teardown after a failed one finishes it', async () => {
    const { id } = emulator.store.seed({ name: NAME, params: KEYS })
    emulator.faults.add({ method: 'DELETE', route: '/connections/*', action: { type: 'status', status: 503 }, times: 100 })
    await expect(teardown()).rejects.toThrow(/DELETE \/connections\/\{id\} failed/)
    expect(connections()).toEqual([id])
    emulator.faults.clear()
    expect(await teardown()).toEqual({ operation: 'deleted', id })
  })
})
