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

/** expires_in as a number of seconds; 0 (or less) means the token is already expired, not "never". */
function seconds(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? Math.max(0, number) : undefined;
}

function optionalString(json: JsonObject, name: string): string | undefined {
  const value = json[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A successful token response (RFC 6749 §5.1) as a TokenSet. Bearer tokens are usable, and DPoP
 * tokens when the client asked for them (`dpop`). A missing token_type is taken as Bearer. A
 * Bearer answer to a DPoP request is used as Bearer, marked `dpopRefused` so the application sees it.
 */
export function parseTokenResponse(
  json: JsonObject,
  scheme: string,
  nowMs: number,
  previous?: Pick<TokenSet, 'refreshToken' | 'scope' | 'idToken'>,
  dpop = false,
  /** For the server's token_type quoted in an error. */
  redact?: (text: string) => string,
): TokenSet {
  const accessToken = optionalString(json, 'access_token');
  if (accessToken === undefined) {
    throw new TokenError({ scheme, error: 'invalid_response', errorDescription: 'the token response has no access_token' });
  }
  const issued = optionalString(json, 'token_type') ?? 'Bearer';
  const issuedType = issued.toLowerCase();
  const tokenType = issuedType === 'bearer' ? 'Bearer' : issuedType === 'dpop' && dpop ? 'DPoP' : undefined;
  if (tokenType === undefined) {
    const usable = dpop ? 'Bearer and DPoP tokens' : 'Bearer tokens (DPoP tokens with the credential option dpop)';
    // The server's token_type is quoted only with its secrets redacted (token-endpoint.ts loads the redaction).
    // Quoted as the server wrote it: a secret it echoes is redacted in its own spelling, not lowercased.
    const quoted = redact === undefined ? 'a token type' : `a ${JSON.stringify(issued.slice(0, 40))} token`;
    throw new TokenError({ scheme, error: 'unsupported_token_type', errorDescription: `the token endpoint issued ${quoted}; only ${usable} are supported`, redact });
  }
  const expiresIn = seconds(json['expires_in']);
  const tokens: TokenSet = { accessToken, tokenType, issuedAt: nowMs };
  if (dpop && tokenType === 'Bearer') tokens.dpopRefused = true;
  if (expiresIn !== undefined) tokens.expiresAt = nowMs + expiresIn * 1000;
  // RFC 6749 §6: a refresh response without refresh_token means the old one stays valid.
  const refreshToken = optionalString(json, 'refresh_token') ?? previous?.refreshToken;
  if (refreshToken !== undefined) tokens.refreshToken = refreshToken;
  // §5.1: no scope in the response means the scope requested (or, on refresh, the one held).
  const scope = optionalString(json, 'scope') ?? previous?.scope;
  if (scope !== undefined) tokens.scope = scope;
  const idToken = optionalString(json, 'id_token') ?? previous?.idToken;
  if (idToken !== undefined) tokens.idToken = idToken;
  return tokens;
}

function marginFor(lifetimeMs: number): number {
  return Math.min(MAX_MARGIN_MS, lifetimeMs * MARGIN_SHARE + EXPIRES_IN_GRANULARITY_MS, lifetimeMs / 2);
}

/** Still good for a request that leaves now. A token without expiry is good until the server says 401. */
export function isFresh(tokens: TokenSet | undefined, nowMs: number): tokens is TokenSet {
  if (tokens === undefined || tokens.accessToken === '') return false;
  if (tokens.expiresAt === undefined) return true;
  const lifetime = tokens.issuedAt === undefined ? undefined : tokens.expiresAt - tokens.issuedAt;
  const margin = lifetime === undefined ? MAX_MARGIN_MS : marginFor(Math.max(0, lifetime));
  return nowMs < tokens.expiresAt - margin;
}

/** A store is application code: accept only what looks like a TokenSet. */
export function asTokenSet(value: unknown): TokenSet | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const tokens = value as Partial<TokenSet>;
  if (typeof tokens.accessToken !== 'string') return undefined;
  return tokens as TokenSet;
}
