import { convert, setPath } from '../catalog/xdm.js'
import { isRecord } from '../json.js'
import type { MappingRule, MappingSourceType, XdmFieldType } from '../types.js'
import { columnsOf, evaluate, parseExpression, splitPath, type Expr, type Lookup } from './expressions.js'

// Mapping sets as Data Prep checks them and as ingestion applies them: whether each mapping can
// be (its source, its destination in the output schema), and the record one source row becomes.
// Pure: POST /mappingSets/validate and every dataflow run share it.

/** How Data Prep writes a source type back, and the forms it reads (both). */
export const SOURCE_TYPE_FORMS: Record<MappingSourceType, string> = {
  ATTRIBUTE: 'text/x.schema-path',
  EXPRESSION: 'text/x.aep-xl',
  STATIC: 'text/plain'
}

const SOURCE_TYPES: readonly MappingSourceType[] = ['ATTRIBUTE', 'EXPRESSION', 'STATIC']

/** A source type as sent (any case) or as Data Prep writes it back, so a set read can be sent again. */
export function readSourceType(value: unknown): MappingSourceType | undefined {
  if (typeof value !== 'string') return undefined
  return SOURCE_TYPES.find((t) => t === value.toUpperCase() || SOURCE_TYPE_FORMS[t] === value.toLowerCase())
}

export interface MappingError {
  source: string
  destination: string
  exception: string
}

export interface MappingCheck {
  status: 'SUCCESS' | 'FAILED'
  errors: MappingError[]
}

/** The properties of an `inputSchema` (a JSON schema): when given, ATTRIBUTE sources and columns must be among them. */
export type InputProperties = Record<string, unknown>

// A column path: segments of any characters but an unescaped '.', none empty, no dangling '\'.
const ATTRIBUTE_PATH = /^(?:[^.\\]|\\.)+(?:\.(?:[^.\\]|\\.)+)*$/

/** A mapping as a body holds it, not yet checked. */
export interface RuleDraft {
  sourceType?: unknown
  source?: unknown
  destination?: unknown
}

export interface RulesChecked {
  /** One verdict per mapping, in order. */
  checks: MappingCheck[]
  /** The mappings with their source types read (ATTRIBUTE when absent); use them only when every check passed. */
  rules: MappingRule[]
}

/** Every mapping checked against the output schema's fields (and the input schema's properties, when given). */
export function checkRules(drafts: readonly RuleDraft[], fields: Record<string, XdmFieldType>, input?: InputProperties): RulesChecked {
  const seen = new Set<string>()
  const rules: MappingRule[] = []
  const checks = drafts.map((draft): MappingCheck => {
    const source = typeof draft.source === 'string' ? draft.source : ''
    const destination = typeof draft.destination === 'string' ? draft.destination : ''
    const sourceType = draft.sourceType === undefined ? 'ATTRIBUTE' : readSourceType(draft.sourceType)
    const problems = draftProblems(draft, sourceType)
    if (sourceType !== undefined && problems.length === 0)
      problems.push(...ruleProblems({ sourceType, source, destination }, fields, input))
    if (destination !== '' && seen.has(destination)) problems.push(`The destination '${destination}' is mapped more than once.`)
    seen.add(destination)
    rules.push({ sourceType: sourceType ?? 'ATTRIBUTE', source, destination })
    const errors = problems.map((exception) => ({ source, destination, exception }))
    return { status: errors.length === 0 ? 'SUCCESS' : 'FAILED', errors }
  })
  return { checks, rules }
}

// A STATIC source may be any text, the empty one included; other sources and every destination may not be empty.
function draftProblems(draft: RuleDraft, sourceType: MappingSourceType | undefined): string[] {
  const problems: string[] = []
  if (sourceType === undefined) problems.push(`The sourceType '${String(draft.sourceType)}' is not ATTRIBUTE, EXPRESSION or STATIC.`)
  if (typeof draft.source !== 'string' || (draft.source === '' && sourceType !== 'STATIC'))
    problems.push('The source must be a non-empty string.')
  if (typeof draft.destination !== 'string' || draft.destination === '') problems.push('The destination must be a non-empty string.')
  return problems
}

function ruleProblems(rule: MappingRule, fields: Record<string, XdmFieldType>, input: InputProperties | undefined): string[] {
  const problems: string[] = []
  const type = fields[rule.destination]
  if (type === undefined) problems.push(`The destination '${rule.destination}' is not a field of the output schema.`)
  if (rule.sourceType === 'ATTRIBUTE') problems.push(...attributeProblems(rule.source, input))
  if (rule.sourceType === 'EXPRESSION') problems.push(...expressionProblems(rule.source, input))
  if (rule.sourceType === 'STATIC' && type !== undefined && rule.source !== '') {
    const converted = convert(rule.source, type)
    if (!converted.ok) problems.push(`The static value cannot be written to '${rule.destination}': ${converted.reason}.`)
  }
  return problems
}

