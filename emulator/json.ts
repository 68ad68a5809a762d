// Reading untrusted JSON (request bodies, the control API, option files): the one check every
// reader starts with.

/** A JSON object: not null, not an array. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
