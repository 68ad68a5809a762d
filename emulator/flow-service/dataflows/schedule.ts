import { badRequest, flow, refuse, type AdobeError, type Checked } from '../../http/errors.js'
import { isRecord } from '../../json.js'
import type { Frequency, ScheduleParams } from '../../types.js'

// A dataflow's scheduleParams as the CloudStorageToAEP flow spec's schema has them checked, on a
// create and again on every patch, and the arithmetic of its slots. Pure.

export const FREQUENCIES: readonly Frequency[] = ['once', 'minute', 'hour', 'day', 'week']

const FREQUENCY_MS: Record<Exclude<Frequency, 'once'>, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 }

/** Between two scheduled runs, in ms; undefined for `once`. */
export function intervalMs(p: ScheduleParams): number | undefined {
  return p.frequency === 'once' ? undefined : FREQUENCY_MS[p.frequency] * (p.interval ?? defaultInterval(p.frequency))
}

function defaultInterval(frequency: Frequency): number {
  return frequency === 'minute' ? 15 : 1
}

/**
 * The schedule, or the first rule it breaks. `previous` is the schedule being patched: once its
 * start has passed, startTime and backfill are fixed and the flow cannot become `once`.
 */
export function readSchedule(raw: unknown, nowMs: number, previous?: ScheduleParams): Checked<ScheduleParams> {
  if (!isRecord(raw)) return refuse(badRequest('scheduleParams is required: {startTime, frequency, interval, backfill}.'))
  const startTime = wholeNumber(raw['startTime'])
  if (startTime === undefined) return refuse(code('1360-400', 'scheduleParams.startTime is required: epoch seconds, not in the past.'))
  const frequency = FREQUENCIES.find((f) => f === raw['frequency'])
  if (frequency === undefined) return refuse(badRequest(`scheduleParams.frequency must be one of ${FREQUENCIES.join(', ')}.`))
  const backfill = readBackfill(raw['backfill'])
  if (typeof backfill === 'object') return refuse(backfill)
  const fixed = previous && nowMs >= previous.startTime * 1000 ? startedProblem(previous, { startTime, frequency, backfill }) : undefined
  if (fixed) return refuse(fixed)
  if ((!previous || startTime !== previous.startTime) && startTime < Math.floor(nowMs / 1000)) {
    return refuse(code('1360-400', `scheduleParams.startTime ${startTime} is in the past: give epoch seconds from now on.`))
  }
  const interval = readInterval(raw['interval'], frequency)
  if (typeof interval === 'object') return refuse(interval)
  if (backfill !== undefined && frequency === 'once')
    return refuse(code('1364-400', 'scheduleParams.backfill cannot be set when frequency is once.'))
  const params: ScheduleParams = { startTime, frequency }
  if (interval !== undefined) params.interval = interval
  if (backfill !== undefined) params.backfill = backfill
  return { ok: true, value: params }
}

function startedProblem(
  previous: ScheduleParams,
  next: { startTime: number; frequency: Frequency; backfill: boolean | undefined }
): AdobeError | undefined {
  const started = 'The dataflow has started (its startTime has passed)'
  if (next.startTime !== previous.startTime) return code('1366-400', `${started}: its startTime cannot change.`)
  if (next.backfill !== previous.backfill) return code('1366-400', `${started}: its backfill cannot change.`)
  if (next.frequency === 'once' && previous.frequency !== 'once') return code('1366-400', `${started}: it cannot become a once dataflow.`)
  return undefined
}

// Absent: 15 for minute, 1 otherwise (nothing for once).
function readInterval(raw: unknown, frequency: Frequency): number | undefined | AdobeError {
  if (raw === undefined || raw === null) return frequency === 'once' ? undefined : defaultInterval(frequency)
  if (frequency === 'once') return code('1361-400', 'scheduleParams.interval cannot be set when frequency is once.')
  const interval = wholeNumber(raw)
  const least = defaultInterval(frequency)
  if (interval === undefined || interval < least) {
    return code(
      '1362-400',
      `scheduleParams.interval must be a whole number of at least ${least} for frequency ${frequency}, got ${JSON.stringify(raw)}.`
    )
  }
  return interval
}

function readBackfill(raw: unknown): boolean | undefined | AdobeError {
  if (raw === undefined || raw === null) return undefined
  const value = readBoolean(raw)
  return value ?? badRequest('scheduleParams.backfill must be true or false.')
}

/** A boolean, or its text ("true"/"false"), as values come back from Flow Service. */
export function readBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw
  return raw === 'true' || raw === 'false' ? raw === 'true' : undefined
}

/** A whole number, or its text ("15"), as values come back from Flow Service. */
export function wholeNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined
  return typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined
}

function code(c: string, message: string): AdobeError {
  return flow(c, 'Bad Request', message)
}
