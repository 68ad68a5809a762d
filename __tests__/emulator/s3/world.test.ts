import { readS3Options } from '../../../emulator/s3/world.js'

describe('S3 options from the control API', () => {
  test('accepts keys and buckets', () => {
    expect(readS3Options({})).toEqual({})
    expect(readS3Options({ accessKey: 'a', secretKey: 's' })).toEqual({ accessKey: 'a', secretKey: 's' })
    const buckets = { b: [{ type: 'file', name: 'x', path: 'x' }] }
    expect(readS3Options({ buckets })).toEqual({ buckets })
  })

  test('accepts file content and Parquet declarations', () => {
    const buckets = {
      b: [
        { type: 'file', name: 'x.csv.gz', path: 'x.csv.gz', content: 'a\n1\n', compression: 'gzip', encoding: 'UTF-8' },
        { type: 'file', name: 'p', path: 'p', columns: [{ name: 'c', type: 'string' }], rows: [{ c: 'v' }], canPreview: true }
      ]
    }
    expect(readS3Options({ buckets })).toEqual({ buckets })
  })

  test('says what is wrong', () => {
    expect(readS3Options({ buckets: { b: [{ type: 'file', name: 'x', path: 'x', compression: 'rar' }] } })).toBe(
      'buckets.b: entry 0: compression must be one of bzip2, gzip, deflate, zipDeflate, tarGzip, tar'
    )
    expect(readS3Options([])).toBe('not an object')
    expect(readS3Options({ accessKey: 1 })).toMatch(/accessKey/)
    expect(readS3Options({ secretKey: 1 })).toMatch(/secretKey/)
    expect(readS3Options({ buckets: [] })).toMatch(/buckets/)
    expect(readS3Options({ buckets: { b: 'x' } })).toMatch(/buckets\.b/)
  })
})
