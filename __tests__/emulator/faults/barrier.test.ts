import { Barrier } from '../../../emulator/faults/barrier.js'

// Lets pending promise callbacks run, so that what was not released is seen not to have run.
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('barrier', () => {
  test('holds work until count arrive, then runs all of it in arrival order', async () => {
    const barrier = new Barrier(3, 10_000)
    const ran: string[] = []
    const a = barrier.arrive(() => (ran.push('a'), 'A'))
    const b = barrier.arrive(() => (ran.push('b'), 'B'))
    await settle()
    expect(ran).toEqual([])
    expect(barrier.holding).toBe(2)
    const c = barrier.arrive(() => (ran.push('c'), 'C'))
    expect(await Promise.all([a, b, c])).toEqual(['A', 'B', 'C'])
    expect(ran).toEqual(['a', 'b', 'c'])
    expect(barrier.holding).toBe(0)
  })

  test('after timeoutMs from the first arrival, releases whoever waits', async () => {
    const barrier = new Barrier(5, 50)
    const started = Date.now()
    const results = await Promise.all([barrier.arrive(() => 1), barrier.arrive(() => 2)])
    expect(results).toEqual([1, 2])
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
  })

  test('later arrivals form a new group', async () => {
    const barrier = new Barrier(2, 10_000)
    await Promise.all([barrier.arrive(() => 1), barrier.arrive(() => 2)])
    const third = barrier.arrive(() => 3)
    await settle()
    expect(barrier.holding).toBe(1)
    barrier.release()
    expect(await third).toBe(3)
  })

  test('count 1 runs at once', async () => {
    expect(await new Barrier(1).arrive(() => 'now')).toBe('now')
  })

  test('work that throws rejects its own arrival only', async () => {
    const barrier = new Barrier(2, 10_000)
    const bad = barrier.arrive(() => {
      throw new Error('boom')
    })
    const good = barrier.arrive(() => 'fine')
    await expect(bad).rejects.toThrow('boom')
    expect(await good).toBe('fine')
  })

  test('an abort takes that arrival out of the group, and its work never runs', async () => {
    const barrier = new Barrier(2, 10_000)
    const controller = new AbortController()
    let ran = false
    const aborted = barrier.arrive(() => (ran = true), controller.signal)
    controller.abort(new Error('closing'))
    await expect(aborted).rejects.toThrow('closing')
    expect(barrier.holding).toBe(0)
    const after = barrier.arrive(() => 'x')
    barrier.release()
    expect(await after).toBe('x')
    expect(ran).toBe(false)
  })

  test('an already aborted signal rejects at once', async () => {
    const controller = new AbortController()
    controller.abort('gone')
    await expect(new Barrier(2).arrive(() => 1, controller.signal)).rejects.toThrow('gone')
  })
})
