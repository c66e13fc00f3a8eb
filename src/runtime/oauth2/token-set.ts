/** The check a TokenSet passes: fresh enough to go out (one from a store is checked for its shape by the guard, guarded-token-store.ts). */
import type { TokenSet } from './types.js';

// Refresh ahead of expiry so a request does not leave with a token that dies on the way: at most
// 60 s, else a tenth of the lifetime plus a second, never more than half the lifetime (a 6-second
// token is reused for 4.4 s, a 2-second one for 1 s).
const MAX_MARGIN_MS = 60_000;
const MARGIN_SHARE = 0.1;
// The extra second: expires_in counts whole seconds and servers truncate (a JWT's exp is iat +
// lifetime, iat rounded down), so a token can die up to a second before receivedAt + expires_in.
const EXPIRES_IN_GRANULARITY_MS = 1000;

/**
 * The tokens when they can go out now (still good for a request that leaves now) and are not the
 * ones the server just refused. A token without expiry is good until the server says 401.
 */
export function usable(tokens: TokenSet | undefined, nowMs: number, rejected?: string): TokenSet | undefined {
  if (!tokens?.accessToken || tokens.accessToken === rejected) return undefined;
  const { expiresAt, issuedAt } = tokens;
  // Unknown issue time: an endless lifetime, so the largest margin (no expiry: no lifetime, not read).
  const lifetime = Math.max(0, expiresAt! - (issuedAt ?? -Infinity));
  return expiresAt === undefined || nowMs < expiresAt - Math.min(MAX_MARGIN_MS, lifetime * MARGIN_SHARE + EXPIRES_IN_GRANULARITY_MS, lifetime / 2) ? tokens : undefined;
}

/** Still good for a request that leaves now. */
export function isFresh(tokens: TokenSet | undefined, nowMs: number): tokens is TokenSet {
  return usable(tokens, nowMs) !== undefined;
}
