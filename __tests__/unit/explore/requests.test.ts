import type { Config } from '../../../src/explore/inputs.js'
import { listedFolder, previewWithListing } from '../../../src/explore/requests.js'

const preview: NonNullable<Config['preview']> = { file: '/b/daily/x.csv', format: { fileType: 'delimited' }, rows: 0 }

describe('previewWithListing', () => {
  it.each<[string, Pick<Config, 'expect' | 'ifMissing' | 'waitSeconds'>, boolean]>([
    ['without expect, at once', { ifMissing: 'fail', waitSeconds: 0 }, true],
    ['with expect failing when nothing matches, at once', { expect: '*.csv', ifMissing: 'fail', waitSeconds: 0 }, true],
    ['after a wait: the file may land only then', { expect: '*.csv', ifMissing: 'fail', waitSeconds: 60 }, false],
    ['with if-missing: skip, after the listing: a missing file is not read', { expect: '*.csv', ifMissing: 'skip', waitSeconds: 0 }, false],
    ['with if-missing: skip and a wait, after the listing', { expect: '*.csv', ifMissing: 'skip', waitSeconds: 60 }, false]
  ])('%s: goes with the listing is %p', (_, config, together) => {
    expect(previewWithListing({ ...config, preview })).toBe(together ? preview : undefined)
  })

  it('is none without a preview', () => {
    expect(previewWithListing({ ifMissing: 'fail', waitSeconds: 0 })).toBeUndefined()
  })
})

describe('listedFolder', () => {
  it.each<[Pick<Config, 'path' | 'preview'>, string | undefined]>([
    [{}, undefined],
    [{ path: '/b/daily/' }, '/b/daily/'],
    [{ path: '/b/daily/x.csv', preview }, '/b/daily/']
  ])('lists %j as %p', (config, folder) => {
    expect(listedFolder(config)).toBe(folder)
  })
})
