import type { TokenSet } from './types.js';

/** The same issued tokens: what compare-before-delete compares (other fields may be re-serialized). */
export function sameTokens(a: TokenSet | undefined, b: TokenSet | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.accessToken === b.accessToken && a.refreshToken === b.refreshToken;
}
