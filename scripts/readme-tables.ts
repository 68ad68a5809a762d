// Each action's inputs and outputs tables, generated from its action.yml into its own README (the
// one beside it: README.md, explore/README.md, dataflow/README.md) so that the two never
// disagree: `npm run docs` rewrites them, formatted as Prettier formats them (so a second run, or
// `npm run format:check`, finds nothing to change); a test fails when they drift. The actions are
// those of scripts/actions.ts. The session inputs, the same in every action, get one table of
// their own in the root README.

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'
import { ACTIONS, readmeOf, type Action } from './actions.js'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

/** Inputs every action declares alike (a test keeps them equal); the root README shows them once. */
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

/** The README that holds the session inputs table: the root one, the first a user reads. */
export const SESSION_README = 'README.md'

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

/** `text` with what lies between `<!-- name:start -->` and `<!-- name:end -->` replaced by `content`. */
export function replaceBlock(text: string, name: string, content: string, file = 'README'): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to < from) throw new Error(`${file} has no ${start} ... ${end} block`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

/** `action`'s README with its tables rewritten from its action.yml under `root` (and, in the root README, the session inputs). */
export function renderReadme(action: Action, readme: string, root: string): string {
  const file = readmeOf(action)
  const yml = parse(readFileSync(join(root, action.actionYml), 'utf8')) as ActionYml
  let text = readme
  if (file === SESSION_README) text = replaceBlock(text, 'session-inputs', inputsTable(yml.inputs, SESSION_INPUTS), file)
  const own = Object.keys(yml.inputs).filter((input) => !SESSION_INPUTS.includes(input))
  text = replaceBlock(text, 'inputs', inputsTable(yml.inputs, own), file)
  return replaceBlock(text, 'outputs', outputsTable(yml.outputs), file)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(import.meta.url), '..', '..')
  for (const action of ACTIONS) {
    const path = join(root, readmeOf(action))
    const text = renderReadme(action, readFileSync(path, 'utf8'), root)
    writeFileSync(path, await format(text, { ...(await resolveConfig(path)), filepath: path }))
    console.log(`${readmeOf(action)}: tables rewritten from ${action.actionYml}`)
  }
}
