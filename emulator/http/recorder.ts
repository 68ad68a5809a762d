import type { RecordedRequest } from '../types.js'

// The request log. Records are filled in as the exchange proceeds (body once read, status once
// answered); readers get copies, so a test's snapshot never changes under it.
export class Recorder {
  private log: RecordedRequest[] = []
  private seq = 0

  start(fields: Omit<RecordedRequest, 'seq' | 'time' | 'body'>): RecordedRequest {
    const record: RecordedRequest = { seq: ++this.seq, time: Date.now(), body: '', ...fields }
    this.log.push(record)
    return record
  }

  all(): RecordedRequest[] {
    return this.log.map((r) => structuredClone(r))
  }

  // Numbering restarts too, so that after a reset the next request is seq 1 again.
  clear(): void {
    this.log = []
    this.seq = 0
  }
}

export function queryRecord(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [key, value] of params) (out[key] ??= []).push(value)
  return out
}

export function headerRecord(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}
