/**
 * AbortControllers lent to attempts and taken back once an attempt is over without aborting, so
 * that calls in sequence do not each build a new AbortSignal: Node 20 takes microseconds per
 * signal, a cost every call would pay for a timeout that almost never fires.
 *
 * A controller comes back only while its signal is unaborted, and serves MAX_USES attempts at
 * most: a fetch may leave its abort listener on a signal until garbage collection (undici does),
 * and Node warns about a signal with more than 10 listeners. An abort of a signal reused later
 * reaches only fetches that are over: the body of every answer is read (or dropped) before the
 * attempt gives its controller back. A client keeps one pool (at most MAX_IDLE idle controllers).
 */
const MAX_USES = 8;
const MAX_IDLE = 8;

export interface LentController {
  readonly controller: AbortController;
  /** Attempts this controller has served, this one included. */
  uses: number;
}

/** The idle controllers of one client. */
export type SignalPool = LentController[];

/**
 * The signal one attempt runs under: it aborts when the caller's signal does or when `timeoutMs`
 * has passed, and `timedOut` tells the two apart. `dispose()` once the attempt is over (its
 * answer's body read or dropped): the controller then goes back to the pool, unless it aborted.
 */
export class AttemptDeadline {
  declare readonly signal: AbortSignal;
  /** Set by the timer only (a field, not a getter over a private one: fewer bytes on every call's path). */
  timedOut = false;
  // Only this class aborts the controller, so it knows without asking the signal.
  #aborted = false;
  #disposed = false;
  readonly #lent: LentController;
  readonly #pool: SignalPool | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  // Stops listening to the caller's signal.
  #unlisten: (() => void) | undefined;

  constructor(timeoutMs: number, outer: AbortSignal | undefined, pool?: SignalPool) {
    const lent = (this.#lent = pool?.pop() ?? { controller: new AbortController(), uses: 0 });
    lent.uses++;
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
      this.timedOut = true;
      this.#abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
    }, Math.min(timeoutMs, 2 ** 31 - 1));
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
    const pool = this.#pool;
    // Worn-out controllers are dropped.
    if (!this.#aborted && pool !== undefined && this.#lent.uses < MAX_USES && pool.length < MAX_IDLE) pool.push(this.#lent);
  }
}
