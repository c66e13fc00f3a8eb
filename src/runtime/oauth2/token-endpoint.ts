/**
 * Requests to the authorization server, token requests first: a form POST with the client's
 * authentication, under one time budget, whose answer is read up to a size limit as a JSON object
 * and, for a token request, checked and normalized into a TokenSet, all in `requestTokens` (and
 * `sendToServer`, the attempt it makes). Redirects are not followed (a token request must not carry
 * its credentials elsewhere). Only a first attempt that simply succeeds is read here: anything else
 * (a network error, a timeout, a redirect, a 5xx or 429 to retry, an answer too large, not JSON,
 * an OAuth error, a token set without a usable token) goes on in oauth-http-failure.ts, loaded with
 * import() when it happens, which redacts the request's secrets from whatever the server wrote.
 * When that module cannot be loaded (a browser gone offline) the request still ends in a
 * TokenError, saying what is known without it: the status, never the server's text (there is
 * nothing to redact it with).
 */
import { abortable } from '../abortable.js';
import { discardBody } from '../parse-response.js';
import type { ClientAuthenticator } from './client-auth.js';
import type { DpopHandle } from './dpop-option.js';
import { readBoundedText } from './bounded-body.js';
import { loadOAuthHttpFailure } from './lazy-modules.js';
import type { FormRequest, JsonObject, OAuthHttp, Outgoing } from './oauth-http.js';
import type { Endpoints } from './server-metadata.js';
import { loadOrFail } from './token-error.js';
import type { TokenSet } from './types.js';

/** What a token request needs of its scheme: the server, the client's authentication, the fields every request carries. */
export interface TokenRequester {
  readonly http: OAuthHttp;
  /** Adds the client's authentication to each attempt (the JWT bearer grant: its assertion). */
  readonly client: Pick<ClientAuthenticator, 'authenticate' | 'basicEncoding'>;
  /** Extra fields for every token request (audience, resource…); never replace the grant's own. */
  readonly tokenParams: Readonly<Record<string, string>>;
  /** RFC 8707 `resource` values, one field each, on every token request (none: empty). */
  readonly resources: readonly string[];
  /** With DPoP on: signs a proof for every token request and keeps the server's nonces. */
  readonly dpop?: DpopHandle | undefined;
}

/** What every grant of one scheme shares: how to reach the server and who the client is. */
export interface OAuthClient extends TokenRequester {
  readonly client: ClientAuthenticator;
  endpoints(): Promise<Endpoints>;
}

/** What a token response may leave out and the tokens keep from before (RFC 6749 §5.1, §6): the scope requested, or on refresh the tokens held. */
export type KeptTokens = Pick<TokenSet, 'refreshToken' | 'scope' | 'idToken'>;

/**
 * The `scope` field of `scopes`, none when empty; also what a token response without `scope` is
 * taken to grant (RFC 6749 §5.1).
 */
export function scopeParam(scopes: readonly string[]): Record<string, string> {
  return scopes.length ? { scope: [...new Set(scopes)].join(' ') } : {};
}

/**
 * The endpoint `name`; when neither the spec nor the server metadata names it, oauth-http-failure.ts
 * says so. That module is loaded (here and below) only once something went wrong; offline, the
 * failure is the TokenError `error` loadOrFail makes.
 */
export async function requireEndpoint(oauth: OAuthClient, name: keyof Endpoints, what: string): Promise<URL> {
  return (await oauth.endpoints())[name] ?? (await loadOrFail(loadOAuthHttpFailure, oauth.http, 'invalid_response')).noEndpoint(oauth.http, what);
}

/**
 * Sends until a final answer (or retries run out); the JSON object answered. `retry: false` for
 * requests that must not be repeated, such as redeeming a single-use authorization code. The
 * budget is real time, whatever clock the client was given: it bounds sockets, not token lifetimes.
 */
