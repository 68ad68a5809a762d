// A validating proxy for contract tests: an HTTP server on loopback that checks every request
// against the OpenAPI file of the service it goes to (Adobe's own files, vendored in
// __tests__/contract/openapi/), records what does not validate, and forwards the request unchanged
// to an upstream (the emulator). Responses are checked too, and recorded apart: they come from the
// emulator, so they speak of its fidelity, not of the actions.
//
// Built on ajv and a small OpenAPI walker rather than a full mock server: the walker reads both
// OpenAPI 3.0 and Swagger 2.0 (Schema Registry's file is 2.0), and every problem it reports is one
// line naming what was sent and what the spec declares, which is what a tolerated list can match.

import { readFileSync } from 'node:fs'
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { parse } from 'yaml'

/** One way a request (or a response) differs from the operation the spec declares for it. */
export interface Violation {
  /** The spec's file name without `.yaml` (`flow-service`, `catalog`, `data-prep`, `schema-registry`). */
  service: string
  method: string
  /** The spec's path template, as the spec writes it (`/connections/{BASE_CONNECTION_ID}/`). */
  template: string
  problem: string
}

export interface ResponseViolation extends Violation {
  status: number
}

/** An operation of a spec that requests reached, and how many did. */
export interface Exercised {
  service: string
  method: string
  template: string
  count: number
}

export interface ServiceInfo {
  service: string
  /** Where the spec's `servers` (3.0) or `basePath` (2.0) put the service under the origin. */
  basePath: string
  operations: number
}

export interface OpenApiProxy {
  /** `http://127.0.0.1:<port>`: give it to the actions as `ims-url` and `platform-url`. */
  origin: string
  services: ServiceInfo[]
  /** Distinct request violations, in the order first seen. */
  violations(): Violation[]
  /** Distinct request violations not kept, because as many as the proxy keeps were already: assert 0. */
  dropped(): number
  /** Distinct response violations, in the order first seen. */
  responseViolations(): ResponseViolation[]
  /** The operations reached, in the order first reached, with their counts so far. */
  exercised(): Exercised[]
  /** Requests that went through unvalidated because they are not a Platform service's (IMS). */
  passedThrough(): string[]
  /** Every request received, validated or not. */
  requests(): number
  close(): Promise<void>
}

export interface ProxyOptions {
  /** The upstream's origin, `http://` on loopback (the emulator). */
  upstream: string
  /** Folder of the OpenAPI files; each `<service>.yaml` in it is loaded. */
  specDir: string
  /** Spec files to load, by service name (the file name without `.yaml`). */
  services: string[]
  /** Paths forwarded without validation, by prefix (IMS has no OpenAPI file here). */
  passThrough?: string[]
}

// Bounds, so that a runaway client cannot grow the proxy: bodies beyond these are forwarded but
// not validated (and that is itself recorded), and at most this many distinct problems are kept.
const MAX_BODY_BYTES = 1024 * 1024
const MAX_DISTINCT = 500

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const
// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection: the proxy's own sockets set them.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'])

type Json = Record<string, unknown>

interface Parameter {
  name: string
  in: string
  required: boolean
  schema: unknown
  /** A query array sent as one comma-separated value (`style: form, explode: false`, or 2.0's `csv`). */
  commaSeparated: boolean
}

interface Operation {
  service: string
  method: string
  template: string
  segments: string[]
  parameters: Parameter[]
  body?: { required: boolean; content: Map<string, unknown> }
  /** Status (`200`, `2XX`, `default`) -> media type -> schema (undefined: declared without one). */
  responses: Map<string, Map<string, unknown>>
}

