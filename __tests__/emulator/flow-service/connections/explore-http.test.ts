// GET /connections/{id}/explore and /test over real sockets, and S3 behaviour changed at run time.
import { DEMO, startEmulator, type Emulator } from '../../../../emulator/index.js'
import { createS3, flow, flowCode, type FlowError } from '../../helpers.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ s3: { accessKey: DEMO.s3AccessKey, secretKey: DEMO.s3SecretKey } })
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

interface Entry {
  type: string
  name: string
  path: string
  canPreview: boolean
  canFetchSchema: boolean
}

describe('explore', () => {
  test('root lists the demo bucket as a folder entry for the right keys', async () => {
    const { id } = await createS3(emu, 'E')
    const res = await flow(emu, 'GET', `/connections/${id}/explore?objectType=root`)
    expect(res.status).toBe(200)
    expect(res.json<Entry[]>()).toEqual([
      { type: 'folder', name: 'demo-bucket', path: '/demo-bucket/', canPreview: false, canFetchSchema: false }
    ])
    expect(emu.requests().at(-1)?.route).toBe('/connections/{id}/explore')
  })

  test('a folder lists its files and folders', async () => {
    const { id } = await createS3(emu, 'E')
    const res = await flow(emu, 'GET', `/connections/${id}/explore?objectType=folder&object=${encodeURIComponent('/demo-bucket/inbound/')}`)
    expect(res.json<Entry[]>().map((e) => [e.type, e.name])).toEqual([
      ['file', 'customers.csv'],
      ['file', 'orders.json']
    ])
  })

  test('wrong keys fail with an S3-style message that holds neither key', async () => {
    const { id } = await createS3(emu, 'E', { s3AccessKey: 'AKIAWRONGWRONGWRONG0', s3SecretKey: 'wrong-secret' })
    const res = await flow(emu, 'GET', `/connections/${id}/explore?objectType=root`)
    expect(res.status).toBe(400)
    expect(res.json<FlowError>().report['detailed-message']).toContain('The AWS Access Key Id you provided does not exist in our records.')
    expect(res.text).not.toMatch(/AKIAWRONG|wrong-secret|AKIAEMULATOR|emulatorDemoSecret/)
  })

  test('setS3 changes the accepted keys at run time, and reset restores them', async () => {
    const { id } = await createS3(emu, 'E')
    emu.setS3({ accessKey: DEMO.s3AccessKey, secretKey: 'rotated' })
    const res = await flow(emu, 'GET', `/connections/${id}/explore?objectType=root`)
    expect(res.json<FlowError>().report['detailed-message']).toMatch(/signature we calculated does not match/)
    emu.reset()
    const again = await createS3(emu, 'E')
    expect((await flow(emu, 'GET', `/connections/${again.id}/explore?objectType=root`)).status).toBe(200)
  })

  test('setS3 replaces the buckets', async () => {
    emu.setS3({ buckets: { 'team-bucket': [{ type: 'file', name: 'x.csv', path: 'x.csv' }] } })
    const { id } = await createS3(emu, 'E', { s3AccessKey: 'any', s3SecretKey: 'any', bucketName: 'team-bucket' })
    const res = await flow(emu, 'GET', `/connections/${id}/explore?objectType=root`)
    expect(res.json<Entry[]>()).toEqual([
      { type: 'file', name: 'x.csv', path: '/team-bucket/x.csv', canPreview: true, canFetchSchema: true }
    ])
  })

  test('an unknown bucket reads like NoSuchBucket', async () => {
    const { id } = await createS3(emu, 'E', { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey, bucketName: 'no-such' })
    const res = await flow(emu, 'GET', `/connections/${id}/explore?objectType=root`)
    expect(flowCode(res)).toMatch(/-400$/)
    expect(res.text).toContain('NoSuchBucket')
  })

  test('/test answers result true or false by whether the bucket can be listed', async () => {
    const good = await createS3(emu, 'G')
    const bad = await createS3(emu, 'B', { s3AccessKey: 'x', s3SecretKey: 'y' })
    expect((await flow(emu, 'GET', `/connections/${good.id}/test`)).json()).toEqual({ result: true })
    expect((await flow(emu, 'GET', `/connections/${bad.id}/test`)).json()).toEqual({ result: false })
  })

  test('an unknown connection is 404', async () => {
    expect((await flow(emu, 'GET', '/connections/nope/explore?objectType=root')).status).toBe(404)
  })

  test('an unknown objectType is 1358-400; a folder without object is 1337-400', async () => {
    const { id } = await createS3(emu, 'E')
    expect(flowCode(await flow(emu, 'GET', `/connections/${id}/explore?objectType=TABLE`))).toBe('1358-400')
    expect(flowCode(await flow(emu, 'GET', `/connections/${id}/explore?objectType=folder&object=`))).toBe('1337-400')
  })
})

