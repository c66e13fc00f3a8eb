/**
 * AbortControllers lent to attempts and taken back once an attempt is over without aborting, so
 * that calls in sequence do not each build a new AbortSignal: Node 20 takes microseconds per
 * signal, a cost every call would pay for a timeout that almost never fires.
 *
 * A controller comes back only while its signal is unaborted, and serves MAX_USES attempts at
 * most: a fetch may leave its abort listener on a signal until garbage collection (undici does),
 * and Node warns about a signal with more than 10 listeners. An abort of a signal reused later
 * reaches only fetches that are over: the body of every answer is read (or dropped) before the
 * attempt gives its controller back.
 */

const MAX_USES = 8;
const MAX_IDLE = 8;

export interface LentController {
  readonly controller: AbortController;
  /** Attempts this controller has served, this one included. */
  uses: number;
}

export class SignalPool {
  readonly #idle: LentController[] = [];

  /** An unaborted controller: an idle one, else a new one. */
  take(): LentController {
    const reused = this.#idle.pop();
    if (reused === undefined) return { controller: new AbortController(), uses: 1 };
    reused.uses += 1;
    return reused;
  }

  /** Hands back the controller of an attempt that is over and did not abort it; worn-out ones are dropped. */
  give(lent: LentController): void {
    if (lent.uses >= MAX_USES || this.#idle.length >= MAX_IDLE) return;
    this.#idle.push(lent);
  }
}