interface Spec {
  service: string
  basePath: string
  operations: Operation[]
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

/** Follows a local `$ref` (`#/components/parameters/x`) through the document, as many hops as it takes. */
function deref(doc: Json, value: unknown, seen = 0): unknown {
  if (!isRecord(value) || typeof value.$ref !== 'string') return value
  if (!value.$ref.startsWith('#/') || seen > 20) throw new Error(`unsupported $ref ${value.$ref}`)
  let target: unknown = doc
  for (const part of value.$ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~')
    target = isRecord(target) ? target[key] : undefined
  }
  if (target === undefined) throw new Error(`unresolved $ref ${value.$ref}`)
  return deref(doc, target, seen + 1)
}

// ---- OpenAPI schemas as JSON Schema (draft-07, what ajv reads) -----------------------------------

// The JSON Schema keywords a spec's schema may hold whose values are plain data; anything else
// (OpenAPI's `example`, `xml`, `discriminator`, `x-*` extensions) is documentation to ajv.
const DATA_KEYWORDS = [
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'default',
  'readOnly',
  'writeOnly'
]

/**
 * One schema of the spec, rewritten for ajv: `$ref`s point into the service's own document
 * (`<service>#/definitions/Name`), `nullable` becomes a `null` type, and every keyword ajv does not
 * need is dropped. The walk follows the schema's structure, so a property that happens to be called
 * `example` or `format` stays a property.
 */
function toJsonSchema(schema: unknown, refs: (ref: string) => string): Json | boolean {
  if (typeof schema === 'boolean') return schema
  if (!isRecord(schema)) return {}
  if (typeof schema.$ref === 'string') return { $ref: refs(schema.$ref) }
  const out: Json = {}
  for (const key of DATA_KEYWORDS) {
    if (schema[key] !== undefined) out[key] = schema[key]
  }
  // Swagger 2.0's `type: file` is a form upload, not a JSON type.
  if (out.type === 'file') delete out.type
  if ((schema.nullable === true || schema['x-nullable'] === true) && typeof out.type === 'string') out.type = [out.type, 'null']
  if (typeof schema.exclusiveMinimum === 'boolean' || typeof schema.exclusiveMaximum === 'boolean') {
    // OpenAPI 3.0 / draft-04 booleans: the bound itself is excluded.
    if (schema.exclusiveMinimum === true) out.exclusiveMinimum = schema.minimum
    if (schema.exclusiveMaximum === true) out.exclusiveMaximum = schema.maximum
    if (schema.exclusiveMinimum === true) delete out.minimum
    if (schema.exclusiveMaximum === true) delete out.maximum
    if (typeof out.exclusiveMinimum === 'boolean') delete out.exclusiveMinimum
    if (typeof out.exclusiveMaximum === 'boolean') delete out.exclusiveMaximum
  }
  if (isStringArray(schema.required)) out.required = schema.required
  if (isRecord(schema.properties)) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, s]) => [name, toJsonSchema(s, refs)]))
  }
  if (schema.additionalProperties !== undefined) out.additionalProperties = toJsonSchema(schema.additionalProperties, refs)
  if (schema.items !== undefined) {
    out.items = Array.isArray(schema.items) ? schema.items.map((s) => toJsonSchema(s, refs)) : toJsonSchema(schema.items, refs)
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key]
    if (Array.isArray(list)) out[key] = list.map((s) => toJsonSchema(s, refs))
  }
  if (schema.not !== undefined) out.not = toJsonSchema(schema.not, refs)
  return out
}

// ---- Reading a spec ------------------------------------------------------------------------------

function basePathOf(doc: Json): string {
  if (typeof doc.basePath === 'string') return doc.basePath.replace(/\/$/, '')
  const [server] = Array.isArray(doc.servers) ? doc.servers : []
  if (!isRecord(server) || typeof server.url !== 'string') return ''
  const variables = isRecord(server.variables) ? server.variables : {}
  // `//{environment}.adobe.io/data/foundation/flowservice`: the variables' defaults fill the host.
  const url = server.url.replace(/\{(\w+)\}/g, (_, name: string) => {
    const variable = variables[name]
    return isRecord(variable) && typeof variable.default === 'string' ? variable.default : name
  })
  return new URL(url, 'https://host.invalid').pathname.replace(/\/$/, '')
}

