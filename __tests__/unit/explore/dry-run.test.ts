import { describeDryRun } from '../../../src/explore/dry-run.js'
import { readConfig } from '../../../src/explore/inputs.js'

const VALID: Record<string, string> = {
  'client-id': 'abc123clientid',
  'access-token': 'token-value-0000',
  'ims-org-id': '1234ABCD5678EF90@AdobeOrg',
  'connection-id': '4cb0c374-d3bb-4557-b139-5712880adc55',
  path: '/b/daily/export.csv',
  preview: 'true',
  'dry-run': 'true'
}
const plan = (overrides: Record<string, string> = {}) =>
  describeDryRun(readConfig((name) => ({ ...VALID, ...overrides })[name] ?? '')).join('\n')

describe('describeDryRun', () => {
  it.each([
    [{}, 'Preview /b/daily/export.csv, showing its columns only'],
    [{ 'preview-rows': '5' }, 'Preview /b/daily/export.csv, showing its columns and up to 5 sample rows'],
    [
      { expect: 'export.csv', 'if-missing': 'skip' },
      'Preview /b/daily/export.csv (only if an entry matches "export.csv"), showing its columns only'
    ]
  ])('with %j says what the preview shows, and when it is read', (overrides, line) => {
    expect(plan(overrides)).toContain(line)
  })
})
