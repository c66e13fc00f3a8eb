import { ApiKeyAuth } from './api-key-auth.js';
import type { AuthStrategy, BasicCredentials, SchemeSpec } from './auth-strategy.js';
import { BasicAuth } from './basic-auth.js';
import { BearerAuth } from './bearer-auth.js';
import { quoteScheme, requireAccessToken, requireTokenSource } from './credential-checks.js';
import { HttpAuth } from './http-auth.js';

/**
 * One strategy per scheme the caller supplied a credential for. Scheme names come from the spec and
 * may be `__proto__` or `constructor`, so only own properties of `credentials` are read.
 */
export function createAuthStrategies(
  schemes: Readonly<Record<string, SchemeSpec>>,
  credentials: object | undefined,
): Map<string, AuthStrategy> {
  const strategies = new Map<string, AuthStrategy>();
  if (credentials === undefined || credentials === null) return strategies;
  if (typeof credentials !== 'object') throw new TypeError('credentials must be an object keyed by security scheme name');
  for (const name of Object.keys(schemes)) {
    if (!Object.hasOwn(credentials, name)) continue;
    const credential: unknown = Reflect.get(credentials, name);
    if (credential === undefined) continue;
    strategies.set(name, createStrategy(name, schemes[name]!, credential));
  }
  return strategies;
}

function createStrategy(name: string, spec: SchemeSpec, credential: unknown): AuthStrategy {
  if (spec.type === 'apiKey') return new ApiKeyAuth(name, { in: spec.in, name: spec.name }, requireTokenSource(credential, name));
  if (spec.type === 'http') {
    const httpScheme = spec.scheme.toLowerCase();
    if (httpScheme === 'basic') return new BasicAuth(name, credential as BasicCredentials);
    if (httpScheme === 'bearer') return new BearerAuth(name, requireTokenSource(credential, name));
    return new HttpAuth(name, httpScheme, requireTokenSource(credential, name));
  }
  if (spec.type === 'accessToken') return new BearerAuth(name, requireAccessToken(credential, name));
  throw new TypeError(`security scheme ${quoteScheme(name)} has a type this runtime cannot apply`);
}
