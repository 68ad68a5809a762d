import { withMark } from '../../../src/platform/ownership.js'
import { takeMarkOut, type MarkedItem } from '../../../src/platform/unmark.js'

const self = { token: 'a1b2c3d4', until: Date.parse('2026-12-05T12:00:00Z') }
const marked = (etag: string): MarkedItem => ({ etag, description: withMark('Managed by a test', self, 1024) })

/** An item whose writes answer in turn from `answers`, read as `reads` says; what was asked is recorded. */
function io(answers: ('ok' | 'stale')[], reads: (MarkedItem | undefined)[] = []) {
  const calls: string[] = []
  return {
    calls,
    read: () => {
      calls.push('read')
      return Promise.resolve(reads.shift())
    },
    write: (etag: string) => {
      calls.push(`write ${etag}`)
      return Promise.resolve(answers.shift() === 'ok' ? { etag: `${etag}+1` } : ('stale' as const))
    },
    pause: (attempt: number) => {
      calls.push(`pause ${attempt}`)
      return Promise.resolve()
    },
    attempts: 3
  }
}

describe('takeMarkOut', () => {
  it('writes once with the etag it was given', async () => {
    const item = io(['ok'])
    expect(await takeMarkOut(self, '"e1"', item)).toEqual({ kind: 'written', written: { etag: '"e1"+1' } })
    expect(item.calls).toEqual(['write "e1"'])
  })

  it('reads first when it has no etag', async () => {
    const item = io(['ok'], [marked('"e2"')])
    expect(await takeMarkOut(self, undefined, item)).toEqual({ kind: 'written', written: { etag: '"e2"+1' } })
    expect(item.calls).toEqual(['read', 'write "e2"'])
  })

  it('after a 412, waits, reads again and writes with the new etag while the mark is still its own', async () => {
    const item = io(['stale', 'ok'], [marked('"e2"')])
    expect(await takeMarkOut(self, '"e1"', item)).toEqual({ kind: 'written', written: { etag: '"e2"+1' } })
    expect(item.calls).toEqual(['write "e1"', 'pause 1', 'read', 'write "e2"'])
  })

  it('after a 412, leaves the item alone once another writer took the mark out', async () => {
    const item = io(['stale'], [{ etag: '"e2"', description: 'Managed by a test' }])
    expect(await takeMarkOut(self, '"e1"', item)).toEqual({ kind: 'by-another', item: { etag: '"e2"', description: 'Managed by a test' } })
    expect(item.calls).toEqual(['write "e1"', 'pause 1', 'read'])
  })

  it('gives up, saying why, when the item keeps changing, is gone, or has no etag', async () => {
    await expect(takeMarkOut(self, '"e1"', io(['stale', 'stale', 'stale'], [marked('"e2"'), marked('"e3"')]))).rejects.toThrow(
      'its etag changed 3 times while this run wrote it'
    )
    await expect(takeMarkOut(self, '"e1"', io(['stale'], [undefined]))).rejects.toThrow('it is gone')
    await expect(takeMarkOut(self, undefined, io([], [{ description: marked('x').description }]))).rejects.toThrow('it has no etag')
  })
})
