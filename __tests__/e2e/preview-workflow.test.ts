// The pull-request preview workflow of dataflow/README.md, as written, played against the
// emulator: opened, pushed to, closed, closed again; and a fork's pull request. The preview comes
// and goes with nothing left but the mapping set Data Prep cannot delete.

import { DEMO, DEMO_DATASET_ID, startEmulator, type Emulator } from '../../emulator/index.js'
import { CRM_MAPPING, Workspace } from '../helpers/dataflow.js'
import { playJob, readmeWorkflow, type Contexts, type StepResult } from '../helpers/workflow.js'

const S3 = { accessKey: 'AKIAPREVIEWEXAMPLE01', secretKey: 'preview-example-secret-key-0000000000000' }
const HEADER = 'customer_id,email,first_name,last_name,country,signup_date,lifetime_value'
const SANDBOX = 'dev'
const NAME = 'CRM preview pr-42'

let emulator: Emulator
let workspace: Workspace

beforeAll(async () => {
  emulator = await startEmulator({
    sandboxes: [SANDBOX],
    runClock: { timeScale: 1000 },
    s3: { ...S3, buckets: { 'my-exports': [{ type: 'folder', name: 'daily', path: '/my-exports/daily/' }] } }
  })
  workspace = new Workspace()
  workspace.write('mappings/crm-customers.json', CRM_MAPPING)
  emulator.putFile('/my-exports/daily/crm-customers-2026-12-01.csv', { content: `${HEADER}\nC-1,a@example.com,Ann,Lee,DE,2026-12-01,1\n` })
})
afterAll(async () => {
  await emulator.close()
  workspace.remove()
})

function contexts(action: string, fork = false): Contexts {
  return {
    secrets: fork
      ? {}
      : {
          AEP_CLIENT_ID: DEMO.clientId,
          AEP_CLIENT_SECRET: DEMO.clientSecret,
          AEP_IMS_ORG_ID: emulator.orgId,
          S3_ACCESS_KEY: S3.accessKey,
          S3_SECRET_KEY: S3.secretKey
        },
    vars: { AEP_PREVIEW_DATASET_ID: DEMO_DATASET_ID },
    eventName: 'pull_request',
    event: { action, number: 42, pull_request: { number: 42, head: { repo: { fork } } } }
  }
}

const workflow = readmeWorkflow('dataflow/README.md', '## A pull-request preview, torn down when it closes')
const play = (job: string, ctx: Contexts): Promise<StepResult[]> => playJob(workflow, job, ctx, { emulator, workspace: workspace.dir })
const outputsOf = (steps: StepResult[], id: string) => steps.find((s) => s.step.id === id)?.outputs ?? {}
const sandbox = () => ({
  connections: emulator.store.list(SANDBOX).map((c) => c.name),
  flows: emulator.dataflows.flows(SANDBOX).length,
  sources: emulator.dataflows.sourceConnections(SANDBOX).length,
  targets: emulator.dataflows.targetConnections(SANDBOX).length,
  mappingSets: emulator.dataPrep.mappingSets(SANDBOX).length
})

it('is written safe for forks: pull_request only, least permissions, credentials behind an environment, no cancelled teardown', () => {
  expect(Object.keys(workflow.on as object)).toEqual(['pull_request'])
  expect(workflow.permissions).toEqual({ contents: 'read' })
  expect(workflow.concurrency).toMatchObject({ 'cancel-in-progress': false })
  expect(workflow.jobs.preview?.environment).toBe('aep-preview')
})

it('comes with the pull request and goes when it closes, leaving only the mapping set', async () => {
  const opened = await play('preview', contexts('opened'))
  expect(outputsOf(opened, 'flow')).toMatchObject({ operation: 'created', 'run-status': 'success', 'records-written': '1' })
  expect(sandbox()).toEqual({ connections: [NAME], flows: 1, sources: 1, targets: 1, mappingSets: 1 })

  const pushed = await play('preview', contexts('synchronize'))
  expect(outputsOf(pushed, 's3').operation).toBe('updated')
  expect(outputsOf(pushed, 'flow').operation).toBe('reused')

  const closed = await play('preview', contexts('closed'))
  expect(closed.filter((s) => !s.skipped).map((s) => s.step.name ?? s.step.uses)).toEqual([
    'Dataflow (deleted when the pull request closes)',
    'Connection teardown'
  ])
  expect(outputsOf(closed, 'flow')).toMatchObject({ operation: 'deleted', 'mapping-set-id': expect.stringMatching(/^[0-9a-f]{32}$/) })
  expect(closed.at(-1)?.result?.outputs.operation).toBe('deleted')
  expect(closed.find((s) => s.step.id === 'flow')?.result?.summary).toContain('Data Prep has no DELETE for mapping sets')
  expect(sandbox()).toEqual({ connections: [], flows: 0, sources: 0, targets: 0, mappingSets: 1 })

  // Closed again (a re-run of the job): nothing is left to delete, and it passes.
  const again = await play('preview', contexts('closed'))
  expect(outputsOf(again, 'flow').operation).toBe('absent')
  expect(again.at(-1)?.result?.outputs.operation).toBe('absent')
})

it("makes nothing for a fork's pull request, which gets no secrets, and says so", async () => {
  emulator.clearRequests()
  const fork = await play('fork', contexts('opened', true))
  expect(fork.map((s) => s.stdout)).toEqual([expect.stringContaining('::notice::A pull request from a fork gets no secrets')])
  expect(await play('preview', contexts('opened', true))).toEqual([])
  expect(emulator.requests()).toEqual([])
})
