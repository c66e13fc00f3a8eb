/**
 * End to end: signing a user in with the authorization code flow and PKCE through the generated
 * client's `authorization('authorizationCode')` helpers, the real oidc-provider scripting the
 * user's login and consent, and the public native client `keyway-public` (PKCE S256 required).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PetsClient, TokenSet } from './support/generated-oauth-client.js';
import { useOAuthE2E } from './support/oauth-e2e.js';
import { shiftedClock, type TestClock } from './support/test-clock.js';

const e2e = useOAuthE2E('pets-oauth.yaml');

beforeEach(() => e2e.stack.resetCounters());

const REDIRECT_URI = 'http://127.0.0.1/callback';
const SCOPES = ['openid', 'pets:read', 'pets:write'];

interface SignedIn {
  client: PetsClient;
  clock: TestClock;
  issued: TokenSet[];
  exchanged: TokenSet;
}

/** Runs the whole sign-in: authorization URL → the user logs in and consents → code exchange. */
async function signIn(): Promise<SignedIn> {
  const clock = shiftedClock();
  const issued: TokenSet[] = [];
  const client = e2e.client({
    auth: { authorizationCode: { clientId: e2e.auth.clients.public.clientId } },
    clock: clock.now,
    onTokens: ({ tokens }) => void issued.push(tokens),
  });
  const flow = client.authorization('authorizationCode');
  const request = await flow.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: SCOPES });
  const url = new URL(request.url);
  const params = Object.fromEntries(url.searchParams);
  expect(`${url.origin}${url.pathname}`).toBe(e2e.auth.authorizationUrl);
  expect(params).toMatchObject({
    response_type: 'code',
    client_id: 'keyway-public',
    redirect_uri: REDIRECT_URI,
    scope: SCOPES.join(' '),
    state: request.state,
    code_challenge_method: 'S256',
  });
  expect(params['code_challenge']).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const callback = await e2e.auth.authorizeWithCode({
    clientId: 'keyway-public',
    redirectUri: REDIRECT_URI,
    codeChallenge: params['code_challenge']!,
    state: params['state']!,
    scope: params['scope']!,
  });
  expect(callback.state).toBe(request.state);
  const exchanged = await flow.exchangeCode({
    code: callback.code,
    redirectUri: REDIRECT_URI,
    codeVerifier: request.codeVerifier,
    state: callback.state,
    expectedState: request.state,
  });
  return { client, clock, issued, exchanged };
}

describe('authorization code + PKCE, public client', () => {
  it('signs in, calls the API with the user token, refreshes it, and asks for a new sign-in once the grant is revoked', async () => {
    const { client, clock, issued, exchanged } = await signIn();
    expect(e2e.auth.tokenRequests.map((r) => [r.grantType, r.clientAuth, r.status])).toEqual([['authorization_code', 'none', 200]]);
    expect(e2e.auth.tokenRequests[0]!.paramNames).toEqual(expect.arrayContaining(['code', 'code_verifier', 'redirect_uri', 'client_id']));
    expect(exchanged.refreshToken).toEqual(expect.any(String));
    expect(issued).toEqual([exchanged]);

    await client.listPets();
    await client.createPet({ body: { name: 'Kit' } });
    expect(e2e.auth.tokenRequests).toHaveLength(1);
    expect(e2e.api.requests.map((r) => [r.status, r.claims?.['sub'], r.authorization])).toEqual([
      [200, 'alice', `Bearer ${exchanged.accessToken}`],
      [201, 'alice', `Bearer ${exchanged.accessToken}`],
    ]);
    expect(String(e2e.api.requests[0]!.claims!['scope']).split(' ').sort()).toEqual(['pets:read', 'pets:write']);

    clock.advance(6_000);
    await client.listPets();
    expect(e2e.auth.tokenRequests.map((r) => [r.grantType, r.status])).toEqual([
      ['authorization_code', 200],
      ['refresh_token', 200],
    ]);
    expect(e2e.auth.tokenRequests[1]!.refreshToken).toBe(exchanged.refreshToken);
    const refreshed = issued[1]!;
    expect(e2e.api.requests.at(-1)).toMatchObject({ status: 200, authorization: `Bearer ${refreshed.accessToken}` });

    // No grant can stand in for the user: a dead refresh token means signing in again.
    await e2e.auth.revokeGrantOf(refreshed.refreshToken!);
    clock.advance(6_000);
    const call = client.listPets();
    await expect(call).rejects.toBeInstanceOf(e2e.mod.TokenError);
    await expect(call).rejects.toMatchObject({ error: 'login_required', scheme: 'authorizationCode' });
    const error: unknown = await call.catch((caught: unknown) => caught);
    expect(error instanceof Error && `${error.message}\n${error.stack}`).not.toContain(refreshed.refreshToken!);
    expect(e2e.auth.tokenRequests.slice(2).map((r) => [r.grantType, r.status, r.error])).toEqual([['refresh_token', 400, 'invalid_grant']]);
    expect(e2e.api.requests).toHaveLength(3);
  }, 15_000);

  it('a redirect carrying another state is refused before the code is redeemed', async () => {
    const client = e2e.client({ auth: { authorizationCode: { clientId: 'keyway-public' } } });
    const flow = client.authorization('authorizationCode');
    const request = await flow.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: ['pets:read'] });
    const exchange = flow.exchangeCode({ code: 'any', redirectUri: REDIRECT_URI, codeVerifier: request.codeVerifier, state: 'forged', expectedState: request.state });
    await expect(exchange).rejects.toMatchObject({ error: 'state_mismatch' });
    expect(e2e.auth.tokenRequests).toHaveLength(0);
  });

  it('the code is bound to the PKCE challenge: another verifier is refused by the server', async () => {
    const client = e2e.client({ auth: { authorizationCode: { clientId: 'keyway-public' } } });
    const flow = client.authorization('authorizationCode');
    const request = await flow.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: ['pets:read'] });
    const other = await flow.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: ['pets:read'] });
    const params = new URL(request.url).searchParams;
    const callback = await e2e.auth.authorizeWithCode({
      clientId: 'keyway-public',
      redirectUri: REDIRECT_URI,
      codeChallenge: params.get('code_challenge')!,
      state: params.get('state')!,
      scope: 'pets:read',
    });
    const exchange = flow.exchangeCode({ code: callback.code, redirectUri: REDIRECT_URI, codeVerifier: other.codeVerifier });
    await expect(exchange).rejects.toMatchObject({ error: 'invalid_grant', status: 400 });
    expect(e2e.auth.tokenRequests.map((r) => [r.grantType, r.status])).toEqual([['authorization_code', 400]]);
  });
});
