/**
 * The authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636): builds the URL that sends the
 * user to sign in, and redeems the code the redirect brings back into the scheme's TokenManager.
 */
import { createPkcePair, createState } from './pkce.js';
import type { OAuthClient } from './token-endpoint.js';
import type { TokenManager } from './token-manager.js';
import type { AuthorizationCodeFlow, AuthorizationRequest, AuthorizationUrlOptions, CodeExchange, TokenSet } from './types.js';
import { quoteScheme$ as quoteScheme, requestTokens$ as requestTokens, requireEndpoint$ as requireEndpoint, tokenError } from './lazy-module-imports.js';

// Parameters extraParams must not replace: they carry the flow's security.
const RESERVED = new Set(['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'scope', 'request_uri', 'dpop_jkt']);

/**
 * The scopes under which the signed-in user's tokens are stored: none, one token set per scheme
 * (the strategy of this flow asks for its tokens under no scopes too: create-oauth2-strategy.ts).
 */
const AUTHORIZATION_CODE_SCOPES: readonly string[] = Object.freeze([]);

export class AuthorizationCodeHelpers implements AuthorizationCodeFlow {
  readonly scheme: string;
  readonly #oauth: OAuthClient;
  readonly #tokens: TokenManager;
  readonly #defaultRedirectUri: string | undefined;
  readonly #openId: boolean;
  readonly #par: boolean | undefined;

  /** `openId`: an openIdConnect scheme, whose authorization requests must ask for `openid`. `par`: the credential's choice of pushed requests. */
  constructor(oauth: OAuthClient, tokens: TokenManager, defaultRedirectUri: string | undefined, openId = false, par?: boolean) {
    this.scheme = oauth.http.scheme;
    this.#oauth = oauth;
    this.#tokens = tokens;
    this.#defaultRedirectUri = defaultRedirectUri;
    this.#openId = openId;
    this.#par = par;
  }

  async authorizationUrl(options: AuthorizationUrlOptions = {}): Promise<AuthorizationRequest> {
    const redirectUri = this.#redirectUri(options.redirectUri);
    for (const name of Object.keys(options.extraParams ?? {})) {
      if (RESERVED.has(name)) throw new TypeError(`security scheme ${quoteScheme(this.scheme)}: extraParams cannot set ${name}`);
    }
    const state = options.state ?? createState();
    const { codeVerifier, codeChallenge } = await createPkcePair();
    const url = new URL(await requireEndpoint(this.#oauth, 'authorizationUrl', 'authorization endpoint'));
    const params: Record<string, string> = {
      ...options.extraParams,
      response_type: 'code',
      client_id: this.#oauth.client.clientId,
      redirect_uri: redirectUri,
      state,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
    };
    // OIDC Core §3.1.2.1: without `openid` the request is plain OAuth 2.0 and no ID token comes back.
    const scopes = this.#openId ? ['openid', ...(options.scopes ?? [])] : [...(options.scopes ?? [])];
    if (scopes.length > 0) params['scope'] = [...new Set(scopes)].join(' ');
    // RFC 9449 §10: the code is bound to this client's DPoP key, so only its holder can redeem it.
    if (this.#oauth.dpop !== undefined) params['dpop_jkt'] = await (await this.#oauth.dpop.prover()).thumbprint();
    const pushTo = await this.#pushedRequestEndpoint();
    if (pushTo !== undefined) {
      const requestUri = await this.#push(pushTo, params);
      url.searchParams.set('client_id', this.#oauth.client.clientId);
      url.searchParams.set('request_uri', requestUri);
      return { url: url.href, state, codeVerifier };
    }
    // Kept: any query the endpoint URL already has (RFC 6749 §3.1).
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return { url: url.href, state, codeVerifier };
  }

  /** Where to push the request (RFC 9126), or undefined for a plain authorization URL. */
  async #pushedRequestEndpoint(): Promise<URL | undefined> {
    if (this.#par === false) return undefined;
    const url = (await this.#oauth.endpoints()).pushedAuthorizationRequestUrl;
    if (url === undefined && this.#par === true) {
      throw tokenError(this.scheme, 'invalid_response', 'par is true but the server metadata names no pushed_authorization_request_endpoint');
    }
    return url;
  }

  /**
   * The whole request goes to the server over the back channel, with client authentication (and a
   * DPoP proof); the browser only carries the `request_uri` it answers with.
   */
  async #push(url: URL, params: Record<string, string>): Promise<string> {
    // tokenParams are for token requests; resource indicators belong to the authorization request too.
    const json = await requestTokens({ ...this.#oauth, tokenParams: {} }, url, params, false, true, 'pushed authorization request endpoint');
    const requestUri = json['request_uri'];
    if (typeof requestUri !== 'string' || requestUri === '') {
      throw tokenError(this.scheme, 'invalid_response', 'the pushed authorization request endpoint answered without a request_uri');
    }
    return requestUri;
  }

  async exchangeCode(exchange: CodeExchange): Promise<TokenSet> {
    const { code, codeVerifier, state, expectedState } = exchange;
    if (typeof code !== 'string' || code === '') throw new TypeError(`security scheme ${quoteScheme(this.scheme)}: exchangeCode needs the code`);
    if (typeof codeVerifier !== 'string' || codeVerifier === '') throw new TypeError(`security scheme ${quoteScheme(this.scheme)}: exchangeCode needs the codeVerifier`);
    if (state !== undefined && expectedState !== undefined && state !== expectedState) {
      // CSRF (RFC 6749 §10.12): this redirect does not answer our authorization request.
      throw tokenError(this.scheme, 'state_mismatch', 'the redirect carries a different state than the authorization request');
    }
    const url = await requireEndpoint(this.#oauth, 'tokenUrl', 'token endpoint');
    const fields = { grant_type: 'authorization_code', code, redirect_uri: this.#redirectUri(exchange.redirectUri), code_verifier: codeVerifier };
    // Not retried: a code is single-use, and a second redemption can revoke what the first issued (§4.1.2).
    const tokens = await requestTokens(this.#oauth, url, fields, {}, false);
    await this.#tokens.save(AUTHORIZATION_CODE_SCOPES, tokens);
    return tokens;
  }

  #redirectUri(given: string | undefined): string {
    const redirectUri = given ?? this.#defaultRedirectUri;
    if (typeof redirectUri !== 'string' || redirectUri === '') {
      throw new TypeError(`security scheme ${quoteScheme(this.scheme)}: a redirectUri is needed (pass it, or set it on the credential)`);
    }
    return redirectUri;
  }
}
