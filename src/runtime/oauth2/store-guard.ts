/**
 * The application's token store as the token manager sees it: wrapped in GuardedTokenStore (a
 * failing store never fails an API call), which is loaded with import() when the client is made
 * (the token manager awaits the store it is given). The default in-memory store cannot fail and
 * needs no guard: an app that passes no store never downloads it.
 */
import { loadGuardedTokenStore } from './lazy-modules.js';
import type { StoreErrorHook } from './guarded-token-store.js';
import type { RenewalStore } from './token-manager.js';
import type { TokenStore } from './types.js';

export function guardStore(inner: TokenStore, onError: StoreErrorHook | undefined): PromiseLike<RenewalStore> {
  let guarded: Promise<RenewalStore> | undefined;
  // A load that fails (offline) is not kept: the next store call loads again, so one offline moment
  // does not cost the client its store for good. Started now, so the first call rarely waits.
  const load = (): Promise<RenewalStore> =>
    (guarded ??= loadGuardedTokenStore().then(
      ({ GuardedTokenStore }) => new GuardedTokenStore(inner, onError),
      (cause: unknown) => {
        guarded = undefined;
        throw cause;
      },
    ));
  load().catch(() => undefined);
  return { then: (ok, fail) => load().then(ok, fail) };
}
