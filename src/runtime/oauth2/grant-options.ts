/** Checks of the optional grant fields, read once at construction. Messages never quote values. */
import { option, own } from './option-checks.js';
import type { TokenSet } from './types.js';

function isAbsoluteUri(text: string): boolean {
  try {
    return !!new URL(text);
  } catch {
    return false;
  }
}

/** RFC 8707 §2: `resource` values are absolute URIs without a fragment; checked now, not at the first request. */
export function grantResources(grant: object, where: string): readonly string[] {
  const list = [own(grant, 'resource') ?? []].flat();
  for (const resource of list) {
    if (typeof resource !== 'string' || !isAbsoluteUri(resource) || resource.includes('#')) throw new TypeError(`${where}resource must be an absolute URI without a fragment (or a list of them)`);
  }
  return Object.freeze([...new Set(list as string[])]);
}

/** Tokens an authorization code credential brings (restored from an earlier sign-in); its refreshToken and expiresAt are checked. */
export function seedTokens(grant: object, where: string, refreshToken: string | undefined, expiresAt: number | undefined): TokenSet | undefined {
  const accessToken = option(grant, 'accessToken', 'string', where) as string | undefined;
  if (accessToken === undefined && refreshToken === undefined) return undefined;
  // An empty accessToken marks a set that holds only a refresh token: it is renewed before use.
  const tokens: TokenSet = { accessToken: accessToken ?? '', tokenType: 'Bearer' };
  if (expiresAt !== undefined) tokens.expiresAt = expiresAt;
  if (refreshToken !== undefined) tokens.refreshToken = refreshToken;
  return tokens;
}
