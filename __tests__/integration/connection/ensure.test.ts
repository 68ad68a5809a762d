// The connection's story against the emulator: decide, prove, write, converge; and what a
// failed run leaves (nothing it made).

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { ConnectionsClient, type Found } from '../../../src/connection/client.js'
import { Ledger } from '../../../src/platform/ledger.js'
import { VerifyError, type Deps, type Wanted } from '../../../src/connection/deps.js'
import { ensureConnection } from '../../../src/connection/ensure.js'
import { ConflictError } from '../../../src/platform/errors.js'
import { newRunMark } from '../../../src/platform/ownership.js'
import { PROBE_MAX_AGE_MS, probeName } from '../../../src/connection/probe.js'
import type { NewConnection } from '../../../src/connection/requests.js'
import type { RunContext } from '../../../src/platform/context.js'
import { systemClock } from '../../../src/platform/retry.js'
import { platformSession, type TestSession } from '../../helpers/platform.js'

const SPEC = { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' }
const KEYS = { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey }
const RUN: RunContext = {
  repository: 'octo-org/pipeline',
  runId: 7,
  runAttempt: 1,
  runUrl: 'https://github.com/octo-org/pipeline/actions/runs/7'
}
let emulator: Emulator
let session: TestSession
let log: string[]
let warnings: string[]

beforeAll(async () => {
  emulator = await startEmulator({ s3: { accessKey: DEMO.s3AccessKey, secretKey: DEMO.s3SecretKey } })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  session = platformSession(emulator)
  log = []
  warnings = []
})
afterEach(() => session.transport.close())

function deps(client = new ConnectionsClient(session.api, new Ledger())): Deps {
  return {
    client,
    cleanup: new ConnectionsClient(session.api, new Ledger()),
    context: Promise.resolve(RUN),
    mark: newRunMark(Date.now() + 60_000),
    clock: systemClock,
    remainingMs: () => 10_000,
    log: (m) => log.push(m),
    warn: (m) => warnings.push(m),
    lagSchedule: [0, 20, 40]
  }
}

function wanted(overrides: Partial<Wanted> = {}, params: Record<string, string> = KEYS): Wanted {
  return {
    connection: { name: 'S3 Connection', sandboxName: 'prod', spec: SPEC, authSpecName: 'Access Key', ifExists: 'update' },
    auth: { specName: 'Access Key', params },
    defaultDescription: () => Promise.resolve('default description'),
    verify: false,
    ...overrides
  }
}

const routes = () => emulator.requests().map((r) => `${r.method} ${r.route} ${r.status ?? '-'}`)
const connections = () => emulator.store.list('prod')

describe('create and update', () => {
  it('creates with the default description, then lists again to check for a concurrent twin while it takes the creation mark out', async () => {
    const outcome = await ensureConnection(deps(), wanted())
    expect(outcome).toMatchObject({ operation: 'created', etag: emulator.store.get(outcome.id)?.etag })
    expect(emulator.store.get(outcome.id)?.description).toBe('default description')
    const post = emulator.requests().find((r) => r.method === 'POST')
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({
      description: expect.stringMatching(/^default description \[creating [0-9a-f]{8} until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\]$/)
    })
    expect(routes().slice(0, 2)).toEqual(['GET /connections 200', 'POST /connections 201'])
    expect(routes().slice(2).sort()).toEqual(['GET /connections 200', 'PATCH /connections/{id} 200'])
  })

  it('updates the one that exists, adding a description it lacked', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection' })
    const outcome = await ensureConnection(deps(), wanted({ description: 'given' }))
    expect(outcome).toMatchObject({ id: seeded.id, operation: 'updated' })
    const patch = emulator.requests().find((r) => r.method === 'PATCH')
    expect(JSON.parse(patch?.body ?? '')[1]).toEqual({ op: 'add', path: '/description', value: 'given' })
  })

  it('reads again on a 412 whatever its body, rebuilds the patch from what it read, and says so without blaming another writer', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection' })
    emulator.faults.add({
      method: 'PATCH',
      route: '/connections/*',
      action: { type: 'status', status: 412, body: '<html>Precondition Failed</html>' }
    })
    const outcome = await ensureConnection(deps(), wanted())
    expect(outcome).toMatchObject({ id: seeded.id, operation: 'updated' })
    expect(routes()).toEqual([
      'GET /connections 200',
      'PATCH /connections/{id} 412',
      'GET /connections/{id} 200',
      'PATCH /connections/{id} 200'
    ])
    expect(log.join('\n')).toContain('etag is no longer the one read (412): reading it again and retrying once')
  })

  it('decides add or replace for /description from the item read after a 412', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection' })
    emulator.faults.add({ method: 'PATCH', route: '/connections/*', action: { type: 'status', status: 412 } })
    // Between the listing and the re-read, another writer gives it a description.
    const client = new ConnectionsClient(session.api, new Ledger())
    const get = client.get.bind(client)
    client.get = async (id: string): Promise<Found> => {
      const other = new ConnectionsClient(session.api, new Ledger())
      await other.patch(id, seeded.etag, [{ op: 'add', path: '/description', value: 'set meanwhile' }])
      return get(id)
    }
    await ensureConnection(deps(client), wanted({ description: 'given' }))
    const patches = emulator.requests().filter((r) => r.method === 'PATCH' && r.body.includes('given'))
    expect((JSON.parse(patches[0]?.body ?? '[]') as { op: string }[])[1]?.op).toBe('add')
    expect((JSON.parse(patches[1]?.body ?? '[]') as { op: string }[])[1]?.op).toBe('replace')
    expect(seeded.id).toBe(connections()[0]?.id)
  })

  it('gives up when the etag is stale twice, naming the connection', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection' })
    emulator.faults.add({ method: 'PATCH', route: '/connections/*', times: 2, action: { type: 'status', status: 412 } })
    await expect(ensureConnection(deps(), wanted())).rejects.toThrow(
      new ConflictError(
        `Connection ${seeded.id} ("S3 Connection") changed again while this run updated it (412 twice); something else is writing to it. Run again when it is done.`
      )
    )
  })

  it('reads the etag when a listed item lacks one', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection' })
    emulator.faults.add({
      method: 'GET',
      route: '/connections',
      action: { type: 'status', status: 200, body: { items: [{ id: seeded.id, name: 'S3 Connection', connectionSpec: SPEC }] } }
    })
    const outcome = await ensureConnection(deps(), wanted({ connection: { ...wanted().connection, ifExists: 'reuse' } }))
    expect(outcome).toEqual({ id: seeded.id, etag: seeded.etag, operation: 'reused' })
  })
})