function parameterOf(doc: Json, raw: unknown, swagger: boolean): Parameter | { body: unknown; required: boolean } | undefined {
  const p = deref(doc, raw)
  if (!isRecord(p) || typeof p.name !== 'string' || typeof p.in !== 'string') return undefined
  const required = p.required === true
  if (swagger && p.in === 'body') return { body: p.schema, required }
  // In 2.0 a parameter carries its schema's keywords itself.
  const schema = swagger ? p : p.schema
  const commaSeparated = swagger
    ? p.type === 'array' && p.collectionFormat !== 'multi'
    : p.in === 'query' && p.explode === false && (p.style === undefined || p.style === 'form')
  return { name: p.name, in: p.in, required: required || p.in === 'path', schema, commaSeparated }
}

function loadSpec(service: string, text: string): { spec: Spec; schemaDoc: Json; refs: (ref: string) => string } {
  const parsed: unknown = parse(text)
  if (!isRecord(parsed) || !isRecord(parsed.paths)) throw new Error(`${service}: not an OpenAPI document`)
  const doc = parsed
  const paths = parsed.paths
  const swagger = doc.swagger === '2.0'
  const definitions = swagger ? doc.definitions : isRecord(doc.components) ? doc.components.schemas : undefined
  const id = `urn:openapi:${service}`
  const refs = (ref: string): string => {
    const name = swagger ? /^#\/definitions\/(.+)$/.exec(ref)?.[1] : /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1]
    if (name === undefined) throw new Error(`${service}: unsupported schema $ref ${ref}`)
    return `${id}#/definitions/${name}`
  }
  const schemaDoc: Json = {
    $id: id,
    definitions: Object.fromEntries(Object.entries(isRecord(definitions) ? definitions : {}).map(([n, s]) => [n, toJsonSchema(s, refs)]))
  }
  const globalConsumes = isStringArray(doc.consumes) ? doc.consumes : ['application/json']
  const globalProduces = isStringArray(doc.produces) ? doc.produces : ['application/json']
  const operations: Operation[] = []
  for (const [template, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem)
    if (!isRecord(item)) continue
    const shared = Array.isArray(item.parameters) ? item.parameters : []
    for (const method of METHODS) {
      const op = item[method]
      if (!isRecord(op)) continue
      const parameters = new Map<string, Parameter>()
      let body: Operation['body']
      // Operation-level parameters override path-level ones of the same name and location.
      for (const raw of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
        const p = parameterOf(doc, raw, swagger)
        if (p === undefined) continue
        if ('body' in p) {
          const consumes = isStringArray(op.consumes) ? op.consumes : globalConsumes
          body = { required: p.required, content: new Map(consumes.map((type) => [type, p.body])) }
        } else {
          // Header names are case-insensitive; query and path names are not (`FileType` is not `fileType`).
          parameters.set(`${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`, p)
        }
      }
      const requestBody = deref(doc, op.requestBody)
      if (isRecord(requestBody) && isRecord(requestBody.content)) {
        const content = new Map<string, unknown>()
        for (const [type, media] of Object.entries(requestBody.content)) content.set(type, isRecord(media) ? media.schema : undefined)
        body = { required: requestBody.required === true, content }
      }
      const responses = new Map<string, Map<string, unknown>>()
      for (const [status, rawResponse] of Object.entries(isRecord(op.responses) ? op.responses : {})) {
        const response = deref(doc, rawResponse)
        const content = new Map<string, unknown>()
        if (isRecord(response) && isRecord(response.content)) {
          for (const [type, media] of Object.entries(response.content)) content.set(type, isRecord(media) ? media.schema : undefined)
        } else if (isRecord(response) && response.schema !== undefined) {
          const produces = isStringArray(op.produces) ? op.produces : globalProduces
          for (const type of produces) content.set(type, response.schema)
        }
        responses.set(status.toUpperCase(), content)
      }
      operations.push({
        service,
        method: method.toUpperCase(),
        template,
        segments: template.split('/').slice(1),
        parameters: [...parameters.values()],
        ...(body !== undefined && { body }),
        responses
      })
    }
  }
  return { spec: { service, basePath: basePathOf(doc), operations }, schemaDoc, refs }
}

