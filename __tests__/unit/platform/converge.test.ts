import { listWithOwn, survivorOf } from '../../../src/platform/converge.js'

const found = (id: string, createdAt?: number) => ({ id, ...(createdAt !== undefined && { createdAt }) })
const noWait = { clock: { now: () => 0, sleep: () => Promise.resolve() }, remainingMs: () => 60_000, lagSchedule: [0, 0, 0] }

describe('survivorOf: the one every concurrent run agrees to keep', () => {
  it('the oldest', () => {
    expect(survivorOf([found('b', 2), found('c', 1), found('a', 3)])?.id).toBe('c')
  })
  it('on a tie, the smallest id, whatever its case and the order seen', () => {
    const tied = [found('B-2', 5), found('a-1', 5)]
    expect(survivorOf(tied)?.id).toBe('a-1')
    expect(survivorOf([...tied].reverse())?.id).toBe('a-1')
  })
  it('one without a creation time counts as the newest', () => {
    expect(survivorOf([found('a'), found('z', 5)])?.id).toBe('z')
  })
})

describe('listWithOwn: every same-named one, this run’s included', () => {
  it('lists until its own shows', async () => {
    const answers = [[found('x', 1)], [found('x', 1), found('own', 2)]]
    const listed = await listWithOwn(
      noWait,
      () => Promise.resolve(answers.shift() ?? []),
      'OWN',
      () => Promise.resolve(undefined)
    )
    expect(listed).toEqual({ kind: 'listed', items: [found('x', 1), found('own', 2)], lagging: false })
  })
  it('never shown: reads its own, and compares it when dated', async () => {
    const listed = await listWithOwn(
      noWait,
      () => Promise.resolve([found('x', 1)]),
      'own',
      () => Promise.resolve(found('own', 2))
    )
    expect(listed).toEqual({ kind: 'listed', items: [found('x', 1), found('own', 2)], lagging: true })
  })
  it('never shown and undated: kept, never compared', async () => {
    const listed = await listWithOwn(
      noWait,
      () => Promise.resolve([found('x', 1)]),
      'own',
      () => Promise.resolve(found('own'))
    )
    expect(listed).toEqual({ kind: 'undated', own: found('own') })
  })
  it('gone: what is left', async () => {
    const listed = await listWithOwn(
      noWait,
      () => Promise.resolve([found('x', 1)]),
      'own',
      () => Promise.resolve(undefined)
    )
    expect(listed).toEqual({ kind: 'gone', items: [found('x', 1)] })
  })
})
