import { intervalMs, readBoolean, readSchedule, wholeNumber } from '../../../../emulator/flow-service/dataflows/schedule.js'
import type { AdobeError } from '../../../../emulator/http/errors.js'
import type { ScheduleParams } from '../../../../emulator/types.js'

const NOW = 1_800_000_000_000
const SOON = NOW / 1000 + 60

function code(raw: unknown, previous?: ScheduleParams, now = NOW): string {
  const result = readSchedule(raw, now, previous)
  if (result.ok) return 'ok'
  const e: AdobeError = result.error
  return e.shape === 'flow' ? e.code : e.shape
}

function read(raw: unknown, previous?: ScheduleParams, now = NOW): ScheduleParams {
  const result = readSchedule(raw, now, previous)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe('schedule rules on create', () => {
  test('reads numbers or their text; interval defaults to 15 for minute and 1 otherwise', () => {
    expect(read({ startTime: SOON, frequency: 'minute', interval: 30, backfill: true })).toEqual({
      startTime: SOON,
      frequency: 'minute',
      interval: 30,
      backfill: true
    })
    expect(read({ startTime: String(SOON), frequency: 'hour', interval: '2', backfill: 'false' })).toEqual({
      startTime: SOON,
      frequency: 'hour',
      interval: 2,
      backfill: false
    })
    expect(read({ startTime: SOON, frequency: 'minute' })).toEqual({ startTime: SOON, frequency: 'minute', interval: 15 })
    expect(read({ startTime: SOON, frequency: 'day' })).toEqual({ startTime: SOON, frequency: 'day', interval: 1 })
    expect(read({ startTime: SOON, frequency: 'once' })).toEqual({ startTime: SOON, frequency: 'once' })
  })

  test('startTime missing or in the past is 1360-400; this very second is not the past', () => {
    expect(code({ frequency: 'once' })).toBe('1360-400')
    expect(code({ startTime: 'soon', frequency: 'once' })).toBe('1360-400')
    expect(code({ startTime: NOW / 1000 - 1, frequency: 'once' })).toBe('1360-400')
    expect(code({ startTime: NOW / 1000, frequency: 'once' })).toBe('ok')
  })

  test('interval with once is 1361-400; under 15 for minute or under 1 otherwise 1362-400', () => {
    expect(code({ startTime: SOON, frequency: 'once', interval: 1 })).toBe('1361-400')
    expect(code({ startTime: SOON, frequency: 'minute', interval: 14 })).toBe('1362-400')
    expect(code({ startTime: SOON, frequency: 'minute', interval: 15 })).toBe('ok')
    expect(code({ startTime: SOON, frequency: 'week', interval: 0 })).toBe('1362-400')
    expect(code({ startTime: SOON, frequency: 'hour', interval: 1.5 })).toBe('1362-400')
  })

  test('backfill with once is 1364-400; a backfill that is not a boolean 1400-400', () => {
    expect(code({ startTime: SOON, frequency: 'once', backfill: false })).toBe('1364-400')
    expect(code({ startTime: SOON, frequency: 'day', backfill: 'yes' })).toBe('1400-400')
  })

  test('no scheduleParams, or an unknown frequency, is 1400-400', () => {
    expect(code(undefined)).toBe('1400-400')
    expect(code({ startTime: SOON, frequency: 'monthly' })).toBe('1400-400')
  })
})

describe('schedule rules on a patch', () => {
  const before: ScheduleParams = { startTime: SOON, frequency: 'minute', interval: 15, backfill: true }
  const after = (SOON + 10) * 1000

  test('before the start, startTime and backfill may change (startTime not to the past)', () => {
    expect(read({ ...before, startTime: SOON + 3600, backfill: false }, before)).toMatchObject({ startTime: SOON + 3600, backfill: false })
    expect(code({ ...before, startTime: NOW / 1000 - 5 }, before)).toBe('1360-400')
  })

  test('after the start, changing startTime or backfill, or becoming once, is 1366-400', () => {
    expect(code({ ...before, startTime: SOON + 3600 }, before, after)).toBe('1366-400')
    expect(code({ ...before, backfill: false }, before, after)).toBe('1366-400')
    expect(code({ startTime: SOON, frequency: 'once' }, before, after)).toBe('1366-400')
  })

  test('after the start, frequency and interval may change, and the start (now past) is kept', () => {
    expect(read({ ...before, frequency: 'hour', interval: 2 }, before, after)).toEqual({
      startTime: SOON,
      frequency: 'hour',
      interval: 2,
      backfill: true
    })
  })
})

describe('schedule arithmetic and values', () => {
  test('interval in ms; none for once', () => {
    expect(intervalMs({ startTime: 0, frequency: 'minute', interval: 15 })).toBe(900_000)
    expect(intervalMs({ startTime: 0, frequency: 'hour' })).toBe(3_600_000)
    expect(intervalMs({ startTime: 0, frequency: 'day', interval: 2 })).toBe(172_800_000)
    expect(intervalMs({ startTime: 0, frequency: 'week' })).toBe(604_800_000)
    expect(intervalMs({ startTime: 0, frequency: 'once' })).toBeUndefined()
  })

  test('reads whole numbers and booleans as values or text', () => {
    expect([wholeNumber(3), wholeNumber('3'), wholeNumber(-1), wholeNumber('3.5'), wholeNumber(null)]).toEqual([
      3,
      3,
      undefined,
      undefined,
      undefined
    ])
    expect([readBoolean(true), readBoolean('false'), readBoolean('yes'), readBoolean(1)]).toEqual([true, false, undefined, undefined])
  })
})
