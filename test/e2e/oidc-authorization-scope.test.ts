/**
 * openIdConnect's authorizationUrl asks for `openid` by default, so oidc-provider (a certified
 * OpenID Provider) runs an OpenID Connect request: the user signs in, and the code redeems for an
 * ID token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizationCodeFlow } from '../../src/runtime/oauth2/types.js';
import type { AuthorizationCodeAuth } from '../../src/runtime/oauth2/authorization-code-auth.js';
import { Browser, completeInteractions } from '../support/oidc/browser.js';
import { startAuthServer, type AuthServer } from '../support/oidc/provider.js';
import { oauthClient } from '../unit/runtime/oauth2/support/oauth-client.js';

let server: AuthServer;
beforeAll(async () => {
  server = await startAuthServer();
}, 30_000);
afterAll(() => server?.stop());

// The provider also offers pushed authorization requests; `par: false` keeps the request in the URL,
// where this test reads it (PAR's own scope handling: test/e2e/oauth-dpop.test.ts).
function flow(): AuthorizationCodeFlow {
  const { auth } = oauthClient(server.issuer, { oidc: { type: 'openIdConnect', url: server.discoveryUrl } }, { oidc: { flow: 'authorizationCode', clientId: server.clients.public.clientId, redirectUri: server.clients.public.redirectUri, par: false } });
  return (auth.get('oidc') as AuthorizationCodeAuth).authorizationCodeFlow();
}

/** The user's browser: signs in and consents, and returns where the provider redirects back. */
async function signIn(url: string): Promise<URL> {
  const browser = new Browser();
  const leftProvider = (location: string) => new URL(location).origin !== new URL(server.issuer).origin;
  const last = await completeInteractions(browser, await browser.follow(url, leftProvider), server.users.alice.username, leftProvider);
  if (last.location === undefined) throw new Error(`no redirect back (status ${last.status})`);
  return new URL(last.location);
}

describe('openIdConnect authorizationUrl', () => {
  it('sends scope=openid without being asked; the provider issues an ID token', async () => {
    const helpers = flow();
    const request = await helpers.authorizationUrl();
    expect(new URL(request.url).searchParams.get('scope')).toBe('openid');
    const callback = await signIn(request.url);
    expect(callback.searchParams.get('error')).toBeNull();
    const tokens = await helpers.exchangeCode({ code: callback.searchParams.get('code')!, codeVerifier: request.codeVerifier, state: callback.searchParams.get('state')!, expectedState: request.state });
    expect(tokens.idToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = JSON.parse(Buffer.from(tokens.idToken!.split('.')[1]!, 'base64url').toString()) as { iss: string; aud: string };
    expect(claims).toMatchObject({ iss: server.issuer, aud: server.clients.public.clientId });
  }, 30_000);

  it('adds openid to the scopes asked for, once', async () => {
    const request = await flow().authorizationUrl({ scopes: ['profile', 'openid', 'email'] });
    expect(new URL(request.url).searchParams.get('scope')).toBe('openid profile email');
  });
});
