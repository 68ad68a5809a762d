import { Ledger } from '../../../src/platform/ledger.js'

const NEXT = 'the next run removes it'

describe('what a failed run says about what it made', () => {
  it('nothing, when it made nothing', () => {
    expect(new Ledger().account(NEXT)).toBeUndefined()
  })
  it('that it deleted all it made', () => {
    const ledger = new Ledger()
    ledger.made('source connection', 's-1')
    ledger.made('target connection', 't-1')
    ledger.deleted('S-1')
    ledger.deleted('t-1')
    expect(ledger.account(NEXT)).toBe('This run deleted what it had made (source connection s-1, target connection t-1).')
  })
  it('what it left, and how the next run treats it', () => {
    const ledger = new Ledger()
    ledger.made('source connection', 's-1')
    ledger.made('dataflow', 'f-1')
    ledger.deleted('f-1')
    expect(ledger.account(NEXT)).toBe('Left by this run: source connection s-1; the next run removes it.')
  })
  it('a create whose outcome is unknown, until a lookup finds it', () => {
    const ledger = new Ledger()
    ledger.uncertain('dataflow')
    expect(ledger.account(NEXT)).toBe(
      'Left by this run: nothing it knows of (and a create whose answer was lost may have made one more); the next run removes it.'
    )
    ledger.made('dataflow', 'f-1')
    ledger.deleted('f-1')
    expect(ledger.account(NEXT)).toBe('This run deleted what it had made (dataflow f-1).')
  })
  it('nothing of what it kept; what no API deletes, unless kept', () => {
    const ledger = new Ledger()
    ledger.made('dataflow', 'f-1')
    ledger.kept('f-1')
    ledger.undeletable('mapping set', 'm-1')
    expect(ledger.account(NEXT)).toBe('Made by this run and kept, as no API deletes it: mapping set m-1.')
    ledger.kept('m-1')
    expect(ledger.account(NEXT)).toBeUndefined()
  })
})
