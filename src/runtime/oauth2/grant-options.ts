/** Checks of the optional grant fields, read once at construction. Messages never quote values. */
import { quoteScheme } from '../credential-checks.js';
import type { TokenSet } from './types.js';

function field(grant: object, name: string): unknown {
  return Object.hasOwn(grant, name) ? Reflect.get(grant, name) : undefined;
}

/** The caller's `scopes`, which replace each operation's own; undefined when not given. */
export function grantScopes(grant: object, scheme: string): readonly string[] | undefined {
  const scopes = field(grant, 'scopes');
  if (scopes === undefined) return undefined;
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
    throw new TypeError(`security scheme ${quoteScheme(scheme)}: scopes must be an array of strings`);
  }
  return Object.freeze([...(scopes as string[])]);
}

export function grantTokenParams(grant: object, scheme: string): Readonly<Record<string, string>> {
  const params = field(grant, 'tokenParams');
  if (params === undefined) return {};
  if (typeof params !== 'object' || params === null || !Object.values(params).every((value) => typeof value === 'string')) {
    throw new TypeError(`security scheme ${quoteScheme(scheme)}: tokenParams must map names to strings`);
  }
  return Object.freeze({ ...(params as Record<string, string>) });
}

function isAbsoluteUri(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** RFC 8707 §2: `resource` values are absolute URIs without a fragment; checked now, not at the first request. */
export function grantResources(grant: object, scheme: string): readonly string[] {
  const value = field(grant, 'resource');
  if (value === undefined) return [];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const where = `security scheme ${quoteScheme(scheme)}: resource`;
  for (const resource of list) {
    if (typeof resource !== 'string' || !isAbsoluteUri(resource) || resource.includes('#')) {
      throw new TypeError(`${where} must be an absolute URI without a fragment (or a list of them)`);
    }
  }
  return Object.freeze([...new Set(list as string[])]);
}

/** Tokens an authorization code credential brings (restored from an earlier sign-in). */
export function seedTokens(grant: object, scheme: string): TokenSet | undefined {
  const accessToken = field(grant, 'accessToken');
  const refreshToken = field(grant, 'refreshToken');
  const expiresAt = field(grant, 'expiresAt');
  const where = `security scheme ${quoteScheme(scheme)}`;
  if (accessToken !== undefined && typeof accessToken !== 'string') throw new TypeError(`${where}: accessToken must be a string`);
  if (refreshToken !== undefined && typeof refreshToken !== 'string') throw new TypeError(`${where}: refreshToken must be a string`);
  if (expiresAt !== undefined && (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt))) throw new TypeError(`${where}: expiresAt must be epoch milliseconds`);
  if (accessToken === undefined && refreshToken === undefined) return undefined;
  // An empty accessToken marks a set that holds only a refresh token: it is renewed before use.
  const tokens: TokenSet = { accessToken: accessToken ?? '', tokenType: 'Bearer' };
  if (expiresAt !== undefined) tokens.expiresAt = expiresAt;
  if (refreshToken !== undefined) tokens.refreshToken = refreshToken;
  return tokens;
}
