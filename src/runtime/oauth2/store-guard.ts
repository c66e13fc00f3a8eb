/**
 * The application's token store as the token manager sees it: wrapped in GuardedTokenStore (a
 * failing store never fails an API call), which is loaded with import() at the first store call.
 * Every store call is async already, so the wait is one import, once. The default in-memory store
 * cannot fail and needs no guard: an app that passes no store never downloads it.
 */
import { loadGuardedTokenStore } from './lazy-modules.js';
import type { StoreErrorHook } from './guarded-token-store.js';
import type { TokenStore } from './types.js';

export function guardStore(inner: TokenStore, onError: StoreErrorHook | undefined): TokenStore {
  let guarded: Promise<TokenStore> | undefined;
  // A call of the guarded store (or of its leases), made once the guard is loaded.
  const call =
    (name: string, ofLeases?: boolean) =>
    async (...args: unknown[]): Promise<unknown> => {
      const store = await (guarded ??= loadGuardedTokenStore().then(({ GuardedTokenStore }) => new GuardedTokenStore(inner, onError)));
      return ((ofLeases ? store.leases : store) as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!(...args);
    };
  const { leases } = inner;
  return {
    get: call('get'),
    set: call('set'),
    delete: call('delete'),
    // What the token manager reads of the leases before any call stays as the store gave it.
    leases: leases && { ttlMs: leases.ttlMs, waitTimeoutMs: leases.waitTimeoutMs, acquire: call('acquire', true), extend: leases.extend && call('extend', true), release: call('release', true) },
  } as TokenStore;
}