// ---- Matching a request to an operation ----------------------------------------------------------

interface Match {
  operation: Operation
  pathParams: Map<string, string>
  /** Set when the path matched only once a trailing slash was added or taken away. */
  slash?: string
}

function matchSegments(template: string[], path: string[]): Map<string, string> | undefined {
  if (template.length !== path.length) return undefined
  const params = new Map<string, string>()
  for (const [i, part] of template.entries()) {
    const given = path[i] ?? ''
    const name = /^\{(.+)\}$/.exec(part)?.[1]
    if (name !== undefined) {
      if (given === '') return undefined
      params.set(name, given)
    } else if (part !== given) return undefined
  }
  return params
}

/** Literal segments first: `/connections/search` wins over `/connections/{id}`. */
function specificity(op: Operation): number {
  return op.segments.filter((s) => !s.startsWith('{')).length
}

function findOperation(spec: Spec, method: string, segments: string[]): Match | { closest?: string } {
  const candidates = spec.operations.filter((o) => o.method === method).sort((a, b) => specificity(b) - specificity(a))
  for (const operation of candidates) {
    const pathParams = matchSegments(operation.segments, segments)
    if (pathParams) return { operation, pathParams }
  }
  const trim = (s: string[]): string[] => (s.at(-1) === '' ? s.slice(0, -1) : s)
  for (const operation of candidates) {
    const pathParams = matchSegments(trim(operation.segments), trim(segments))
    if (pathParams) {
      const problem =
        operation.segments.at(-1) === ''
          ? `path has no trailing slash; the spec writes ${operation.template}`
          : `path has a trailing slash; the spec writes ${operation.template}`
      return { operation, pathParams, slash: problem }
    }
  }
  const any = spec.operations.find((o) => matchSegments(trim(o.segments), trim(segments)) !== undefined)
  return any ? { closest: any.template } : {}
}

// ---- Checking values -----------------------------------------------------------------------------

/** A query or path value as the type its schema declares, so that ajv can check it. */
function coerce(value: string, schema: unknown): unknown {
  const type = isRecord(schema) ? schema.type : undefined
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return Number(value)
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  if (value === null) return 'null'
  return typeof value
}

/**
 * One line per ajv error: where, what the spec wants, and (for a closed list) what was sent, which
 * is a stable word. Other values are not quoted: ids and times differ on every run, and a body may
 * hold a secret.
 */
function describeError(where: string, error: ErrorObject, data: unknown): string {
  const at = `${where}${error.instancePath}`
  const params: Record<string, unknown> = error.params
  let value: unknown = data
  for (const part of error.instancePath.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~')
    value = Array.isArray(value) ? value[Number(key)] : isRecord(value) ? value[key] : undefined
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    const sent = typeof value === 'string' && value.length <= 40 ? `${JSON.stringify(value)} ` : ''
    return `${at} ${sent}is not one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
  }
  if (error.keyword === 'type') return `${at} ${error.message ?? 'has the wrong type'} (is ${describeValue(value)})`
  if (error.keyword === 'required') return `${at} lacks required property ${String(params.missingProperty)}`
  if (error.keyword === 'additionalProperties')
    return `${at} has property ${String(params.additionalProperty)}, which the spec does not allow`
  return `${at} ${error.message ?? error.keyword}`
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

function contentSchema(content: Map<string, unknown>, type: string): { found: boolean; schema: unknown } {
  for (const [declared, schema] of content) {
    const d = declared.toLowerCase()
    if (d === type || d === '*/*' || (d.endsWith('/*') && type.startsWith(d.slice(0, -1)))) return { found: true, schema }
  }
  return { found: false, schema: undefined }
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json')
}

class Validator {
  private readonly ajv = new Ajv({
    allErrors: true,
    // Adobe's files hold keywords no draft knows (`example` inside `properties` of a 2.0 file and
    // the like); they carry no constraint, so they are ignored rather than refused.
    strict: false,
    // OpenAPI's numeric formats only name a width; the rest are checked as JSON Schema defines them.
    formats: {
      int32: true,
      int64: true,
      float: true,
      double: true,
      byte: true,
      binary: true,
      password: true,
      date: /^\d{4}-\d\d-\d\d$/,
      'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i,
      uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
      'uri-reference': /^[^\s]*$/
    }
  })
  private readonly compiled = new Map<string, ValidateFunction>()
  private readonly refsOf = new Map<string, (ref: string) => string>()

  addService(service: string, schemaDoc: Json, refs: (ref: string) => string): void {
    this.ajv.addSchema(schemaDoc)
    this.refsOf.set(service, refs)
  }

  /** The problems of `data` against `schema` (a spec's schema, as the spec writes it). */
  check(service: string, key: string, schema: unknown, data: unknown, where: string): string[] {
    let validate = this.compiled.get(key)
    if (validate === undefined) {
      const refs = this.refsOf.get(service)
      if (refs === undefined) throw new Error(`no spec loaded for ${service}`)
      try {
        validate = this.ajv.compile(toJsonSchema(schema, refs))
      } catch (error) {
        return [`the spec's schema for ${where} cannot be compiled: ${error instanceof Error ? error.message : String(error)}`]
      }
      this.compiled.set(key, validate)
    }
    if (validate(data)) return []
    return [...new Set((validate.errors ?? []).map((e) => describeError(where, e, data)))]
  }
}

