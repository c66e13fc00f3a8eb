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
