import { readSeed } from '../flow-service/connections/store.js'
import { pathSegments } from '../http/io.js'
import { isRecord } from '../json.js'
import { CATALOG_BASE_PATH, DATAPREP_BASE_PATH, FLOW_BASE_PATH, SCHEMA_REGISTRY_BASE_PATH } from '../paths.js'
import type { FaultAction, FaultInjector, FaultRule, SeedInput } from '../types.js'
import { Barrier, DEFAULT_BARRIER_TIMEOUT_MS } from './barrier.js'

interface Armed {
  rule: FaultRule
  segments: string[]
  left: number
  barrier?: Barrier
}

/** What applies to one request that a rule matched. */
export interface Taken {
  action: FaultAction
  seed?: SeedInput
  // Shared by every request the rule holds; present for a barrier action.
  barrier?: Barrier
}

const ACTION_TYPES: readonly FaultAction['type'][] = ['status', 'hang', 'commit-then-drop', 'reset', 'malformed-json', 'delay', 'barrier']

// Routes are written relative to the service base ('/connections/*', '/dataSets/*',
// '/mappingSets'); a route written with a Platform service's base in front is accepted too.
// '*' or '{anything}' matches one path segment.
export function routeSegments(route: string): string[] {
  const base = [FLOW_BASE_PATH, CATALOG_BASE_PATH, DATAPREP_BASE_PATH, SCHEMA_REGISTRY_BASE_PATH].find((b) => route.startsWith(b + '/'))
  return pathSegments(base === undefined ? route : route.slice(base.length))
}

export function routeMatches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false
  return pattern.every((p, i) => p === '*' || /^\{.*\}$/.test(p) || p === path[i])
}

export class Faults implements FaultInjector {
  private rules: Armed[] = []

  add(rule: FaultRule): void {
    const checked = readRule(rule)
    if (typeof checked === 'string') throw new Error(`Invalid fault rule: ${checked}`)
    const { action } = checked
    const armed: Armed = { rule: checked, segments: routeSegments(checked.route), left: checked.times ?? 1 }
    if (action.type === 'barrier') armed.barrier = new Barrier(action.count, action.timeoutMs ?? DEFAULT_BARRIER_TIMEOUT_MS)
    this.rules.push(armed)
  }

  // Requests a barrier holds are let through rather than left to wait for their timeout.
  clear(): void {
    const barriers = this.rules.flatMap((r) => (r.barrier ? [r.barrier] : []))
    this.rules = []
    for (const barrier of barriers) barrier.release()
  }

  pending(): FaultRule[] {
    return this.rules.filter((r) => r.left > 0).map((r) => ({ ...r.rule, times: r.left }))
  }

  // First armed rule that matches wins, and is used up by one.
  take(method: string, path: string): Taken | undefined {
    const segments = pathSegments(path)
    const armed = this.rules.find(
      (r) => r.left > 0 && (r.rule.method === undefined || r.rule.method === method) && routeMatches(r.segments, segments)
    )
    if (!armed) return undefined
    armed.left -= 1
    const { action, seed } = armed.rule
    return { action, ...(seed ? { seed } : {}), ...(armed.barrier ? { barrier: armed.barrier } : {}) }
  }
}

/**
 * A FaultRule from untrusted input (the TypeScript API from plain JS, the control API), with the
 * method upper-cased and a barrier's `times` defaulting to its count; or what is wrong with it.
 */
export function readRule(value: unknown): FaultRule | string {
  if (!isRecord(value)) return 'a rule must be an object'
  const { route, method, times, seed } = value
  if (typeof route !== 'string' || !route.startsWith('/')) return 'route must be a path such as /connections/*'
  if (method !== undefined && typeof method !== 'string') return 'method must be a string'
  if (times !== undefined && !(typeof times === 'number' && times >= 1 && (Number.isInteger(times) || times === Infinity))) {
    return 'times must be a positive integer or Infinity'
  }
  const action = readAction(value['action'])
  if (typeof action === 'string') return action
  const rule: FaultRule = { route, action }
  if (method !== undefined) rule.method = method.toUpperCase()
  if (times !== undefined) rule.times = times
  if (action.type === 'barrier') {
    // Each held request uses one of `times`: fewer than `count` could never fill the barrier.
    if (times !== undefined && times < action.count) return `a barrier of count ${action.count} needs times >= ${action.count}`
    rule.times = times ?? action.count
  }
  if (seed !== undefined) {
    const input = readSeed(seed)
    if (typeof input === 'string') return input
    rule.seed = input
  }
  return rule
}

function readAction(action: unknown): FaultAction | string {
  if (!isRecord(action)) return 'action must be an object with a type'
  const type = action['type']
  switch (type) {
    case 'status':
      return readStatusAction(action)
    case 'malformed-json': {
      const status = action['status']
      if (status === undefined) return { type }
      return isStatus(status) ? { type, status } : 'status must be between 200 and 599'
    }
    case 'delay': {
      const ms = action['ms']
      return typeof ms === 'number' && ms >= 0 ? { type, ms } : 'a delay action needs ms >= 0'
    }
    case 'barrier':
      return readBarrierAction(action)
    case 'hang':
    case 'reset':
    case 'commit-then-drop':
      return { type }
    default:
      return `action.type must be one of ${ACTION_TYPES.join(', ')}`
  }
}

function readStatusAction(action: Record<string, unknown>): FaultAction | string {
  const { status, body, headers } = action
  if (!isStatus(status)) return 'a status action needs a status between 200 and 599'
  const out: Extract<FaultAction, { type: 'status' }> = { type: 'status', status }
  if (body !== undefined) out.body = body
  if (headers !== undefined) {
    if (!isStringRecord(headers)) return 'headers must map names to strings'
    out.headers = { ...headers }
  }
  return out
}

function readBarrierAction(action: Record<string, unknown>): FaultAction | string {
  const { count, timeoutMs } = action
  if (!(typeof count === 'number' && Number.isInteger(count) && count >= 1)) return 'a barrier action needs a count, an integer >= 1'
  if (timeoutMs === undefined) return { type: 'barrier', count }
  if (!(typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs >= 0)) return 'a barrier timeoutMs must be a number >= 0'
  return { type: 'barrier', count, timeoutMs }
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return isRecord(v) && Object.values(v).every((h) => typeof h === 'string')
}

function isStatus(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 200 && v <= 599
}
