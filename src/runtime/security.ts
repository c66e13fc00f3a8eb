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

/**
 * Which schemes to apply. `[]` (public) applies nothing. Otherwise the first non-empty alternative
 * whose schemes all have credentials (are `configured`: the client's strategies), and only that
 * one; an empty alternative (anonymous allowed) is the fallback when none can be met. Undefined
 * when nothing fits (the core's AuthRequiredError lists the alternatives). An alternative names
 * each scheme once, with every scope it asks (the generator writes it so: operation-spec.ts). Each
 * scope list frozen (a copy): strategies key their caches by them (oauth2-auth.ts caches only frozen ones).
 */
export function selectAlternative(security: SecuritySpec, configured: { has(scheme: string): boolean }): readonly SchemeUseSpec[] | undefined {
  const chosen = security.find((alternative) => alternative.length && alternative.every(([scheme]) => configured.has(scheme)))
    ?? (security.length ? security.find((alternative) => !alternative.length) : []);
  return chosen?.map(([scheme, scopes]) => [scheme, Object.freeze([...scopes])]);
}
