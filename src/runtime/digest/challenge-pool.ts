/**
 * Answered Digest challenges, each usable by one request at a time. A server that checks nonce
 * counts (Apache's AuthDigestNcCheck) wants every nc above the last it saw for that nonce;
 * concurrent requests on one nonce reach it out of order, so each challenge serves one request in
 * flight and concurrency draws on more challenges.
 */
import type { DigestChallenge } from './digest-challenge.js';

/** One challenge and the nonce count its last request used. */
export interface ChallengeSlot {
  readonly challenge: DigestChallenge;
  nc: number;
  busy: boolean;
}

/**
 * Challenges held at once; past it, requests wait for a slot to come free. Kept small: a server
 * remembers only so many (Apache's default AuthDigestShmemSize holds a few dozen clients and
 * forgets the oldest), and a forgotten challenge costs a 401.
 */
export const MAX_CHALLENGES = 8;

export class ChallengePool {
  readonly #slots: ChallengeSlot[] = [];
  readonly #waiters: Array<() => void> = [];

  get size(): number {
    return this.#slots.length;
  }

  /** A free slot, taken; the oldest first, so warm nonces are reused. */
  take(): ChallengeSlot | undefined {
    const slot = this.#slots.find((candidate) => !candidate.busy);
    if (slot !== undefined) slot.busy = true;
    return slot;
  }

  /** Adds a fresh challenge, taken at once when `busy`. Full: replaces the oldest free slot. */
  add(challenge: DigestChallenge, busy: boolean): ChallengeSlot {
    const slot: ChallengeSlot = { challenge, nc: 0, busy };
    if (this.#slots.length >= MAX_CHALLENGES) {
      const free = this.#slots.findIndex((candidate) => !candidate.busy);
      if (free >= 0) this.#slots.splice(free, 1);
    }
    this.#slots.push(slot);
    if (!busy) this.#wake();
    return slot;
  }

  release(slot: ChallengeSlot): void {
    slot.busy = false;
    this.#wake();
  }

  /** The server refused this challenge (stale, or its count): it serves no one any more. */
  discard(slot: ChallengeSlot): void {
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
    this.#wake();
  }

  /** Resolves when a slot may have come free (or the signal aborts). */
  waitForFree(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = (): void => {
        const index = this.#waiters.indexOf(wake);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(signal!.reason);
      };
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(wake);
    });
  }

  /** Everyone waiting looks again (a probe ended: there may be room for another). */
  wakeAll(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  #wake(): void {
    this.#waiters.shift()?.();
  }
}
