// `npm run package`: every action's bundle, from src/, into its own folder of dist/ (ncc empties
// the folder it writes, so each gets a sibling). ncc does not compact the chunks it splits off, so
// each file is then compacted (whitespace, comments and redundant syntax out; names kept, so that a
// stack trace in a debug log still reads): what every job downloads and loads stays small.

import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { transformSync } from 'esbuild'
import { ACTIONS, distOf } from './actions.js'
import { ROOT } from './runner.js'

rmSync(join(ROOT, 'dist'), { recursive: true, force: true })
for (const action of ACTIONS) {
  const out = join(ROOT, distOf(action.name))
  const built = spawnSync('npx', ['ncc', 'build', action.entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    cwd: ROOT,
    stdio: 'inherit'
  })
  if (built.status !== 0) process.exit(built.status ?? 1)
  for (const file of readdirSync(out).filter((f) => f.endsWith('.js'))) {
    const path = join(out, file)
    const { code } = transformSync(readFileSync(path, 'utf8'), {
      format: 'esm',
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'none',
      target: 'node24'
    })
    writeFileSync(path, code)
  }
  const bytes = readdirSync(out).reduce((sum, f) => sum + readFileSync(join(out, f)).length, 0)
  console.log(`${distOf(action.name)}: ${(bytes / 1024).toFixed(0)} KiB`)
}
