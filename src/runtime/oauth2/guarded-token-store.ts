/**
 * The token store as the token manager sees it: a failing store never fails an API call. While the
 * store is down, tokens live on in this process (each process keeps its own single flight) and the
 * application hears of it once per outage; a corrupt entry counts as missing and is reported.
 * Loaded with import() at an application store's first call (store-guard.ts), with the lease code.
 */
import { TokenStoreError$ as TokenStoreError } from './lazy-module-imports.js';
import { sameTokens } from './same-tokens.js';
import { underLease } from './lease-flight.js';
import type { RenewalStore } from './token-manager.js';
import type { TokenLeases, TokenSet, TokenStore } from './types.js';

export type StoreErrorHook = (error: TokenStoreError) => void;

/** A store is application code: accept only what looks like a TokenSet (what every renewal reads comes through here). */
function asTokenSet(value: unknown): TokenSet | undefined {
  return typeof (value as Partial<TokenSet> | null | undefined)?.accessToken === 'string' ? (value as TokenSet) : undefined;
}

function warnOnConsole(error: TokenStoreError): void {
  console.warn(`keyway: ${error.message}`);
}

/** Only our own TokenStoreError text is passed on: a store's raw error may quote the values it was given. */
function asStoreError(error: unknown, operation: string): TokenStoreError {
  if (error instanceof TokenStoreError) return error;
  // A class name is the store's own text too: one line, short.
  const name = error instanceof Error ? error.name.replace(/[\0-\x1F\x7F]+/g, ' ').slice(0, 100) : typeof error;
  return new TokenStoreError('store_unavailable', `the token store failed (${operation}: ${name}); carrying on with the tokens this process holds`);
}

export class GuardedTokenStore implements RenewalStore {
  readonly leases: TokenLeases | undefined;
  readonly #inner: TokenStore;
  readonly #onError: StoreErrorHook;
  // What this process last read or wrote, used only while the store fails.
  readonly #local = new Map<string, TokenSet>();
  #failing = false;

  constructor(inner: TokenStore, onError: StoreErrorHook | undefined) {
    this.#inner = inner;
    this.#onError = onError ?? warnOnConsole;
    const leases = inner.leases;
    this.leases = leases === undefined ? undefined : this.#guardLeases(leases);
  }

  /**
   * A renewal of `key`: with the store's leases, single flight across every process sharing it
   * (lease-flight.ts; `settled` is what another holder left), else in this process alone.
   */
  renewal<T>(scheme: string, key: string, settled: () => Promise<T | undefined>, renew: () => Promise<T>): Promise<T> {
    const { leases } = this;
    return leases ? underLease(scheme, key, leases, settled, renew) : renew();
  }

  async get(key: string): Promise<TokenSet | undefined> {
    try {
      const tokens = asTokenSet(await this.#inner.get(key));
      this.#recovered();
      if (tokens === undefined) this.#local.delete(key);
      else this.#local.set(key, tokens);
      return tokens;
    } catch (error) {
      if (error instanceof TokenStoreError && error.code === 'corrupt_entry') {
        this.#recovered();
        this.#report(error);
        this.#local.delete(key);
        return undefined;
      }
      this.#failed(error, 'get');
      return this.#local.get(key);
    }
  }

  async set(key: string, tokens: TokenSet): Promise<void> {
    this.#local.set(key, tokens);
    await this.#attempt('set', () => this.#inner.set(key, tokens));
  }

  async delete(key: string, expected?: TokenSet): Promise<void> {
    if (expected === undefined || sameTokens(this.#local.get(key), expected)) this.#local.delete(key);
    await this.#attempt('delete', () => this.#inner.delete(key, expected));
  }

  #guardLeases(leases: TokenLeases): TokenLeases {
    const extend = leases.extend?.bind(leases);
    return {
      ttlMs: leases.ttlMs,
      waitTimeoutMs: leases.waitTimeoutMs,
      // Without a working store there is nobody to coordinate with: go ahead, single flight per process.
      acquire: async (key, owner, ttlMs) => (await this.#attempt('lease', () => leases.acquire(key, owner, ttlMs))) ?? true,
      extend: extend === undefined ? undefined : async (key, owner, ttlMs) => (await this.#attempt('lease', () => extend(key, owner, ttlMs))) ?? true,
      release: async (key, owner) => void (await this.#attempt('lease', () => leases.release(key, owner))),
    };
  }

  /** Runs a store call; undefined when it failed (reported). */
  async #attempt<T>(operation: string, call: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await call();
      this.#recovered();
      return result;
    } catch (error) {
      this.#failed(error, operation);
      return undefined;
    }
  }

  #failed(error: unknown, operation: string): void {
    if (this.#failing) return;
    this.#failing = true;
    this.#report(asStoreError(error, operation));
  }

  #recovered(): void {
    this.#failing = false;
  }

  #report(error: TokenStoreError): void {
    try {
      this.#onError(error);
    } catch {
      // A throwing hook must not turn a store problem into a failed call.
    }
  }
}
