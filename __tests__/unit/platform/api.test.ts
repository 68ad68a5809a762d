import { flowServiceOnly, toRequest, type Target } from '../../../src/platform/api.js'

const target: Target = {
  clientId: 'client',
  imsOrgId: 'org@AdobeOrg',
  sandboxName: 'prod',
  baseUrls: flowServiceOnly('https://p.example/flow')
}

describe('toRequest', () => {
  it("puts the call under its service's base URL, with Adobe's headers", () => {
    const request = toRequest({ service: 'Flow Service', method: 'GET', path: '/connections', label: 'GET /connections' }, target, 'token')
    expect(request.url).toBe('https://p.example/flow/connections')
    expect(request.headers).toMatchObject({
      Authorization: 'Bearer token',
      'x-api-key': 'client',
      'x-gw-ims-org-id': 'org@AdobeOrg',
      'x-sandbox-name': 'prod'
    })
  })

  it('refuses a call to a service the action was not set up for, rather than sending it to a relative URL', () => {
    expect(() =>
      toRequest({ service: 'Catalog', method: 'GET', path: '/dataSets/x', label: 'GET /dataSets/{id}' }, target, 'token')
    ).toThrow('No base URL for Catalog: this action was not set up to call it.')
  })
})
