/**
 * The authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636): builds the URL that sends the
 * user to sign in, and redeems the code the redirect brings back into the scheme's TokenManager.
 */
import { quoteScheme } from '../credential-checks.js';
import { createPkcePair, createState } from './pkce.js';
import { requestedScope, requestTokens, requireEndpoint, type OAuthClient } from './token-endpoint.js';
import { TokenError } from './token-error.js';
import type { TokenManager } from './token-manager.js';
import type { AuthorizationCodeFlow, AuthorizationRequest, AuthorizationUrlOptions, CodeExchange, TokenSet } from './types.js';

// Parameters extraParams must not replace: they carry the flow's security.
const RESERVED = new Set(['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'scope']);

/** The scopes under which the signed-in user's tokens are stored: one token set per scheme. */
export const AUTHORIZATION_CODE_SCOPES: readonly string[] = [];

export class AuthorizationCodeHelpers implements AuthorizationCodeFlow {
  readonly scheme: string;
  readonly #oauth: OAuthClient;
  readonly #tokens: TokenManager;
  readonly #defaultRedirectUri: string | undefined;
  readonly #openId: boolean;

  /** `openId`: an openIdConnect scheme, whose authorization requests must ask for `openid`. */
  constructor(oauth: OAuthClient, tokens: TokenManager, defaultRedirectUri: string | undefined, openId = false) {
    this.scheme = oauth.http.scheme;
    this.#oauth = oauth;
    this.#tokens = tokens;
    this.#defaultRedirectUri = defaultRedirectUri;
    this.#openId = openId;
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
    // Kept: any query the endpoint URL already has (RFC 6749 §3.1).
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return { url: url.href, state, codeVerifier };
  }

  async exchangeCode(exchange: CodeExchange): Promise<TokenSet> {
    const { code, codeVerifier, state, expectedState } = exchange;
    if (typeof code !== 'string' || code === '') throw new TypeError(`security scheme ${quoteScheme(this.scheme)}: exchangeCode needs the code`);
    if (typeof codeVerifier !== 'string' || codeVerifier === '') throw new TypeError(`security scheme ${quoteScheme(this.scheme)}: exchangeCode needs the codeVerifier`);
    if (state !== undefined && expectedState !== undefined && state !== expectedState) {
      // CSRF (RFC 6749 §10.12): this redirect does not answer our authorization request.
      throw new TokenError({ scheme: this.scheme, error: 'state_mismatch', errorDescription: 'the redirect carries a different state than the authorization request' });
    }
    const url = await requireEndpoint(this.#oauth, 'tokenUrl', 'token endpoint');
    const fields = { grant_type: 'authorization_code', code, redirect_uri: this.#redirectUri(exchange.redirectUri), code_verifier: codeVerifier };
    // Not retried: a code is single-use, and a second redemption can revoke what the first issued (§4.1.2).
    const tokens = await requestTokens(this.#oauth, url, fields, requestedScope([]), false);
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