function fileQuery(object: string, params: Record<string, string>): string {
  const rest = Object.entries(params)
    .map(([k, v]) => `&${k}=${encodeURIComponent(v)}`)
    .join('')
  return `objectType=file&object=${encodeURIComponent(object)}${rest}`
}

describe('file preview', () => {
  const EXPORT = '/demo-bucket/exports/daily/crm-customers-2026-11-27.csv'

  test('previews the demo CRM export in the flat shape', async () => {
    const { id } = await createS3(emu, 'E')
    const res = await flow(emu, 'GET', `/connections/${id}/explore?${fileQuery(EXPORT, { fileType: 'delimited', preview: 'true' })}`)
    expect(res.status).toBe(200)
    const preview = res.json<{ format: string; schema: { columns: { name: string }[] }; data: Record<string, string>[] }>()
    expect(preview.format).toBe('flat')
    expect(preview.schema.columns.map((c) => c.name)).toEqual([
      'customer_id',
      'email',
      'first_name',
      'last_name',
      'country',
      'signup_date',
      'lifetime_value'
    ])
    expect(preview.data).toHaveLength(10)
    expect(preview.data.every((r) => r['email']?.endsWith('@example.com'))).toBe(true)
    expect(preview.data.at(-1)?.['last_name']).toBe("O'Brien, Jr.")
  })

  test('a URL-encoded columnDelimiter and an encoding read the ISO-8859-1 export', async () => {
    const { id } = await createS3(emu, 'E')
    const object = '/demo-bucket/exports/eu/kunden-2026-11-27.csv'
    const res = await flow(
      emu,
      'GET',
      `/connections/${id}/explore?${fileQuery(object, { fileType: 'delimited', preview: 'true', columnDelimiter: ';', encoding: 'ISO-8859-1' })}`
    )
    expect(res.json<{ data: Record<string, string>[] }>().data.map((r) => r['nachname'])).toEqual(['Müller', 'Dubois', 'Sørensen'])
    expect(emu.requests().at(-1)?.rawQuery).toContain('columnDelimiter=%3B')
  })

  test('the gzip export without compressionType is a 400 that says to set it', async () => {
    const { id } = await createS3(emu, 'E')
    const object = '/demo-bucket/exports/daily/crm-customers-2026-11-26.csv.gz'
    const res = await flow(emu, 'GET', `/connections/${id}/explore?${fileQuery(object, { fileType: 'delimited', preview: 'true' })}`)
    expect(res.status).toBe(400)
    expect(res.json<FlowError>().report['detailed-message']).toContain('set compressionType=gzip')
  })

  test('without preview, a file answers its bare column array', async () => {
    const { id } = await createS3(emu, 'E')
    const res = await flow(emu, 'GET', `/connections/${id}/explore?${fileQuery('/demo-bucket/inbound/orders.json', { fileType: 'json' })}`)
    expect(res.json()).toEqual([
      { name: 'order_id', type: 'string' },
      { name: 'customer_id', type: 'string' },
      { name: 'total', type: 'number' },
      { name: 'currency', type: 'string' },
      { name: 'paid', type: 'boolean' }
    ])
  })

  test('a path that is not there reads like NoSuchKey', async () => {
    const { id } = await createS3(emu, 'E')
    const res = await flow(emu, 'GET', `/connections/${id}/explore?${fileQuery('/demo-bucket/none.csv', { fileType: 'delimited' })}`)
    expect(flowCode(res)).toBe('1006-400')
    expect(res.text).toContain('NoSuchKey')
  })
})

