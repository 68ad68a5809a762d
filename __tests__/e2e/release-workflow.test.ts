// The README's release workflow, as written, played for three tags in a row against the emulator
// (its clock a thousand times faster): the first release, one where nothing changed, one where the
// mapping changed. Before each tag the day's export lands; every tag passes, its run is its own
// and reads only what landed since the one before, and the sandbox holds one dataflow throughout.

import { DEMO, DEMO_DATASET_ID, startEmulator, type Emulator } from '../../emulator/index.js'
import { CRM_MAPPING, pastLatestRunStart, Workspace } from '../helpers/dataflow.js'
import { playJob, readmeWorkflow, type Contexts } from '../helpers/workflow.js'

const S3 = { accessKey: 'AKIARELEASEEXAMPLE01', secretKey: 'release-example-secret-key-0000000000000' }
const HEADER = 'customer_id,email,first_name,last_name,country,signup_date,lifetime_value'

let emulator: Emulator
let workspace: Workspace

beforeAll(async () => {
  emulator = await startEmulator({
    runClock: { timeScale: 1000 },
    s3: { ...S3, buckets: { 'my-exports': [{ type: 'folder', name: 'daily', path: '/my-exports/daily/' }] } }
  })
  workspace = new Workspace()
})
afterAll(async () => {
  await emulator.close()
  workspace.remove()
})

const contexts: () => Contexts = () => ({
  secrets: {
    AEP_CLIENT_ID: DEMO.clientId,
    AEP_CLIENT_SECRET: DEMO.clientSecret,
    AEP_IMS_ORG_ID: emulator.orgId,
    S3_ACCESS_KEY: S3.accessKey,
    S3_SECRET_KEY: S3.secretKey
  },
  vars: { AEP_CRM_DATASET_ID: DEMO_DATASET_ID }
})

/** The day's export: `rows` customers, with ids from `first`. */
async function land(day: string, first: number, rows: number): Promise<void> {
  await pastLatestRunStart(emulator)
  const lines = Array.from({ length: rows }, (_, i) => `C-${first + i},c${first + i}@example.com,Ann,Lee,DE,2026-12-0${day.slice(-1)},${i}`)
  emulator.putFile(`/my-exports/daily/crm-customers-${day}.csv`, { content: `${HEADER}\n${lines.join('\n')}\n` })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

it('passes on every tag, each run reading only what landed since the one before, with one dataflow throughout', async () => {
  const workflow = readmeWorkflow('README.md', '## A release workflow')
  const job = Object.keys(workflow.jobs)[0] ?? ''
  const mapping = (entries: readonly object[]) => workspace.write('mappings/crm-customers.json', entries)
  mapping(CRM_MAPPING)

  const tags: { operation: string; written: string; runId: string }[] = []
  const release = async (): Promise<void> => {
    // Windows are whole seconds: what landed in the second a run is asked for is the next run's.
    await sleep(1100)
    const steps = await playJob(workflow, job, contexts(), { emulator, workspace: workspace.dir })
    const flow = steps.find((s) => s.step.id === 'flow')?.outputs ?? {}
    const report = steps.at(-1)?.stdout ?? ''
    const written = flow['records-written'] ?? ''
    expect(report).toBe(
      `dataflow ${flow.operation ?? ''}; run ${flow['run-id'] ?? ''} ${flow['run-status'] ?? ''}${written === '' ? '' : `, ${written} records written`}\n`
    )
    tags.push({ operation: flow.operation ?? '', written: flow['records-written'] ?? '', runId: flow['run-id'] ?? '' })
    expect(emulator.dataflows.flows('prod')).toHaveLength(1)
  }

  await land('2026-12-01', 1000, 3)
  await release()
  await land('2026-12-02', 2000, 2)
  await release()
  await land('2026-12-03', 3000, 4)
  mapping(CRM_MAPPING.filter((m) => m.destination !== '_emulator.lifetimeValue'))
  await release()

  expect(tags.map((t) => [t.operation, t.written])).toEqual([
    ['created', '3'],
    ['reused', '2'],
    ['updated', '4']
  ])
  expect(new Set(tags.map((t) => t.runId)).size).toBe(3)
  // Nothing was ingested twice: the dataset holds each customer once.
  const ids = emulator.catalog.records(DEMO_DATASET_ID).map((r) => JSON.stringify(r).match(/C-\d+/)?.[0])
  expect(ids).toHaveLength(9)
  expect(new Set(ids).size).toBe(9)
  expect(emulator.store.list('prod').map((c) => c.name)).toEqual(['Exports bucket'])
})
