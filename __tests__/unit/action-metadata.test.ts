// Each action.yml is a public contract; its README documents it. Both are checked here.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { parse } from 'yaml'
import { ACTIONS, readmeOf } from '../../scripts/actions.js'
import { renderReadme, SESSION_INPUTS } from '../../scripts/readme-tables.js'
import { CONTRACT_INPUTS } from '../helpers/contract.js'

const root = new URL('../../', import.meta.url)

interface ActionYml {
  name: string
  description: string
  branding: { icon: string; color: string }
  inputs: Record<string, { description?: string; required?: boolean; default?: unknown }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string }
}

/** The longest description of an input or output: each becomes a cell of its README's table. */
const MAX_DESCRIPTION = 160

const load = (file: string) => parse(readFileSync(new URL(file, root), 'utf8')) as ActionYml

describe.each(ACTIONS)('$actionYml', ({ name, actionYml: file }) => {
  const action = load(file)

  it('describes every input and output, with string defaults', () => {
    for (const [input, spec] of Object.entries(action.inputs)) {
      expect({ input, described: (spec.description ?? '').length > 10 }).toEqual({ input, described: true })
      if (spec.default !== undefined) expect({ input, type: typeof spec.default }).toEqual({ input, type: 'string' })
    }
    for (const output of Object.values(action.outputs)) expect(output.description?.length).toBeGreaterThan(10)
  })

  it(`describes each input and output in at most ${MAX_DESCRIPTION} characters: a table cell read at a glance (details go in the README's prose)`, () => {
    const described = { ...action.inputs, ...action.outputs }
    const long = Object.entries(described).filter(([, spec]) => (spec.description ?? '').length > MAX_DESCRIPTION)
    expect(long.map(([name, spec]) => `${name}: ${spec.description?.length ?? 0}`)).toEqual([])
  })

  it(`runs its own bundle, dist/${name}/index.js, on node24, with Marketplace branding`, () => {
    const main = file === 'action.yml' ? `dist/${name}/index.js` : `../dist/${name}/index.js`
    expect(action.runs).toEqual({ using: 'node24', main })
    expect(existsSync(new URL(`dist/${name}/index.js`, root))).toBe(true)
    expect(action.branding.icon).toMatch(/^[a-z-]+$/)
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(action.branding.color)
    expect(action.description.length).toBeLessThanOrEqual(125)
  })

  it(`keeps its bundle, dist/${name}/, within 1.5 MB (1,500,000 bytes): what every job downloads and loads`, () => {
    const folder = new URL(`dist/${name}/`, root)
    const bytes = readdirSync(folder).reduce((sum, entry) => sum + statSync(new URL(entry, folder)).size, 0)
    expect(bytes).toBeLessThanOrEqual(1_500_000)
  })

  it("has an inputs file for `npm run local-action` that sets only its inputs, and every required one but connection-id (the script's)", () => {
    const text = readFileSync(new URL(file.replace(/action\.yml$/, '.env.example'), root), 'utf8')
    const set = [...text.matchAll(/^INPUT_([A-Z0-9_-]+)=/gm)].map(([, input]) => (input ?? '').toLowerCase())
    const declared = Object.keys(action.inputs)
    const required = declared.filter((input) => action.inputs[input]?.required === true && input !== 'connection-id')
    expect(set.filter((input) => !declared.includes(input))).toEqual([])
    expect(required.filter((input) => !set.includes(input))).toEqual([])
  })

  it('declares the session inputs exactly as the connection action does', () => {
    const connection = load('action.yml')
    for (const input of SESSION_INPUTS) expect({ input, spec: action.inputs[input] }).toEqual({ input, spec: connection.inputs[input] })
  })
})

describe('action.yml (the connection action, v1 contract)', () => {
  const action = load('action.yml')
  it('declares every input of the contract, and platform-url, in order', () => {
    expect(Object.keys(action.inputs)).toEqual(CONTRACT_INPUTS)
  })
  it('requires exactly client-id, ims-org-id and connection-name', () => {
    const required = Object.entries(action.inputs)
      .filter(([, i]) => i.required === true)
      .map(([n]) => n)
    expect(required).toEqual(['client-id', 'ims-org-id', 'connection-name'])
  })
  it('declares the three outputs', () => {
    expect(Object.keys(action.outputs)).toEqual(['connection-id', 'etag', 'operation'])
  })
})

describe('explore/action.yml (the companion contract)', () => {
  const action = load('explore/action.yml')
  it('declares the session inputs and the explore inputs and outputs of the contract', () => {
    expect(Object.keys(action.inputs).filter((i) => !SESSION_INPUTS.includes(i))).toEqual([
      'connection-id',
      'path',
      'preview',
      'preview-rows',
      'file-type',
      'column-delimiter',
      'compression-type',
      'encoding',
      'expect',
      'if-missing',
      'wait-seconds',
      'dry-run'
    ])
    expect(Object.keys(action.outputs)).toEqual(['entries', 'count', 'matches', 'matched', 'columns', 'rows'])
  })
})

describe('dataflow/action.yml (the companion contract)', () => {
  const action = load('dataflow/action.yml')
  it('declares the session inputs and the dataflow inputs and outputs of the contract', () => {
    expect(Object.keys(action.inputs).filter((i) => !SESSION_INPUTS.includes(i))).toEqual([
      'connection-id',
      'dataflow-name',
      'description',
      'source-path',
      'recursive',
      'data-format',
      'column-delimiter',
      'compression-type',
      'encoding',
      'dataset-id',
      'mapping',
      'frequency',
      'interval',
      'start-time',
      'backfill',
      'partial-ingestion-percent',
      'error-diagnostics',
      'enabled',
      'if-exists',
      'on-source-change',
      'run-now',
      'wait-for-run',
      'wait-minutes',
      'state',
      'plan',
      'dry-run'
    ])
    expect(Object.keys(action.outputs)).toEqual([
      'dataflow-id',
      'etag',
      'source-connection-id',
      'target-connection-id',
      'mapping-set-id',
      'mapping-version',
      'operation',
      'changes',
      'run-id',
      'run-status',
      'records-read',
      'records-written',
      'records-failed'
    ])
  })
})

/** A Markdown table's cells, whatever padding the formatter gave them. */
function tableCells(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/^:?-+:?$/, '---')))
}

describe.each(ACTIONS.map((action) => ({ action, readme: readmeOf(action) })))('$readme', ({ action, readme: file }) => {
  it(`has the inputs and outputs tables of ${action.actionYml}, as it says (npm run docs rewrites them)`, () => {
    const readme = readFileSync(new URL(file, root), 'utf8')
    expect(tableCells(readme)).toEqual(tableCells(renderReadme(action, readme, new URL('.', root).pathname)))
  })
})
