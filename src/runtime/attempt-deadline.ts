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

/** The idle controllers of one client, each with the number of attempts it has served. */
export type SignalPool = Array<[AbortController, number]>;

/**
 * The signal one attempt runs under: it aborts when the caller's signal does or when `timeoutMs`
 * has passed, and `timedOut` tells the two apart. `dispose()` once the attempt is over (its
 * answer's body read or dropped): the controller then goes back to the pool, unless it aborted.
 * Its state lives in the constructor's closure, not in private fields: fewer bytes on every call's path.
 */
export class AttemptDeadline {
  declare readonly signal: AbortSignal;
  /** Set by the timer only (a field, not a getter over a private one: fewer bytes on every call's path). */
  timedOut = false;
  /**
   * `keepCallerSignal`: the attempt's fetch is still in use (a body stream being read), so the
   * caller's signal goes on aborting it and its controller is not lent to another attempt.
   */
  declare readonly dispose: (keepCallerSignal?: boolean) => void;

  constructor(timeoutMs: number, outer: AbortSignal | undefined, pool: SignalPool) {
    const lent = pool.pop() ?? [new AbortController(), 0];
    const controller = lent[0];
    lent[1]++;
    const signal = (this.signal = controller.signal);
    let disposed = false;
    // Made only when there is a caller's signal to listen to.
    const onOuterAbort = outer && ((): void => controller.abort(outer.reason));
    // No `once`: a signal aborts, and dispatches `abort`, only once.
    if (outer?.aborted) onOuterAbort!();
    else outer?.addEventListener('abort', onOuterAbort!);
    // setTimeout fires at once for delays beyond a signed 32-bit millisecond count.
    const timer = setTimeout(() => {
      if (signal.aborted) return; // the caller's abort came first
      this.timedOut = true;
      // The reason is the cause of the ApiTimeoutError the core makes of it, which names timeoutMs and its value.
      controller.abort(new DOMException('timed out', 'TimeoutError'));
    }, Math.min(timeoutMs, 2 ** 31 - 1));
    this.dispose = (keepCallerSignal) => {
      if (disposed) return; // a controller given back twice would serve two attempts at once
      disposed = true;
      clearTimeout(timer);
      if (keepCallerSignal) return;
      outer?.removeEventListener('abort', onOuterAbort!);
      // Worn-out controllers are dropped.
      if (!signal.aborted && lent[1] < MAX_USES && pool.length < MAX_IDLE) pool.push(lent);
    };
  }
}
