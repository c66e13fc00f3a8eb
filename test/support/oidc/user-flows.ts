/**
 * The user's side of the interactive grants, scripted over HTTP against oidc-provider's dev UI:
 * authorization code (RFC 6749 §4.1 + PKCE, RFC 7636) and device approval (RFC 8628 §3.3).
 */
import { createHash, randomBytes } from 'node:crypto';
import { USERS } from './accounts.js';
import { Browser, completeInteractions } from './browser.js';

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** A fresh RFC 7636 verifier (43 chars of base64url) and its S256 challenge. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url'), method: 'S256' };
}

export interface AuthorizeOptions {
  clientId: string;
  redirectUri: string;
  /** Required for the public client; omit for a confidential client that skips PKCE. */
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  state?: string;
  scope?: string;
  resource?: string;
  nonce?: string;
  /** Who signs in on the dev login page; default alice. */
  login?: string;
}

export interface AuthorizationResult {
  code: string;
  state: string | undefined;
  /** `iss` of the authorization response (RFC 9207). */
  iss: string | undefined;
  /** The full redirect the client would receive. */
  callbackUrl: string;
}

/** The `{error, error_description}` JSON that provider-config.ts's renderError puts on its page. */
function errorPageText(html: string): string {
  const escaped = /<pre id="error">([^<]*)<\/pre>/.exec(html)?.[1];
  if (escaped === undefined) return '(no error details)';
  return escaped.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}

/** The authorization request URL a client would send the user to. */
export function authorizationRequestUrl(authorizationEndpoint: string, options: AuthorizeOptions): string {
  const url = new URL(authorizationEndpoint);
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scope,
    state: options.state,
    code_challenge: options.codeChallenge,
    code_challenge_method: options.codeChallenge === undefined ? undefined : (options.codeChallengeMethod ?? 'S256'),
    resource: options.resource,
    nonce: options.nonce,
  };
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

/**
 * Sends the user through login and consent and returns the code from the redirect to
 * `redirectUri`. Throws when the provider redirects back with an error (the message names it).
 */
export async function authorizeWithCode(issuer: string, authorizationEndpoint: string, options: AuthorizeOptions): Promise<AuthorizationResult> {
  return authorizeAtUrl(issuer, authorizationRequestUrl(authorizationEndpoint, options), options.login);
}

/** The same, for an authorization URL the client built itself (e.g. one with only client_id and request_uri, RFC 9126). */
export async function authorizeAtUrl(issuer: string, url: string, login?: string): Promise<AuthorizationResult> {
  const browser = new Browser();
  const leftProvider = (location: string) => new URL(location).origin !== new URL(issuer).origin;
  const first = await browser.follow(url, leftProvider);
  const last = await completeInteractions(browser, first, login ?? USERS.alice.username, leftProvider);
  if (last.location === undefined) {
    throw new Error(`authorization ended on ${last.url} with status ${last.status} instead of a redirect: ${errorPageText(last.body)}`);
  }
  const callback = new URL(last.location);
  const error = callback.searchParams.get('error');
  if (error !== null) throw new Error(`authorization failed: ${error} (${callback.searchParams.get('error_description') ?? ''})`);
  const code = callback.searchParams.get('code');
  if (code === null) throw new Error(`authorization redirect carried no code: ${callback.origin}${callback.pathname}`);
  return {
    code,
    state: callback.searchParams.get('state') ?? undefined,
    iss: callback.searchParams.get('iss') ?? undefined,
    callbackUrl: callback.href,
  };
}

export interface DeviceApprovalOptions {
  login?: string;
  /** Press "abort" instead: the device's next poll gets access_denied. */
  deny?: boolean;
}

/** Enters `userCode` on the verification page, signs in and consents (or aborts). */
export async function approveDeviceCode(verificationUri: string, userCode: string, options: DeviceApprovalOptions = {}): Promise<void> {
  const browser = new Browser();
  const entry = await browser.request(verificationUri);
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(entry.body)?.[1];
  if (xsrf === undefined) throw new Error(`no xsrf token on ${verificationUri} (status ${entry.status})`);
  const decision: Record<string, string> = options.deny ? { abort: 'yes' } : { confirm: 'yes' };
  const submitted = await browser.request(verificationUri, { xsrf, user_code: userCode, ...decision });
  if (options.deny) {
    if (submitted.status >= 500) throw new Error(`aborting the device code failed with status ${submitted.status}`);
    return;
  }
  if (submitted.location === undefined) throw new Error(`the user code was not accepted (status ${submitted.status})`);
  const never = () => false;
  const first = await browser.follow(submitted.location, never);
  const last = await completeInteractions(browser, first, options.login ?? USERS.alice.username, never);
  if (last.status !== 200 || !last.body.includes(DEVICE_SUCCESS_MARKER)) {
    throw new Error(`device approval ended on ${last.url} with status ${last.status}`);
  }
}

/** Text of the page `features.deviceFlow.successSource` renders (see device-pages.ts). */
export const DEVICE_SUCCESS_MARKER = 'device-approved';
