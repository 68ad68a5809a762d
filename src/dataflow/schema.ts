// A schema as the Schema Registry answers it resolved (`xed-full`): its field paths, which a
// mapping's destinations must name. Server values: read with bounds on depth and count.

import { isObject } from '../platform/json.js'

export interface SchemaFields {
  /** Every field's dotted path, objects and leaves alike ('person', 'person.name', 'person.name.firstName'). */
  paths: Set<string>
  /**
   * Fields whose insides the schema does not list (arrays, maps): any destination below them is
   * left to Data Prep, which knows their item syntax.
   */
  open: string[]
}

/** Deeper than any XDM schema nests. */
const MAX_DEPTH = 32
/** More fields than any XDM schema holds: the rest are not read. */
const MAX_FIELDS = 50_000

export function readSchemaFields(json: unknown): SchemaFields {
  const fields: SchemaFields = { paths: new Set(), open: [] }
  walk(json, '', 0, fields)
  return fields
}

function walk(node: unknown, prefix: string, depth: number, into: SchemaFields): void {
  if (!isObject(node) || !isObject(node.properties) || depth > MAX_DEPTH) return
  for (const [name, child] of Object.entries(node.properties)) {
    if (into.paths.size >= MAX_FIELDS) return
    const path = prefix === '' ? name : `${prefix}.${name}`
    into.paths.add(path)
    if (!isObject(child)) continue
    if (isObject(child.properties)) walk(child, path, depth + 1, into)
    else if (child.type === 'array' || child.type === 'object' || child.additionalProperties !== undefined) into.open.push(path)
  }
}

/** Whether the schema has `destination`, or leaves it to Data Prep (below an array or a map). */
export function hasField(fields: SchemaFields, destination: string): boolean {
  return (
    fields.paths.has(destination) || fields.open.some((open) => destination.startsWith(`${open}.`) || destination.startsWith(`${open}[`))
  )
}
