import { explore, PREVIEW_ROWS, type ExploreQuery } from '../../../../emulator/flow-service/connections/explore.js'
import { errorBody } from '../../../../emulator/http/errors.js'
import { S3_SPEC_ID, type StoredConnection } from '../../../../emulator/index.js'
import { s3World } from '../../../../emulator/s3/world.js'

function conn(specName: string, params: Record<string, unknown>): StoredConnection {
  return {
    id: 'id',
    etag: '"e"',
    orgId: 'o',
    sandboxName: 'prod',
    name: 'n',
    connectionSpec: { id: S3_SPEC_ID, version: '1.0' },
    auth: { specName, params },
    state: 'enabled',
    createdAt: 0,
    updatedAt: 0
  }
}

const keys = { s3AccessKey: 'AKIAGOOD', s3SecretKey: 'good-secret' }
const world = s3World({
  ...{ accessKey: 'AKIAGOOD', secretKey: 'good-secret' },
  buckets: {
    alpha: [
      { type: 'folder', name: 'in', path: 'in/' },
      { type: 'file', name: 'a.csv', path: '/alpha/in/a.csv' },
      { type: 'file', name: 'deep.csv', path: 'in/x/y/deep.csv' },
      { type: 'file', name: 'top.json', path: 'top.json' }
    ],
    beta: []
  }
})

function names(result: ReturnType<typeof explore>): string[] {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  if (result.value.kind !== 'listing') throw new Error('expected a listing')
  return result.value.entries.map((e) => e.path)
}

function failure(result: ReturnType<typeof explore>): string {
  if (result.ok) throw new Error('expected a failure')
  return JSON.stringify(errorBody(result.error, 'rid'))
}

// The rows of a flat preview.
function dataOf(value: unknown): unknown[] {
  const data: unknown = typeof value === 'object' && value !== null && 'data' in value ? value.data : undefined
  if (!Array.isArray(data)) throw new Error('expected a flat preview with data')
  return data
}

function body(result: ReturnType<typeof explore>): unknown {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  if (result.value.kind !== 'file') throw new Error('expected a file answer')
  return result.value.body
}

