// Times as people read them in logs, summaries and outputs: ISO 8601 UTC to the second, never
// bare epoch numbers.

/** Epoch milliseconds as '2026-12-05T23:45:00Z'. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
