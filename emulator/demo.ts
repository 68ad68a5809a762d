import type { BucketEntry, DatasetInput, MappingRule, SchemaInput } from './types.js'

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

export const DEFAULT_BUCKET = 'demo-bucket'

// The demo dataset and its schema: fixed ids, so that tests, the demo and a workflow on a real
// runner can name them. The fields fit the CRM export in the demo bucket (see DEMO_MAPPING).
export const DEMO_SCHEMA_ID = 'https://ns.adobe.com/emulator/schemas/5c0ffee0d15ea5e0c0ffee0d15ea5e01'
export const DEMO_DATASET_ID = '65f0c0ffee0d15ea5e000001'

export function demoSchema(sandboxName: string): SchemaInput {
  return {
    id: DEMO_SCHEMA_ID,
    title: 'CRM customers',
    sandboxName,
    fields: {
      '_emulator.customerId': 'string',
      'person.name.firstName': 'string',
      'person.name.lastName': 'string',
      'personalEmail.address': 'string',
      'homeAddress.countryCode': 'string',
      '_emulator.signupDate': 'date',
      '_emulator.lifetimeValue': 'number',
      '_emulator.ordersLast90d': 'integer',
      '_emulator.isSubscriber': 'boolean',
      '_emulator.sourceSystem': 'string',
      '_emulator.importedAt': 'date-time'
    }
  }
}

export function demoDataset(sandboxName: string): DatasetInput {
  return { id: DEMO_DATASET_ID, name: 'CRM customers', description: 'Demo dataset of the emulator', schemaId: DEMO_SCHEMA_ID, sandboxName }
}

/** A mapping of the daily CRM export's columns onto the demo schema, as a mapping set takes it. */
export const DEMO_MAPPING: readonly MappingRule[] = [
  { sourceType: 'ATTRIBUTE', source: 'customer_id', destination: '_emulator.customerId' },
  { sourceType: 'EXPRESSION', source: 'lower(trim(email))', destination: 'personalEmail.address' },
  { sourceType: 'ATTRIBUTE', source: 'first_name', destination: 'person.name.firstName' },
  { sourceType: 'ATTRIBUTE', source: 'last_name', destination: 'person.name.lastName' },
  { sourceType: 'ATTRIBUTE', source: 'country', destination: 'homeAddress.countryCode' },
  { sourceType: 'ATTRIBUTE', source: 'signup_date', destination: '_emulator.signupDate' },
  { sourceType: 'ATTRIBUTE', source: 'lifetime_value', destination: '_emulator.lifetimeValue' },
  { sourceType: 'STATIC', source: 'crm-export', destination: '_emulator.sourceSystem' }
]

// The demo bucket: a few small files at the paths the tests and the demo know, and a daily CRM
// export with one file per preview path (plain CSV, JSON lines, gzip, ISO-8859-1 with ';',
// Parquet as declared). Every person is made up; every address is @example.com.
export function defaultBuckets(): Record<string, BucketEntry[]> {
  const b = `/${DEFAULT_BUCKET}`
  const daily = `${b}/exports/daily`
  return {
    [DEFAULT_BUCKET]: [
      { type: 'folder', name: 'inbound', path: `${b}/inbound/` },
      { type: 'folder', name: 'archive', path: `${b}/archive/` },
      { type: 'file', name: 'README.txt', path: `${b}/README.txt`, content: README },
      { type: 'file', name: 'customers.csv', path: `${b}/inbound/customers.csv`, content: csv(CUSTOMER_HEADER, CUSTOMERS.slice(0, 3)) },
      { type: 'file', name: 'orders.json', path: `${b}/inbound/orders.json`, content: JSON.stringify(ORDERS, null, 2) },
      { type: 'folder', name: '2024', path: `${b}/archive/2024/` },
      {
        type: 'file',
        name: 'customers-2024.csv',
        path: `${b}/archive/2024/customers-2024.csv`,
        content: csv(CUSTOMER_HEADER, CUSTOMERS.slice(3, 5))
      },
      {
        type: 'file',
        name: 'crm-customers-2026-11-27.csv',
        path: `${daily}/crm-customers-2026-11-27.csv`,
        content: csv(CUSTOMER_HEADER, CUSTOMERS)
      },
      {
        type: 'file',
        name: 'crm-customers-2026-11-26.csv.gz',
        path: `${daily}/crm-customers-2026-11-26.csv.gz`,
        compression: 'gzip',
        content: csv(CUSTOMER_HEADER, CUSTOMERS.slice(0, 6))
      },
      {
        type: 'file',
        name: 'crm-events-2026-11-27.json',
        path: `${daily}/crm-events-2026-11-27.json`,
        content: EVENTS.map((e) => JSON.stringify(e)).join('\n') + '\n'
      },
      {
        type: 'file',
        name: 'kunden-2026-11-27.csv',
        path: `${b}/exports/eu/kunden-2026-11-27.csv`,
        encoding: 'ISO-8859-1',
        content: KUNDEN
      },
      {
        type: 'file',
        name: 'customer-scores-2026-11-27.parquet',
        path: `${b}/exports/warehouse/customer-scores-2026-11-27.parquet`,
        columns: [
          { name: 'customer_id', type: 'string' },
          { name: 'churn_score', type: 'double' },
          { name: 'orders_last_90d', type: 'integer' },
          { name: 'is_subscriber', type: 'boolean' }
        ],
        rows: [
          { customer_id: 'C-1001', churn_score: 0.12, orders_last_90d: 4, is_subscriber: true },
          { customer_id: 'C-1002', churn_score: 0.67, orders_last_90d: 0, is_subscriber: false },
          { customer_id: 'C-1003', churn_score: 0.31, orders_last_90d: 2, is_subscriber: true }
        ]
      }
    ]
  }
}

