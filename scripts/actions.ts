// The repository's actions, once: what scripts and tests read to build, run, document and check
// each of them. A new action is a new line here, its folder with an action.yml and a README.md
// (`npm run docs` writes its tables there), and its src/.

import { dirname, join } from 'node:path'

export const ACTIONS = [
  // The root action's reference is in docs/: the root README is the repository's front page.
  { name: 'connection', actionYml: 'action.yml', readme: 'docs/connection.md', entry: 'src/connection/index.ts', uses: 'OWNER/REPO@v1' },
  {
    name: 'explore',
    actionYml: 'explore/action.yml',
    readme: 'explore/README.md',
    entry: 'src/explore/index.ts',
    uses: 'OWNER/REPO/explore@v1'
  },
  {
    name: 'dataflow',
    actionYml: 'dataflow/action.yml',
    readme: 'dataflow/README.md',
    entry: 'src/dataflow/index.ts',
    uses: 'OWNER/REPO/dataflow@v1'
  }
] as const

export type Action = (typeof ACTIONS)[number]
export type ActionName = Action['name']

/** Where an action's bundle is built: its own folder, as ncc empties the folder it writes. */
export function distOf(name: ActionName): string {
  return `dist/${name}`
}

/** An action's reference, where `npm run docs` writes its inputs and outputs tables. */
export function readmeOf(action: Action): string {
  return action.readme
}

/** The module that exports an action's run(), which local-action calls: main.ts, beside the entry that imports it. */
export function mainOf(action: Action): string {
  return join(dirname(action.entry), 'main.ts')
}
