// Inputs and a workspace for runs of the dataflow action against an emulator.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { DEMO, type Emulator } from '../../emulator/index.js'

/** The demo CRM export's columns onto the emulator's demo schema, as a user's mapping file says it. */
export const CRM_MAPPING = [
  { source: 'customer_id', destination: '_emulator.customerId' },
  { source: 'lower(trim(email))', destination: 'personalEmail.address', sourceType: 'EXPRESSION' },
  { source: 'first_name', destination: 'person.name.firstName' },
  { source: 'last_name', destination: 'person.name.lastName' },
  { source: 'country', destination: 'homeAddress.countryCode' },
  { source: 'signup_date', destination: '_emulator.signupDate' },
  { source: 'lifetime_value', destination: '_emulator.lifetimeValue' },
  { source: 'crm-export', destination: '_emulator.sourceSystem', sourceType: 'STATIC' }
]

/** A checkout of a user's repository: the files a mapping input names. */
export class Workspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'workspace-'))

  /** Writes `name` (a path in the workspace, its folders made as needed). */
  write(name: string, content: unknown): string {
    mkdirSync(dirname(join(this.dir, name)), { recursive: true })
    writeFileSync(join(this.dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2))
    return name
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

export function dataflowInputs(
  emulator: Emulator,
  connectionId: string,
  datasetId: string,
  overrides: Record<string, string | undefined> = {}
): Record<string, string | undefined> {
  return {
    'client-id': DEMO.clientId,
    'client-secret': DEMO.clientSecret,
    'ims-org-id': emulator.orgId,
    'ims-url': emulator.imsUrl,
    'platform-url': emulator.platformUrl,
    'connection-id': connectionId,
    'dataflow-name': 'Daily CRM export',
    'source-path': '/demo-bucket/exports/daily/crm-customers-*.csv',
    'data-format': 'delimited',
    'dataset-id': datasetId,
    mapping: 'crm-mapping.json',
    frequency: 'day',
    'timeout-seconds': '30',
    ...overrides
  }
}
