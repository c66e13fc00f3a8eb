import type { ClientAuthenticator } from './client-auth.js';
import type { DpopHandle } from './dpop-option.js';
import { loadOAuthHttpFailure } from './lazy-modules.js';
import { postForm, type FormRequest, type JsonObject, type OAuthHttp } from './oauth-http.js';
import type { Endpoints } from './server-metadata.js';
import { TokenError } from './token-error.js';
import { parseTokenResponse } from './token-set.js';
import type { TokenSet } from './types.js';

/** What every grant of one scheme shares: how to reach the server and who the client is. */
export interface OAuthClient {
  readonly http: OAuthHttp;
  readonly client: ClientAuthenticator;
  endpoints(): Promise<Endpoints>;
  /** Extra fields for every token request (audience, resource…); never replace the grant's own. */
  readonly tokenParams: Readonly<Record<string, string>>;
  /** RFC 8707 `resource` values, one field each, on every token request. */
  readonly resources?: readonly string[] | undefined;
  /** With DPoP on: signs a proof for every token request and keeps the server's nonces. */
  readonly dpop?: DpopHandle | undefined;
}

export function scopeParam(scopes: readonly string[]): Record<string, string> {
  return scopes.length === 0 ? {} : { scope: [...new Set(scopes)].join(' ') };
}

/** What a token response without `scope` is taken to grant (RFC 6749 §5.1): the scope param itself. */
export const requestedScope: (scopes: readonly string[]) => Pick<TokenSet, 'scope'> = scopeParam;

export async function requireEndpoint(oauth: OAuthClient, name: keyof Endpoints, what: string): Promise<URL> {
  const url = (await oauth.endpoints())[name];
  if (url === undefined) throw new TokenError({ scheme: oauth.http.scheme, error: 'invalid_response', errorDescription: `no ${what} is known (neither the spec nor the server metadata names one)` });
  return url;
}

/**
 * POSTs form fields, authenticated as the client, to `url`; the raw JSON answer. The form is built
 * afresh per attempt: a client assertion's `jti` must not be replayed. The client goes along for
 * the hint on an `invalid_client` answer (oauth-http-failure.ts).
 */
export function postAuthenticated(oauth: OAuthClient, url: URL, fields: Record<string, string>, what: string, retry = true): Promise<JsonObject> {
  const { http, client } = oauth;
  const build = async (): Promise<FormRequest> => {
    const form = new URLSearchParams({ ...oauth.tokenParams, ...fields });
    for (const resource of oauth.resources ?? []) form.append('resource', resource);
    const headers = new Headers();
    await client.authenticate(form, headers, url.href, http.now());
    return { form, headers, client };
  };
  return postMaybeWithDpop(http, url, oauth.dpop, build, what, retry);
}

/** A plain form POST, or with DPoP on, one with a proof (that code loaded on first use). */
export function postMaybeWithDpop(http: OAuthHttp, url: URL, dpop: DpopHandle | undefined, build: () => Promise<FormRequest>, what: string, retry: boolean): Promise<JsonObject> {
  return dpop ? dpop.post(http, url, build, what, retry) : postForm(http, url, build, what, retry);
}

/** An access token request (RFC 6749 §4.x.3, §6) and its answer as a TokenSet. */
export async function requestTokens(
  oauth: OAuthClient,
  url: URL,
  fields: Record<string, string>,
  previous: Pick<TokenSet, 'refreshToken' | 'scope' | 'idToken'>,
  retry = true,
): Promise<TokenSet> {
  const { http } = oauth;
  // expires_in counts from when the server answered, somewhere after the request left: counting
  // from the send keeps a slow answer (a loaded server, a long queue) from stretching the lifetime.
  const sentAt = http.now();
  const json = await postAuthenticated(oauth, url, fields, 'token endpoint', retry);
  const parse = (describe?: (issued: string, dpop: boolean) => string) => parseTokenResponse(json, http.scheme, sentAt, previous, !!oauth.dpop, describe);
  let tokens: TokenSet;
  try {
    tokens = parse();
  } catch (error) {
    // A token type it cannot use: the error quotes the server's token_type, redacted by the code
    // loaded for that (without it, the error stands as it is, without the server's text).
    if ((error as TokenError).error !== 'unsupported_token_type') throw error;
    tokens = parse((await loadOAuthHttpFailure().catch(() => Promise.reject(error))).tokenTypeRefusal(http.secrets));
  }
  http.secrets.remember([tokens.accessToken, tokens.refreshToken, tokens.idToken]);
  return tokens;
}

/** grant_type=refresh_token, at refreshUrl when the spec names one. */
export async function refreshTokens(oauth: OAuthClient, tokens: TokenSet): Promise<TokenSet> {
  const url = (await oauth.endpoints()).refreshUrl ?? (await requireEndpoint(oauth, 'tokenUrl', 'token endpoint'));
  return requestTokens(oauth, url, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken ?? '' }, tokens);
}
