// dry-run: true prints the requests a real run sends, built by the same code: run both with the
// same inputs, and every request the real run sent is one the dry run printed.

import { DEMO, startEmulator, type Emulator, type RecordedRequest } from '../../../emulator/index.js'
import { expectNoLeak, runAction } from '../../helpers/action.js'
import { emulatorInputs, secretsOf } from '../../helpers/fixtures.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

interface Printed {
  method: string
  url: string
  body?: unknown
}

/** The requests a dry run printed: '   METHOD URL', headers, a blank line, then the body. */
function printedRequests(stdout: string): Printed[] {
  const steps = stdout.split(/\n(?=\d+\. )/).slice(1)
  return steps.flatMap((step) => {
    const lines = step.split('\n').map((l) => l.replace(/^ {3}/, ''))
    const request = /^(GET|POST|PATCH|DELETE) (.+)$/.exec(lines[1] ?? '')
    if (request === null) return []
    const blank = lines.indexOf('', 2)
    const bodyText = untilShown(
      blank === -1
        ? ''
        : lines
            .slice(blank + 1)
            .join('\n')
            .trim()
    )
    const body: unknown =
      bodyText === '' ? undefined : bodyText.startsWith('{') || bodyText.startsWith('[') ? JSON.parse(bodyText) : bodyText
    return [{ method: request[1] ?? '', url: request[2] ?? '', ...(body !== undefined && { body }) }]
  })
}

/** A mark's time is when the run's requests end, which differs between two runs: shown the same. */
function untilShown(text: string): string {
  return text.replace(/ until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\]/g, ' until {time}]')
}

/** A sent request in the dry run's terms: its own ids as placeholders, the probe's nonce hidden, secrets as ***. */
function asPrinted(request: RecordedRequest, liveId: string | undefined, secrets: string[]): Printed {
  const redact = (text: string): string => secrets.reduce((t, s) => t.split(s).join('***'), text)
  const base = request.service === 'ims' ? emulator.imsUrl : emulator.flowServiceUrl
  const path = request.path.replace('/data/foundation/flowservice', '')
  const placeheld = path.replace(/\/connections\/([0-9a-f-]{36})/, (_m, id: string) =>
    id === liveId ? '/connections/{id}' : '/connections/{probe id}'
  )
  const url = `${base}${placeheld}${request.rawQuery !== '' ? `?${request.rawQuery}` : ''}`
  const text = untilShown(redact(request.body).replace(/, [0-9a-f]{8}\)"/, ', {nonce})"')).replace(
    / \[creating [0-9a-f]{8} until/g,
    ' [creating 00000000 until'
  )
  const body: unknown = text === '' ? undefined : request.service === 'ims' ? text : JSON.parse(text)
  return { method: request.method, url, ...(body !== undefined && { body }) }
}

it.each([
  ['an update with verify, of a connection that has a description', true],
  ['a first run with verify', false]
])('%s: the real run sends only requests the dry run printed', async (_case, existing) => {
  const live = existing ? emulator.store.seed({ name: 'S3 Connection', description: 'Owned by the data team' }) : undefined
  const inputs = emulatorInputs(emulator, { verify: 'true', description: 'Owned by the data team', 'bucket-name': 'demo-bucket' })
  const dry = await runAction({ inputs: { ...inputs, 'dry-run': 'true' } })
  expect(dry.exitCode).toBe(0)
  expect(emulator.requests()).toEqual([])
  expectNoLeak(dry, secretsOf(inputs))
  const printed = printedRequests(dry.shown.join('\n'))

  const real = await runAction({ inputs })
  expect(real.exitCode).toBe(0)
  const secrets = [...secretsOf(inputs), DEMO.clientSecret]
  const sent = emulator.requests().map((r) => asPrinted(r, live?.id ?? real.outputs['connection-id'], secrets))
  expect(sent.length).toBeGreaterThan(3)
  for (const request of sent) expect(printed).toContainEqual(request)
})
