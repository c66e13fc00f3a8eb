/**
 * OAuth 1.0a against python oauthlib's ResourceEndpoint with its default RequestValidator limits
 * (Debian python3-oauthlib, a real verifying server started by the test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/runtime/api-error.js';
import { testCore, type TestCore } from '../support/test-core.js';
import { OAuth1Auth } from '../../src/runtime/oauth1/oauth1-auth.js';
import type { OperationSpec } from '../../src/runtime/operation.js';
import { oauthlibAvailable, startOAuthlib, type OAuthlibServer } from '../support/verifiers/oauthlib.js';
import { writeQueryParam } from '../../src/runtime/serialize-query.js';

// oauthlib's defaults want 20–30 characters of [A-Za-z0-9] for keys and tokens too.
const credentials = { consumerKey: 'keywayConsumerKey0001', consumerSecret: 'consumer-secret', token: 'keywayAccessToken00001', tokenSecret: 'token-secret' };
const getPhotos: OperationSpec = {
  id: 'getPhotos',
  method: 'GET',
  path: '/photos',
  params: [{ key: 'size', name: 'size', in: 'query', serialize: writeQueryParam }],
  security: [[['oauth', []]]],
};

let server: OAuthlibServer;
beforeAll(async () => {
  server = await startOAuthlib(credentials);
}, 30_000);
afterAll(() => server?.stop());

interface Verdict {
  valid: boolean;
  failed: string[];
  nonce: string | null;
}

function client(extra: object = {}, options = {}): TestCore {
  return testCore({ baseUrl: server.origin, auth: new Map([['oauth', new OAuth1Auth('oauth', { ...credentials, ...extra }, options)]]) });
}

describe.runIf(oauthlibAvailable())('OAuth 1.0a against oauthlib (default RequestValidator limits)', () => {
  it('default nonces pass: 10 signed requests, each accepted with a fresh 24-character nonce', async () => {
    const core = client();
    const verdicts: Verdict[] = [];
    for (let i = 0; i < 10; i++) verdicts.push(await core.request<Verdict>(getPhotos, { size: 'original' }));
    expect(verdicts.every((verdict) => verdict.valid)).toBe(true);
    expect(new Set(verdicts.map((verdict) => verdict.nonce)).size).toBe(10);
    for (const verdict of verdicts) expect(verdict.nonce).toMatch(/^[A-Za-z0-9]{24}$/);
  });

  it('the nonce length is configurable: 30 passes, 32 (the old default) is refused by oauthlib’s nonce check', async () => {
    await expect(client({ nonceLength: 30 }).request<Verdict>(getPhotos, { size: 'original' })).resolves.toMatchObject({ valid: true });
    const refused = await client({ nonceLength: 32 }).request(getPhotos, { size: 'original' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError<Verdict>).body).toMatchObject({ valid: false, failed: ['nonce'] });
  });

  it('a wrong token secret is refused (the check can fail)', async () => {
    const refused = await client({ tokenSecret: 'wrong' }).request(getPhotos, { size: 'original' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 401, body: { valid: false } });
  });

  it('rejects a nonceLength outside 8..128', () => {
    expect(() => new OAuth1Auth('oauth', { ...credentials, nonceLength: 4 })).toThrow('nonceLength must be an integer from 8 to 128');
  });
});
