/**
 * Single flight across processes: one holder of a key's lease renews the tokens, everyone else
 * polls the store until the holder's result is there (or the lease is free again), bounded by the
 * store's waitTimeoutMs. Waits run on the real clock: lease TTLs in the store do too. Loaded with
 * import() with the guard of an application's store (guarded-token-store.ts runs renewals through it).
 */
import { crypto } from './lazy-crypto.js';
import { tokenError } from './lazy-module-imports.js';
import type { TokenLeases } from './types.js';

const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 100;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function leaseOwner(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Renews under `key`'s lease: `renew` runs with the lease held (re-read, renew, write); `settled`
 * is the result another holder left in the store, or undefined while there is none.
 */
export async function underLease<T>(scheme: string, key: string, leases: TokenLeases, settled: () => Promise<T | undefined>, renew: () => Promise<T>): Promise<T> {
  const owner = leaseOwner();
  const deadline = Date.now() + leases.waitTimeoutMs;
  let poll = FIRST_POLL_MS;
  for (;;) {
    if (await leases.acquire(key, owner, leases.ttlMs)) return holding(key, leases, renew, owner);
    if (Date.now() >= deadline) {
      throw tokenError(scheme, 'lease_timeout', `another process has been renewing these tokens for over ${leases.waitTimeoutMs} ms`);
    }
    await pause(poll);
    poll = Math.min(poll * 2, MAX_POLL_MS);
    const result = await settled();
    if (result !== undefined) return result;
  }
}

async function holding<T>(key: string, leases: TokenLeases, renew: () => Promise<T>, owner: string): Promise<T> {
  // Extended while the renewal runs (a device flow waits for a person), so the TTL only limits how
  // long a holder that died keeps the others waiting.
  const extend = leases.extend;
  const timer =
    extend === undefined ? undefined : setInterval(() => void extend.call(leases, key, owner, leases.ttlMs).catch(() => undefined), Math.max(50, leases.ttlMs / 3));
  try {
    return await renew();
  } finally {
    if (timer !== undefined) clearInterval(timer);
    await leases.release(key, owner);
  }
}
