// Every input the connection action's v1 contract promises, in its order (`state` came with
// teardown): the tests' own copy, so that a renamed or dropped input in action.yml fails them.
export const CONTRACT_INPUTS = [
  'client-id',
  'client-secret',
  'access-token',
  'ims-org-id',
  'sandbox-name',
  'scopes',
  'ims-url',
  'flow-service-url',
  'platform-url',
  'connection-name',
  'description',
  'auth-type',
  's3-access-key',
  's3-secret-key',
  's3-session-token',
  'service-url',
  'bucket-name',
  'folder-path',
  'connection-spec-id',
  'connection-spec-version',
  'if-exists',
  'verify',
  'state',
  'dry-run',
  'timeout-seconds',
  'max-attempts'
]

/** The contract's secret inputs: what the tests scan every output for. */
export const CONTRACT_SECRET_INPUTS = ['client-secret', 'access-token', 's3-access-key', 's3-secret-key', 's3-session-token']
