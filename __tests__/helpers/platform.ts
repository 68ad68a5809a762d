// A Platform session against an emulator, for integration tests: real sockets, fast retries.

import { DEMO, type Emulator } from '../../emulator/index.js'
import { PlatformApi } from '../../src/platform/api.js'
import { Deadline, type Clock } from '../../src/platform/retry.js'
import { Transport, type TransportOptions } from '../../src/platform/transport/transport.js'

export interface TestSession {
  api: PlatformApi
  transport: Transport
  info: string[]
}

export function platformSession(
  emulator: Emulator,
  options: { sandboxName?: string; timeoutMs?: number; clock?: Clock; transport?: Partial<TransportOptions> } = {}
): TestSession {
  const info: string[] = []
  const transport = new Transport({
    userAgent: 'test',
    policy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    deadline: new Deadline(options.timeoutMs ?? 10_000, options.clock),
    ...(options.clock !== undefined && { clock: options.clock }),
    info: (m) => info.push(m),
    ...options.transport
  })
  const flow = emulator.flowServiceUrl
  const platform = flow.slice(0, flow.indexOf('/data/foundation/flowservice'))
  const api = new PlatformApi(
    transport,
    {
      clientId: DEMO.clientId,
      imsOrgId: emulator.orgId,
      sandboxName: options.sandboxName ?? 'prod',
      baseUrls: {
        'Flow Service': flow,
        Catalog: `${platform}/data/foundation/catalog`,
        'Data Prep': `${platform}/data/foundation/conversion`,
        'Schema Registry': `${platform}/data/foundation/schemaregistry`
      }
    },
    DEMO.accessToken
  )
  return { api, transport, info }
}

/** Real time for requests, no real waiting: the waits are recorded instead. */
export function fakeSleepClock(): { clock: Clock; waits: number[] } {
  const waits: number[] = []
  let offset = 0
  const clock: Clock = {
    now: () => Date.now() + offset,
    sleep: (ms) => {
      waits.push(ms)
      offset += ms
      return Promise.resolve()
    }
  }
  return { clock, waits }
}
