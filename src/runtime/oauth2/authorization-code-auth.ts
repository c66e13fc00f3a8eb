/**
 * The strategy of the authorization code flow: the token lifecycle of OAuth2Auth, plus the sign-in
 * helpers (authorization URL, code redemption), made once with the strategy's own tokens. A class of
 * its own, so a client without that flow links none of it.
 */
import { OAuth2Auth, type OAuth2AuthOptions } from './oauth2-auth.js';
import type { TokenManager } from './token-manager.js';
import type { AuthorizationCodeFlow } from './types.js';

export class AuthorizationCodeAuth extends OAuth2Auth {
  readonly #helpers: AuthorizationCodeFlow;

  constructor(scheme: string, options: OAuth2AuthOptions, helpers: (tokens: TokenManager) => AuthorizationCodeFlow) {
    super(scheme, options);
    this.#helpers = helpers(this);
  }

  /** The sign-in helpers (authorization-flow.ts hands them out). */
  authorizationCodeFlow(): AuthorizationCodeFlow {
    return this.#helpers;
  }
}