describe('explore', () => {
  test('without a bucket name, root lists the buckets as folders', () => {
    expect(names(explore(conn('Access Key', keys), world, { objectType: 'root' }))).toEqual(['/alpha/', '/beta/'])
  })

  test('objectType is read in any case', () => {
    expect(names(explore(conn('Access Key', keys), world, { objectType: 'ROOT' }))).toHaveLength(2)
  })

  test('with a bucket name, root lists that bucket', () => {
    expect(names(explore(conn('Access Key', { ...keys, bucketName: 'alpha' }), world, { objectType: 'root' }))).toEqual([
      '/alpha/in/',
      '/alpha/top.json'
    ])
  })

  test('with a folder path, root lists that folder', () => {
    const c = conn('Access Key', { ...keys, bucketName: 'alpha', folderPath: '/in/' })
    expect(names(explore(c, world, { objectType: 'root' }))).toEqual(['/alpha/in/a.csv', '/alpha/in/x/'])
  })

  test('folder lists the given folder, with or without slashes around the path', () => {
    const c = conn('Access Key', keys)
    expect(names(explore(c, world, { objectType: 'folder', object: 'alpha/in' }))).toEqual(['/alpha/in/a.csv', '/alpha/in/x/'])
    expect(names(explore(c, world, { objectType: 'folder', object: '/alpha/in/x/' }))).toEqual(['/alpha/in/x/y/'])
  })

  test('a folder outside the connection restriction is denied', () => {
    const c = conn('Access Key', { ...keys, bucketName: 'alpha', folderPath: 'in' })
    expect(failure(explore(c, world, { objectType: 'folder', object: '/beta/' }))).toContain('AccessDenied')
  })

  test('a wrong access key reads like S3 and never shows the keys', () => {
    const text = failure(
      explore(conn('Access Key', { s3AccessKey: 'AKIAWRONG', s3SecretKey: 'good-secret' }), world, { objectType: 'root' })
    )
    expect(text).toContain('The AWS Access Key Id you provided does not exist in our records.')
    expect(text).not.toMatch(/AKIAWRONG|AKIAGOOD|good-secret/)
  })

  test('a wrong secret key reads like an S3 signature mismatch and never shows the keys', () => {
    const text = failure(explore(conn('Access Key', { s3AccessKey: 'AKIAGOOD', s3SecretKey: 'bad-secret' }), world, { objectType: 'root' }))
    expect(text).toContain('The request signature we calculated does not match the signature you provided.')
    expect(text).not.toMatch(/bad-secret|AKIAGOOD|good-secret/)
  })

  test('any keys are accepted when the S3 options set none', () => {
    const open = s3World({ buckets: { alpha: [] } })
    expect(explore(conn('Access Key', { s3AccessKey: 'x', s3SecretKey: 'y' }), open, { objectType: 'root' }).ok).toBe(true)
  })

  test('an unknown bucket reads like NoSuchBucket', () => {
    expect(failure(explore(conn('Access Key', { ...keys, bucketName: 'gamma' }), world, { objectType: 'root' }))).toContain('NoSuchBucket')
  })

  test('IAM role: root lists the bucket when it exists, else access is denied', () => {
    expect(names(explore(conn('IAMRole Based', { bucketName: 'alpha' }), world, { objectType: 'root' }))).toHaveLength(2)
    expect(failure(explore(conn('IAMRole Based', { bucketName: 'gamma' }), world, { objectType: 'root' }))).toContain('Access Denied')
  })

  test('the default S3 world has demo-bucket', () => {
    expect(names(explore(conn('Access Key', keys), s3World(undefined), { objectType: 'root' }))).toEqual(['/demo-bucket/'])
  })

  test('a connection of another spec cannot be explored', () => {
    const gcs = { ...conn('Access Key', keys), connectionSpec: { id: '32e8f412-cdf7-464c-9885-78184cb113fd', version: '1.0' } }
    expect(failure(explore(gcs, world, { objectType: 'root' }))).toContain('explores Amazon S3 connections only')
  })

  test('a missing objectType is 1400-400, an unknown one 1358-400, whatever the keys', () => {
    const c = conn('Access Key', { s3AccessKey: 'wrong', s3SecretKey: 'wrong' })
    expect(failure(explore(c, world, {}))).toContain('FLOW-1400-400')
    expect(failure(explore(c, world, {}))).toContain('The param objectType is missing in the request.')
    for (const objectType of ['table', '', 'files']) {
      const text = failure(explore(c, world, { objectType }))
      expect(text).toContain('FLOW-1358-400')
      expect(text).toContain("The provided param 'objectType' is invalid. Please provide a valid objectType and try again.")
    }
  })

  test('folder or file without an object, or with an empty one, is 1337-400 naming the param and the type', () => {
    const c = conn('Access Key', keys)
    expect(failure(explore(c, world, { objectType: 'folder' }))).toContain(
      'The object cannot be empty for objectType=folder. Please provide valid object and try again.'
    )
    const text = failure(explore(c, world, { objectType: 'FILE', object: '', fileType: 'delimited' }))
    expect(text).toContain('FLOW-1337-400')
    expect(text).toContain('objectType=file')
  })
})

