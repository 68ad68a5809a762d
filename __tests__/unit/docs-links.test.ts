// Every relative link in the repository's Markdown leads somewhere: to a file that exists, and,
// with a #fragment, to a heading of that file as GitHub anchors it. Sections move between the
// READMEs and docs/; a link left behind fails here rather than on GitHub.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '.git'])

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    if (SKIPPED.has(entry)) return []
    if (statSync(path).isDirectory()) return markdownFiles(path)
    return entry.endsWith('.md') ? [path] : []
  })
}

/** The text outside fenced code blocks and code spans: what GitHub renders links in. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '')
}

/** GitHub's anchor of each heading, as github-slugger makes it: duplicates get -1, -2, ... */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  for (const [, heading = ''] of markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '')
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    anchors.add(count === 0 ? slug : `${slug}-${count}`)
  }
  return anchors
}

const files = markdownFiles(ROOT)

it('finds the READMEs and the decision records', () => {
  const names = files.map((f) => relative(ROOT, f))
  expect(names).toEqual(
    expect.arrayContaining(['README.md', 'docs/connection.md', 'explore/README.md', 'dataflow/README.md', 'docs/decisions/README.md'])
  )
})

describe.each(files.map((file) => ({ file, name: relative(ROOT, file) })))('$name', ({ file }) => {
  it('links only to files that exist, and to headings they have', () => {
    const broken: string[] = []
    for (const [, target = ''] of prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (/^[a-z][a-z+.-]*:/i.test(target)) continue
      const [path = '', fragment] = target.split('#')
      const linked = path === '' ? file : join(dirname(file), decodeURIComponent(path))
      if (!existsSync(linked)) {
        broken.push(`${target}: no such file`)
        continue
      }
      if (fragment !== undefined && linked.endsWith('.md') && !anchorsOf(readFileSync(linked, 'utf8')).has(fragment))
        broken.push(`${target}: no such heading`)
    }
    expect(broken).toEqual([])
  })
})
