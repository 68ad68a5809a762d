// What `npm run bench` measures: each scenario runs one action's bundle against a prepared
// emulator, beside a curl-and-jq peer making the same calls one after another. `steps` are the
// action's sequential steps (requests sent together count once): the floor is built from them.

import { join } from 'node:path'
import { endlessPages, GOOD_ID, huge, type Handler, type HostileServer } from '../__tests__/helpers/hostile-server.js'
import { DEMO, DEMO_DATASET_ID, type Emulator } from '../emulator/index.js'
import { ROOT, type ActionName } from './runner.js'

export interface Scenario {
  title: string
  action: ActionName
  steps: string[]
  /** Puts the emulator in the state the scenario starts from (after a reset); `runBundle` runs the action once. */
  prepare(emulator: Emulator, runBundle: (inputs: Record<string, string>) => Promise<void>): void | Promise<void>
  inputs(emulator: Emulator): Record<string, string>
  peer: { script: string; env(emulator: Emulator): Record<string, string> }
  /** Shown for information, not part of the targets. */
  info?: boolean
}

const NAME = 'Bench Connection'
const SPEC_ID = 'ecadc60c-7455-4d87-84dc-2a0e293d997b'

const origin = (emulator: Emulator): string => emulator.flowServiceUrl.slice(0, emulator.flowServiceUrl.indexOf('/data/'))

function session(emulator: Emulator, credentials: 'access-token' | 'client-secret'): Record<string, string> {
  return {
    'client-id': DEMO.clientId,
    [credentials]: credentials === 'client-secret' ? DEMO.clientSecret : DEMO.accessToken,
    'ims-org-id': emulator.orgId,
    'ims-url': emulator.imsUrl,
    'platform-url': origin(emulator)
  }
}

function peerSession(emulator: Emulator, credentials: 'access-token' | 'client-secret'): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    CURL_CA_BUNDLE: emulator.caCertFile ?? '',
    IMS_URL: emulator.imsUrl,
    FLOW_URL: emulator.flowServiceUrl,
    CLIENT_ID: DEMO.clientId,
    ORG_ID: emulator.orgId,
    SANDBOX: 'prod',
    ...(credentials === 'client-secret' ? { CLIENT_SECRET: DEMO.clientSecret } : { ACCESS_TOKEN: DEMO.accessToken })
  }
}

interface ConnectionCase {
  title: string
  steps: string[]
  credentials: 'access-token' | 'client-secret'
  existing: boolean
  verify: boolean
  ifExists: 'update' | 'create'
  info?: boolean
}

function connection(c: ConnectionCase): Scenario {
  return {
    title: c.title,
    action: 'connection',
    steps: c.steps,
    ...(c.info === true && { info: true }),
    prepare: (emulator) => {
      if (c.existing) emulator.store.seed({ name: NAME, params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: 'old-secret' } })
    },
    inputs: (emulator) => ({
      ...session(emulator, c.credentials),
      'connection-name': NAME,
      's3-access-key': DEMO.s3AccessKey,
      's3-secret-key': DEMO.s3SecretKey,
      'if-exists': c.ifExists,
      verify: String(c.verify)
    }),
    peer: {
      script: 'bench-peer.sh',
      env: (emulator) => ({
        ...peerSession(emulator, c.credentials),
        NAME,
        SPEC_ID,
        AK: DEMO.s3AccessKey,
        SK: DEMO.s3SecretKey,
        MODE: c.ifExists === 'create' ? 'create' : 'upsert',
        VERIFY: String(c.verify)
      })
    }
  }
}

/** The connection the explore scenarios list through. */
const BENCH_CONNECTION_ID = '0b5e4c1d-2f3a-4b6c-8d7e-9f0a1b2c3d4e'

