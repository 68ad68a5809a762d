// The repository's actions, once: what scripts and tests read to build, run, document and check
// each of them. A new action is a new line here, its folder with an action.yml and a README.md
// (`npm run docs` writes its tables there), and its src/.

import { dirname, join } from 'node:path'

export const ACTIONS = [
  { name: 'connection', actionYml: 'action.yml', entry: 'src/connection/index.ts', uses: 'OWNER/REPO@v1' },
  { name: 'explore', actionYml: 'explore/action.yml', entry: 'src/explore/index.ts', uses: 'OWNER/REPO/explore@v1' },
  { name: 'dataflow', actionYml: 'dataflow/action.yml', entry: 'src/dataflow/index.ts', uses: 'OWNER/REPO/dataflow@v1' }
] as const

export type Action = (typeof ACTIONS)[number]
export type ActionName = Action['name']

/** Where an action's bundle is built: its own folder, as ncc empties the folder it writes. */
export function distOf(name: ActionName): string {
  return `dist/${name}`
}

/** An action's README: the one beside its action.yml, where `npm run docs` writes its inputs and outputs tables. */
export function readmeOf(action: Action): string {
  return join(dirname(action.actionYml), 'README.md')
}

/** The module that exports an action's run(), which local-action calls: main.ts, beside the entry that imports it. */
export function mainOf(action: Action): string {
  return join(dirname(action.entry), 'main.ts')
}
