// Inputs that point the action at an emulator, with the emulator's demo credentials.

import { DEMO, type Emulator } from '../../emulator/index.js'
import { CONTRACT_SECRET_INPUTS } from './contract.js'

export const SPEC_ID = 'ecadc60c-7455-4d87-84dc-2a0e293d997b'

export function emulatorInputs(emulator: Emulator, overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    'client-id': DEMO.clientId,
    'client-secret': DEMO.clientSecret,
    'ims-org-id': emulator.orgId,
    'ims-url': emulator.imsUrl,
    'flow-service-url': emulator.flowServiceUrl,
    'connection-name': 'S3 Connection',
    's3-access-key': DEMO.s3AccessKey,
    's3-secret-key': DEMO.s3SecretKey,
    'timeout-seconds': '20',
    ...overrides
  }
}

/** Every secret value the inputs hold, plus every bearer token the action sent (the one IMS issued). */
export function secretsOf(inputs: Record<string, string | undefined>, emulator?: Emulator): string[] {
  const values = CONTRACT_SECRET_INPUTS.map((n) => inputs[n]).filter((v): v is string => v !== undefined && v !== '')
  const tokens = (emulator?.requests() ?? []).map((r) => r.headers.authorization?.replace(/^Bearer /, '') ?? '')
  return [...new Set([...values, ...tokens.filter((t) => t !== '')])]
}

export function flowRequests(emulator: Emulator) {
  return emulator.requests().filter((r) => r.service === 'flow')
}
