import type { SchemeUseSpec, SecuritySpec } from './operation.js';

/** No alternative of the operation's security can be met with the credentials configured. */
export class AuthRequiredError extends Error {
  override readonly name = 'AuthRequiredError';
  // `declare`d: set by the constructor (no field definitions in the bundle).
  declare readonly operation: string;
  /** Scheme names of each alternative that would have satisfied the operation. */
  declare readonly alternatives: string[][];

  constructor(operation: string, alternatives: string[][]) {
    super(`${operation} needs credentials for one of: ${alternatives.map((schemes) => schemes.join(' + ')).join('; ')}`);
    this.operation = operation;
    this.alternatives = alternatives;
  }
}

/**
 * Which schemes to apply. `[]` (public) applies nothing. Otherwise the first non-empty alternative
 * whose schemes all have credentials, and only that one; an empty alternative (anonymous allowed)
 * is the fallback when none can be met. Returns an AuthRequiredError (not thrown) when nothing fits.
 */
export function selectAlternative(
  security: SecuritySpec,
  has: (scheme: string) => boolean,
  operation: string,
): readonly SchemeUseSpec[] | AuthRequiredError {
  if (security.length === 0) return [];
  const candidates = security.filter((alternative) => alternative.length > 0);
  const chosen = candidates.find((alternative) => alternative.every(([scheme]) => has(scheme)));
  if (chosen !== undefined) return mergeRepeatedSchemes(chosen);
  if (candidates.length < security.length) return [];
  return new AuthRequiredError(operation, candidates.map((alternative) => [...new Set(alternative.map(([scheme]) => scheme))]));
}

/** A scheme listed twice in one alternative is applied once, with the union of the scopes. */
function mergeRepeatedSchemes(alternative: readonly SchemeUseSpec[]): SchemeUseSpec[] {
  const scopes = new Map<string, Set<string>>();
  for (const [scheme, wanted] of alternative) scopes.set(scheme, new Set([...(scopes.get(scheme) ?? []), ...wanted]));
  return [...scopes].map(([scheme, set]) => [scheme, [...set]] as const);
}
