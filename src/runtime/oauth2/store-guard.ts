/**
 * The application's token store as the token manager sees it: wrapped in GuardedTokenStore (a
 * failing store never fails an API call), which is loaded with import() when the client is made
 * (the token manager awaits the store it is given). The default in-memory store cannot fail and
 * needs no guard: an app that passes no store never downloads it.
 */
import { loadGuardedTokenStore } from './lazy-modules.js';
import type { StoreErrorHook } from './guarded-token-store.js';
import type { TokenStore } from './types.js';

export function guardStore(inner: TokenStore, onError: StoreErrorHook | undefined): Promise<TokenStore> {
  const guarded = loadGuardedTokenStore().then(({ GuardedTokenStore }) => new GuardedTokenStore(inner, onError));
  // Offline the load fails: every store call says so then, rather than an unhandled rejection now.
  guarded.catch(() => undefined);
  return guarded;
}
