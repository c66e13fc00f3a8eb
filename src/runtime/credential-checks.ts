import type { TokenSource } from './auth-strategy.js';

/** Scheme names come from the spec: quote them so control characters cannot forge a message. */
export function quoteScheme(scheme: string): string {
  return JSON.stringify(scheme);
}

/** `security scheme "name": `, the start of every message about a scheme's credential or options. */
export function schemeWhere(scheme: string): string {
  return `security scheme ${quoteScheme(scheme)}: `;
}

/** A TypeError about the credential of `scheme`: names the scheme, never the value. */
function credentialError(scheme: string, problem: string, what = 'credential'): TypeError {
  return new TypeError(`the ${what} for security scheme ${quoteScheme(scheme)} ${problem}`);
}

/** Rejects anything that is not a non-empty string or a function. */
export function requireTokenSource(value: unknown, scheme: string): TokenSource {
  if ((typeof value === 'string' && value !== '') || typeof value === 'function') return value as TokenSource;
  throw credentialError(scheme, 'must be a non-empty string or a function returning one');
}

/** `{ accessToken }` → its token source; names the scheme, never the value, when malformed. */
export function requireAccessToken(value: unknown, scheme: string): TokenSource {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'accessToken')) {
    throw credentialError(scheme, 'must be an object with an accessToken');
  }
  return requireTokenSource((value as { accessToken: unknown }).accessToken, scheme);
}

/** The current credential; a function source is called (and awaited) every time. */
export async function resolveToken(source: TokenSource, scheme: string): Promise<string> {
  const token: unknown = typeof source === 'function' ? await source() : source;
  if (typeof token !== 'string' || token === '') {
    throw credentialError(scheme, 'did not return a non-empty string', 'credential function');
  }
  return token;
}

// Headers would reject these too, but its message quotes the value, which here is a secret.
const NOT_HEADER_SAFE = /[\0\r\n]|[^\0-\xFF]/;

export function isHeaderSafe(value: string): boolean {
  return !NOT_HEADER_SAFE.test(value);
}

export function requireHeaderSafe(value: string, scheme: string): string {
  // Its sentence written out, not through credentialError: a bearer-token app links this check only.
  if (NOT_HEADER_SAFE.test(value)) throw new TypeError(`${schemeWhere(scheme)}the credential contains characters an HTTP header cannot carry`);
  return value;
}
