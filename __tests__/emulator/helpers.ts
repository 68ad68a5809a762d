import http from 'node:http'
import https from 'node:https'
import { DEMO, type Emulator } from '../../emulator/index.js'

export interface Response {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  // A test names the shape it is about to assert on; the assertions are the check.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  json<T = unknown>(): T
}

export interface SendOptions {
  method?: string
  headers?: Record<string, string>
  body?: string
  ca?: string
  agent?: http.Agent | false
}

// A bare HTTP(S) client over real sockets; no retries, no keep-alive unless an agent is given.
export function send(url: string, opts: SendOptions = {}): Promise<Response> {
  const target = new URL(url)
  const lib = target.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = lib.request(
      target,
      {
        method: opts.method ?? 'GET',
        headers: opts.headers ?? {},
        agent: opts.agent ?? false,
        ...(opts.ca ? { ca: opts.ca } : {})
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T })
        })
      }
    )
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}

export function flowHeaders(emu: Pick<Emulator, 'orgId'>, extra: Record<string, string> = {}): Record<string, string> {
  return {
    authorization: `Bearer ${DEMO.accessToken}`,
    'x-api-key': DEMO.clientId,
    'x-gw-ims-org-id': emu.orgId,
    'x-sandbox-name': 'prod',
    ...extra
  }
}

export interface FlowCall {
  body?: unknown
  headers?: Record<string, string>
  // Replaces the default headers entirely (to leave some out).
  rawHeaders?: Record<string, string>
  ca?: string
  agent?: http.Agent
}

// A Flow Service call with valid headers by default; `path` is relative to the service base.
export function flow(emu: Emulator, method: string, path: string, call: FlowCall = {}): Promise<Response> {
  return platform(emu, emu.flowServiceUrl, method, path, call)
}

// The same for Catalog and Data Prep, which take the same headers.
export function catalog(emu: Emulator, method: string, path: string, call: FlowCall = {}): Promise<Response> {
  return platform(emu, emu.catalogUrl, method, path, call)
}

export function dataPrep(emu: Emulator, method: string, path: string, call: FlowCall = {}): Promise<Response> {
  return platform(emu, emu.dataPrepUrl, method, path, call)
}

function platform(emu: Emulator, base: string, method: string, path: string, call: FlowCall): Promise<Response> {
  const body = call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body)
  const headers =
    call.rawHeaders ?? flowHeaders(emu, body === undefined ? call.headers : { 'content-type': 'application/json', ...call.headers })
  return send(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(call.ca ? { ca: call.ca } : {}),
    ...(call.agent ? { agent: call.agent } : {})
  })
}

export function s3Body(
  name: string,
  params: Record<string, unknown> = { s3AccessKey: DEMO.s3AccessKey, s3SecretKey: DEMO.s3SecretKey },
  specName = 'Access Key'
): unknown {
  return {
    name,
    description: 'made by a test',
    auth: { specName, params },
    connectionSpec: { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' }
  }
}

export async function createS3(
  emu: Emulator,
  name: string,
  params?: Record<string, unknown>,
  specName?: string
): Promise<{ id: string; etag: string }> {
  const res = await flow(emu, 'POST', '/connections', { body: s3Body(name, params, specName) })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`)
  return res.json<{ id: string; etag: string }>()
}

export function imsToken(
  emu: Emulator,
  form: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded'
): Promise<Response> {
  return send(`${emu.imsUrl}/ims/token/v3`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new URLSearchParams(form).toString()
  })
}

export const TOKEN_FORM = {
  grant_type: 'client_credentials',
  client_id: DEMO.clientId,
  client_secret: DEMO.clientSecret,
  scope: 'openid,AdobeID,read_organizations'
}

export interface FlowError {
  type: string
  title: string
  status: number
  report: { 'detailed-message': string; 'request-id': string }
  errorMessage: string
  errorDetails: string
}

export function flowCode(res: Response): string {
  return res.json<FlowError>().type.replace('https://ns.adobe.com/aep/errors/FLOW-', '')
}
