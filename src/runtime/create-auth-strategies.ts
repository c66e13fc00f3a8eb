import { ApiKeyAuth } from './api-key-auth.js';
import type { AuthStrategy, BasicCredentials, SchemeSpec } from './auth-strategy.js';
import { BasicAuth } from './basic-auth.js';
import { BearerAuth } from './bearer-auth.js';
import { quoteScheme, requireAccessToken, requireTokenSource } from './credential-checks.js';
import { HttpAuth } from './http-auth.js';
import { createOAuth2Strategy, createOAuthShared, type OAuthShared } from './oauth2/index.js';
import type { AuthEnvironment } from './oauth2/types.js';
import { DigestAuth, type DigestCredentials } from './digest/digest-auth.js';
import { MutualTlsAuth, type MutualTlsCredentials } from './mtls/mutual-tls-auth.js';
import { OAuth1Auth, type OAuth1Credentials } from './oauth1/oauth1-auth.js';

/**
 * One strategy per scheme the caller supplied a credential for. Scheme names come from the spec and
 * may be `__proto__` or `constructor`, so only own properties of `credentials` are read. `env`
 * serves the schemes whose tokens the client obtains itself (oauth2, openIdConnect); the token
 * store and discovery cache it implies are shared by this call's strategies.
 */
export function createAuthStrategies(
  schemes: Readonly<Record<string, SchemeSpec>>,
  credentials: object | undefined,
  env?: AuthEnvironment,
): Map<string, AuthStrategy> {
  const strategies = new Map<string, AuthStrategy>();
  if (credentials === undefined || credentials === null) return strategies;
  if (typeof credentials !== 'object') throw new TypeError('credentials must be an object keyed by security scheme name');
  let shared: OAuthShared | undefined;
  const oauth = () => (shared ??= createOAuthShared(env));
  for (const name of Object.keys(schemes)) {
    if (!Object.hasOwn(credentials, name)) continue;
    const credential: unknown = Reflect.get(credentials, name);
    if (credential === undefined) continue;
    strategies.set(name, createStrategy(name, schemes[name]!, credential, oauth));
  }
  return strategies;
}

function createStrategy(name: string, spec: SchemeSpec, credential: unknown, oauth: () => OAuthShared): AuthStrategy {
  if (spec.type === 'apiKey') return new ApiKeyAuth(name, { in: spec.in, name: spec.name }, requireTokenSource(credential, name));
  if (spec.type === 'http') {
    const httpScheme = spec.scheme.toLowerCase();
    if (httpScheme === 'basic') return new BasicAuth(name, credential as BasicCredentials);
    if (httpScheme === 'bearer') return new BearerAuth(name, requireTokenSource(credential, name));
    if (httpScheme === 'digest') return new DigestAuth(name, credential as DigestCredentials);
    if (httpScheme === 'oauth') return new OAuth1Auth(name, credential as OAuth1Credentials);
    return new HttpAuth(name, httpScheme, requireTokenSource(credential, name));
  }
  if (spec.type === 'accessToken') return new BearerAuth(name, requireAccessToken(credential, name));
  if (spec.type === 'oauth2' || spec.type === 'openIdConnect') return createOAuth2Strategy(name, spec, credential, oauth());
  if (spec.type === 'mutualTLS') return new MutualTlsAuth(name, credential as MutualTlsCredentials);
  throw new TypeError(`security scheme ${quoteScheme(name)} has a type this runtime cannot apply`);
}
