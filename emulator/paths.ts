// Where each service answers under the one origin (the actions' platform-url), as Adobe serves
// them; IMS answers on the same origin, or on its own with separateIms.
export const FLOW_BASE_PATH = '/data/foundation/flowservice'
export const CATALOG_BASE_PATH = '/data/foundation/catalog'
export const DATAPREP_BASE_PATH = '/data/foundation/conversion'
export const SCHEMA_REGISTRY_BASE_PATH = '/data/foundation/schemaregistry'
export const IMS_TOKEN_PATH = '/ims/token/v3'
// The emulator's own control API: not Adobe's.
export const CONTROL_PREFIX = '/__emulator/'
