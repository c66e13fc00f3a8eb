import type { TokenLeases, TokenSet, TokenStore } from './types.js';

/**
 * The same issued tokens, what a store's compare-before-delete compares (other fields may be
 * re-serialized): the stores' copy of same-tokens.ts, which only the lazily loaded modules import.
 */
export function storedTokensMatch(a: TokenSet | undefined, b: TokenSet | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.accessToken === b.accessToken && a.refreshToken === b.refreshToken;
}

// In one process a holder cannot die without everyone else dying too: the TTL only guards a renewal
// that never settles; a live holder extends it.
const LEASE_TTL_MS = 30_000;
const LEASE_WAIT_MS = 60_000;

/** Leases held in this process: single flight for every client that shares the store. */
class MemoryLeases implements TokenLeases {
  readonly ttlMs = LEASE_TTL_MS;
  readonly waitTimeoutMs = LEASE_WAIT_MS;
  readonly #held = new Map<string, { owner: string; until: number }>();

  acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const held = this.#held.get(key);
    if (held !== undefined && held.until > Date.now() && held.owner !== owner) return Promise.resolve(false);
    this.#held.set(key, { owner, until: Date.now() + ttlMs });
    return Promise.resolve(true);
  }

  extend(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const held = this.#held.get(key);
    if (held === undefined || held.owner !== owner || held.until <= Date.now()) return Promise.resolve(false);
    held.until = Date.now() + ttlMs;
    return Promise.resolve(true);
  }

  release(key: string, owner: string): Promise<void> {
    if (this.#held.get(key)?.owner === owner) this.#held.delete(key);
    return Promise.resolve();
  }
}

/**
 * An in-memory store several clients of one process can share, gone with the process: its leases
 * make them renew once. (A client given no store needs none: each strategy keeps its tokens itself,
 * token-manager.ts.)
 */
export class MemoryTokenStore implements TokenStore {
  readonly leases: TokenLeases = new MemoryLeases();
  // Private so that inspecting the store (or a client holding it) never shows a token.
  readonly #tokens = new Map<string, TokenSet>();

  async get(key: string): Promise<TokenSet | undefined> {
    return this.#tokens.get(key);
  }

  async set(key: string, tokens: TokenSet): Promise<void> {
    this.#tokens.set(key, tokens);
  }

  async delete(key: string, expected?: TokenSet): Promise<void> {
    if (expected === undefined || storedTokensMatch(this.#tokens.get(key), expected)) this.#tokens.delete(key);
  }
}
