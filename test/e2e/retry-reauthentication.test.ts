/**
 * A retried call is authenticated again on every attempt, against real servers behind a proxy
 * (test/support/flaky-proxy.ts) that turns their first 2xx into 503 + Retry-After: 0: HTTP Digest
 * against Apache httpd (mod_auth_digest, AuthDigestNcCheck On: a replayed nonce count fails) and
 * OAuth 2.0 client credentials against oidc-provider and the pets resource server, where the token
 * expires (on the client's clock) between the attempts, so the retry must carry a new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../support/test-core.js';
import { DigestAuth } from '../../src/runtime/digest/digest-auth.js';
import type { OperationSpec } from '../../src/runtime/operation.js';
import { apacheAvailable, startApache, type Apache } from '../support/apache.js';
import { startFlakyProxy } from '../support/flaky-proxy.js';
import type { ClientOptions } from './support/generated-oauth-client.js';
import { startOAuthE2E, type OAuthE2E } from './support/oauth-e2e.js';
import { shiftedClock } from './support/test-clock.js';
import { writeQueryParam } from '../../src/runtime/serialize-query.js';

const USER = { username: 'ann', password: 'p4ss: wörd' };
const echo: OperationSpec = { id: 'echoGET', method: 'GET', path: '/digest/echo', params: [{ key: 'n', name: 'n', in: 'query', serialize: writeQueryParam }], security: [[['digest', []]]] };

const digestParam = (header: string | string[] | undefined, name: string): string | undefined =>
  new RegExp(`${name}="?([^",]+)`).exec(String(header))?.[1];

describe.runIf(apacheAvailable())('Digest, retried after a 503', () => {
  let apache: Apache;
  beforeAll(async () => {
    apache = await startApache(USER);
  }, 60_000);
  afterAll(() => apache?.stop());

  it('each attempt carries a fresh Digest response that Apache accepts', async () => {
    const proxy = await startFlakyProxy(apache.origin, { fail: 1, retryAfter: '0' });
    try {
      const core = testCore({ baseUrl: proxy.url, auth: new Map([['digest', new DigestAuth('digest', USER)]]) });
      await expect(core.request(echo, { n: 1 })).resolves.toMatchObject({ user: USER.username });
      const signed = proxy.requests.filter((r) => r.headers.authorization !== undefined);
      // Apache judged both signed requests (200), the proxy hid the first one's answer.
      expect(signed.map((r) => [r.upstreamStatus, r.sentStatus])).toEqual([[200, 503], [200, 200]]);
      const [first, second] = signed.map((r) => r.headers.authorization);
      expect(second).not.toBe(first);
      for (const header of [first, second]) expect(digestParam(header, 'nc')).toMatch(/^[0-9a-f]{8}$/);
      expect(`${digestParam(first, 'nc')}/${digestParam(first, 'cnonce')}`).not.toBe(`${digestParam(second, 'nc')}/${digestParam(second, 'cnonce')}`);
    } finally {
      await proxy.stop();
    }
  }, 60_000);
});

describe('OAuth 2.0 client credentials, retried after a 503', () => {
  let e2e: OAuthE2E;
  beforeAll(async () => {
    e2e = await startOAuthE2E('pets-oauth.yaml');
  }, 60_000);
  afterAll(() => e2e?.stop());

  it('the retry carries the current token: fetched anew when it expired between attempts', async () => {
    const clock = shiftedClock();
    const proxy = await startFlakyProxy(e2e.api.url, { fail: 1, retryAfter: '0', onFail: () => clock.advance(24 * 3600_000) });
    try {
      e2e.stack.resetCounters();
      const { clientId, clientSecret } = e2e.auth.clients.basic;
      const options: ClientOptions = { baseUrl: proxy.url, clock: clock.now, auth: { clientCredentials: { clientId, clientSecret } } };
      await expect(e2e.client(options).listPets()).resolves.toBeInstanceOf(Array);
      expect(e2e.auth.tokenRequests).toHaveLength(2);
      const served = e2e.api.requests.map((r) => [r.method, r.url, r.status]);
      expect(served).toEqual([['GET', '/pets', 200], ['GET', '/pets', 200]]);
      const [first, second] = e2e.api.requests.map((r) => r.authorization);
      expect(first).toMatch(/^Bearer /);
      expect(second).toMatch(/^Bearer /);
      expect(second).not.toBe(first);
      expect(proxy.requests.map((r) => r.sentStatus)).toEqual([503, 200]);
    } finally {
      await proxy.stop();
    }
  }, 60_000);
});
