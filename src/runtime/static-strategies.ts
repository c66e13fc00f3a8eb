import { ApiKeyAuth } from './api-key-auth.js';
import type { BasicCredentials, TokenSource } from './auth-strategy.js';
import { BasicAuth } from './basic-auth.js';
import { BearerAuth } from './bearer-auth.js';
import { requireAccessToken } from './credential-checks.js';
import { HttpAuth } from './http-auth.js';
import type { StrategyFactory } from './strategy-factory.js';

/**
 * apiKey, HTTP basic, bearer and any other `Authorization: <Scheme> <credential>` scheme, and
 * access tokens obtained elsewhere. List it after factories for specific HTTP schemes (digest,
 * OAuth 1.0a): it takes every HTTP scheme it is offered.
 */
export const staticStrategies: StrategyFactory = (name, spec, credential) => {
  if (spec.type === 'apiKey') return new ApiKeyAuth(name, { in: spec.in, name: spec.name }, credential as TokenSource);
  if (spec.type === 'accessToken') return new BearerAuth(name, requireAccessToken(credential, name));
  if (spec.type !== 'http') return undefined;
  const httpScheme = spec.scheme.toLowerCase();
  if (httpScheme === 'basic') return new BasicAuth(name, credential as BasicCredentials);
  if (httpScheme === 'bearer') return new BearerAuth(name, credential as TokenSource);
  return new HttpAuth(name, httpScheme, credential as TokenSource);
};