describe('verify: the credentials are proved before any write', () => {
  it('an update with good keys: a probe is created beside the lookup, explored, deleted beside the PATCH', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection', params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: 'old-secret-key' } })
    const outcome = await ensureConnection(deps(), wanted({ verify: true }))
    expect(outcome).toMatchObject({
      id: seeded.id,
      operation: 'updated',
      verified: expect.stringMatching(/^yes: \d+ entr(y|ies) listed in the root \(through a probe, before the write\)$/)
    })
    expect(connections().map((c) => c.id)).toEqual([seeded.id])
    expect(emulator.store.get(seeded.id)?.auth.params.s3SecretKey).toBe(DEMO.s3SecretKey)
    const probe = emulator.requests().find((r) => r.method === 'POST')
    expect(JSON.parse(probe?.body ?? '{}')).toMatchObject({
      name: expect.stringMatching(/^S3 Connection \(verify probe: octo-org\/pipeline run 7 attempt 1, [0-9a-f]{8}\)$/),
      description: expect.stringContaining('https://github.com/octo-org/pipeline/actions/runs/7')
    })
    expect(routes().sort()).toEqual(
      [
        'POST /connections 201',
        'GET /connections 200',
        'GET /connections 200',
        'GET /connections/{id}/explore 200',
        'PATCH /connections/{id} 200',
        'DELETE /connections/{id} 204'
      ].sort()
    )
  })

  it('an update with a wrong new secret fails with Flow Service’s message, and leaves the connection, its credentials and etag as they were', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection', params: KEYS })
    const error = await ensureConnection(deps(), wanted({ verify: true }, { ...KEYS, s3SecretKey: 'mistyped-secret-key' })).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(VerifyError)
    expect(String(error)).toMatch(
      /could not list the bucket root with these credentials, so the connection was not changed.*SignatureDoesNotMatch/
    )
    expect(connections()).toHaveLength(1)
    expect(emulator.store.get(seeded.id)).toMatchObject({ etag: seeded.etag, auth: { params: KEYS } })
    expect(emulator.requests().some((r) => r.method === 'PATCH')).toBe(false)
  })

  it('a create whose verification fails leaves no connection, and no probe', async () => {
    const error = await ensureConnection(deps(), wanted({ verify: true }, { ...KEYS, s3AccessKey: 'AKIAWRONGKEY00000000' })).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(VerifyError)
    expect(connections()).toEqual([])
  })

  it('lists the bucket and folder the connection is restricted to, rather than the root', async () => {
    await ensureConnection(
      deps(),
      wanted({ verify: true, verifyObject: '/demo-bucket/inbound/' }, { ...KEYS, bucketName: 'demo-bucket', folderPath: 'inbound' })
    )
    const explore = emulator.requests().find((r) => r.route === '/connections/{id}/explore')
    expect(explore?.query).toMatchObject({ objectType: ['folder'], object: ['/demo-bucket/inbound/'] })
  })

  it('reuse lists through the existing connection itself, and changes nothing', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection', params: KEYS })
    const outcome = await ensureConnection(deps(), wanted({ verify: true, connection: { ...wanted().connection, ifExists: 'reuse' } }))
    expect(outcome).toMatchObject({ id: seeded.id, etag: seeded.etag, operation: 'reused' })
    const explore = emulator.requests().find((r) => r.route === '/connections/{id}/explore')
    expect(explore?.path).toContain(seeded.id)
    expect(connections().map((c) => c.id)).toEqual([seeded.id])
  })

  it('a probe whose create answer was lost is found again over a lagging list, created once and deleted', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection', params: KEYS })
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const client = new ConnectionsClient(session.api, new Ledger())
    const find = client.find.bind(client)
    let probeLookups = 0
    client.find = async (name, spec) => (name.includes('verify probe') && ++probeLookups === 1 ? [] : find(name, spec))
    const outcome = await ensureConnection(deps(client), wanted({ verify: true }))
    expect(outcome).toMatchObject({ id: seeded.id, operation: 'updated' })
    expect(emulator.requests().filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(connections().map((c) => c.id)).toEqual([seeded.id])
  })

  it('a probe whose create outcome could not be learned is looked up by its name and deleted, and nothing is changed', async () => {
    const seeded = emulator.store.seed({ name: 'S3 Connection', params: KEYS })
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const client = new ConnectionsClient(session.api, new Ledger())
    const find = client.find.bind(client)
    client.find = async (name, spec) => {
      if (name.includes('verify probe')) throw new Error('lookup failed')
      return find(name, spec)
    }
    const error = await ensureConnection(deps(client), wanted({ verify: true })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VerifyError)
    expect(String(error)).toMatch(/probe could not be created, so nothing was changed.*could not check whether the request took effect/)
    expect(connections().map((c) => c.id)).toEqual([seeded.id])
    expect(emulator.store.get(seeded.id)?.etag).toBe(seeded.etag)
  })

  it('warns, naming the probe, when a probe of unknown outcome does not show', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'status', status: 503 }, times: 99 })
    const client = new ConnectionsClient(session.api, new Ledger())
    const find = client.find.bind(client)
    client.find = async (name, spec) => {
      if (name.includes('verify probe')) throw new Error('lookup failed')
      return find(name, spec)
    }
    await expect(ensureConnection(deps(client), wanted({ verify: true }))).rejects.toBeInstanceOf(VerifyError)
    expect(warnings.join('\n')).toMatch(
      /probe may have been created without the answer arriving, and does not show yet. If "S3 Connection \(verify probe: .*\)" appears, delete it/
    )
  })

  it('deletes probes an earlier, killed run left behind, and leaves a recent one of another run alone', async () => {
    const old = emulator.store.seed({
      name: probeName('S3 Connection', { ...RUN, runId: 1 }, Date.now(), 'aaaaaaaa'),
      createdAt: Date.now() - PROBE_MAX_AGE_MS - 60_000
    })
    const earlierAttempt = emulator.store.seed({ name: probeName('S3 Connection', { ...RUN, runAttempt: 0 }, Date.now(), 'bbbbbbbb') })
    const concurrent = emulator.store.seed({ name: probeName('S3 Connection', { ...RUN, runId: 8 }, Date.now(), 'cccccccc') })
    await ensureConnection(deps(), wanted({ verify: true }))
    const left = connections().map((c) => c.id)
    expect(left).not.toContain(old.id)
    expect(left).not.toContain(earlierAttempt.id)
    expect(left).toContain(concurrent.id)
  })
})

