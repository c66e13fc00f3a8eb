/** The tokens an authorization code credential brings, checked at construction. Messages never quote values. */
import { option, STRING } from './option-checks.js';
import type { TokenSet } from './types.js';

/** Tokens an authorization code credential brings (restored from an earlier sign-in); its refreshToken and expiresAt are checked. */
export function seedTokens(grant: object, where: string, refreshToken: string | undefined, expiresAt: number | undefined): TokenSet | undefined {
  const accessToken = option(grant, 'accessToken', STRING, where) as string | undefined;
  if (accessToken === undefined && refreshToken === undefined) return undefined;
  // An empty accessToken marks a set that holds only a refresh token: it is renewed before use.
  const tokens: TokenSet = { accessToken: accessToken ?? '', tokenType: 'Bearer' };
  if (expiresAt !== undefined) tokens.expiresAt = expiresAt;
  if (refreshToken !== undefined) tokens.refreshToken = refreshToken;
  return tokens;
}
