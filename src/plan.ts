// From the validated inputs to what Flow Service is asked for: the auth spec and its params.

import type { Plan } from './ensure.js'
import type { Auth } from './flow-service.js'
import type { Config, S3Auth } from './inputs.js'

/** Auth spec names of the Amazon S3 source connection spec. */
export const AUTH_SPEC_NAMES = { 'access-key': 'Access Key', 'iam-role': 'IAMRole Based' } as const

/** The params that hold secrets; shown redacted wherever a request is printed. */
export const SECRET_PARAMS = new Set(['s3AccessKey', 's3SecretKey', 's3SessionToken'])

export function authFor(s3: S3Auth): Auth {
  const optional = (key: string, value: string | undefined): Record<string, string> => (value === undefined ? {} : { [key]: value })
  if (s3.type === 'iam-role') {
    return {
      specName: AUTH_SPEC_NAMES['iam-role'],
      params: { bucketName: s3.bucketName, ...optional('folderPath', s3.folderPath) }
    }
  }
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

export function planFor(config: Config, defaultDescription: () => Promise<string>): Plan {
  return {
    name: config.connectionName,
    sandboxName: config.sandboxName,
    connectionSpec: { id: config.connectionSpecId, version: config.connectionSpecVersion },
    auth: authFor(config.s3),
    ifExists: config.ifExists,
    ...(config.description !== undefined && { description: config.description }),
    defaultDescription
  }
}

export function redactParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, SECRET_PARAMS.has(key) ? '***' : value]))
}
