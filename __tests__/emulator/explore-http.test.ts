// GET /connections/{id}/explore and /test over real sockets, and S3 behaviour changed at run time.
import { DEMO, startEmulator, type Emulator } from '../../emulator/index.js'
import { createS3, flow, flowCode, type FlowError } from './helpers.js'

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
})
