import type { LentController, SignalPool } from './signal-pool.js';

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
  // Stops listening to the caller's signal.
  #unlisten: (() => void) | undefined;

  constructor(timeoutMs: number, outer: AbortSignal | undefined, pool?: SignalPool) {
    const lent = (this.#lent = pool?.take() ?? { controller: new AbortController(), uses: 1 });
    this.#pool = pool;
    this.signal = lent.controller.signal;
    if (outer !== undefined) {
      const onOuterAbort = (): void => this.#abort(outer.reason);
      if (outer.aborted) onOuterAbort();
      else {
        outer.addEventListener('abort', onOuterAbort, { once: true });
        this.#unlisten = () => outer.removeEventListener('abort', onOuterAbort);
      }
    }
    // setTimeout fires at once for delays beyond a signed 32-bit millisecond count.
    this.#timer = setTimeout(() => {
      if (this.#aborted) return;
      this.#timedOut = true;
      this.#abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
    }, Math.min(timeoutMs, 2 ** 31 - 1));
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
    this.#unlisten?.();
    if (!this.#aborted) this.#pool?.give(this.#lent);
  }
}
