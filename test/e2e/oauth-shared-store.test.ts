/**
 * The race issue 11 reported: two clients sharing one token store against a server that rotates
 * refresh tokens and revokes the whole grant when a spent one comes back (oidc-provider). Before
 * leases, one client ended in login_required in 12 of 12 trials. Now the shared MemoryTokenStore's
 * leases make one client refresh while the other waits and reads the result.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryTokenStore } from '../../src/runtime/oauth2/memory-token-store.js';
import type { PetsClient, TokenStore } from './support/generated-oauth-client.js';
import { startOAuthE2E, type OAuthE2E } from './support/oauth-e2e.js';
import { shiftedClock } from './support/test-clock.js';

let e2e: OAuthE2E;
beforeAll(async () => {
  e2e = await startOAuthE2E('pets-oauth.yaml');
}, 30_000);
afterAll(() => e2e?.stop());
beforeEach(() => e2e.stack.resetCounters());

const REDIRECT_URI = 'http://127.0.0.1/callback';

async function signIn(client: PetsClient): Promise<void> {
  const flow = client.authorization('authorizationCode');
  const request = await flow.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: ['openid', 'pets:read'] });
  const params = new URL(request.url).searchParams;
  const callback = await e2e.auth.authorizeWithCode({
    clientId: 'keyway-public',
    redirectUri: REDIRECT_URI,
    codeChallenge: params.get('code_challenge')!,
    state: params.get('state')!,
    scope: params.get('scope')!,
  });
  await flow.exchangeCode({ code: callback.code, redirectUri: REDIRECT_URI, codeVerifier: request.codeVerifier });
}

describe('two clients sharing a token store, rotating refresh tokens', () => {
  it('renew once per expiry, each refresh token presented once, nobody logged out (5 trials × 4 rotations)', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const clock = shiftedClock();
      const tokenStore: TokenStore = new MemoryTokenStore();
      const options = { auth: { authorizationCode: { clientId: 'keyway-public' } }, tokenStore, clock: clock.now };
      const [first, second] = [e2e.client(options), e2e.client(options)];
      await signIn(first);
      for (let rotation = 0; rotation < 4; rotation++) {
        clock.advance(10_000); // past the 6 s access token, on the clients' clock
        await expect(Promise.all([first.listPets(), second.listPets(), first.listPets(), second.listPets()])).resolves.toHaveLength(4);
      }
    }
    const refreshes = e2e.auth.tokenRequests.filter((r) => r.grantType === 'refresh_token');
    expect(refreshes.map((r) => r.status)).toEqual(Array(20).fill(200));
    const presented = refreshes.map((r) => r.refreshToken);
    expect(new Set(presented).size).toBe(20);
    expect(e2e.api.requests.filter((r) => r.status !== 200)).toEqual([]);
  }, 60_000);
});
