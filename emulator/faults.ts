import { FLOW_BASE_PATH } from './demo.js'
import type { FaultAction, FaultInjector, FaultRule } from './types.js'

interface Armed {
  method?: string
  route: string
  segments: string[]
  left: number
  action: FaultAction
}

const ACTION_TYPES: readonly string[] = ['status', 'hang', 'commit-then-drop', 'reset', 'malformed-json', 'delay']

// Routes are written relative to the service base ('/connections/*'); a route written with the
// Flow Service base in front is accepted too. '*' or '{anything}' matches one path segment.
export function routeSegments(route: string): string[] {
  const relative = route.startsWith(FLOW_BASE_PATH + '/') ? route.slice(FLOW_BASE_PATH.length) : route
  return splitPath(relative)
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '')
}

export function routeMatches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false
  return pattern.every((p, i) => p === '*' || /^\{.*\}$/.test(p) || p === path[i])
}

export class Faults implements FaultInjector {
  private rules: Armed[] = []

  add(rule: FaultRule): void {
    const problem = validateRule(rule)
    if (problem) throw new Error(`Invalid fault rule: ${problem}`)
    const armed: Armed = {
      route: rule.route,
      segments: routeSegments(rule.route),
      left: rule.times ?? 1,
      action: rule.action
    }
    if (rule.method !== undefined) armed.method = rule.method.toUpperCase()
    this.rules.push(armed)
  }

  clear(): void {
    this.rules = []
  }

  pending(): FaultRule[] {
    return this.rules
      .filter((r) => r.left > 0)
      .map((r) => ({ ...(r.method ? { method: r.method } : {}), route: r.route, times: r.left, action: r.action }))
  }

  // First armed rule that matches wins, and is used up by one.
  take(method: string, path: string): FaultAction | undefined {
    const segments = splitPath(path)
    const rule = this.rules.find((r) => r.left > 0 && (r.method === undefined || r.method === method) && routeMatches(r.segments, segments))
    if (!rule) return undefined
    rule.left -= 1
    return rule.action
  }
}

export function validateRule(rule: unknown): string | undefined {
  if (typeof rule !== 'object' || rule === null) return 'a rule must be an object'
  const r = rule as Partial<Record<keyof FaultRule, unknown>>
  if (typeof r.route !== 'string' || !r.route.startsWith('/')) return 'route must be a path such as /connections/*'
  if (r.method !== undefined && typeof r.method !== 'string') return 'method must be a string'
  if (r.times !== undefined && !(typeof r.times === 'number' && r.times >= 1 && (Number.isInteger(r.times) || r.times === Infinity))) {
    return 'times must be a positive integer or Infinity'
  }
  return validateAction(r.action)
}

function validateAction(action: unknown): string | undefined {
  if (typeof action !== 'object' || action === null) return 'action must be an object with a type'
  const a = action as Record<string, unknown>
  if (typeof a['type'] !== 'string' || !ACTION_TYPES.includes(a['type'])) {
    return `action.type must be one of ${ACTION_TYPES.join(', ')}`
  }
  if (a['type'] === 'status' && !isStatus(a['status'])) return 'a status action needs a status between 200 and 599'
  if (a['type'] === 'malformed-json' && a['status'] !== undefined && !isStatus(a['status'])) return 'status must be between 200 and 599'
  if (a['type'] === 'delay' && !(typeof a['ms'] === 'number' && a['ms'] >= 0)) return 'a delay action needs ms >= 0'
  return undefined
}

function isStatus(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 200 && v <= 599
}
