/**
 * End to end: how long the generated client keeps a real access token. Reused while fresh, renewed
 * ahead of expiry, so that the resource server (which checks `exp` with no leeway) never sees an
 * expired one. One test waits in real time, because only the real clock can show what the API
 * would reject; the others move the client's `clock` instead.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useOAuthE2E } from './support/oauth-e2e.js';
import { shiftedClock } from './support/test-clock.js';

const e2e = useOAuthE2E('pets-oauth.yaml');

beforeEach(() => {
  e2e.stack.resetCounters();
  e2e.auth.setAccessTokenTTL(6);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function clientCredentials() {
  const { clientId, clientSecret } = e2e.auth.clients.basic;
  return { clientCredentials: { clientId, clientSecret } };
}

describe('a 6-second token', () => {
  it('is reused by 5 calls within a second, and renewed ahead of its expiry', async () => {
    const clock = shiftedClock();
    const client = e2e.client({ auth: clientCredentials(), clock: clock.now });
    for (let call = 0; call < 5; call++) {
      await client.listPets();
      await sleep(200);
    }
    expect(e2e.auth.tokenRequests).toHaveLength(1);
    expect(new Set(e2e.api.requests.map((r) => r.authorization)).size).toBe(1);

    // Four seconds and a half in: less than the margin is left, so the next call renews first.
    clock.advance(3500);
    await client.listPets();
    expect(e2e.auth.tokenRequests).toHaveLength(2);
    expect(new Set(e2e.api.requests.map((r) => r.authorization)).size).toBe(2);
    expect(e2e.api.requests.every((r) => r.status === 200)).toBe(true);
  });
});

describe('a 3-second token, in real time', () => {
  // Real-time proof that renewal happens before the API would reject. 3 s rather than 2 s: a JWT's
  // exp is whole seconds after a truncated iat, so a "2-second" token can really live only ~1 s and
  // there would be no room between the client's renewal and the server's verdict.
  it('calls spanning its expiry: a new token before the old one dies, and no 401 served', async () => {
    e2e.auth.setAccessTokenTTL(3);
    const client = e2e.client({ auth: clientCredentials() });
    const started = Date.now();
    while (Date.now() - started < 2600) {
      await client.listPets();
      await sleep(100);
    }
    const [first, second] = e2e.auth.tokenRequests;
    expect(e2e.auth.tokenRequests).toHaveLength(2);
    expect(e2e.api.requests.filter((r) => r.status !== 200)).toEqual([]);

    const tokens = [...new Set(e2e.api.requests.map((r) => r.authorization))];
    expect(tokens).toHaveLength(2);
    // The first token was replaced while the server still accepted it.
    const firstExpMs = Number(e2e.api.requests[0]!.claims!.exp) * 1000;
    expect(second!.receivedAt).toBeLessThan(firstExpMs);
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThan(1000);
  }, 10_000);
});
