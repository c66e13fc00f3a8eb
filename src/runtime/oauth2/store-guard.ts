/**
 * The application's token store as the token manager sees it: wrapped in GuardedTokenStore (a
 * failing store never fails an API call), which is loaded with import() when the client is made
 * (the token manager awaits the store it is given). Without a store the tokens stay in memory,
 * which cannot fail and needs no guard: an app that passes no store never downloads it.
 */
import { loadOnce } from '../lazy-core-modules.js';
import { loadGuardedTokenStore } from './lazy-modules.js';
import type { StoreErrorHook } from './guarded-token-store.js';
import type { RenewalStore } from './token-manager.js';
import type { TokenStore } from './types.js';

/** `inner` guarded; none when the application gave none (its tokens then live in each strategy, token-manager.ts). */
export function guardStore(inner: TokenStore | undefined, onError: StoreErrorHook | undefined): PromiseLike<RenewalStore> | undefined {
  if (inner === undefined) return undefined;
  // A load that fails (offline) is not kept (loadOnce): the next store call loads again, so one
  // offline moment does not cost the client its store for good. Started now, so the first call rarely waits.
  const load = loadOnce(() => loadGuardedTokenStore().then((module): RenewalStore => new module.GuardedTokenStore(inner, onError)));
  load().catch(() => undefined);
  return { then: (ok, fail) => load().then(ok, fail) };
}
