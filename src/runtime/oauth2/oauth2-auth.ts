import type { AuthContext, AuthRequest, AuthStrategy } from '../auth-strategy.js';
import { abortable } from '../abortable.js';
import { formatAuthorization } from '../authorization-header.js';
import { quoteScheme, requireHeaderSafe } from '../credential-checks.js';
import type { FetchLike } from '../client-core.js';
import { AUTHORIZATION_CODE_SCOPES } from './token-scopes.js';
import type { DpopHandle } from './dpop-option.js';
import { loadOAuth2Refusal } from './lazy-modules.js';
import type { Refusal } from './oauth2-refusal.js';
import type { TokenManager } from './token-manager.js';
import type { AuthorizationCodeFlow, OAuthFlowName, TokenSet } from './types.js';

/** The grant a strategy runs: a flow of the OpenAPI flows object, or the JWT bearer grant (RFC 7523). */
export type OAuth2Grant = OAuthFlowName | 'jwtBearer';

export interface OAuth2AuthOptions {
  flow: OAuth2Grant;
  tokens: TokenManager;
  /** Scopes the application asked for; when undefined each operation's own scopes are requested. */
  scopes: readonly string[] | undefined;
  /** The authorization code helpers, for that flow only. */
  authorizationCode: AuthorizationCodeFlow | undefined;
  /** Clock, epoch ms (the cool-down after a renewal that did not help). */
  now: () => number;
  /** With DPoP on: DPoP tokens go out with a fresh proof per request. */
  dpop?: DpopHandle | undefined;
  /** RFC 8705: the credential's certificate fetch, which the API calls go through too (bound tokens). */
  transport?: FetchLike | undefined;
}

/**
 * After a token renewed because of a 401 is refused too, renewing again does not help (the API
 * refuses every token, or this client's rights): for this long such a 401 is final.
 */
export const RENEWAL_COOL_DOWN_MS = 30_000;

/**
 * Bearer tokens the client obtains and renews itself (client credentials, password, authorization
 * code, device authorization; OpenID Connect). Everything secret lives in private fields.
 */
export class OAuth2Auth implements AuthStrategy {
  readonly scheme: string;
  /** The flow the credential runs (never secret). */
  readonly flow: OAuth2Grant;
  readonly #tokens: TokenManager;
  readonly #scopes: readonly string[] | undefined;
  readonly #authorizationCode: AuthorizationCodeFlow | undefined;
  // Which access token each request carried, so a 401 renews only a token that is still current.
  readonly #sent = new WeakMap<AuthRequest, string>();
  readonly #now: () => number;
  // Tokens obtained because the server refused the one before, and when.
  readonly #renewedAfter401 = new Map<string, number>();
  readonly #dpop: DpopHandle | undefined;
  // The DPoP nonce each request's proof carried, so only a new nonce earns a retry.
  readonly #sentNonce = new WeakMap<AuthRequest, string | undefined>();
  readonly #transport: FetchLike | undefined;
  // The Authorization value of the last Bearer token sent, and that token.
  #bearerFor: string | undefined;
  #bearerValue = '';

  constructor(scheme: string, options: OAuth2AuthOptions) {
    this.scheme = scheme;
    this.flow = options.flow;
    this.#tokens = options.tokens;
    this.#scopes = options.scopes;
    this.#authorizationCode = options.authorizationCode;
    this.#now = options.now;
    this.#dpop = options.dpop;
    this.#transport = options.transport;
  }

  /** The certificate fetch, when the credential has one (an accessor: kept off inspect output). */
  get transport(): FetchLike | undefined {
    return this.#transport;
  }

  /** Synchronous while a fresh Bearer token is in hand: most requests need no await at all. */
  apply(request: AuthRequest, context: AuthContext): void | Promise<void> {
    const scopes = this.#scopesFor(context);
    const fresh = this.#tokens.fresh(scopes);
    if (fresh !== undefined && !this.#sendsDpop(fresh)) return this.#sendBearer(request, fresh);
    return this.#applyAwaiting(request, scopes, context.signal);
  }

  async #applyAwaiting(request: AuthRequest, scopes: readonly string[], signal: AbortSignal | undefined): Promise<void> {
    const tokens = this.#tokens.fresh(scopes) ?? (await abortable(this.#tokens.token(scopes), signal));
    if (!this.#sendsDpop(tokens)) return this.#sendBearer(request, tokens);
    // A fresh proof per attempt (the core applies again on a retry and after a redirect), made by the prover.
    this.#sentNonce.set(request, await (await this.#dpop!.prover()).authorize(request, tokens.accessToken, this.scheme, this.#now()));
    this.#sent.set(request, tokens.accessToken);
  }

  #sendsDpop(tokens: TokenSet): boolean {
    return this.#dpop !== undefined && tokens.tokenType.toLowerCase() === 'dpop';
  }

  #sendBearer(request: AuthRequest, tokens: TokenSet): void {
    // Checked and formatted once per token, not per request.
    if (tokens.accessToken !== this.#bearerFor) {
      this.#bearerValue = formatAuthorization('bearer', requireHeaderSafe(tokens.accessToken, this.scheme));
      this.#bearerFor = tokens.accessToken;
    }
    request.headers.set('authorization', this.#bearerValue);
    this.#sent.set(request, tokens.accessToken);
  }

  async onUnauthorized(request: AuthRequest, response: Response, context: AuthContext): Promise<boolean> {
    const sent = this.#sent.get(request);
    if (sent === undefined) return false;
    this.#sent.delete(request);
    const refusal: Refusal = {
      scheme: this.scheme,
      request,
      response,
      context,
      sent,
      dpop: this.#dpop,
      sentNonce: this.#sentNonce,
      renewedAfter401: this.#renewedAfter401,
      now: this.#now,
      tokens: this.#tokens,
      scopes: this.#scopesFor(context),
    };
    // Its code loads with the first refusal; without it (a browser gone offline) the 401 is the answer.
    let refusals: typeof import('./oauth2-refusal.js');
    try {
      refusals = await loadOAuth2Refusal();
    } catch {
      return false;
    }
    return refusals.answerRefusal(refusal);
  }

  /** The sign-in helpers; only for the authorization code flow. */
  authorizationCodeFlow(): AuthorizationCodeFlow {
    if (this.#authorizationCode === undefined) {
      throw new TypeError(`security scheme ${quoteScheme(this.scheme)} runs the ${this.flow} flow, not the authorization code flow`);
    }
    return this.#authorizationCode;
  }

  #scopesFor(context: AuthContext): readonly string[] {
    // Authorization code tokens carry whatever the user consented to: one token set per scheme.
    if (this.flow === 'authorizationCode') return AUTHORIZATION_CODE_SCOPES;
    return this.#scopes ?? context.scopes;
  }
}
