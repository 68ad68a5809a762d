import { originHost } from '../../../emulator/http/listener.js'

describe('listener origins', () => {
  test('name a host a client can dial', () => {
    expect(originHost('127.0.0.1')).toBe('127.0.0.1')
    expect(originHost('localhost')).toBe('localhost')
    expect(originHost('0.0.0.0')).toBe('127.0.0.1')
    expect(originHost('::')).toBe('[::1]')
    expect(originHost('::1')).toBe('[::1]')
  })
})
