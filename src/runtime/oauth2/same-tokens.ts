/**
 * The lazily loaded modules' compare-before-delete (guarded-token-store.ts, token-refresh.ts),
 * imported by them alone: the entry never ships it. The stores an app imports (memory-token-store.ts,
 * redis-token-store.ts) compare with their own copy, storedTokensMatch: a module both imported would
 * leave the entry for a chunk shared with the lazy ones (lazy-module-imports.ts says why).
 */
import type { TokenSet } from './types.js';

/** The same issued tokens: what compare-before-delete compares (other fields may be re-serialized). */
export function sameTokens(a: TokenSet | undefined, b: TokenSet | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.accessToken === b.accessToken && a.refreshToken === b.refreshToken;
}
