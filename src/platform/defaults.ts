// The session inputs' defaults, as every action.yml declares them (a test keeps them equal).
// Constants only: the entry chunk reads them before anything else is loaded.

export const SESSION_DEFAULTS = {
  'sandbox-name': 'prod',
  scopes: 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext',
  'ims-url': 'https://ims-na1.adobelogin.com',
  'platform-url': 'https://platform.adobe.io',
  'timeout-seconds': '120',
  'max-attempts': '5'
} as const

/** Where each Platform service lives under `platform-url`. */
export const SERVICE_PATHS = {
  flowService: '/data/foundation/flowservice',
  catalog: '/data/foundation/catalog',
  dataPrep: '/data/foundation/conversion',
  schemaRegistry: '/data/foundation/schemaregistry'
} as const
