import { isEtag, isId, readEtag, readId } from '../../../src/platform/server-values.js'

const origin = { service: 'Flow Service' as const, label: 'POST /connections' }

describe('ids and etags from a server', () => {
  it.each(['4cb0c374-d3bb-4557-b139-5712880adc55', '4CB0C374-D3BB-4557-B139-5712880ADC55', '5c8c3c555033b814b69f947f', 'a'.repeat(32)])(
    'accepts the id %s',
    (id) => expect(isId(id)).toBe(true)
  )
  it.each(['', 'x', '../../connections', '4cb0c374-d3bb-4557-b139-5712880adc55\n::error::x', 'a'.repeat(33), 42, null])(
    'refuses the id %j',
    (id) => expect(isId(id)).toBe(false)
  )
  it.each(['"1700d77b-0000-0200-0000-5e3b41a10000"', 'W/"abc"', '"x"'])('accepts the etag %s', (etag) => expect(isEtag(etag)).toBe(true))
  it.each(['1700d77b', '""', '"a"\n::error::x', '"a b"', `"${'a'.repeat(129)}"`, '"a"b"'])('refuses the etag %j', (etag) =>
    expect(isEtag(etag)).toBe(false)
  )
  it('names the field, the request and what came, on one line', () => {
    expect(() => readId('x\n::error::y', 'id', origin)).toThrow(
      'Flow Service POST /connections returned an unexpected response: "id" is not an id (a UUID, or 24 or 32 hex digits): got "x\\n::error::y".'
    )
    expect(() => readEtag(undefined, 'etag', origin)).toThrow(/"etag" is not an etag \(a short quoted token\): got nothing/)
  })
})
