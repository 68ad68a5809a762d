import { demoDataset, demoSchema } from '../demo.js'
import { isRecord } from '../json.js'
import type { CatalogApi, CatalogDataset, CatalogOptions, DatasetInput, SchemaInput, XdmFieldType, XdmSchema } from '../types.js'
import { DATASET_ID, fieldsProblem, FIELD_TYPES, newDatasetId, newSchemaId, SCHEMA_ID } from './xdm.js'

// What Catalog and the Schema Registry hold for the emulator: XDM schemas, datasets pointing at
// them, both in sandboxes, and the records dataflow runs wrote into each dataset.

export class CatalogStore implements CatalogApi {
  private readonly schemasById = new Map<string, XdmSchema>()
  private readonly datasetsById = new Map<string, CatalogDataset>()
  private readonly written = new Map<string, Record<string, unknown>[]>()

  /** `sandboxes[0]` is the default sandbox, where the demo schema and dataset live. */
  constructor(
    private readonly sandboxes: readonly string[],
    private readonly initial: CatalogOptions = {}
  ) {
    this.reset()
  }

  addSchema(input: SchemaInput): XdmSchema {
    const sandboxName = this.sandbox(input.sandboxName)
    const id = input.id ?? newSchemaId()
    if (!SCHEMA_ID.test(id))
      throw new Error(`addSchema: '${id}' is not a schema $id such as https://ns.adobe.com/{tenant}/schemas/{32 hex}`)
    if (this.schemasById.has(id)) throw new Error(`addSchema: the schema ${id} exists already`)
    if (typeof input.title !== 'string' || input.title === '') throw new Error('addSchema: a schema needs a title')
    const problem = fieldsProblem(input.fields)
    if (problem) throw new Error(`addSchema: ${problem}`)
    const schema: XdmSchema = { id, title: input.title, fields: { ...input.fields }, sandboxName }
    this.schemasById.set(id, schema)
    return structuredClone(schema)
  }

  addDataset(input: DatasetInput): CatalogDataset {
    const sandboxName = this.sandbox(input.sandboxName)
    const id = input.id ?? newDatasetId()
    if (!DATASET_ID.test(id)) throw new Error(`addDataset: '${id}' is not a dataset id (24 hex digits)`)
    if (this.datasetsById.has(id)) throw new Error(`addDataset: the dataset ${id} exists already`)
    if (typeof input.name !== 'string' || input.name === '') throw new Error('addDataset: a dataset needs a name')
    if (!this.schema(input.schemaId, sandboxName)) throw new Error(`addDataset: no schema ${input.schemaId} in sandbox '${sandboxName}'`)
    const dataset: CatalogDataset = { id, name: input.name, schemaId: input.schemaId, sandboxName, createdAt: Date.now() }
    if (input.description !== undefined) dataset.description = input.description
    this.datasetsById.set(id, dataset)
    return { ...dataset }
  }

  schemas(sandboxName?: string): XdmSchema[] {
    return [...this.schemasById.values()]
      .filter((s) => sandboxName === undefined || s.sandboxName === sandboxName)
      .map((s) => structuredClone(s))
  }

  datasets(sandboxName?: string): CatalogDataset[] {
    return [...this.datasetsById.values()].filter((d) => sandboxName === undefined || d.sandboxName === sandboxName).map((d) => ({ ...d }))
  }

  records(datasetId: string): Record<string, unknown>[] {
    return structuredClone(this.written.get(datasetId) ?? [])
  }

  /** A schema as the sandbox sees it: one of another sandbox does not exist there. */
  schema(id: string, sandboxName: string): XdmSchema | undefined {
    const schema = this.schemasById.get(id)
    return schema?.sandboxName === sandboxName ? schema : undefined
  }

  dataset(id: string, sandboxName: string): CatalogDataset | undefined {
    const dataset = this.datasetsById.get(id)
    return dataset?.sandboxName === sandboxName ? dataset : undefined
  }

  write(datasetId: string, records: readonly Record<string, unknown>[]): void {
    const list = this.written.get(datasetId) ?? []
    list.push(...records.map((r) => structuredClone(r)))
    this.written.set(datasetId, list)
  }

  /** Back to the start-up catalog: the demo schema and dataset, and those of the options. */
  reset(): void {
    this.schemasById.clear()
    this.datasetsById.clear()
    this.written.clear()
    const home = this.sandboxes[0] ?? 'prod'
    this.addSchema(demoSchema(home))
    this.addDataset(demoDataset(home))
    for (const schema of this.initial.schemas ?? []) this.addSchema(schema)
    for (const dataset of this.initial.datasets ?? []) this.addDataset(dataset)
  }

  private sandbox(name: string | undefined): string {
    const sandbox = name ?? this.sandboxes[0] ?? 'prod'
    if (!this.sandboxes.includes(sandbox)) throw new Error(`there is no sandbox '${sandbox}' (EmulatorOptions.sandboxes)`)
    return sandbox
  }
}

// ---- from untrusted JSON (control API, --catalog files) -----------------------------------------

export function readSchemaInput(v: unknown): SchemaInput | string {
  if (!isRecord(v)) return 'a schema is {"title", "fields": {"path": "type"}, "id"?, "sandboxName"?}'
  const { title, fields } = v
  if (typeof title !== 'string') return 'title must be a string'
  if (!isRecord(fields)) return 'fields must map field paths to types'
  const typed: Record<string, XdmFieldType> = {}
  for (const [path, type] of Object.entries(fields)) {
    const known = FIELD_TYPES.find((t) => t === type)
    if (known === undefined) return `fields.${path} must be one of ${FIELD_TYPES.join(', ')}`
    typed[path] = known
  }
  const optional = optionalStrings(v, ['id', 'sandboxName'])
  if (typeof optional === 'string') return optional
  return { title, fields: typed, ...optional }
}

export function readDatasetInput(v: unknown): DatasetInput | string {
  if (!isRecord(v)) return 'a dataset is {"name", "schemaId", "id"?, "description"?, "sandboxName"?}'
  const { name, schemaId } = v
  if (typeof name !== 'string') return 'name must be a string'
  if (typeof schemaId !== 'string') return 'schemaId must be a string'
  const optional = optionalStrings(v, ['id', 'description', 'sandboxName'])
  if (typeof optional === 'string') return optional
  return { name, schemaId, ...optional }
}

export function readCatalogOptions(v: unknown): CatalogOptions | string {
  if (!isRecord(v)) return 'the catalog is {"schemas": [...], "datasets": [...]}'
  const schemas = readList(v['schemas'], 'schemas', readSchemaInput)
  if (typeof schemas === 'string') return schemas
  const datasets = readList(v['datasets'], 'datasets', readDatasetInput)
  if (typeof datasets === 'string') return datasets
  return { schemas, datasets }
}

function readList<T>(value: unknown, name: string, read: (v: unknown) => T | string): T[] | string {
  if (value === undefined) return []
  if (!Array.isArray(value)) return `${name} must be an array`
  const out: T[] = []
  for (const [index, item] of value.entries()) {
    const read1 = read(item)
    if (typeof read1 === 'string') return `${name}[${index}]: ${read1}`
    out.push(read1)
  }
  return out
}

function optionalStrings<K extends string>(v: Record<string, unknown>, keys: readonly K[]): Partial<Record<K, string>> | string {
  const out: Partial<Record<K, string>> = {}
  for (const key of keys) {
    const value = v[key]
    if (value === undefined) continue
    if (typeof value !== 'string') return `${key} must be a string`
    out[key] = value
  }
  return out
}
