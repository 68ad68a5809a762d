import { createHash } from 'node:crypto'

// The audit fields every Flow Service item carries, the same way for every collection.

export interface Audit {
  createdAt: number
  updatedAt: number
  createdClient: string
  updatedClient: string
  sandboxName: string
  orgId: string
}

export function sandboxId(name: string): string {
  const h = createHash('sha1').update(`sandbox:${name}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

export function auditFields(a: Audit): Record<string, unknown> {
  return {
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    createdBy: `${a.createdClient}@AdobeID`,
    updatedBy: `${a.updatedClient}@AdobeID`,
    createdClient: a.createdClient,
    updatedClient: a.updatedClient,
    sandboxId: sandboxId(a.sandboxName),
    sandboxName: a.sandboxName,
    imsOrgId: a.orgId
  }
}
