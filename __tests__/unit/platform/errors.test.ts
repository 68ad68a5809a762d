import {
  ApiError,
  decodeAdobeError,
  errorMessage,
  errorStack,
  formatApiError,
  TimeoutError,
  toError
} from '../../../src/platform/errors.js'

describe('decodeAdobeError reads every shape Adobe answers with', () => {
  it('the Flow Service shape, with its code and request id', () => {
    const body = JSON.stringify({
      type: 'https://ns.adobe.com/aep/errors/FLOW-1415-400',
      title: 'Auth spec not found',
      status: 400,
      report: { 'detailed-message': 'Auth spec "Key" was not found for connection spec ecadc60c', 'request-id': 'req-123' },
      errorMessage: 'Auth spec not found',
      errorDetails: 'details'
    })
    expect(decodeAdobeError(body, 'header-id')).toEqual({
      code: 'FLOW-1415-400',
      message: 'Auth spec "Key" was not found for connection spec ecadc60c',
      requestId: 'req-123'
    })
  })

  it('reads only the end of a type a megabyte long, where the code stands', () => {
    // Searched whole, the pattern would backtrack over every 'A' from every start: hours, not a moment.
    const long = 'A'.repeat(1024 * 1024)
    expect(decodeAdobeError(JSON.stringify({ type: `${long}/FLOW-1415-400`, title: 'Auth spec not found' }), undefined)).toEqual({
      code: 'FLOW-1415-400',
      message: 'Auth spec not found'
    })
    expect(decodeAdobeError(JSON.stringify({ type: long, title: 'Auth spec not found' }), undefined)).toEqual({
      message: 'Auth spec not found'
    })
  })

  it('the API gateway shape, taking the request id from the header', () => {
    expect(decodeAdobeError('{"error_code":"401013","message":"Oauth token is not valid"}', 'gw-1')).toEqual({
      code: '401013',
      message: 'Oauth token is not valid',
      requestId: 'gw-1'
    })
  })

  it('the generic shape', () => {
    const body =
      '{"type":"https://ns.adobe.com/x","status":400,"title":"BadRequestError","detail":"A valid content-type must be specified"}'
    expect(decodeAdobeError(body)).toEqual({ code: 'BadRequestError', message: 'A valid content-type must be specified' })
  })

  it("IMS's OAuth shape", () => {
    expect(decodeAdobeError('{"error":"invalid_client","error_description":"invalid client_secret parameter"}')).toEqual({
      code: 'invalid_client',
      message: 'invalid client_secret parameter'
    })
  })

  it('a body that is not JSON, cut to a readable length', () => {
    const decoded = decodeAdobeError(`<html>${'x'.repeat(1000)}</html>`)
    expect(decoded.code).toBeUndefined()
    expect(decoded.message?.length).toBe(300)
  })

  it('an empty body', () => {
    expect(decodeAdobeError('', 'rid')).toEqual({ requestId: 'rid' })
  })
})

describe('formatApiError', () => {
  it('gives status, code, message, request id and a hint in one sentence', () => {
    const message = formatApiError({
      service: 'Flow Service',
      label: 'GET /connections',
      status: 404,
      adobe: { code: 'FLOW-2100-404', message: 'Sandbox not found', requestId: 'r-1' },
      attempts: 1,
      elapsedMs: 12
    })
    expect(message).toBe(
      "Flow Service GET /connections failed: HTTP 404 FLOW-2100-404: Sandbox not found (request id r-1). Hint: no such sandbox; check 'sandbox-name'."
    )
  })

  it("gives no hint for a code named like an inherited member ('constructor')", () => {
    const message = formatApiError({
      service: 'Flow Service',
      label: 'GET /connections',
      status: 400,
      adobe: { code: 'constructor', message: 'odd' },
      attempts: 1,
      elapsedMs: 1
    })
    expect(message).toBe('Flow Service GET /connections failed: HTTP 400 constructor: odd.')
  })

  it('says how many attempts, how long, and why it gave up', () => {
    const error = new ApiError({
      service: 'Flow Service',
      label: 'POST /connections',
      status: 503,
      adobe: { code: 'FLOW-1103-503', message: 'Service unavailable, please try again' },
      attempts: 5,
      elapsedMs: 12_345,
      gaveUp: 'all 5 attempts used'
    })
    expect(error.message).toBe(
      'Flow Service POST /connections failed after 5 attempts in 12.3 s: HTTP 503 FLOW-1103-503: Service unavailable, please try again. Gave up: all 5 attempts used.'
    )
    expect(error.status).toBe(503)
    expect(error.code).toBe('FLOW-1103-503')
  })

  it('says that an IMS failure came from IMS', () => {
    const message = formatApiError({
      service: 'IMS',
      label: 'POST /ims/token/v3',
      status: 401,
      adobe: { code: 'invalid_client', message: 'invalid client_secret parameter' },
      attempts: 1,
      elapsedMs: 5
    })
    expect(message).toBe(
      "IMS token request failed: HTTP 401 invalid_client: invalid client_secret parameter. Hint: check 'client-id' and 'client-secret'."
    )
  })

  it('names the network error when nothing came back', () => {
    const message = formatApiError({
      service: 'Flow Service',
      label: 'GET /connections',
      networkError: 'ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:1)',
      attempts: 3,
      elapsedMs: 2000,
      gaveUp: 'all 3 attempts used'
    })
    expect(message).toBe(
      'Flow Service GET /connections failed after 3 attempts in 2.0 s: network error: ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:1). Gave up: all 3 attempts used.'
    )
  })
})

describe('TimeoutError', () => {
  it('says what it was waiting for and how to fix it', () => {
    expect(new TimeoutError(3000, 'Flow Service POST /connections', 2, 5).message).toBe(
      'Timed out after 3.0 s (timeout-seconds) waiting for Flow Service POST /connections (attempt 2 of 5). Raise timeout-seconds, or check that the service is reachable from the runner.'
    )
  })
  it('names every input that made the budget when a wait was added to it', () => {
    expect(new TimeoutError(70_000, 'Flow Service GET /runs', 1, 5, undefined, 'timeout-seconds + wait-minutes').message).toMatch(
      /^Timed out after 70\.0 s \(timeout-seconds \+ wait-minutes\) waiting for Flow Service GET \/runs/
    )
  })
})

describe('reading a thrown value', () => {
  it("keeps an Error's message, its errno code and its stack, and the value as the cause", () => {
    const thrown = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    const error = toError(thrown)
    expect(error).toMatchObject({ message: 'socket hang up', code: 'ECONNRESET', stack: thrown.stack })
    expect(error.cause).toBe(thrown)
  })

  it('reads an error of another realm by its shape, and keeps only a code and a stack that are text', () => {
    const error = toError({ message: 'refused', code: 111, stack: { not: 'text' } })
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toBe('refused')
    expect(error.code).toBeUndefined()
    expect(errorStack({ message: 'refused', stack: 42 })).toBeUndefined()
  })

  it('turns anything else into its text', () => {
    expect(errorMessage('plain')).toBe('plain')
    expect(errorMessage(undefined)).toBe('undefined')
    expect(toError(7).message).toBe('7')
  })
})
