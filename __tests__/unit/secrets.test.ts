import { Secrets } from '../../src/secrets.js'

function collect() {
  const masked: string[] = []
  return { masked, secrets: new Secrets((value) => masked.push(value)) }
}

describe('Secrets', () => {
  it('masks the value and its JSON, URL and form encodings', () => {
    const { masked, secrets } = collect()
    secrets.add('a+b/c"d')
    expect(masked).toEqual(expect.arrayContaining(['a+b/c"d', 'a+b/c\\"d', 'a%2Bb%2Fc%22d']))
  })

  it('masks a multi-line value line by line as well, as the runner needs', () => {
    const { masked, secrets } = collect()
    secrets.add('-----BEGIN KEY-----\r\nline-two-secret\n  line-three  \n')
    expect(masked).toEqual(expect.arrayContaining(['-----BEGIN KEY-----', 'line-two-secret', 'line-three']))
  })

  it('ignores empty values and registers each form once', () => {
    const { masked, secrets } = collect()
    secrets.add(undefined)
    secrets.add('   ')
    secrets.add('same-secret')
    secrets.add('same-secret')
    expect(masked).toEqual(['same-secret'])
  })

  it('masks even a very short secret, but not short fragments of a longer one', () => {
    const { masked, secrets } = collect()
    secrets.add('xy')
    secrets.add('long-value\nab')
    expect(masked).toContain('xy')
    expect(masked).not.toContain('ab')
  })

  it('redacts every registered form from a message, longest first', () => {
    const { secrets } = collect()
    secrets.add('s3cr3t/key')
    secrets.add('s3cr3t')
    expect(secrets.redact('echo: s3cr3t/key and s3cr3t%2Fkey and s3cr3t')).toBe('echo: *** and *** and ***')
  })
})
