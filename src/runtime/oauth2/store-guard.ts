/**
 * The application's token store as the token manager sees it: wrapped in GuardedTokenStore (a
 * failing store never fails an API call), which is loaded with import() at the first store call.
 * Every store call is async already, so the wait is one import, once. The default in-memory store
 * cannot fail and needs no guard: an app that passes no store never downloads it.
 */
import { loadGuardedTokenStore } from './lazy-modules.js';
import type { StoreErrorHook } from './guarded-token-store.js';
import type { TokenLeases, TokenStore } from './types.js';

export function guardStore(inner: TokenStore, onError: StoreErrorHook | undefined): TokenStore {
  let guarded: Promise<TokenStore> | undefined;
  const store = () => (guarded ??= loadGuardedTokenStore().then(({ GuardedTokenStore }) => new GuardedTokenStore(inner, onError)));
  const leases = (): Promise<TokenLeases> => store().then((loaded) => loaded.leases!);
  const innerLeases = inner.leases;
  return {
    get: async (key) => (await store()).get(key),
    set: async (key, tokens) => (await store()).set(key, tokens),
    delete: async (key, expected) => (await store()).delete(key, expected),
    leases:
      innerLeases === undefined
        ? undefined
        : {
            ttlMs: innerLeases.ttlMs,
            waitTimeoutMs: innerLeases.waitTimeoutMs,
            acquire: async (key, owner, ttlMs) => (await leases()).acquire(key, owner, ttlMs),
            extend: innerLeases.extend === undefined ? undefined : async (key, owner, ttlMs) => (await leases()).extend!(key, owner, ttlMs),
            release: async (key, owner) => (await leases()).release(key, owner),
          },
  };
}