describe('explore a file', () => {
  const files = s3World({
    ...{ accessKey: 'AKIAGOOD', secretKey: 'good-secret' },
    buckets: {
      alpha: [
        { type: 'file', name: 'a.csv', path: 'in/a.csv', content: 'id,name\n1,Ada\n2,"Lovelace, A."\n' },
        { type: 'file', name: 'semi.csv', path: 'in/semi.csv', content: 'id;name\n1;Ada\n' },
        { type: 'file', name: 'b.json', path: 'in/b.json', content: '[{"id":1,"ok":true,"score":0.5}]' },
        { type: 'file', name: 'c.csv.gz', path: 'in/c.csv.gz', content: 'x\n1\n', compression: 'gzip' },
        { type: 'file', name: 'l.csv', path: 'in/l.csv', content: 'name\nJosé\n', encoding: 'ISO-8859-1' },
        { type: 'file', name: 'p.parquet', path: 'in/p.parquet', columns: [{ name: 'n', type: 'long' }], rows: [{ n: 7 }] },
        {
          type: 'file',
          name: 'big.csv',
          path: 'in/big.csv',
          content: ['n', ...Array.from({ length: 150 }, (_, i) => String(i))].join('\n')
        },
        { type: 'file', name: 'hidden.csv', path: 'in/hidden.csv', content: 'x\n', canPreview: false, canFetchSchema: false },
        { type: 'file', name: 'x.csv', path: 'out/x.csv', content: 'x\n' }
      ]
    }
  })
  const c = conn('Access Key', keys)
  const preview = (object: string, extra: ExploreQuery = {}): ReturnType<typeof explore> =>
    explore(c, files, { objectType: 'file', object, fileType: 'delimited', preview: 'true', ...extra })

  test('a delimited preview answers the flat shape: string columns with their XDM type, and the rows', () => {
    expect(body(preview('/alpha/in/a.csv'))).toEqual({
      format: 'flat',
      schema: {
        columns: [
          { name: 'id', type: 'string', xdm: { type: 'string' } },
          { name: 'name', type: 'string', xdm: { type: 'string' } }
        ]
      },
      data: [
        { id: '1', name: 'Ada' },
        { id: '2', name: 'Lovelace, A.' }
      ]
    })
  })

  test('the columns shape answers the bare column array, also for a preview', () => {
    expect(explore(c, files, { objectType: 'file', object: 'alpha/in/b.json', fileType: 'JSON', preview: 'true' }, 'columns')).toEqual({
      ok: true,
      value: {
        kind: 'file',
        body: [
          { name: 'id', type: 'integer' },
          { name: 'ok', type: 'boolean' },
          { name: 'score', type: 'number' }
        ]
      }
    })
  })

  test('without preview=true a file answers its columns alone', () => {
    expect(body(preview('/alpha/in/a.csv', { preview: 'false' }))).toEqual([
      { name: 'id', type: 'string' },
      { name: 'name', type: 'string' }
    ])
  })

  test('JSON and Parquet columns are typed from the values and the declaration', () => {
    expect(body(preview('/alpha/in/b.json', { fileType: 'json' }))).toMatchObject({
      schema: {
        columns: [{ name: 'id', type: 'integer', xdm: { type: 'integer' } }, { xdm: { type: 'boolean' } }, { xdm: { type: 'number' } }]
      },
      data: [{ id: 1, ok: true, score: 0.5 }]
    })
    expect(body(preview('/alpha/in/p.parquet', { fileType: 'parquet' }))).toEqual({
      format: 'flat',
      schema: { columns: [{ name: 'n', type: 'long', xdm: { type: 'integer' } }] },
      data: [{ n: 7 }]
    })
  })

  test(`a preview shows at most ${PREVIEW_ROWS} rows`, () => {
    expect(body(preview('/alpha/in/big.csv'))).toMatchObject({ data: expect.arrayContaining([{ n: '99' }]) })
    expect(dataOf(body(preview('/alpha/in/big.csv')))).toHaveLength(PREVIEW_ROWS)
  })

  test('columnDelimiter splits on that character; anything but one character is 1331-400', () => {
    expect(body(preview('/alpha/in/semi.csv', { columnDelimiter: ';' }))).toMatchObject({ data: [{ id: '1', name: 'Ada' }] })
    for (const columnDelimiter of [';;', '']) {
      const text = failure(preview('/alpha/in/semi.csv', { columnDelimiter }))
      expect(text).toContain('FLOW-1331-400')
      expect(text).toContain('Column Delimiter must be exactly one character')
    }
  })

  test('a compressed file needs its compressionType; none or another is a 400 that says so', () => {
    expect(failure(preview('/alpha/in/c.csv.gz'))).toContain('is compressed (gzip): set compressionType=gzip')
    expect(failure(preview('/alpha/in/c.csv.gz', { compressionType: 'bzip2' }))).toContain('compressed with gzip, not bzip2')
    expect(failure(preview('/alpha/in/a.csv', { compressionType: 'gzip' }))).toContain('is not compressed')
    expect(body(preview('/alpha/in/c.csv.gz', { compressionType: 'GZIP' }))).toMatchObject({ data: [{ x: '1' }] })
  })

  test('the encoding decodes the bytes: the right one gives the text, the wrong one replacement characters', () => {
    expect(body(preview('/alpha/in/l.csv', { encoding: 'ISO-8859-1' }))).toMatchObject({ data: [{ name: 'José' }] })
    expect(body(preview('/alpha/in/l.csv'))).toMatchObject({ data: [{ name: 'Jos\uFFFD' }] })
  })

  test('unknown fileType, compressionType or encoding values and a missing fileType are 400s naming the param', () => {
    expect(failure(preview('/alpha/in/a.csv', { fileType: 'xml' }))).toContain("The provided param 'fileType' is invalid: 'xml'")
    expect(failure(preview('/alpha/in/a.csv', { compressionType: 'zip' }))).toContain("'compressionType' is invalid")
    expect(failure(preview('/alpha/in/a.csv', { encoding: 'UTF-16' }))).toContain("'encoding' is invalid")
    const missing = failure(explore(c, files, { objectType: 'file', object: '/alpha/in/a.csv' }))
    expect(missing).toContain('FLOW-1337-400')
    expect(missing).toContain('The fileType cannot be empty for objectType=file.')
  })

  test('a fileType that does not match the file is a clear 400', () => {
    expect(failure(preview('/alpha/in/a.csv', { fileType: 'json' }))).toContain("The file '/alpha/in/a.csv' does not parse as JSON")
    expect(failure(preview('/alpha/in/a.csv', { fileType: 'parquet' }))).toContain('is not a Parquet file')
    expect(failure(preview('/alpha/in/p.parquet'))).toContain('is Parquet, not delimited')
  })

  test('a path with no file reads like NoSuchKey; a folder path is no file either', () => {
    for (const object of ['/alpha/in/none.csv', '/alpha/in/', '/alpha/in']) {
      const text = failure(preview(object))
      expect(text).toContain('FLOW-1006-400')
      expect(text).toContain('Error Code: NoSuchKey')
    }
  })

  test('a file marked not previewable cannot be previewed, nor its schema read when so marked', () => {
    expect(failure(preview('/alpha/in/hidden.csv'))).toContain('cannot be previewed')
    expect(failure(preview('/alpha/in/hidden.csv', { preview: 'no' }))).toContain('cannot be read for its schema')
  })

  test('keys, bucket and folder restrictions apply to files as to listings', () => {
    const wrong = conn('Access Key', { s3AccessKey: 'AKIAGOOD', s3SecretKey: 'bad' })
    expect(failure(explore(wrong, files, { objectType: 'file', object: '/alpha/in/a.csv', fileType: 'delimited' }))).toContain(
      'SignatureDoesNotMatch'
    )
    const scoped = conn('Access Key', { ...keys, bucketName: 'alpha', folderPath: 'in' })
    expect(failure(explore(scoped, files, { objectType: 'file', object: '/alpha/out/x.csv', fileType: 'delimited' }))).toContain(
      'AccessDenied'
    )
    expect(body(explore(scoped, files, { objectType: 'file', object: '/alpha/in/a.csv', fileType: 'delimited' }))).toHaveLength(2)
    expect(failure(preview('/gamma/x.csv'))).toContain('NoSuchBucket')
    const role = conn('IAMRole Based', { bucketName: 'gamma' })
    expect(failure(explore(role, files, { objectType: 'file', object: '/gamma/x.csv', fileType: 'json' }))).toContain('AccessDenied')
  })

  test('every preview path of the demo bucket reads', () => {
    const demo = s3World(undefined)
    const read = (object: string, extra: ExploreQuery): unknown =>
      body(explore(c, demo, { objectType: 'file', object, preview: 'true', ...extra }))
    const daily = '/demo-bucket/exports/daily'
    expect(read(`${daily}/crm-customers-2026-11-27.csv`, { fileType: 'delimited' })).toMatchObject({
      schema: { columns: expect.arrayContaining([{ name: 'lifetime_value', type: 'string', xdm: { type: 'string' } }]) },
      data: expect.arrayContaining([expect.objectContaining({ email: 'ada.lovelace@example.com', last_name: 'Lovelace' })])
    })
    expect(dataOf(read(`${daily}/crm-customers-2026-11-27.csv`, { fileType: 'delimited' }))).toHaveLength(10)
    expect(read(`${daily}/crm-customers-2026-11-26.csv.gz`, { fileType: 'delimited', compressionType: 'gzip' })).toMatchObject({
      data: expect.arrayContaining([expect.objectContaining({ customer_id: 'C-1006' })])
    })
    expect(read(`${daily}/crm-events-2026-11-27.json`, { fileType: 'json' })).toMatchObject({ data: expect.any(Array) })
    expect(
      read('/demo-bucket/exports/eu/kunden-2026-11-27.csv', { fileType: 'delimited', columnDelimiter: ';', encoding: 'ISO-8859-1' })
    ).toMatchObject({
      data: expect.arrayContaining([expect.objectContaining({ vorname: 'Zoë', stadt: 'Århus' })])
    })
    expect(read('/demo-bucket/exports/warehouse/customer-scores-2026-11-27.parquet', { fileType: 'parquet' })).toMatchObject({
      schema: { columns: expect.arrayContaining([{ name: 'churn_score', type: 'double', xdm: { type: 'number' } }]) }
    })
    for (const [object, fileType] of [
      ['/demo-bucket/inbound/customers.csv', 'delimited'],
      ['/demo-bucket/inbound/orders.json', 'json'],
      ['/demo-bucket/archive/2024/customers-2024.csv', 'delimited'],
      ['/demo-bucket/README.txt', 'delimited']
    ] as const) {
      expect(read(object, { fileType })).toMatchObject({ format: 'flat' })
    }
  })
})
