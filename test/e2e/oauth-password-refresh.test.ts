/**
 * End to end: the password grant and refresh tokens with the generated client against the real
 * oidc-provider, which rotates refresh tokens on every use. The client's `clock` is moved past
 * expiry instead of waiting: the decisions under test (refresh, not password; which refresh token;
 * fall back when it dies) are the client's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { TokenSet } from './support/generated-oauth-client.js';
import { useOAuthE2E } from './support/oauth-e2e.js';
import { shiftedClock } from './support/test-clock.js';

const e2e = useOAuthE2E('pets-oauth.yaml');

beforeEach(() => e2e.stack.resetCounters());

const PAST_EXPIRY_MS = 6_000;

describe('password grant with refresh tokens', () => {
  it('refreshes with the rotated refresh token, then falls back to the password when the grant is revoked', async () => {
    const { clientId, clientSecret } = e2e.auth.clients.basic;
    const { username, password } = e2e.auth.users.alice; // space, + & = % and non-ASCII
    const clock = shiftedClock();
    const issued: TokenSet[] = [];
    const client = e2e.client({
      auth: { password: { clientId, clientSecret, username, password } },
      clock: clock.now,
      onTokens: ({ scheme, tokens }) => {
        expect(scheme).toBe('password');
        issued.push(tokens);
      },
    });

    await client.listPets();
    expect(e2e.auth.tokenRequests.map((r) => [r.grantType, r.status, r.scope])).toEqual([['password', 200, 'pets:read']]);
    expect(e2e.auth.tokenRequests[0]!.paramNames).toEqual(expect.arrayContaining(['username', 'password']));
    expect(e2e.api.requests[0]).toMatchObject({ status: 200, claims: { sub: 'alice', scope: 'pets:read' } });
    const rt1 = issued[0]?.refreshToken;
    expect(rt1).toEqual(expect.any(String));

    clock.advance(PAST_EXPIRY_MS);
    await client.listPets();
    clock.advance(PAST_EXPIRY_MS);
    await client.listPets();
    const refreshes = e2e.auth.tokenRequests.slice(1);
    expect(refreshes.map((r) => [r.grantType, r.status])).toEqual([
      ['refresh_token', 200],
      ['refresh_token', 200],
    ]);
    expect(refreshes.every((r) => !r.paramNames.includes('password'))).toBe(true);
    // Rotation: each refresh presents the refresh token the previous answer brought.
    expect(issued).toHaveLength(3);
    const [rt2, rt3] = [issued[1]!.refreshToken, issued[2]!.refreshToken];
    expect(new Set([rt1, rt2, rt3]).size).toBe(3);
    expect(refreshes.map((r) => r.refreshToken)).toEqual([rt1, rt2]);
    expect(new Set(e2e.api.requests.map((r) => r.authorization)).size).toBe(3);

    // The user's grant is revoked: the refresh fails invalid_grant, the password grant takes over.
    expect(await e2e.auth.revokeGrantOf(rt3!)).toBe(true);
    clock.advance(PAST_EXPIRY_MS);
    await expect(client.listPets()).resolves.toHaveLength(2);
    expect(e2e.auth.tokenRequests.slice(3).map((r) => [r.grantType, r.status, r.error, r.refreshToken])).toEqual([
      ['refresh_token', 400, 'invalid_grant', rt3],
      ['password', 200, undefined, undefined],
    ]);
    expect(issued).toHaveLength(4);
    expect(issued[3]!.refreshToken).not.toBe(rt3);
    expect(e2e.api.requests.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(e2e.api.requests.at(-1)!.authorization).toBe(`Bearer ${issued[3]!.accessToken}`);
  });
});