function attributeProblems(source: string, input: InputProperties | undefined): string[] {
  if (!ATTRIBUTE_PATH.test(source)) {
    return [`The source '${source}' is not a valid attribute path: segments separated by '.', a '.' inside a column name escaped as '\\.'.`]
  }
  return input && !hasProperty(input, splitPath(source)) ? [`The source '${source}' is not a property of the input schema.`] : []
}

function expressionProblems(source: string, input: InputProperties | undefined): string[] {
  const parsed = parseExpression(source)
  if (!parsed.ok) return [`The expression '${source}' is not valid: ${parsed.reason}.`]
  if (!input) return []
  return columnsOf(parsed.value)
    .filter((c) => !hasProperty(input, c.path))
    .map((c) => `The column '${c.text}' of the expression is not a property of the input schema.`)
}

// A property whose schema declares no properties of its own may hold anything below it.
function hasProperty(properties: InputProperties, path: readonly string[]): boolean {
  const [first, ...rest] = path
  if (first === undefined || !(first in properties)) return false
  const property = properties[first]
  const nested = isRecord(property) ? property['properties'] : undefined
  return rest.length === 0 || !isRecord(nested) || hasProperty(nested, rest)
}

// ---- applying a mapping set ----------------------------------------------------------------------

type Producer = { kind: 'column'; path: string[]; text: string } | { kind: 'expression'; expr: Expr } | { kind: 'static'; value: string }

export interface CompiledRule {
  destination: string
  type: XdmFieldType
  produce: Producer
}

/** The rules of a set that checkRules passed, ready to map rows; a rule that did not pass is left out. */
export function compileRules(rules: readonly MappingRule[], fields: Record<string, XdmFieldType>): CompiledRule[] {
  return rules.flatMap((rule) => {
    const type = fields[rule.destination]
    const produce = producer(rule)
    return type === undefined || produce === undefined ? [] : [{ destination: rule.destination, type, produce }]
  })
}

function producer(rule: MappingRule): Producer | undefined {
  if (rule.sourceType === 'STATIC') return { kind: 'static', value: rule.source }
  if (rule.sourceType === 'ATTRIBUTE') return { kind: 'column', path: splitPath(rule.source), text: rule.source }
  const parsed = parseExpression(rule.source)
  return parsed.ok ? { kind: 'expression', expr: parsed.value } : undefined
}

export type Mapped = { ok: true; record: Record<string, unknown> } | { ok: false; reason: string }

/**
 * The record a row becomes. A missing column, or a value its destination's type cannot hold,
 * fails the row; a null or empty value leaves its field out.
 */
export function mapRow(rules: readonly CompiledRule[], row: Record<string, unknown>): Mapped {
  const record: Record<string, unknown> = {}
  const lookup = rowLookup(row)
  for (const rule of rules) {
    const value = produce(rule.produce, lookup)
    if (!value.ok) return { ok: false, reason: `${rule.destination}: ${value.reason}` }
    if (value.value === null || value.value === undefined || value.value === '') continue
    const converted = convert(value.value, rule.type)
    if (!converted.ok) return { ok: false, reason: `${rule.destination}: ${converted.reason}` }
    setPath(record, rule.destination, converted.value)
  }
  return { ok: true, record }
}

function produce(p: Producer, lookup: Lookup): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (p.kind === 'static') return { ok: true, value: p.value }
  if (p.kind === 'expression') return evaluate(p.expr, lookup)
  const read = lookup(p.path)
  return read.found ? { ok: true, value: read.value } : { ok: false, reason: `the column '${p.text}' is missing` }
}

/** Reads a path into a row: a flat column first (its name may hold dots), else nested objects (JSON). */
export function rowLookup(row: Record<string, unknown>): Lookup {
  return (path) => {
    const flat = path.join('.')
    if (path.length > 1 && flat in row) return { found: true, value: row[flat] }
    let node: unknown = row
    for (const segment of path) {
      if (!isRecord(node) || !(segment in node)) return { found: false }
      node = node[segment]
    }
    return { found: true, value: node }
  }
}

/**
 * Without a Mapping transformation, a row is taken as XDM already: each leaf (a flat key may be a
 * dotted path) must be a field of the schema and hold a value of its type.
 */
export function identityRow(fields: Record<string, XdmFieldType>, row: Record<string, unknown>): Mapped {
  const record: Record<string, unknown> = {}
  for (const [path, value] of leaves(row, '')) {
    if (value === null || value === undefined || value === '') continue
    const type = fields[path]
    if (type === undefined) return { ok: false, reason: `${path}: not a field of the schema` }
    const converted = convert(value, type)
    if (!converted.ok) return { ok: false, reason: `${path}: ${converted.reason}` }
    setPath(record, path, converted.value)
  }
  return { ok: true, record }
}

function leaves(value: Record<string, unknown>, prefix: string): [string, unknown][] {
  return Object.entries(value).flatMap(([key, v]): [string, unknown][] => {
    const path = prefix === '' ? key : `${prefix}.${key}`
    return isRecord(v) ? leaves(v, path) : [[path, v]]
  })
}
