// setTimeout fires at once for delays beyond a signed 32-bit millisecond count.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The signal one attempt runs under: it aborts when the caller's signal does or when `timeoutMs`
 * has passed, and `timedOut` tells the two apart. `dispose()` once the attempt is over.
 */
export class AttemptDeadline {
  readonly signal: AbortSignal;
  #timedOut = false;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #outer: AbortSignal | undefined;
  readonly #onOuterAbort: () => void;

  constructor(timeoutMs: number, outer: AbortSignal | undefined) {
    const controller = new AbortController();
    this.signal = controller.signal;
    this.#outer = outer;
    this.#onOuterAbort = () => controller.abort(outer?.reason);
    if (outer?.aborted) controller.abort(outer.reason);
    else outer?.addEventListener('abort', this.#onOuterAbort, { once: true });
    this.#timer = setTimeout(() => {
      if (controller.signal.aborted) return;
      this.#timedOut = true;
      controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
    }, Math.min(timeoutMs, MAX_TIMER_MS));
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }

  /** `keepCallerSignal`: the caller's signal goes on aborting this attempt's fetch (a body stream still being read). */
  dispose(keepCallerSignal = false): void {
    clearTimeout(this.#timer);
    if (!keepCallerSignal) this.#outer?.removeEventListener('abort', this.#onOuterAbort);
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