describe('files added at run time', () => {
  test('putFile makes a file appear in its folder and previewable; removeFile takes it away', async () => {
    const { id } = await createS3(emu, 'E')
    const folder = `/connections/${id}/explore?objectType=folder&object=${encodeURIComponent('/demo-bucket/landing/')}`
    expect((await flow(emu, 'GET', folder)).json()).toEqual([])
    emu.putFile('/demo-bucket/landing/today.csv', { content: 'id\n1\n' })
    expect((await flow(emu, 'GET', folder)).json()).toEqual([
      { type: 'file', name: 'today.csv', path: '/demo-bucket/landing/today.csv', canPreview: true, canFetchSchema: true }
    ])
    const preview = await flow(
      emu,
      'GET',
      `/connections/${id}/explore?${fileQuery('/demo-bucket/landing/today.csv', { fileType: 'delimited', preview: 'true' })}`
    )
    expect(preview.json()).toMatchObject({ data: [{ id: '1' }] })
    expect(emu.removeFile('/demo-bucket/landing/today.csv')).toBe(true)
    expect(emu.removeFile('/demo-bucket/landing/today.csv')).toBe(false)
    const root = `/connections/${id}/explore?objectType=folder&object=${encodeURIComponent('/demo-bucket/')}`
    expect((await flow(emu, 'GET', root)).json<Entry[]>().map((e) => e.name)).not.toContain('landing')
  })

  test('putFile refuses a bad path or an unknown bucket; reset restores the start-up world', () => {
    expect(() => emu.putFile('demo-bucket/x.csv')).toThrow(/not a file path/)
    expect(() => emu.putFile('/no-bucket/x.csv', {})).toThrow(/no bucket 'no-bucket'/)
    emu.putFile('/demo-bucket/x.csv')
    emu.reset()
    expect(emu.removeFile('/demo-bucket/x.csv')).toBe(false)
  })
})

describe('answer shapes', () => {
  let columns: Emulator

  beforeAll(async () => {
    columns = await startEmulator({ previewShape: 'columns', legacyEntryTypes: true })
  })
  afterAll(() => columns.close())

  test('previewShape columns answers a preview as the bare column array', async () => {
    const { id } = await createS3(columns, 'E')
    const res = await flow(
      columns,
      'GET',
      `/connections/${id}/explore?${fileQuery('/demo-bucket/inbound/customers.csv', { fileType: 'delimited', preview: 'true' })}`
    )
    expect(res.json()).toEqual([
      { name: 'customer_id', type: 'string' },
      { name: 'email', type: 'string' },
      { name: 'first_name', type: 'string' },
      { name: 'last_name', type: 'string' },
      { name: 'country', type: 'string' },
      { name: 'signup_date', type: 'string' },
      { name: 'lifetime_value', type: 'string' }
    ])
  })

  test('legacyEntryTypes answers File and Folder', async () => {
    const { id } = await createS3(columns, 'E', { s3AccessKey: 'a', s3SecretKey: 'b', bucketName: 'demo-bucket' })
    const res = await flow(columns, 'GET', `/connections/${id}/explore?objectType=root`)
    expect(res.json<Entry[]>().map((e) => [e.type, e.name])).toEqual([
      ['Folder', 'inbound'],
      ['Folder', 'archive'],
      ['File', 'README.txt'],
      ['Folder', 'exports']
    ])
  })
})