// ---- Recording, bounded --------------------------------------------------------------------------

class Distinct<T> {
  private readonly seen = new Map<string, T>()
  dropped = 0

  add(item: T): void {
    const key = JSON.stringify(item)
    if (this.seen.has(key)) return
    if (this.seen.size >= MAX_DISTINCT) this.dropped++
    else this.seen.set(key, item)
  }

  list(): T[] {
    return [...this.seen.values()]
  }
}

// ---- The proxy -----------------------------------------------------------------------------------

/** Keeps the first MAX_BODY_BYTES of what `stream` carries (the stream itself is piped on as is). */
function collectBounded(stream: IncomingMessage): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let truncated = false
    stream.on('data', (chunk: Buffer) => {
      if (truncated) return
      if (size + chunk.length > MAX_BODY_BYTES) {
        truncated = true
        chunks.length = 0
        return
      }
      chunks.push(chunk)
      size += chunk.length
    })
    stream.on('end', () => resolve({ body: Buffer.concat(chunks), truncated }))
    stream.on('error', reject)
  })
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
}

export async function startOpenApiProxy(options: ProxyOptions): Promise<OpenApiProxy> {
  const upstream = new URL(options.upstream)
  // A test tool: it never sends anything off this machine.
  if (upstream.protocol !== 'http:' || !isLoopback(upstream.hostname))
    throw new Error(`upstream must be http:// on loopback: ${options.upstream}`)
  const validator = new Validator()
  const specs: Spec[] = []
  for (const service of options.services) {
    const { spec, schemaDoc, refs } = loadSpec(service, readFileSync(join(options.specDir, `${service}.yaml`), 'utf8'))
    validator.addService(service, schemaDoc, refs)
    specs.push(spec)
  }
  // Longest base path first, so that no service's path shadows a deeper one's.
  specs.sort((a, b) => b.basePath.length - a.basePath.length)
  const passThrough = options.passThrough ?? []
  const violations = new Distinct<Violation>()
  const responseViolations = new Distinct<ResponseViolation>()
  // One entry per operation of the specs at most: bounded by the specs themselves.
  const exercised = new Map<string, Exercised>()
  const passed = new Distinct<string>()
  let received = 0
  const agent = new Agent({ keepAlive: true, maxSockets: 32 })
  const sockets = new Set<Socket>()

  /** What the request is for, and the problems found in its method, path, query and headers. */
  function route(req: IncomingMessage): { operation?: Operation; spec?: Spec; problems: Violation[] } {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid')
    const method = (req.method ?? 'GET').toUpperCase()
    const spec = specs.find((s) => url.pathname === s.basePath || url.pathname.startsWith(`${s.basePath}/`))
    if (spec === undefined) {
      return { problems: [{ service: '(none)', method, template: url.pathname, problem: 'no OpenAPI file covers this path' }] }
    }
    const segments = url.pathname.slice(spec.basePath.length).split('/').slice(1)
    const found = findOperation(spec, method, segments)
    if (!('operation' in found)) {
      const template = found.closest ?? url.pathname.slice(spec.basePath.length)
      const problem = found.closest !== undefined ? `the spec declares no ${method} on this path` : 'the spec declares no such path'
      return { spec, problems: [{ service: spec.service, method, template, problem }] }
    }
    const { operation, pathParams } = found
    const at = (problem: string): Violation => ({ service: spec.service, method, template: operation.template, problem })
    const problems: Violation[] = found.slash !== undefined ? [at(found.slash)] : []
    const check = (p: Parameter, data: unknown, where: string): void => {
      if (p.schema === undefined) return
      const key = `${spec.service} ${method} ${operation.template} ${p.in}:${p.name}`
      for (const problem of validator.check(spec.service, key, p.schema, data, where)) problems.push(at(problem))
    }

    for (const p of operation.parameters.filter((q) => q.in === 'path')) {
      const value = pathParams.get(p.name)
      if (value === undefined) problems.push(at(`path parameter ${p.name} is not in the template`))
      else {
        let decoded: string
        try {
          decoded = decodeURIComponent(value)
        } catch {
          problems.push(at(`path ${p.name} is not valid percent-encoding`))
          continue
        }
        check(p, coerce(decoded, p.schema), `path ${p.name}`)
      }
    }

    const declared = operation.parameters.filter((q) => q.in === 'query')
    for (const name of new Set(url.searchParams.keys())) {
      if (!declared.some((p) => p.name === name)) {
        const list = declared.map((p) => p.name).join(', ')
        problems.push(at(`query ${name} is not declared (the spec declares ${list === '' ? 'none' : list})`))
      }
    }
    for (const p of declared) {
      const values = url.searchParams.getAll(p.name)
      if (values.length === 0) {
        if (p.required) problems.push(at(`query ${p.name} is required but not sent`))
        continue
      }
      const isArray = isRecord(p.schema) && p.schema.type === 'array'
      const items = isRecord(p.schema) ? p.schema.items : undefined
      if (isArray && p.commaSeparated && values.length > 1) {
        problems.push(at(`query ${p.name} is sent ${values.length} times; the spec declares one comma-separated value`))
      }
      if (!isArray && values.length > 1) problems.push(at(`query ${p.name} is sent ${values.length} times; the spec declares one value`))
      const data = isArray
        ? (p.commaSeparated ? values.flatMap((v) => v.split(',')) : values).map((v) => coerce(v, items))
        : coerce(values[0] ?? '', p.schema)
      check(p, data, `query ${p.name}`)
    }

    for (const p of operation.parameters.filter((q) => q.in === 'header')) {
      const value = req.headers[p.name.toLowerCase()]
      if (value === undefined) {
        if (p.required) problems.push(at(`header ${p.name} is required but not sent`))
        continue
      }
      check(p, coerce(Array.isArray(value) ? value.join(', ') : value, p.schema), `header ${p.name}`)
    }
    return { operation, spec, problems }
  }

  function checkBody(operation: Operation, req: IncomingMessage, body: Buffer, truncated: boolean): string[] {
    const sent = body.length > 0 || truncated
    if (operation.body === undefined) return sent ? ['a body is sent; the spec declares none for this operation'] : []
    if (!sent) return operation.body.required ? ['the spec requires a body; none is sent'] : []
    const type = mediaType(req.headers['content-type'])
    const declared = [...operation.body.content.keys()].join(', ')
    if (type === '') return [`the body is sent without a Content-Type (the spec declares ${declared})`]
    const { found, schema } = contentSchema(operation.body.content, type)
    if (!found) return [`the body is sent as ${type}; the spec declares ${declared}`]
    if (truncated) return [`the body is larger than ${MAX_BODY_BYTES} bytes, so it was not validated`]
    if (!isJsonType(type) || schema === undefined) return []
    let data: unknown
    try {
      data = JSON.parse(body.toString('utf8'))
    } catch {
      return [`the body is not JSON though sent as ${type}`]
    }
    return validator.check(
      operation.service,
      `${operation.service} ${operation.method} ${operation.template} body ${type}`,
      schema,
      data,
      'body'
    )
  }

  function checkResponse(operation: Operation, status: number, type: string, body: Buffer, truncated: boolean): string[] {
    const responses = operation.responses
    const declared = responses.get(String(status)) ?? responses.get(`${String(status)[0] ?? ''}XX`) ?? responses.get('DEFAULT')
    if (declared === undefined) return [`status ${status} is not declared (the spec declares ${[...responses.keys()].join(', ')})`]
    if (body.length === 0 && !truncated) return []
    const { found, schema } = contentSchema(declared, type)
    if (!found || schema === undefined || !isJsonType(type)) return []
    if (truncated) return [`the body is larger than ${MAX_BODY_BYTES} bytes, so it was not validated`]
    let data: unknown
    try {
      data = JSON.parse(body.toString('utf8'))
    } catch {
      return [`the body is not JSON though sent as ${type}`]
    }
    const key = `${operation.service} ${operation.method} ${operation.template} response ${status} ${type}`
    return validator.check(operation.service, key, schema, data, 'body')
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    received++
    const pathname = new URL(req.url ?? '/', 'http://proxy.invalid').pathname
    const unvalidated = passThrough.some((prefix) => pathname.startsWith(prefix))
    const routed = unvalidated ? { problems: [] } : route(req)
    if (unvalidated) passed.add(`${req.method ?? 'GET'} ${pathname}`)
    const { operation } = routed
    for (const v of routed.problems) violations.add(v)
    if (operation) {
      const key = `${operation.service} ${operation.method} ${operation.template}`
      const seen = exercised.get(key) ?? { service: operation.service, method: operation.method, template: operation.template, count: 0 }
      exercised.set(key, { ...seen, count: seen.count + 1 })
    }

    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)))
    const forward = httpRequest({
      protocol: upstream.protocol,
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers,
      agent
    })
    forward.on('response', (answer) => {
      const status = answer.statusCode ?? 502
      const raw: string[] = []
      for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) {
        const [name, value] = [answer.rawHeaders[i] ?? '', answer.rawHeaders[i + 1] ?? '']
        if (!HOP_BY_HOP.has(name.toLowerCase())) raw.push(name, value)
      }
      res.writeHead(status, answer.statusMessage, raw)
      const collected = collectBounded(answer)
      answer.pipe(res)
      collected
        .then(({ body, truncated }) => {
          if (!operation) return
          const type = mediaType(answer.headers['content-type'])
          for (const problem of checkResponse(operation, status, type, body, truncated)) {
            responseViolations.add({ service: operation.service, method: operation.method, template: operation.template, status, problem })
          }
        })
        .catch(() => res.destroy())
    })
    // The upstream dropped the request: so does the proxy, as the client would have seen it.
    forward.on('error', () => res.destroy())
    const sent = collectBounded(req)
    req.pipe(forward)
    sent
      .then(({ body, truncated }) => {
        if (!operation) return
        for (const problem of checkBody(operation, req, body, truncated)) {
          violations.add({ service: operation.service, method: operation.method, template: operation.template, problem })
        }
      })
      .catch(() => forward.destroy())
  }

  const server: Server = createServer(handle)
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the proxy is not listening on a TCP port')
  const { port } = address

  return {
    origin: `http://127.0.0.1:${port}`,
    services: specs.map((s) => ({ service: s.service, basePath: s.basePath, operations: s.operations.length })),
    violations: () => violations.list(),
    dropped: () => violations.dropped,
    responseViolations: () => responseViolations.list(),
    exercised: () => [...exercised.values()],
    passedThrough: () => passed.list(),
    requests: () => received,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const socket of sockets) socket.destroy()
      agent.destroy()
      await closed
    }
  }
}
