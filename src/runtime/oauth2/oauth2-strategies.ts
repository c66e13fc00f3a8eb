import type { StrategyFactory } from '../strategy-factory.js';
import { createOAuth2Strategy } from './create-oauth2-strategy.js';
import { sharedOAuth } from './oauth-environment.js';

/** OAuth 2.0 and OpenID Connect schemes; their token store and discovery cache are shared per client. */
export const oauth2Strategies: StrategyFactory = (name, spec, credential, context) => {
  if (spec.type !== 'oauth2' && spec.type !== 'openIdConnect') return undefined;
  return createOAuth2Strategy(name, spec, credential, sharedOAuth(context));
};
