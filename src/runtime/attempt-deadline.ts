import type { LentController, SignalPool } from './signal-pool.js';

// setTimeout fires at once for delays beyond a signed 32-bit millisecond count.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The signal one attempt runs under: it aborts when the caller's signal does or when `timeoutMs`
 * has passed, and `timedOut` tells the two apart. `dispose()` once the attempt is over (its
 * answer's body read or dropped): the controller then goes back to the pool, unless it aborted.
 */
export class AttemptDeadline {
  readonly signal: AbortSignal;
  #timedOut = false;
  // Only this class aborts the controller, so it knows without asking the signal.
  #aborted = false;
  #disposed = false;
  readonly #lent: LentController;
  readonly #pool: SignalPool | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #outer: AbortSignal | undefined;
  readonly #onOuterAbort: (() => void) | undefined;

  constructor(timeoutMs: number, outer: AbortSignal | undefined, pool?: SignalPool) {
    const lent = pool?.take() ?? { controller: new AbortController(), uses: 1 };
    const { controller } = lent;
    this.#lent = lent;
    this.#pool = pool;
    this.signal = controller.signal;
    this.#outer = outer;
    if (outer !== undefined) {
      const onOuterAbort = (): void => this.#abort(outer.reason);
      this.#onOuterAbort = onOuterAbort;
      if (outer.aborted) this.#abort(outer.reason);
      else outer.addEventListener('abort', onOuterAbort, { once: true });
    }
    this.#timer = setTimeout(() => {
      if (this.#aborted) return;
      this.#timedOut = true;
      this.#abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
    }, Math.min(timeoutMs, MAX_TIMER_MS));
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }

  #abort(reason: unknown): void {
    this.#aborted = true;
    this.#lent.controller.abort(reason);
  }

  /**
   * `keepCallerSignal`: the attempt's fetch is still in use (a body stream being read), so the
   * caller's signal goes on aborting it and its controller is not lent to another attempt.
   */
  dispose(keepCallerSignal = false): void {
    if (this.#disposed) return; // a controller given back twice would serve two attempts at once
    this.#disposed = true;
    clearTimeout(this.#timer);
    if (keepCallerSignal) return;
    if (this.#onOuterAbort !== undefined) this.#outer?.removeEventListener('abort', this.#onOuterAbort);
    if (!this.#aborted) this.#pool?.give(this.#lent);
  }
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.min(ms, MAX_TIMER_MS));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
