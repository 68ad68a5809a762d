// Every request the connection action sends, as pure descriptions (Calls): the real run sends
// them and the dry run prints them, so that the two cannot disagree.

import type { Call, PatchOperation } from '../platform/api.js'
import { markIn, withoutMark } from '../platform/ownership.js'
import type { Config, S3Auth } from './inputs.js'

/** Auth spec names of the Amazon S3 source connection spec. */
export const AUTH_SPEC_NAMES = { 'access-key': 'Access Key', 'iam-role': 'IAMRole Based' } as const

/** Asked for explicitly: Adobe documents continuation tokens for requests with a limit. */
export const PAGE_LIMIT = 100

export interface Auth {
  specName: string
  params: Record<string, string>
}

export interface NewConnection {
  name: string
  description: string
  auth: Auth
  connectionSpec: { id: string; version: string }
}

export function authFor(s3: S3Auth): Auth {
  if (s3.type === 'iam-role') return { specName: AUTH_SPEC_NAMES['iam-role'], params: { bucketName: s3.bucketName } }
  const optional = (key: string, value: string | undefined): Record<string, string> => (value === undefined ? {} : { [key]: value })
  return {
    specName: AUTH_SPEC_NAMES['access-key'],
    params: {
      s3AccessKey: s3.accessKey,
      s3SecretKey: s3.secretKey,
      ...optional('s3SessionToken', s3.sessionToken),
      ...optional('serviceUrl', s3.serviceUrl),
      ...optional('bucketName', s3.bucketName),
      ...optional('folderPath', s3.folderPath)
    }
  }
}

export function newConnection(config: Config, name: string, description: string): NewConnection {
  return { name, description, auth: authFor(config.s3), connectionSpec: config.connectionSpec }
}

/**
 * The lookup's query: `property` filters with URL-encoded values and a page size. A comma inside
 * a value means OR to the service, so a name that holds one cannot be filtered on: those names
 * are matched on the client only (as every name is, exactly).
 */
export function lookupCall(name: string | undefined, specId: string): Call {
  const filters = [`property=connectionSpec.id==${encodeURIComponent(specId)}`]
  if (name !== undefined && !name.includes(',')) filters.unshift(`property=name==${encodeURIComponent(name)}`)
  return {
    service: 'Flow Service',
    method: 'GET',
    path: `/connections?${[...filters, `limit=${PAGE_LIMIT}`].join('&')}`,
    label: 'GET /connections'
  }
}

export { connectionCall as getCall } from '../platform/base-connection.js'

export function createCall(body: NewConnection): Call {
  return { service: 'Flow Service', method: 'POST', path: '/connections', label: 'POST /connections', body }
}

/** A PATCH guarded by the etag; 412 is the update logic's to handle (read again, retry once). */
export function patchCall(id: string, etag: string, operations: PatchOperation[]): Call {
  return {
    service: 'Flow Service',
    method: 'PATCH',
    path: `/connections/${encodeURIComponent(id)}`,
    label: 'PATCH /connections/{id}',
    body: operations,
    ifMatch: etag,
    accept: [412]
  }
}

/** A delete; 404 means it is gone already, which is what was wanted. */
export function deleteCall(id: string): Call {
  return {
    service: 'Flow Service',
    method: 'DELETE',
    path: `/connections/${encodeURIComponent(id)}`,
    label: 'DELETE /connections/{id}',
    accept: [404]
  }
}

/**
 * The update: new auth params, and the description when one was given, or when the current one
 * still carries the mark of a create that never finished (a killed run). JSON Patch cannot
 * replace a member that is not there, so the op follows the item just read.
 */
export function patchOperations(auth: Auth, description: string | undefined, current: { description?: string }): PatchOperation[] {
  const operations: PatchOperation[] = [{ op: 'replace', path: '/auth/params', value: auth.params }]
  const left = current.description !== undefined && markIn(current.description) !== undefined ? withoutMark(current.description) : undefined
  const wanted = description ?? left
  if (wanted !== undefined) {
    operations.push({ op: current.description === undefined ? 'add' : 'replace', path: '/description', value: wanted })
  }
  return operations
}

/** Takes a create's mark out: the description alone, as the inputs want it. */
export function unmarkOperations(description: string): PatchOperation[] {
  return [{ op: 'replace', path: '/description', value: description }]
}

/**
 * What verification lists: the bucket (and folder) the connection is restricted to, when it is,
 * because a least-privilege policy (s3:ListBucket on one bucket, no s3:ListAllMyBuckets) refuses
 * the root; else the root. Adobe does not document whether explore paths start with the bucket:
 * listings show '/bucket/folder/', and that is the form used here (an assumption).
 */
export function verifyObject(s3: S3Auth): string | undefined {
  if (s3.bucketName === undefined) return undefined
  const folder = s3.type === 'access-key' ? (s3.folderPath ?? '').replace(/^\/+|\/+$/g, '') : ''
  return folder === '' ? `/${s3.bucketName}/` : `/${s3.bucketName}/${folder}/`
}
