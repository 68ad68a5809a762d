import type { ExploreEntry } from './types.js'

// Deliberately fake-looking values: nobody should mistake them for real Adobe or AWS secrets,
// yet they have the rough shape of the real thing (AWS key id: 20 chars, secret: 40 chars).
export const DEMO: {
  clientId: string
  clientSecret: string
  accessToken: string
  orgId: string
  s3AccessKey: string
  s3SecretKey: string
} = {
  clientId: 'emulator-demo-client-id',
  clientSecret: 'p8e-EMULATOR-demo-client-secret-0000',
  accessToken: 'emulator-demo-access-token-0000000000000000000000',
  orgId: 'EMULATOR0000000000000000@AdobeOrg',
  s3AccessKey: 'AKIAEMULATORDEMO0000',
  s3SecretKey: 'emulatorDemoSecretKey0000000000000000000'
}

export const S3_SPEC_ID = 'ecadc60c-7455-4d87-84dc-2a0e293d997b'
export const GCS_SPEC_ID = '32e8f412-cdf7-464c-9885-78184cb113fd'

export const FLOW_BASE_PATH = '/data/foundation/flowservice'
export const IMS_TOKEN_PATH = '/ims/token/v3'
export const CONTROL_PREFIX = '/__emulator/'

export const DEFAULT_BUCKET = 'demo-bucket'

export function defaultBuckets(): Record<string, ExploreEntry[]> {
  const b = `/${DEFAULT_BUCKET}`
  return {
    [DEFAULT_BUCKET]: [
      { type: 'folder', name: 'inbound', path: `${b}/inbound/` },
      { type: 'folder', name: 'archive', path: `${b}/archive/` },
      { type: 'file', name: 'README.txt', path: `${b}/README.txt` },
      { type: 'file', name: 'customers.csv', path: `${b}/inbound/customers.csv` },
      { type: 'file', name: 'orders.json', path: `${b}/inbound/orders.json` },
      { type: 'folder', name: '2024', path: `${b}/archive/2024/` },
      { type: 'file', name: 'customers-2024.csv', path: `${b}/archive/2024/customers-2024.csv` }
    ]
  }
}