function explore(title: string, steps: string[], credentials: 'access-token' | 'client-secret', preview: boolean): Scenario {
  const file = '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv'
  let connectionId = BENCH_CONNECTION_ID
  return {
    title,
    action: 'explore',
    steps,
    prepare: (emulator) => {
      connectionId = emulator.store.seed({ name: NAME, params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
    },
    inputs: (emulator) => ({
      ...session(emulator, credentials),
      'connection-id': connectionId,
      path: preview ? file : '/demo-bucket/exports/daily/',
      ...(preview && { preview: 'true' })
    }),
    peer: {
      script: 'bench-peer-explore.sh',
      env: (emulator) => ({
        ...peerSession(emulator, credentials),
        CONNECTION_ID: connectionId,
        FOLDER: '/demo-bucket/exports/daily/',
        FILE: preview ? file : ''
      })
    }
  }
}

type DataflowMode = 'first' | 'rerun' | 'release'

/** Adobe's pace (a run starts 2.5 minutes after its time and lasts 30 s); the release path's is a thousand times faster. */
const ADOBE_PACE = { timeScale: 1, startDelayMs: 150_000, durationMs: 30_000 }
const ACCELERATED = { ...ADOBE_PACE, timeScale: 1000 }

/**
 * A release tag's run-now reads what landed since the previous run: a file lands a second after
 * that run started, and a second passes before the tag (windows are whole seconds, and the next
 * one starts at the second after the run's start).
 */
async function landExport(emulator: Emulator): Promise<void> {
  const aSecond = () => new Promise((resolve) => setTimeout(resolve, 1100))
  await aSecond()
  emulator.putFile('/demo-bucket/exports/daily/crm-customers-2026-12-02.csv', {
    content: 'customer_id,email,first_name,last_name,country,signup_date,lifetime_value\nC-9,c9@example.com,Ann,Lee,DE,2026-12-01,1\n'
  })
  await aSecond()
}

function dataflow(title: string, steps: string[], mode: DataflowMode): Scenario {
  let connectionId = ''
  const release = mode === 'release'
  const sourcePath = release ? '/demo-bucket/exports/daily/*.csv' : '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv'
  const inputs = (emulator: Emulator): Record<string, string> => ({
    ...session(emulator, 'client-secret'),
    'connection-id': connectionId,
    'dataflow-name': 'Bench CRM export',
    'source-path': sourcePath,
    'data-format': 'delimited',
    'dataset-id': DEMO_DATASET_ID,
    mapping: 'examples/crm-customers-mapping.json',
    ...(release ? { frequency: 'once', 'run-now': 'true', 'wait-for-run': 'true', 'wait-minutes': '1' } : { frequency: 'day' })
  })
  return {
    title,
    action: 'dataflow',
    steps,
    prepare: async (emulator, runBundle) => {
      emulator.dataflows.setRunClock(release ? ACCELERATED : ADOBE_PACE)
      connectionId = emulator.store.seed({ name: NAME, params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey } }).id
      if (mode !== 'first') await runBundle(inputs(emulator))
      if (release) await landExport(emulator)
    },
    inputs,
    peer: {
      script: 'bench-peer-dataflow.sh',
      env: (emulator) => ({
        ...peerSession(emulator, 'client-secret'),
        PLATFORM_URL: origin(emulator),
        BASE_ID: connectionId,
        DATASET_ID: DEMO_DATASET_ID,
        NAME: 'Bench CRM export',
        SOURCE_PATH: sourcePath,
        MAPPING: join(ROOT, 'examples', 'crm-customers-mapping.json'),
        MODE: mode
      })
    }
  }
}

export const SCENARIOS: Scenario[] = [
  // After a create the run lists again (a concurrent run may have created the same name) while it
  // takes the creation mark out of the description.
  connection({
    title: 'Connection: first run, access-token',
    steps: ['lookup', 'create', 'list again + unmark'],
    credentials: 'access-token',
    existing: false,
    verify: false,
    ifExists: 'update'
  }),
  connection({
    title: 'Connection: first run, client-secret',
    steps: ['token', 'lookup', 'create', 'list again + unmark'],
    credentials: 'client-secret',
    existing: false,
    verify: false,
    ifExists: 'update'
  }),
  connection({
    title: 'Connection: update, client-secret',
    steps: ['token', 'lookup', 'patch'],
    credentials: 'client-secret',
    existing: true,
    verify: false,
    ifExists: 'update'
  }),
  // The probe is created with the lookup and deleted with the patch: verifying before the write costs no step.
  connection({
    title: 'Connection: update + verify, client-secret',
    steps: ['token', 'lookup + probe', 'explore', 'patch + delete probe'],
    credentials: 'client-secret',
    existing: true,
    verify: true,
    ifExists: 'update'
  }),
  // A lookup comes first even here, and the mark comes out after: a lost create is found by its mark, never duplicated.
  connection({
    title: 'Connection: if-exists create, access-token',
    steps: ['lookup', 'create', 'unmark'],
    credentials: 'access-token',
    existing: true,
    verify: false,
    ifExists: 'create',
    info: true
  }),
  explore('Explore: list a folder, access-token', ['list'], 'access-token', false),
  // The listing of the file's folder and the preview go out together.
  explore('Explore: list + preview, client-secret', ['token', 'list + preview'], 'client-secret', true),
  // Before any write the run rehearses (the base connection, the source folder's listing, the
  // schema and Data Prep's validation together, then a preview of the file). After the create it
  // lists the dataflows again (a concurrent run may have made one too) while it takes the run's
  // mark out of the source and target connections, then out of the dataflow, and reads the
  // dataflow's latest run for the run-* outputs.
  dataflow(
    'Dataflow: first run, client-secret',
    [
      'token',
      'dataset + lookup',
      'connection + listing + schema + validate',
      'preview',
      'source + target + mapping set',
      'dataflow',
      'list again + unmark source and target',
      'unmark dataflow',
      'latest run'
    ],
    'first'
  ),
  // Nothing to write, so nothing to rehearse: the lookup finds the dataflow with its source and
  // target connections, then its mapping set is read, then its latest run.
  dataflow('Dataflow: unchanged re-run, client-secret', ['token', 'dataset + lookup', 'mapping set', 'latest run'], 'rerun'),
  // A release tag on a dataflow scheduled once: nothing to write, then run-now claims the dataflow,
  // reads its latest run (where the new window starts), starts a run of what landed since, lets
  // the claim go and reads that run by its id: the accelerated clock has ended it by then.
  dataflow(
    'Dataflow: release re-run, run-now + wait, client-secret',
    ['token', 'dataset + lookup', 'mapping set', 'claim', 'latest run', 'start run', 'let go', 'read run'],
    'release'
  )
]

/** The most a run may hold at its peak when a server sends far more than any answer Adobe documents. */
export const PEAK_RSS_BOUND_MB = 150

/**
 * A run against a hostile server (the tests' `__tests__/helpers/hostile-server.ts`), whose figure is
 * its peak memory: reads stop at 4 MiB, so an answer of 50 MB or pages without end cost the run
 * little more than an ordinary answer does. The bench runs each beside the same inputs answered as
 * a good service would.
 */
export interface HostileScenario {
  title: string
  action: ActionName
  /** The route that answers with `answer` (see HostileServer.on). */
  route: string
  answer(): Handler
  inputs(server: HostileServer): Record<string, string>
  /** How the step must fail. */
  error: RegExp
}

const HOSTILE_SESSION = {
  'client-id': 'hostile-bench-client',
  'client-secret': 'p8e-HOSTILE-bench-client-secret-00',
  'ims-org-id': 'HOSTILE00000000000000000@AdobeOrg',
  'timeout-seconds': '15'
}
const MB_50 = 50 * 1024 * 1024
const TOO_LARGE = /the answer is larger than 4\.0 MiB/

const hostileConnection = (server: HostileServer): Record<string, string> => ({
  ...HOSTILE_SESSION,
  'ims-url': server.origin,
  'platform-url': server.platformUrl,
  'connection-name': 'S3 Connection',
  's3-access-key': 'AKIAHOSTILEBENCH0000',
  's3-secret-key': 'wJalr+XUtn/FEMI=K7MDENG/bPxRfiCYBENCHKEY'
})

export const HOSTILE_SCENARIOS: HostileScenario[] = [
  {
    title: 'Explore: a 50 MB listing, chunked',
    action: 'explore',
    route: 'GET /connections/*/explore',
    answer: () => huge(MB_50, false),
    inputs: (server) => ({
      ...HOSTILE_SESSION,
      'ims-url': server.origin,
      'platform-url': server.platformUrl,
      'connection-id': GOOD_ID,
      path: '/b/'
    }),
    error: TOO_LARGE
  },
  {
    title: 'Connection: a 50 MB lookup with Content-Length',
    action: 'connection',
    route: 'GET /connections',
    answer: () => huge(MB_50, true),
    inputs: hostileConnection,
    error: TOO_LARGE
  },
  {
    title: 'Connection: a 50 MB lookup, chunked',
    action: 'connection',
    route: 'GET /connections',
    answer: () => huge(MB_50, false),
    inputs: hostileConnection,
    error: TOO_LARGE
  },
  {
    title: 'Connection: endless pages of matching items',
    action: 'connection',
    route: 'GET /connections',
    answer: () => endlessPages(100),
    inputs: hostileConnection,
    error: /the listing did not end within 100 pages or 10000 items/
  }
]
