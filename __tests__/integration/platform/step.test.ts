// The shape every action's run shares (src/platform/step.ts), run in this process against the
// emulator with a step of the test's own: what is read, said, summarized and failed, in order.

import { DEMO, startEmulator, type Emulator } from '../../../emulator/index.js'
import { flowServiceOnly } from '../../../src/platform/api.js'
import { SESSION_DEFAULTS } from '../../../src/platform/defaults.js'
import { InputReader, type GetInput } from '../../../src/platform/input-reader.js'
import { readSession, serviceUrl } from '../../../src/platform/session.js'
import { runStep, type Step, type StepInputs } from '../../../src/platform/step.js'
import { inProcess } from '../../helpers/in-process.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  emulator.clearRequests()
})

interface Inputs extends StepInputs {
  greeting: string
}

interface Facts {
  said?: string
  error?: string
}

/** What the test's step was asked to do, in order. */
let calls: string[] = []
let summaries: Facts[] = []
/** What of the step's own parts throw, for the failure path. */
let breaking: { failed?: boolean; summary?: boolean } = {}

function read(getInput: GetInput): Inputs {
  const r = new InputReader(getInput, { ...SESSION_DEFAULTS, 'dry-run': 'false' })
  const session = readSession(r)
  const greeting = r.required('greeting', 'say hello')
  const dryRun = r.boolean('dry-run')
  r.done()
  return { session, greeting, dryRun }
}

type Work = Step<Inputs, Facts>['work']

function step(work: Work): Step<Inputs, Facts> {
  return {
    secretInputs: ['access-token'],
    read,
    dryRun: (inputs) => {
      calls.push('dry run')
      return { lines: [`Would say ${inputs.greeting} with ${DEMO.accessToken}`], outputs: { said: 'nothing' }, facts: { said: 'nothing' } }
    },
    connect: (inputs) => ({
      makesThings: true,
      userAgent: 'step-test/1',
      baseUrls: flowServiceOnly(serviceUrl(inputs.session, 'flowService')),
      warm: []
    }),
    facts: () => ({}),
    work: async (run, facts) => {
      calls.push('work')
      await work(run, facts)
    },
    failed: (error, _rt, facts) => {
      calls.push(`failed: ${error instanceof Error ? error.message : String(error)}`)
      if (breaking.failed === true) throw new Error(`outputs broke, holding ${DEMO.accessToken}`)
      facts.said = 'half'
    },
    nextRun: 'the next run deletes it',
    summarize: (_inputs, facts) => {
      calls.push('summary')
      if (breaking.summary === true) return Promise.reject(new Error('the summary file is gone'))
      summaries.push(facts)
      return Promise.resolve()
    }
  }
}

const inputs = (overrides: Record<string, string> = {}) => ({
  'client-id': DEMO.clientId,
  'access-token': DEMO.accessToken,
  'ims-org-id': emulator.orgId,
  'platform-url': emulator.flowServiceUrl.slice(0, emulator.flowServiceUrl.indexOf('/data/')),
  greeting: 'hello',
  ...overrides
})

beforeEach(() => {
  calls = []
  summaries = []
  breaking = {}
})

describe('runStep', () => {
  const greeting: Work = async ({ inputs: given, session }, facts) => {
    await session.api.send({ service: 'Flow Service', method: 'GET', path: '/connections', label: 'GET /connections' })
    facts.said = given.greeting
  }
  const leavingSomething: Work = ({ ledger }) => {
    ledger.made('connection', 'c0ffee00-0000-4000-8000-000000000000')
    return Promise.reject(new Error('the service went away'))
  }
  // One in-process runner for the suite (each installs its own capture of stdout).
  let work = greeting
  const runWith = inProcess(() => runStep(step(work)))
  const greet = (given: Record<string, string>) => {
    work = greeting
    return runWith(given)
  }
  const leaveSomething = (given: Record<string, string>) => {
    work = leavingSomething
    return runWith(given)
  }

  it('does the work over an open session, then writes the summary with what the work recorded', async () => {
    const result = await greet(inputs())
    expect(result.failed).toBe(false)
    expect(calls).toEqual(['work', 'summary'])
    expect(summaries).toEqual([{ said: 'hello' }])
    expect(emulator.requests().some((r) => r.method === 'GET' && r.path.endsWith('/connections'))).toBe(true)
  })

  it('fails on bad inputs with the reader message, before any request, any work or any summary', async () => {
    const result = await greet(inputs({ greeting: '' }))
    expect(result.failed).toBe(true)
    expect(result.text).toContain("::error::Input 'greeting' is required: say hello.")
    expect(calls).toEqual(["failed: Input 'greeting' is required: say hello."])
    expect(emulator.requests()).toHaveLength(0)
  })

  it('says a dry run with secrets redacted, sets its outputs and summary, and sends nothing', async () => {
    const result = await greet(inputs({ 'dry-run': 'true' }))
    expect(result.failed).toBe(false)
    expect(calls).toEqual(['dry run', 'summary'])
    expect(result.text).toContain('Would say hello with ***')
    const printed = result.text.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    expect(printed.join('\n')).not.toContain(DEMO.accessToken)
    expect(result.outputs).toEqual({ said: 'nothing' })
    expect(emulator.requests()).toHaveLength(0)
  })

  it('on a failure, lets the action record what is still true, then fails once with what the run left and summarizes the error', async () => {
    const result = await leaveSomething(inputs())
    expect(result.failed).toBe(true)
    expect(calls).toEqual(['work', 'failed: the service went away', 'summary'])
    const message = /::error::(.*)/.exec(result.text)?.[1] ?? ''
    expect(message).toContain('the service went away')
    expect(message).toContain('c0ffee00-0000-4000-8000-000000000000')
    expect(message).toContain('the next run deletes it')
    expect(result.text.match(/::error::/g)).toHaveLength(1)
    expect(summaries).toEqual([{ said: 'half', error: message }])
  })

  it('when recording what is still true or the summary fails too, the step still fails once with its own message; the rest are warnings, secrets redacted', async () => {
    breaking = { failed: true, summary: true }
    const result = await leaveSomething(inputs())
    expect(result.failed).toBe(true)
    expect(calls).toEqual(['work', 'failed: the service went away', 'summary'])
    expect(result.text.match(/::error::/g)).toHaveLength(1)
    expect(/::error::(.*)/.exec(result.text)?.[1]).toContain('the service went away')
    expect(result.text).toContain("::warning::Could not record the failed step's outputs: outputs broke, holding ***")
    expect(result.text).toContain('::warning::Could not write the job summary: the summary file is gone')
    const printed = result.text.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    expect(printed.join('\n')).not.toContain(DEMO.accessToken)
  })
})
