import { MIN_SECRET_LENGTH, Secrets } from '../../../src/platform/secrets.js'

function collect() {
  const masked: string[] = []
  return { masked, secrets: new Secrets((value) => masked.push(value)) }
}

const SECRET = 'wJalr+XUtn/FEMI=K7"MD&ENG<bPx'

describe('Secrets: what the runner is asked to mask', () => {
  it('masks the value and its JSON, URL (either case), form, HTML and base64 encodings', () => {
    const { masked, secrets } = collect()
    secrets.add('a+b/c"d&e f')
    expect(masked).toEqual(
      expect.arrayContaining([
        'a+b/c"d&e f',
        'a+b/c\\"d&e f',
        'a+b\\/c\\"d&e f',
        'a%2Bb%2Fc%22d%26e%20f',
        'a%2bb%2fc%22d%26e%20f',
        'a%2Bb%2Fc%22d%26e+f',
        'a+b/c&quot;d&amp;e f',
        Buffer.from('a+b/c"d&e f').toString('base64')
      ])
    )
  })

  it('masks a multi-line value line by line as well, as the runner needs', () => {
    const { masked, secrets } = collect()
    secrets.add('-----BEGIN KEY-----\r\nline-two-secret\n  line-three-secret  \n')
    expect(masked).toEqual(expect.arrayContaining(['-----BEGIN KEY-----', 'line-two-secret', 'line-three-secret']))
  })

  it('ignores empty values and registers each secret once however often it is added', () => {
    const { masked, secrets } = collect()
    secrets.add(undefined)
    secrets.add('   ')
    expect(masked).toEqual([])
    secrets.add('same-secret-value')
    const once = masked.length
    secrets.add('same-secret-value')
    expect(masked).toHaveLength(once)
    expect(masked[0]).toBe('same-secret-value')
  })

  it('masks even a very short secret, but no derived form or line shorter than the minimum', () => {
    const { masked, secrets } = collect()
    secrets.add('xy')
    secrets.add('long-value-here\nab')
    expect(masked).toContain('xy')
    expect(masked).not.toContain('ab')
    expect(masked.filter((m) => m !== 'xy').every((m) => m.length >= MIN_SECRET_LENGTH)).toBe(true)
  })
})

describe('Secrets.redact: a secret echoed back in any encoding is never printed', () => {
  const secrets = new Secrets(() => undefined)
  secrets.add(SECRET)
  const json = JSON.stringify(SECRET).slice(1, -1)
  const base64 = Buffer.from(SECRET).toString('base64')

  it.each([
    ['raw', SECRET],
    ['JSON-escaped', json],
    ['JSON-escaped with \\/', json.replace(/\//g, '\\/')],
    ['JSON \\u escapes, lower case', SECRET.replace(/[+=<&"]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
    ['JSON \\u escapes, upper case', SECRET.replace(/[+/]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`)],
    ['percent-encoded, upper case', encodeURIComponent(SECRET)],
    ['percent-encoded, lower case', encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase())],
    ['form-encoded', new URLSearchParams({ s: SECRET }).toString().slice(2)],
    ['HTML named entities', SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')],
    ['HTML numeric entities', SECRET.replace(/[+/=]/g, (c) => `&#${c.charCodeAt(0)};`)],
    ['HTML hex entities', SECRET.replace(/[+/=]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`)],
    ['base64', base64],
    ['base64url', Buffer.from(SECRET).toString('base64url')],
    ['base64 inside Basic credentials', Buffer.from(`user:${SECRET}`).toString('base64')],
    ['base64 at the third alignment', Buffer.from(`ab${SECRET}cd`).toString('base64')]
  ])('%s', (_form, echoed) => {
    const text = `{"message":"bad key ${echoed} given"}`
    const redacted = secrets.redact(text)
    expect(redacted).toContain('***')
    // No run of 8 characters of the secret, or of its base64, survives.
    for (const probe of [SECRET, base64]) {
      for (let i = 0; i + 8 <= probe.length; i += 4) expect(redacted).not.toContain(probe.slice(i, i + 8))
    }
  })

  it('redacts a mixture of encodings within one echo', () => {
    const mixed = `wJalr%2BXUtn\\/FEMI&#61;K7\\"MD&amp;ENG\\u003cbPx`
    expect(secrets.redact(`echo ${mixed} end`)).toBe('echo *** end')
  })

  it('leaves text without the secret alone, and redacts longest first', () => {
    const s = new Secrets(() => undefined)
    s.add('s3cr3t-key/value')
    s.add('s3cr3t-key')
    expect(s.redact('echo: s3cr3t-key/value and s3cr3t-key%2Fvalue and s3cr3t-key, nothing else')).toBe(
      'echo: *** and *** and ***, nothing else'
    )
  })
})
