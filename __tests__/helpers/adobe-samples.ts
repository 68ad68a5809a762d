// Response samples as Adobe publishes them (Flow Service API reference and OpenAPI file, the
// Amazon S3 source tutorials, the Flow Service error catalogue), kept here so that the clients'
// contract tests do not depend on the emulator's reading of the docs.

/** OpenAPI ConnectionItemDTO example fields, for an Amazon S3 connection. */
export const CONNECTION_ITEM = {
  id: '69f188b6-af07-4587-8061-e94d34637b41',
  createdAt: 1669842617614,
  updatedAt: 1669842617614,
  createdBy: 'acme@AdobeID',
  updatedBy: 'acme@AdobeID',
  createdClient: 'exc_app',
  updatedClient: 'exc_app',
  sandboxId: '1bd86660-c5da-11e9-93d4-6d5fc3a66a8e',
  sandboxName: 'prod',
  imsOrgId: '5C1328435BF324E90A49402A@AdobeOrg',
  name: 'S3 Connection',
  description: 'Connection for an Amazon S3 account',
  connectionSpec: { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' },
  state: 'enabled',
  auth: { specName: 'Access Key', params: { s3SecretKey: '{SECRET}', s3AccessKey: '{ACCESS_KEY}' } },
  version: '"6802064a-0000-0200-0000-6387c6b90000"',
  etag: '"6802064a-0000-0200-0000-6387c6b90000"'
}

/** GET /connections with a limit: a page and the OpenAPI PageLink example. */
export const LIST_FIRST_PAGE = { items: [], _links: { next: { href: '/connections?continuationToken=abcdefghijkLMNOPqrstupWXKYZ' } } }
export const LIST_LAST_PAGE = { items: [CONNECTION_ITEM] }

/** GET /connections/{id}: the list wrapper around one item. */
export const GET_CONNECTION = { items: [CONNECTION_ITEM] }

/** POST /connections, 201 (OpenAPI CreateConnectionResponse example). */
export const CREATED = { id: '69f188b6-af07-4587-8061-e94d34637b41', etag: '"6802064a-0000-0200-0000-6387c6b90000"' }

/** PATCH /connections/{id}, 200 (update tutorial). */
export const PATCHED = { id: '69f188b6-af07-4587-8061-e94d34637b41', etag: '"a300e2de-0000-0200-0000-5e8b96300000"' }

/** GET /connections/{id}/explore?objectType=root (explore cloud storage tutorial). */
export const EXPLORE_ROOT = [
  { type: 'folder', name: 'acme-sales', path: '/acme-sales/', canPreview: false, canFetchSchema: false },
  { type: 'file', name: 'summary.csv', path: '/acme-sales/summary.csv', canPreview: true, canFetchSchema: true }
]

/** Older docs write the entry types capitalised. */
export const EXPLORE_ROOT_LEGACY = [{ type: 'Folder', name: 'acme-sales', path: '/acme-sales/' }]

/** The three error shapes (Flow Service error catalogue, API gateway, generic). */
export const FLOW_ERROR = {
  type: 'https://ns.adobe.com/aep/errors/FLOW-1415-400',
  title: 'Auth spec not found',
  status: 400,
  report: {
    'detailed-message': 'Auth spec "Key" was not found for connection spec ecadc60c-7455-4d87-84dc-2a0e293d997b',
    'request-id': 'req-1415'
  },
  errorMessage: 'Auth spec not found',
  errorDetails: 'Auth spec "Key" was not found'
}
export const GATEWAY_ERROR = { error_code: '401013', message: 'Oauth token is not valid' }
export const GENERIC_ERROR = {
  type: 'https://ns.adobe.com/aep/errors/BadRequestError',
  status: 400,
  title: 'BadRequestError',
  detail: 'A valid content-type must be specified'
}
