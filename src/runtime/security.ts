import type { SchemeUseSpec, SecuritySpec } from './operation.js';

/**
 * No alternative of the operation's security can be met with the credentials configured. Built by
 * the client core with its fields set, its message written by failure-messages.ts, loaded with
 * setbacks.ts (no constructor of its own: the message is code only a failure needs).
 */
export class AuthRequiredError extends Error {
  override readonly name = 'AuthRequiredError';
  // `declare`d: set by the core (no field definitions in the bundle).
  declare readonly operation: string;
  /** Scheme names of each alternative that would have satisfied the operation. */
  declare readonly alternatives: string[][];
}

/** What an operation needs when none of its alternatives can be met: each one's scheme names. */
export interface UnmetSecurity {
  alternatives: string[][];
}

/**
 * Which schemes to apply. `[]` (public) applies nothing. Otherwise the first non-empty alternative
 * whose schemes all have credentials (are `configured`: the client's strategies), and only that
 * one, a scheme listed twice applied once with the union of its scopes; an empty alternative
 * (anonymous allowed) is the fallback when none can be met. When nothing fits: the alternatives, for the AuthRequiredError. Each scope list frozen:
 * strategies key their caches by them (oauth2-auth.ts caches only frozen ones).
 */
export function selectAlternative(security: SecuritySpec, configured: { has(scheme: string): boolean }): readonly SchemeUseSpec[] | UnmetSecurity {
  const candidates = security.filter((alternative) => alternative.length);
  const chosen = candidates.find((alternative) => alternative.every(([scheme]) => configured.has(scheme)));
  if (chosen === undefined) {
    return candidates.length < security.length || !security.length ? [] : { alternatives: candidates.map((alternative) => [...new Set(alternative.map(([scheme]) => scheme))]) };
  }
  const scopes = new Map<string, readonly string[]>();
  for (const [scheme, wanted] of chosen) scopes.set(scheme, Object.freeze([...new Set([...(scopes.get(scheme) ?? []), ...wanted])]));
  return [...scopes];
}
