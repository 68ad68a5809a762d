// Holds work until `count` pieces of it wait together, or `timeoutMs` after the first arrived,
// then runs them all in arrival order. A fault rule uses one to make concurrent requests meet:
// with three held, three runs all see the same empty sandbox before any of them creates.

interface Waiter {
  run(): void
  abort(reason: Error): void
}

export const DEFAULT_BARRIER_TIMEOUT_MS = 10_000

export class Barrier {
  private group: Waiter[] = []
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly count: number,
    private readonly timeoutMs = DEFAULT_BARRIER_TIMEOUT_MS
  ) {}

  /** How many are waiting now. */
  get holding(): number {
    return this.group.length
  }

  /** Resolves with work()'s value once the group is released; rejects if `signal` aborts first. */
  arrive<T>(work: () => T, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signalReason(signal))
        return
      }
      const waiter: Waiter = {
        run: () => {
          signal?.removeEventListener('abort', onAbort)
          try {
            resolve(work())
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)))
          }
        },
        abort: reject
      }
      const onAbort = (): void => this.leave(waiter, signalReason(signal))
      signal?.addEventListener('abort', onAbort, { once: true })
      this.join(waiter)
    })
  }

  /** Runs everyone waiting now, in arrival order; later arrivals form a new group. */
  release(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const group = this.group
    this.group = []
    for (const waiter of group) waiter.run()
  }

  private join(waiter: Waiter): void {
    this.group.push(waiter)
    if (this.group.length >= this.count) {
      this.release()
      return
    }
    if (this.group.length === 1) {
      this.timer = setTimeout(() => this.release(), this.timeoutMs)
    }
  }

  private leave(waiter: Waiter, reason: Error): void {
    this.group = this.group.filter((w) => w !== waiter)
    if (this.group.length === 0) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    waiter.abort(reason)
  }
}

function signalReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason
  if (reason instanceof Error) return reason
  return new Error(typeof reason === 'string' ? reason : 'aborted')
}