const README = 'Demo bucket of the AEP Flow Service emulator: fake data for local tests only.\n'

const CUSTOMER_HEADER = ['customer_id', 'email', 'first_name', 'last_name', 'country', 'signup_date', 'lifetime_value']

const CUSTOMERS: string[][] = [
  ['C-1001', 'ada.lovelace@example.com', 'Ada', 'Lovelace', 'GB', '2024-03-14', '1250.50'],
  ['C-1002', 'alan.turing@example.com', 'Alan', 'Turing', 'GB', '2024-06-23', '310.00'],
  ['C-1003', 'grace.hopper@example.com', 'Grace', 'Hopper', 'US', '2024-12-09', '2045.75'],
  ['C-1004', 'katherine.johnson@example.com', 'Katherine', 'Johnson', 'US', '2025-01-26', '89.99'],
  ['C-1005', 'edsger.dijkstra@example.com', 'Edsger', 'Dijkstra', 'NL', '2025-05-11', '640.20'],
  ['C-1006', 'barbara.liskov@example.com', 'Barbara', 'Liskov', 'US', '2025-07-07', '1520.00'],
  ['C-1007', 'tim.berners-lee@example.com', 'Tim', 'Berners-Lee', 'GB', '2025-08-08', '75.40'],
  ['C-1008', 'margaret.hamilton@example.com', 'Margaret', 'Hamilton', 'US', '2025-09-17', '980.10'],
  ['C-1009', 'aino.virtanen@example.com', 'Aino', 'Virtanen', 'FI', '2026-02-02', '12.00'],
  ['C-1010', 'sam.obrien@example.com', 'Sam', "O'Brien, Jr.", 'IE', '2026-11-27', '0.00']
]

const ORDERS = [
  { order_id: 'O-5001', customer_id: 'C-1001', total: 129.9, currency: 'EUR', paid: true },
  { order_id: 'O-5002', customer_id: 'C-1003', total: 42, currency: 'USD', paid: false },
  { order_id: 'O-5003', customer_id: 'C-1002', total: 310, currency: 'GBP', paid: true }
]

const EVENTS = [
  { event_id: 'E-1', customer_id: 'C-1001', type: 'page_view', at: '2026-11-27T08:01:12Z', value: null },
  { event_id: 'E-2', customer_id: 'C-1004', type: 'add_to_cart', at: '2026-11-27T08:03:40Z', value: 19.99 },
  { event_id: 'E-3', customer_id: 'C-1004', type: 'purchase', at: '2026-11-27T08:05:02Z', value: 19.99 }
]

// European style: ';' between columns, names with accents, stored as ISO-8859-1.
const KUNDEN = [
  'kunden_id;email;vorname;nachname;stadt',
  'K-01;jose.muller@example.com;José;Müller;München',
  'K-02;francoise.dubois@example.com;Françoise;Dubois;Besançon',
  'K-03;zoe.sorensen@example.com;Zoë;Sørensen;Århus',
  ''
].join('\n')

// RFC 4180: a field with a quote, comma or line break is quoted, its quotes doubled.
function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}
