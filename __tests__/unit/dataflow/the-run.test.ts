import type { Outcome } from '../../../src/dataflow/deps.js'
import type { ExistingFlow } from '../../../src/dataflow/model.js'
import { plannedRun } from '../../../src/dataflow/the-run.js'

const NOW = Date.parse('2026-12-05T12:00:00Z')
const S = NOW / 1000

const flow = (schedule: ExistingFlow['schedule']): ExistingFlow => ({
  id: '11111111-1111-1111-1111-111111111111',
  etag: '"e1"',
  name: 'Daily CRM',
  state: 'enabled',
  schedule,
  lastRun: { id: 'r-1', state: 'success' }
})

/** What plan found: a dataflow there already (reused), or one it would create. */
const outcome = (existing: ExistingFlow | undefined, creates = false): Outcome => ({
  operation: 'planned',
  changes: creates ? [{ action: 'create', object: 'dataflow' }] : [],
  ...(existing !== undefined && { flow: existing, schedule: existing.schedule })
})

describe('the run plan says run-now would start', () => {
  it('none without run-now', () => {
    expect(plannedRun({ runNow: false }, outcome(flow({ frequency: 'once', startTime: S - 86_400 })), NOW)).toBeUndefined()
  })

  it('an on-demand run of a dataflow scheduled once that has run', () => {
    expect(plannedRun({ runNow: true }, outcome(flow({ frequency: 'once', startTime: S - 86_400 })), NOW)).toEqual({
      action: 'create',
      object: 'run',
      note: "on demand, of the files that landed since the latest run's window ended"
    })
  })

  it("none for a dataflow it would create: its first run is the step's", () => {
    expect(plannedRun({ runNow: true }, outcome(undefined, true), NOW)).toMatchObject({
      action: 'not applied',
      object: 'run',
      note: expect.stringContaining('the dataflow runs first on its own')
    })
  })

  it('none for a dataflow that runs on a schedule, saying why as the real run would fail', () => {
    expect(plannedRun({ runNow: true }, outcome(flow({ frequency: 'day', interval: 1, startTime: S - 86_400 })), NOW)).toMatchObject({
      action: 'not applied',
      object: 'run',
      note: expect.stringMatching(/^it runs every day, and Adobe starts on-demand runs \(run-now\) only for a dataflow scheduled once/)
    })
  })
})
