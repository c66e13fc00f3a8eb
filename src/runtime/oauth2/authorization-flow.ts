import type { AuthStrategy } from '../auth-strategy.js';
import { quoteScheme } from '../credential-checks.js';
import { AuthorizationCodeAuth } from './authorization-code-auth.js';
import { OAuth2Auth } from './oauth2-auth.js';
import type { AuthorizationCodeFlow } from './types.js';

/** The authorization code helpers (sign-in URL, code redemption) of a client's OAuth 2.0 / OpenID Connect scheme. */
export function authorizationFlow(core: { strategy(scheme: string): AuthStrategy | undefined }, scheme: string): AuthorizationCodeFlow {
  const strategy = core.strategy(scheme);
  if (!(strategy instanceof OAuth2Auth)) {
    throw new TypeError(`security scheme ${quoteScheme(scheme)} has no OAuth 2.0 credentials configured for the authorization code flow`);
  }
  if (!(strategy instanceof AuthorizationCodeAuth)) throw new TypeError(`security scheme ${quoteScheme(scheme)} runs the ${strategy.flow} flow, not the authorization code flow`);
  return strategy.authorizationCodeFlow();
}
