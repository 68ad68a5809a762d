// The README's inputs and outputs tables, generated from action.yml so that the two never
// disagree: `npm run docs` rewrites them; a test fails when they drift.

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function renderTables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionYml
  const inputs = [
    '| input | required | default | description |',
    '| --- | --- | --- | --- |',
    ...Object.entries(action.inputs).map(
      ([name, i]) =>
        `| \`${name}\` | ${i.required === true ? 'yes' : 'no'} | ${i.default !== undefined ? `\`${i.default}\`` : ''} | ${cell(i.description)} |`
    )
  ].join('\n')
  const outputs = [
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`)
  ].join('\n')
  return { inputs, outputs }
}

export function replaceBlock(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to < from) throw new Error(`README.md has no ${start} ... ${end} block`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

export function renderReadme(readme: string, actionYml: string): string {
  const { inputs, outputs } = renderTables(actionYml)
  return replaceBlock(replaceBlock(readme, 'inputs', inputs), 'outputs', outputs)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(import.meta.url), '..', '..')
  const readmePath = join(root, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  writeFileSync(readmePath, renderReadme(readme, readFileSync(join(root, 'action.yml'), 'utf8')))
  console.log('README.md tables rewritten from action.yml')
}
