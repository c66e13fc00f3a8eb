import type { StrategyFactory } from '../strategy-factory.js';
import { createOAuth2Strategy } from './create-oauth2-strategy.js';
import { createOAuthShared } from './oauth-environment.js';
import type { AuthEnvironment } from './types.js';

/** OAuth 2.0 and OpenID Connect schemes; their token store and discovery cache are shared per client. */
export const oauth2Strategies: StrategyFactory = (name, spec, credential, context) => {
  if (spec.type !== 'oauth2' && spec.type !== 'openIdConnect') return undefined;
  const shared = context.shared('oauth2', () => createOAuthShared(context.env as AuthEnvironment | undefined));
  return createOAuth2Strategy(name, spec, credential, shared);
};
