import {
  claimedByAnother,
  claimIn,
  cleanText,
  CLOCK_SKEW_MS,
  markIn,
  MARK_LENGTH,
  newRunMark,
  ownershipOf,
  successorIn,
  withClaim,
  withMark,
  withoutMark,
  withRetirement
} from '../../../src/platform/ownership.js'

const UNTIL = Date.parse('2026-12-05T23:45:00Z')
const MARK = { token: '3f9a1c2e', until: UNTIL }

describe('the mark every create carries until its run confirms it', () => {
  it('ends the text with the run token and when its requests end, and is read back', () => {
    const text = withMark('Managed by GitHub Actions: acme/app, workflow Release', MARK, 1024)
    expect(text).toBe('Managed by GitHub Actions: acme/app, workflow Release [creating 3f9a1c2e until 2026-12-05T23:45:00Z]')
    expect(markIn(text)).toEqual(MARK)
    expect(withoutMark(text)).toBe('Managed by GitHub Actions: acme/app, workflow Release')
  })

  it('is found only at the very end, in its exact form', () => {
    expect(markIn('[creating 3f9a1c2e until 2026-12-05T23:45:00Z] moved to the front')).toBeUndefined()
    expect(markIn('ends with [creating 3F9A1C2E until 2026-12-05T23:45:00Z]')).toBeUndefined()
    expect(markIn('ends with [creating 3f9a1c2e]')).toBeUndefined()
    expect(markIn('no mark')).toBeUndefined()
    expect(markIn(undefined)).toBeUndefined()
  })

  it('cuts a text at the longest one to leave room for itself', () => {
    const text = withMark('d'.repeat(1024), MARK, 1024)
    expect(text).toHaveLength(1024)
    expect(MARK_LENGTH).toBe(' [creating 3f9a1c2e until 2026-12-05T23:45:00Z]'.length)
    expect(markIn(text)?.token).toBe('3f9a1c2e')
  })

  it('a fresh one: 8 random hex digits, its time rounded up to a whole second', () => {
    const mark = newRunMark(UNTIL - 1500, () => Buffer.from([0, 1, 0xab, 0xff]))
    expect(mark).toEqual({ token: '0001abff', until: UNTIL - 1000 })
  })
})

describe('ownershipOf: whose a resource is', () => {
  const text = withMark('x', MARK, 1024)
  it.each([
    ['no mark: committed', 'x', undefined, UNTIL, 'committed'],
    ["this run's mark: mine", text, MARK, UNTIL + 10 * CLOCK_SKEW_MS, 'mine'],
    ["another run's, before its time and the skew are over: in progress", text, undefined, UNTIL + CLOCK_SKEW_MS, 'in-progress'],
    ["another run's, after: abandoned", text, { token: '00000000' }, UNTIL + CLOCK_SKEW_MS + 1, 'abandoned']
  ])('%s', (_what, description, self, now, expected) => {
    expect(ownershipOf(description, self, now)).toBe(expected)
  })
})

describe('the record that a resource is replaced', () => {
  const successor = '44444444-4444-4444-4444-444444444444'
  it('ends the text, replacing any mark, and is read back', () => {
    const text = withRetirement(withMark('Daily', MARK, 1024), successor, 1024)
    expect(text).toBe(`Daily [replaced by ${successor}]`)
    expect(successorIn(text)).toBe(successor)
    expect(cleanText(text)).toBe('Daily')
  })
  it('fits in the longest text', () => {
    expect(withRetirement('d'.repeat(1024), successor, 1024)).toHaveLength(1024)
  })
})

describe("a run's claim: being alone at something for a while", () => {
  const mine = { token: '0000beef', until: UNTIL }
  it('ends the text, in place of any other mark or claim, and is read back', () => {
    const text = withClaim(withClaim('Daily', { token: '00000001', until: UNTIL }, 1024), mine, 1024)
    expect(text).toBe('Daily [claimed by 0000beef until 2026-12-05T23:45:00Z]')
    expect(claimIn(text)).toEqual(mine)
    expect(cleanText(text)).toBe('Daily')
  })
  it('holds against another run until its time and the clock margin are over; never against its own run', () => {
    const text = withClaim('Daily', mine, 1024)
    expect(claimedByAnother(text, { token: '00000002' }, UNTIL + CLOCK_SKEW_MS)).toEqual(mine)
    expect(claimedByAnother(text, { token: '00000002' }, UNTIL + CLOCK_SKEW_MS + 1)).toBeUndefined()
    expect(claimedByAnother(text, mine, UNTIL)).toBeUndefined()
    expect(claimedByAnother('Daily', { token: '00000002' }, UNTIL)).toBeUndefined()
  })
})
