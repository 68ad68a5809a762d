// Free text from a server (messages, codes, titles, names in listings) is untrusted: it may hold
// a newline followed by `::error::`, which the runner would run as a workflow command, or
// markup meant to break out of a job summary table. Every action prints such text through
// these two functions only.

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
// overrides that can make a log line read differently from what it holds.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** Default cap for one value in a log line: long enough for any message Adobe documents. */
export const MAX_LOGGED_CHARS = 500

/**
 * The value on one line, each control character shown as an escape (`\n`, `\u001b`), cut to
 * `max` characters with an ellipsis. Cutting comes last: the caller redacts secrets first.
 */
export function oneLine(value: string, max = MAX_LOGGED_CHARS): string {
  const flat = value.replace(UNSAFE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat
}

/**
 * A value for an HTML cell of the job summary: one line, markup escaped. The summary is
 * Markdown, in which a blank line ends an HTML block; a value can therefore never be allowed
 * a line break, or whatever follows it would be rendered as Markdown of the server's choosing.
 */
export function summaryText(value: string, max = MAX_LOGGED_CHARS): string {
  return escapeHtml(oneLine(value, max))
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`|[\]\\*_]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A JSON-quoted value for a message: quotes make its ends visible, oneLine keeps it on the line. */
export function quoted(value: string, max = MAX_LOGGED_CHARS): string {
  return `"${oneLine(value, max).replace(/"/g, '\\"')}"`
}

/** How many ids a message names before it counts the rest. */
export const MAX_IDS_SHOWN = 10

/** 'a, b, c and 5 more': at most `max` of `values`, then the count of the rest of `total` (all of them by default). */
export function shortList(values: readonly string[], max = MAX_IDS_SHOWN, total = values.length): string {
  const shown = values.slice(0, max)
  const rest = total - shown.length
  return `${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`
}
