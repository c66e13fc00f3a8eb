import type { SecurityRequirement } from '../../model/index.js';

/**
 * A requirement in words, for doc comments: `api_key, or petstore_auth (read:pets)`;
 * AND-ed schemes are joined with `+`.
 */
export function describeRequirement(requirement: SecurityRequirement): string {
  if (requirement.length === 0) return 'none (public)';
  const alternatives = requirement.map((alt) =>
    alt.schemes.length === 0
      ? 'anonymous'
      : alt.schemes.map((s) => (s.scopes.length ? `${s.scheme} (${s.scopes.join(', ')})` : s.scheme)).join(' + '),
  );
  return alternatives.join(', or ');
}

/**
 * What an operation's doc comment and README row say about auth when the document declares no
 * security schemes at all. "none (public)" would claim the API is public, which the document does
 * not say: most such documents just left security out. Overlays can add it without editing them.
 */
export const NO_SCHEMES_DECLARED = 'none declared: the document has no security schemes; add one with an overlay (`--overlay`)';

/** The operation's requirement in words, or the "none declared" note when the document declares no schemes. */
export function describeOperationAuth(requirement: SecurityRequirement, declaredSchemes: number): string {
  return declaredSchemes === 0 ? NO_SCHEMES_DECLARED : describeRequirement(requirement);
}