export async function sendToServer(http: OAuthHttp, url: URL, outgoing: () => Promise<Outgoing>, what: string, retry: boolean): Promise<JsonObject> {
  // Real time (no timer to clear: it keeps no process alive).
  const signal = AbortSignal.timeout(http.timeoutMs);
  const started = Date.now();
  let response: Response | undefined;
  let text: string | undefined;
  // Without a response: what fetch threw; with a 2xx one: what broke its read off.
  let failed: { error: unknown } | undefined;
  const first = await outgoing();
  try {
    // Raced as well as passed: a custom fetch may ignore the signal.
    response = await abortable(http.fetch()(url.href, { ...first.init, redirect: 'manual', signal }), signal);
    if (response.ok) {
      // JSON here; anything else (a form-encoded answer, too large: undefined) goes on in oauth-http-failure.ts.
      const json = ((text = await abortable(readBoundedText(response, http.maxResponseBytes), signal)) && JSON.parse(text)) as JsonObject | undefined;
      if (json?.constructor === Object && typeof json['error'] !== 'string') return json;
    }
  } catch (error) {
    // Once the text is in, only its JSON.parse can throw: that is no error of the request.
    if (text === undefined) failed = { error };
  }
  const failure = await loadOrFail(loadOAuthHttpFailure, http, signal.aborted ? 'timeout' : response ? 'invalid_response' : 'network_error', what, response?.status, failed?.error).catch((error: unknown) => {
    // Nobody reads it now: its connection goes.
    if (response) void discardBody(response);
    throw error;
  });
  return failure.finishRequest(http, url, what, retry, outgoing, signal, started, first, response, text, failed);
}

/**
 * A POST of `fields` (with the scheme's tokenParams and resources, and the client's authentication,
 * added afresh to each attempt) to `url`: an access token request (RFC 6749 §4.x.3, §6) whose
 * answer is a TokenSet with `kept` for what it leaves out, or with `kept` false, another request
 * to the authorization server (device authorization, pushed authorization), its JSON answer.
 * Bearer tokens are usable, and DPoP tokens when the client asked for them; a missing token_type
 * is taken as Bearer, and a Bearer answer to a DPoP request is used as Bearer, marked
 * `dpopRefused` so the application sees it. expires_in is seconds, as a number or numeric text,
 * counted from when the request left (a slow answer does not stretch the lifetime); 0 (or less)
 * means the token is already expired, not "never".
 */
export function requestTokens(oauth: TokenRequester, url: URL, fields: Record<string, string>, kept: KeptTokens, retry?: boolean): Promise<TokenSet>;
export function requestTokens(oauth: TokenRequester, url: URL, fields: Record<string, string>, kept: false, retry: boolean, what: string): Promise<JsonObject>;
export async function requestTokens(oauth: TokenRequester, url: URL, fields: Record<string, string>, kept: KeptTokens | false, retry = true, what = 'token endpoint'): Promise<TokenSet | JsonObject> {
  const { http, client, dpop } = oauth;
  const sentAt = http.now();
  const build = async (): Promise<FormRequest> => {
    const form = new URLSearchParams({ ...oauth.tokenParams, ...fields });
    for (const resource of oauth.resources) form.append('resource', resource);
    // fetch labels a URLSearchParams body application/x-www-form-urlencoded;charset=UTF-8 itself.
    const headers = new Headers({ accept: 'application/json' });
    await client.authenticate(form, headers, url.href, http.now());
    return { client, init: { method: 'POST', headers, body: form } };
  };
  // With DPoP on, a proof per attempt (that code loaded on first use).
  const json = await (dpop?.post ?? sendToServer)(http, url, build, what, retry);
  if (!kept) return json;
  const text = (name: string): string | undefined => (typeof json[name] === 'string' && (json[name] as string)) || undefined;
  const accessToken = text('access_token');
  const issued = text('token_type')?.toLowerCase() ?? 'bearer';
  // A DPoP token only when the client asked for one: its handle knows the type (dpop-option.ts).
  const tokenType = issued === 'bearer' ? 'Bearer' : dpop?.tokenType(issued);
  // No token, or one it cannot use: the error (quoting the server's token_type, redacted) is made by the failure module.
  if (!accessToken || !tokenType) {
    throw (await loadOrFail(loadOAuthHttpFailure, http, accessToken ? 'unsupported_token_type' : 'invalid_response')).tokenSetError(json, http, !!dpop);
  }
  // What the response leaves out the tokens keep from before (undefined when there was none).
  const tokens: TokenSet = { accessToken, tokenType, issuedAt: sentAt, refreshToken: text('refresh_token') ?? kept.refreshToken, scope: text('scope') ?? kept.scope, idToken: text('id_token') ?? kept.idToken };
  dpop?.issued(tokens);
  const expiresIn = json['expires_in'];
  // Number('') and Number(' ') are 0: blank text is no lifetime.
  const seconds = typeof expiresIn === 'string' && expiresIn.trim() ? Number(expiresIn) : expiresIn;
  if (Number.isFinite(seconds)) tokens.expiresAt = sentAt + Math.max(0, seconds as number) * 1000;
  // Only the last few are kept: the tokens of the last 16 token answers (access, refresh and ID
  // token each); older ones have long been replaced.
  http.secrets.recent.unshift(accessToken, tokens.refreshToken, tokens.idToken);
  http.secrets.recent.splice(48);
  return tokens;
}
