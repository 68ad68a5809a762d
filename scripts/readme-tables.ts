// The README's inputs and outputs tables, generated from each action.yml so that the two never
// disagree: `npm run docs` rewrites them; a test fails when they drift. The session inputs,
// the same in every action, get one table of their own.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

/** The repository's actions: the name the README's markers use, and where its action.yml is. */
export const ACTIONS = [
  { name: 'connection', file: 'action.yml' },
  { name: 'explore', file: 'explore/action.yml' },
  { name: 'dataflow', file: 'dataflow/action.yml' }
] as const

/** Inputs every action declares alike (a test keeps them equal); the README shows them once. */
export const SESSION_INPUTS = [
  'client-id',
  'client-secret',
  'access-token',
  'ims-org-id',
  'sandbox-name',
  'scopes',
  'ims-url',
  'platform-url',
  'timeout-seconds',
  'max-attempts'
]

const cell = (text: string): string => text.replace(/([|*_])/g, '\\$1').replace(/\n/g, ' ')

function inputsTable(inputs: ActionYml['inputs'], names: string[]): string {
  return [
    '| input | required | default | description |',
    '| --- | --- | --- | --- |',
    ...names.flatMap((name) => {
      const i = inputs[name]
      if (i === undefined) return []
      return [
        `| \`${name}\` | ${i.required === true ? 'yes' : 'no'} | ${i.default !== undefined ? `\`${i.default}\`` : ''} | ${cell(i.description)} |`
      ]
    })
  ].join('\n')
}

function outputsTable(outputs: ActionYml['outputs']): string {
  return [
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`)
  ].join('\n')
}

export function replaceBlock(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to < from) throw new Error(`README.md has no ${start} ... ${end} block`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

/** The README with every table rewritten from the action.yml files found under `root`. */
export function renderReadme(readme: string, root: string): string {
  let text = readme
  for (const { name, file } of ACTIONS) {
    const path = join(root, file)
    if (!existsSync(path)) continue
    const action = parse(readFileSync(path, 'utf8')) as ActionYml
    if (name === 'connection') text = replaceBlock(text, 'session-inputs', inputsTable(action.inputs, SESSION_INPUTS))
    const own = Object.keys(action.inputs).filter((input) => !SESSION_INPUTS.includes(input))
    text = replaceBlock(text, `${name}-inputs`, inputsTable(action.inputs, own))
    text = replaceBlock(text, `${name}-outputs`, outputsTable(action.outputs))
  }
  return text
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(import.meta.url), '..', '..')
  const readmePath = join(root, 'README.md')
  writeFileSync(readmePath, renderReadme(readFileSync(readmePath, 'utf8'), root))
  console.log('README.md tables rewritten from the action.yml files')
}
