// action.yml is the public contract; the README documents it. Both are checked here.

import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { renderReadme } from '../../scripts/readme-tables.js'
import { CONTRACT_INPUTS } from '../helpers/contract.js'

const root = new URL('../../', import.meta.url)
const actionYml = readFileSync(new URL('action.yml', root), 'utf8')
const action = parse(actionYml) as {
  name: string
  description: string
  branding: { icon: string; color: string }
  inputs: Record<string, { description?: string; required?: boolean; default?: unknown }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string }
}

describe('action.yml', () => {
  it('declares every input of the contract, each with a description and a string default', () => {
    expect(Object.keys(action.inputs)).toEqual(CONTRACT_INPUTS)
    for (const [name, input] of Object.entries(action.inputs)) {
      expect({ name, described: (input.description ?? '').length > 10 }).toEqual({ name, described: true })
      if (input.default !== undefined) expect({ name, type: typeof input.default }).toEqual({ name, type: 'string' })
    }
  })

  it('requires exactly client-id, ims-org-id and connection-name', () => {
    const required = Object.entries(action.inputs)
      .filter(([, i]) => i.required === true)
      .map(([n]) => n)
    expect(required).toEqual(['client-id', 'ims-org-id', 'connection-name'])
  })

  it('declares the three outputs, described', () => {
    expect(Object.keys(action.outputs)).toEqual(['connection-id', 'etag', 'operation'])
    for (const output of Object.values(action.outputs)) expect(output.description?.length).toBeGreaterThan(10)
  })

  it('runs dist/connection/index.js on node24 and has Marketplace branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/connection/index.js' })
    expect(action.branding.icon).toMatch(/^[a-z-]+$/)
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(action.branding.color)
    expect(action.description.length).toBeLessThanOrEqual(125)
  })
})

/** A Markdown table's cells, whatever padding the formatter gave them. */
function tableCells(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/^:?-+:?$/, '---')))
}

describe('README.md', () => {
  it('has the inputs and outputs tables of action.yml (npm run docs rewrites them)', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8')
    expect(tableCells(readme)).toEqual(tableCells(renderReadme(readme, actionYml)))
  })
})
