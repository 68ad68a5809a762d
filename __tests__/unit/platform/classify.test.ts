import { BodyTooLargeError, PrematureCloseError } from '../../../src/platform/transport/body.js'
import { classify } from '../../../src/platform/transport/classify.js'
import { Secrets } from '../../../src/platform/secrets.js'

const none = (text: string) => text
const answer = (status: number, body: string, headers: Record<string, string> = {}) => ({ kind: 'answer' as const, status, headers, body })

describe('classify', () => {
  it('parses a 2xx body, and an accepted status', () => {
    expect(classify(answer(200, '{"a":1}'), {}, 0, none)).toMatchObject({ status: 200, json: { a: 1 } })
    expect(classify(answer(412, 'not json'), { accept: [412] }, 0, none)).toMatchObject({ status: 412, json: undefined })
  })
  it('retries a mangled 2xx, which may have taken effect', () => {
    expect(classify(answer(201, '{"id":'), {}, 0, none)).toMatchObject({ retryable: true, uncertain: true })
  })
  it('retries 429 and 5xx; a 5xx may have been processed, a 429 was not', () => {
    expect(classify(answer(503, '{}'), {}, 0, none)).toMatchObject({ retryable: true, uncertain: true })
    expect(classify(answer(429, '{}', { 'retry-after': '3' }), {}, 0, none)).toMatchObject({
      retryable: true,
      uncertain: false,
      retryAfterMs: 3000
    })
  })
  it('fails at once on a proxy answering 407, whichever way it comes', () => {
    expect(classify(answer(407, 'Proxy Authentication Required'), {}, 0, none)).toMatchObject({ status: 407, retryable: false })
    const tunnel = { kind: 'no-answer' as const, error: new Error('tunneling socket could not be established, statusCode=407') }
    expect(classify(tunnel, {}, 0, none)).toMatchObject({ status: 407, retryable: false, uncertain: false })
  })
  it('refuses a body beyond the limit without retrying it', () => {
    const tooLarge = { kind: 'too-large' as const, status: 200, error: new BodyTooLargeError(50 * 1024 * 1024, 4 * 1024 * 1024) }
    expect(classify(tooLarge, {}, 0, none)).toMatchObject({
      retryable: false,
      networkError: expect.stringMatching(/larger than 4\.0 MiB \(50\.0 MiB\)/)
    })
  })
  it('retries a body cut short at once, as a network error that may have taken effect', () => {
    expect(classify({ kind: 'no-answer', error: new PrematureCloseError(10) }, {}, 0, none)).toMatchObject({
      retryable: true,
      uncertain: true
    })
  })
  it('retries a refused connection, which proves nothing was sent', () => {
    const refused = { kind: 'no-answer' as const, error: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }
    expect(classify(refused, {}, 0, none)).toMatchObject({ retryable: true, uncertain: false })
  })
  it('redacts the x-request-id header before the error message cuts it', () => {
    const secrets = new Secrets(() => undefined)
    const secret = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY'
    secrets.add(secret)
    // The secret straddles the 100th character, where a request id is cut.
    const failure = classify(answer(400, '{}', { 'x-request-id': `${'r'.repeat(90)}${secret}` }), {}, 0, (t) => secrets.redact(t))
    expect(JSON.stringify(failure)).not.toContain(secret.slice(0, 8))
  })
  it('redacts the body before anything reads or cuts it, so no fragment of a secret survives the cut', () => {
    const secrets = new Secrets(() => undefined)
    const secret = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY'
    secrets.add(secret)
    // The secret straddles the 300th character, where a raw (non-JSON) error body is cut.
    const body = `${'x'.repeat(290)}${secret} and more`
    const failure = classify(answer(400, body), {}, 0, (t) => secrets.redact(t))
    expect(JSON.stringify(failure)).not.toContain(secret.slice(0, 8))
    expect(JSON.stringify(failure)).toContain('***')
  })
})