describe('concurrent runs and lost answers', () => {
  /** A client whose create first lets "another run" create the same name. */
  function racing(other: { createdAt: number; params?: Record<string, string> }): ConnectionsClient {
    const client = new ConnectionsClient(session.api, new Ledger())
    const create = client.create.bind(client)
    client.create = (body: NewConnection, recover) => {
      if (body.name === 'S3 Connection') emulator.store.seed({ name: 'S3 Connection', ...other })
      return create(body, recover)
    }
    return client
  }

  it('deletes its own connection when another run’s is older, and updates that one with its credentials', async () => {
    const outcome = await ensureConnection(
      deps(racing({ createdAt: Date.now() - 1000, params: { s3AccessKey: 'AKIAOTHER00000000000', s3SecretKey: 'other-secret' } })),
      wanted()
    )
    const [survivor, ...others] = connections()
    expect(others).toEqual([])
    expect(outcome).toMatchObject({ id: survivor?.id, operation: 'updated' })
    expect(survivor?.auth.params).toEqual(KEYS)
    expect(routes()).toContain('DELETE /connections/{id} 204')
  })

  it('keeps its own when it is the older, and never deletes another run’s', async () => {
    const outcome = await ensureConnection(deps(racing({ createdAt: Date.now() + 60_000 })), wanted())
    expect(outcome.operation).toBe('created')
    expect(connections()).toHaveLength(2)
    expect(routes()).not.toContain('DELETE /connections/{id} 204')
  })

  it('knows its own create whose answer was lost by its creation mark, and takes the mark out', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const outcome = await ensureConnection(deps(), wanted())
    expect(connections()).toHaveLength(1)
    expect(outcome).toMatchObject({ id: connections()[0]?.id, operation: 'created' })
    expect(connections()[0]?.description).toBe('default description')
    expect(log.join('\n')).toMatch(/appeared after this run's lookup with this run's creation mark: its create took effect/)
  })

  it('a lost create racing an older twin: the older is kept with this run’s credentials, and its own is deleted', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const outcome = await ensureConnection(
      deps(racing({ createdAt: Date.now() - 1000, params: { s3AccessKey: 'AKIAOTHER00000000000', s3SecretKey: 'other-secret' } })),
      wanted()
    )
    expect(connections()).toHaveLength(1)
    const [survivor] = connections()
    expect(survivor?.createdAt).toBeLessThan(Date.now() - 500)
    expect(outcome).toMatchObject({ id: survivor?.id, operation: 'updated' })
    expect(survivor?.auth.params).toEqual(KEYS)
    expect(log.join('\n')).toMatch(/keeping the oldest, .*, and deleting this run's/)
  })

  /** A client whose lookups after the create do not show the connections `hidden` picks (a lagging list). */
  function lagging(client: ConnectionsClient, hidden: (c: Found) => boolean): ConnectionsClient {
    const find = client.find.bind(client)
    let lookups = 0
    client.find = async (name, spec) => {
      const found = await find(name, spec)
      return ++lookups === 1 ? found : found.filter((c) => !hidden(c))
    }
    return client
  }

  it('when the list shows a newer twin but not its own, reads its own creation time and keeps it', async () => {
    const soon = Date.now() + 60_000
    const client = lagging(racing({ createdAt: soon }), (c) => c.createdAt !== soon)
    const outcome = await ensureConnection(deps(client), wanted())
    expect(outcome.operation).toBe('created')
    expect(connections()).toHaveLength(2)
    expect(routes()).not.toContain('DELETE /connections/{id} 204')
    expect(warnings.join('\n')).toMatch(/does not show in GET \/connections yet: it is compared by creation time with the 1 listed/)
  })

  it('never deletes its own connection when it cannot learn when it was created', async () => {
    const before = Date.now() - 1000
    const client = lagging(racing({ createdAt: before }), (c) => c.createdAt !== before)
    const get = client.get.bind(client)
    client.get = async (id) => {
      const read = await get(id)
      delete read.createdAt
      return read
    }
    const outcome = await ensureConnection(deps(client), wanted())
    expect(outcome.operation).toBe('created')
    expect(connections().map((c) => c.id)).toContain(outcome.id)
    expect(warnings.join('\n')).toMatch(/its creation time is unknown, so it is kept/)
  })

  it('converges on the connection listed when a concurrent run deleted its own meanwhile', async () => {
    const before = Date.now() - 1000
    const client = racing({ createdAt: before })
    const find = client.find.bind(client)
    let lookups = 0
    client.find = async (name, spec) => {
      // Someone deletes this run's connection meanwhile.
      if (++lookups === 2)
        for (const c of connections()) if (c.createdAt !== before) await new ConnectionsClient(session.api, new Ledger()).delete(c.id)
      return find(name, spec)
    }
    const outcome = await ensureConnection(deps(client), wanted())
    expect(connections()).toHaveLength(1)
    expect(outcome).toMatchObject({ id: connections()[0]?.id, operation: 'updated' })
  })

  it('never reports a foreign connection that appeared during a failed create as its own with the other credentials', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'status', status: 503 } })
    const client = new ConnectionsClient(session.api, new Ledger())
    const find = client.find.bind(client)
    let lookups = 0
    client.find = (name, spec) => {
      if (++lookups === 2)
        emulator.store.seed({ name: 'S3 Connection', params: { s3AccessKey: 'AKIAFOREIGN000000000', s3SecretKey: 'foreign-secret' } })
      return find(name, spec)
    }
    const outcome = await ensureConnection(deps(client), wanted())
    expect(outcome.operation).toBe('updated')
    expect(connections()).toHaveLength(1)
    expect(connections()[0]?.auth.params).toEqual(KEYS)
  })

  it('looks several times for a lost create before sending it again, so that a lagging list cannot duplicate it', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    // The list shows the new connection only from the third lookup after the create on.
    const client = new ConnectionsClient(session.api, new Ledger())
    const find = client.find.bind(client)
    let lookups = 0
    client.find = async (name, spec) => (++lookups === 2 || lookups === 3 ? [] : find(name, spec))
    const outcome = await ensureConnection(deps(client), wanted())
    expect(connections()).toHaveLength(1)
    expect(outcome.id).toBe(connections()[0]?.id)
    expect(emulator.requests().filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('finds its lost create by reading each newcomer when the list leaves descriptions out', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const client = new ConnectionsClient(session.api, new Ledger())
    const find = client.find.bind(client)
    client.find = async (name, spec) =>
      (await find(name, spec)).map((c) => {
        delete c.description
        return c
      })
    const outcome = await ensureConnection(deps(client), wanted())
    expect(outcome).toMatchObject({ id: connections()[0]?.id, operation: 'created' })
    expect(connections()).toHaveLength(1)
    expect(routes()).toContain('GET /connections/{id} 200')
  })

  it('a create that took effect twice after a lost answer (its first showed late) keeps the older and deletes the other', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    // The three lookups after the lost create show nothing: the create is sent again.
    const client = new ConnectionsClient(session.api, new Ledger())
    const find = client.find.bind(client)
    let lookups = 0
    client.find = async (name, spec) => (++lookups >= 2 && lookups <= 4 ? [] : find(name, spec))
    const outcome = await ensureConnection(deps(client), wanted())
    expect(emulator.requests().filter((r) => r.method === 'POST')).toHaveLength(2)
    expect(connections()).toHaveLength(1)
    expect(outcome).toMatchObject({ id: connections()[0]?.id, operation: 'created' })
    expect(connections()[0]?.description).toBe('default description')
    expect(log.join('\n')).toMatch(/took effect twice after a lost answer: keeping the older/)
  })

  it.each([['update'], ['create']] as const)(
    'two lost answers, the first create showing late: keeps the oldest copy, unmarked, and deletes the other (if-exists %s)',
    async (ifExists) => {
      emulator.faults.add({ method: 'POST', route: '/connections', times: 2, action: { type: 'commit-then-drop' } })
      // The three lookups after the first lost create show nothing: the create is sent again, and lost again.
      const client = new ConnectionsClient(session.api, new Ledger())
      const find = client.find.bind(client)
      let lookups = 0
      client.find = async (name, spec) => (++lookups >= 2 && lookups <= 4 ? [] : find(name, spec))
      const outcome = await ensureConnection(deps(client), wanted({ connection: { ...wanted().connection, ifExists } }))
      expect(emulator.requests().filter((r) => r.method === 'POST')).toHaveLength(2)
      expect(connections()).toHaveLength(1)
      expect(outcome).toMatchObject({ id: connections()[0]?.id, operation: 'created' })
      expect(connections()[0]?.description).toBe('default description')
      expect(log.join('\n')).toMatch(/took effect more than once after a lost answer: deleting the newer copies/)
    }
  )

  it('reads its connection again when a concurrent run patched it first (412), and takes the mark out', async () => {
    emulator.faults.add({ method: 'PATCH', route: '/connections/*', action: { type: 'status', status: 412 } })
    const outcome = await ensureConnection(deps(), wanted())
    expect(outcome).toMatchObject({ operation: 'created', etag: connections()[0]?.etag })
    expect(connections()[0]?.description).toBe('default description')
    expect(routes().filter((r) => r.startsWith('PATCH'))).toEqual(['PATCH /connections/{id} 412', 'PATCH /connections/{id} 200'])
  })

  it('warns when the mark cannot be taken out, and the next run with update takes it out', async () => {
    emulator.faults.add({ method: 'PATCH', route: '/connections/*', action: { type: 'status', status: 400 } })
    const first = await ensureConnection(deps(), wanted())
    expect(first.operation).toBe('created')
    expect(connections()[0]?.description).toMatch(/^default description \[creating [0-9a-f]{8} until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\]$/)
    expect(warnings.join('\n')).toMatch(/still ends with this run's creation mark .*The next run with if-exists 'update' takes it out/)
    const next = await ensureConnection(deps(), wanted())
    expect(next).toMatchObject({ id: first.id, operation: 'updated' })
    expect(connections()[0]?.description).toBe('default description')
  })

  it('with if-exists fail, a lost create known by its mark is its own: created, not a conflict', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const outcome = await ensureConnection(deps(), wanted({ connection: { ...wanted().connection, ifExists: 'fail' } }))
    expect(outcome).toMatchObject({ id: connections()[0]?.id, operation: 'created' })
    expect(connections()).toHaveLength(1)
  })

  it('never deletes a newer connection a concurrent run made while its own answer was lost: that run deletes its own', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const other = { createdAt: Date.now() + 60_000, params: { s3AccessKey: 'AKIAOTHER00000000000', s3SecretKey: 'other-secret' } }
    const outcome = await ensureConnection(deps(racing(other)), wanted())
    expect(outcome.operation).toBe('created')
    expect(connections()).toHaveLength(2)
    expect(routes()).not.toContain('DELETE /connections/{id} 204')
    expect(connections().find((c) => c.createdAt === other.createdAt)?.auth.params).toEqual(other.params)
  })

  it('a concurrent run’s connection showing first does not stop the search for its own lost create, which a lagging list shows later', async () => {
    emulator.faults.add({ method: 'POST', route: '/connections', action: { type: 'commit-then-drop' } })
    const other = Date.now() - 1000
    // The first two lookups after the create show only the concurrent run's connection.
    const client = racing({ createdAt: other })
    const find = client.find.bind(client)
    let lookups = 0
    client.find = async (name, spec) => {
      const found = await find(name, spec)
      return ++lookups === 2 || lookups === 3 ? found.filter((c) => c.createdAt === other) : found
    }
    const outcome = await ensureConnection(deps(client), wanted())
    expect(log.join('\n')).toMatch(/with this run's creation mark: its create took effect/)
    expect(connections()).toHaveLength(1)
    expect(connections()[0]?.createdAt).toBe(other)
    expect(outcome).toMatchObject({ id: connections()[0]?.id, operation: 'updated' })
    expect(emulator.requests().filter((r) => r.method === 'POST')).toHaveLength(1)
  })
})
