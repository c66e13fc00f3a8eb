import type { JsonObject } from './oauth-http.js';
import { TokenError } from './token-error.js';
import type { TokenSet } from './types.js';

// Refresh ahead of expiry so a request does not leave with a token that dies on the way: at most
// 60 s, else a tenth of the lifetime plus a second, never more than half the lifetime (a 6-second
// token is reused for 4.4 s, a 2-second one for 1 s).
const MAX_MARGIN_MS = 60_000;
const MARGIN_SHARE = 0.1;
// The extra second: expires_in counts whole seconds and servers truncate (a JWT's exp is iat +
// lifetime, iat rounded down), so a token can die up to a second before receivedAt + expires_in.
const EXPIRES_IN_GRANULARITY_MS = 1000;

// What a response may leave out and a refresh keeps from the tokens held (RFC 6749 §5.1, §6).
const KEPT = [
  ['refreshToken', 'refresh_token'],
  ['scope', 'scope'],
  ['idToken', 'id_token'],
] as const;

/**
 * A successful token response (RFC 6749 §5.1) as a TokenSet. Bearer tokens are usable, and DPoP
 * tokens when the client asked for them (`dpop`). A missing token_type is taken as Bearer. A
 * Bearer answer to a DPoP request is used as Bearer, marked `dpopRefused` so the application sees it.
 * Without `refresh_token` a refresh keeps the one held; without `scope` the tokens have the scope
 * requested (or, on refresh, the one held): `previous`. expires_in is seconds, as a number or
 * numeric text; 0 (or less) means the token is already expired, not "never".
 */
export function parseTokenResponse(
  json: JsonObject,
  scheme: string,
  nowMs: number,
  previous: Pick<TokenSet, 'refreshToken' | 'scope' | 'idToken'> = {},
  dpop = false,
  /** The description of an unsupported_token_type error (secret-redaction.ts, loaded with that error). */
  describe?: (issued: string, dpop: boolean) => string,
): TokenSet {
  const text = (name: string): string | undefined => {
    const value = json[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const accessToken = text('access_token');
  if (!accessToken) throw new TokenError({ scheme, error: 'invalid_response', errorDescription: 'the token response has no access_token' });
  const issued = text('token_type') ?? 'Bearer';
  const issuedType = issued.toLowerCase();
  const tokenType = issuedType === 'bearer' ? 'Bearer' : issuedType === 'dpop' && dpop ? 'DPoP' : undefined;
  if (!tokenType) throw new TokenError({ scheme, error: 'unsupported_token_type', errorDescription: describe?.(issued, dpop) });
  const tokens: TokenSet = { accessToken, tokenType, issuedAt: nowMs };
  if (dpop && tokenType === 'Bearer') tokens.dpopRefused = true;
  const expiresIn = json['expires_in'];
  // Number('') and Number(' ') are 0: blank text is no lifetime.
  const seconds = typeof expiresIn === 'string' && expiresIn.trim() ? Number(expiresIn) : expiresIn;
  if (Number.isFinite(seconds)) tokens.expiresAt = nowMs + Math.max(0, seconds as number) * 1000;
  for (const [field, name] of KEPT) {
    const value = text(name) ?? previous[field];
    if (value !== undefined) tokens[field] = value;
  }
  return tokens;
}

/** Still good for a request that leaves now. A token without expiry is good until the server says 401. */
export function isFresh(tokens: TokenSet | undefined, nowMs: number): tokens is TokenSet {
  if (!tokens?.accessToken) return false;
  const { expiresAt, issuedAt } = tokens;
  if (expiresAt === undefined) return true;
  // Unknown issue time: an endless lifetime, so the largest margin.
  const lifetime = Math.max(0, expiresAt - (issuedAt ?? -Infinity));
  return nowMs < expiresAt - Math.min(MAX_MARGIN_MS, lifetime * MARGIN_SHARE + EXPIRES_IN_GRANULARITY_MS, lifetime / 2);
}

/** A store is application code: accept only what looks like a TokenSet. */
export function asTokenSet(value: unknown): TokenSet | undefined {
  return typeof (value as Partial<TokenSet> | null | undefined)?.accessToken === 'string' ? (value as TokenSet) : undefined;
}
