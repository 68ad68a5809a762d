// Inputs and a workspace for runs of the dataflow action against an emulator.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { DEMO, DEMO_DATASET_ID, startEmulator, type Emulator } from '../../emulator/index.js'
import { expectNoInjection, expectNoLeak, runAction, type RunOptions, type RunResult } from './action.js'
import { secretsOf } from './fixtures.js'
import { waitFor } from './wait.js'

/** The demo CRM export's columns onto the emulator's demo schema, as a user's mapping file says it. */
export const CRM_MAPPING = [
  { source: 'customer_id', destination: '_emulator.customerId' },
  { source: 'lower(trim(email))', destination: 'personalEmail.address', sourceType: 'EXPRESSION' },
  { source: 'first_name', destination: 'person.name.firstName' },
  { source: 'last_name', destination: 'person.name.lastName' },
  { source: 'country', destination: 'homeAddress.countryCode' },
  { source: 'signup_date', destination: '_emulator.signupDate' },
  { source: 'lifetime_value', destination: '_emulator.lifetimeValue' },
  { source: 'crm-export', destination: '_emulator.sourceSystem', sourceType: 'STATIC' }
]

/** A checkout of a user's repository: the files a mapping input names. */
export class Workspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'workspace-'))

  /** Writes `name` (a path in the workspace, its folders made as needed). */
  write(name: string, content: unknown): string {
    mkdirSync(dirname(join(this.dir, name)), { recursive: true })
    writeFileSync(join(this.dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2))
    return name
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

export function dataflowInputs(
  emulator: Emulator,
  connectionId: string,
  datasetId: string,
  overrides: Record<string, string | undefined> = {}
): Record<string, string | undefined> {
  return {
    'client-id': DEMO.clientId,
    'client-secret': DEMO.clientSecret,
    'ims-org-id': emulator.orgId,
    'ims-url': emulator.imsUrl,
    'platform-url': emulator.platformUrl,
    'connection-id': connectionId,
    'dataflow-name': 'Daily CRM export',
    'source-path': '/demo-bucket/exports/daily/crm-customers-*.csv',
    'data-format': 'delimited',
    'dataset-id': datasetId,
    mapping: 'crm-mapping.json',
    frequency: 'day',
    'timeout-seconds': '30',
    ...overrides
  }
}

/**
 * Waits until the second after the newest run started has begun. A run without a window (a
 * dataflow's first) read what had landed when it started, and run-now's next window begins at
 * the second after (decision 5): a file landing in between is read by no run, so a test lands
 * its file after it.
 */
export async function pastLatestRunStart(emulator: Emulator): Promise<void> {
  const started = Math.max(0, ...emulator.dataflows.runs().map((r) => r.startedAt ?? 0))
  const wait = Math.ceil(started / 1000) * 1000 - Date.now()
  if (wait >= 0) await new Promise((resolve) => setTimeout(resolve, wait + 5))
}

/**
 * Waits (up to 5 s) until the dataflows have run and every run has ended: on the accelerated
 * clock a first run comes about 210 ms after the create, and a change of its dataflow while it
 * runs is answered 1420-400, which a test counting requests would see.
 */
export async function runsSettled(emulator: Emulator): Promise<void> {
  await waitFor(() => {
    const runs = emulator.dataflows.runs()
    return runs.length > 0 && runs.every((r) => r.completedAt !== undefined)
  })
}

/** What the end-to-end dataflow suites run against: read through it inside a test only. */
export class DataflowSandbox {
  #emulator: Emulator | undefined
  #workspace: Workspace | undefined
  #connectionId: string | undefined

  get emulator(): Emulator {
    return present(this.#emulator, 'emulator')
  }

  get workspace(): Workspace {
    return present(this.#workspace, 'workspace')
  }

  /** The S3 base connection seeded for this test. */
  get connectionId(): string {
    return present(this.#connectionId, 'connectionId')
  }

  /**
   * Installs the suite's hooks: an emulator whose runs come a thousand times sooner (a dataflow
   * that starts in 60 s runs after 60 ms, and runs last milliseconds) and a workspace, once; before
   * each test, both reset, the CRM mapping written and an S3 connection seeded.
   */
  static install(): DataflowSandbox {
    const sandbox = new DataflowSandbox()
    beforeAll(async () => {
      sandbox.#emulator = await startEmulator({ runClock: { timeScale: 1000 } })
      sandbox.#workspace = new Workspace()
    })
    afterAll(async () => {
      await sandbox.#emulator?.close()
      sandbox.#workspace?.remove()
    })
    beforeEach(() => {
      sandbox.emulator.reset()
      sandbox.workspace.write('crm-mapping.json', CRM_MAPPING)
      sandbox.#connectionId = sandbox.emulator.store.seed({
        name: 'S3',
        params: { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey }
      }).id
    })
    return sandbox
  }

  /** dist/dataflow/index.js run in the sandbox as the runner runs it: no secret leaks, no command is injected. */
  async run(
    overrides: Record<string, string | undefined> = {},
    options: Pick<RunOptions, 'killAfterMs' | 'signalWhen' | 'signal' | 'clockOffsetMs'> = {}
  ): Promise<RunResult> {
    const inputs = dataflowInputs(this.emulator, this.connectionId, DEMO_DATASET_ID, overrides)
    const result = await runAction({ action: 'dataflow', inputs, env: { GITHUB_WORKSPACE: this.workspace.dir }, debug: true, ...options })
    expectNoLeak(result, secretsOf(inputs, this.emulator), { maskedFirst: [DEMO.clientSecret] })
    expectNoInjection(result, 'injected')
    return result
  }
}

function present<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`The sandbox's ${name} is set up by the suite's hooks: read it inside a test.`)
  return value
}
