/**
 * OAuth1Auth through ClientCore against a node:http server that recomputes every signature on its
 * own (node:crypto), and rejects stale timestamps and reused nonces (test/support/verifiers).
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../support/test-core.js';
import { OAuth1Auth, type OAuth1Credentials } from '../../../../src/runtime/oauth1/oauth1-auth.js';
import type { OperationSpec } from '../../../../src/runtime/operation.js';
import { createAuthStrategies } from '../../../support/create-auth-strategies.js';
import { startOAuth1Server, type OAuth1Server } from '../../../support/verifiers/oauth1-server.js';
import { writeQueryParam } from '../../../../src/runtime/serialize-query.js';
import { expandPath } from '../../../../src/runtime/serialize-path.js';
import { encodeFormBody, encodeJsonBody } from '../../../../src/runtime/encode-body.js';

let server: OAuth1Server;
let baseUrl: string;

beforeAll(async () => {
  server = await startOAuth1Server({ consumers: new Map([['consumer-key', 'consumer+secret/&']]), tokens: new Map([['token value', 'token secret ü']]) });
  baseUrl = `${server.origin}/api`;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.reset();
});

const security = [[['oauth', []] as const]];
const search: OperationSpec = {
  id: 'search',
  method: 'GET',
  path: '/photos/{album}', expand: expandPath,
  params: [
    { key: 'album', name: 'album', in: 'path' },
    { key: 'q', name: 'q', in: 'query', serialize: writeQueryParam },
    { key: 'tags', name: 'tag', in: 'query', serialize: writeQueryParam },
  ],
  security,
};
const upload: OperationSpec = {
  id: 'upload',
  method: 'POST',
  path: '/photos',
  params: [{ key: 'size', name: 'size', in: 'query', serialize: writeQueryParam }],
  body: { key: 'body', encoding: 'form', mediaType: 'application/x-www-form-urlencoded', encode: encodeFormBody },
  security,
};
const uploadJson: OperationSpec = { ...upload, id: 'uploadJson', body: { key: 'body', encoding: 'json', mediaType: 'application/json', encode: encodeJsonBody } };

const THREE_LEGGED: OAuth1Credentials = { consumerKey: 'consumer-key', consumerSecret: 'consumer+secret/&', token: 'token value', tokenSecret: 'token secret ü', realm: 'Photos' };

function client(credentials: OAuth1Credentials): TestCore {
  return testCore({ baseUrl, auth: createAuthStrategies({ oauth: { type: 'http', scheme: 'oauth' } }, { oauth: credentials }) });
}

describe('OAuth1Auth against a verifying server', () => {
  it('GET with a query: signed over the decoded query parameters', async () => {
    await client(THREE_LEGGED).request(search, { album: 'summer 2024', q: "a+b & c=d ~*!'", tags: ['x', 'é', 'x'] });
    expect(server.seen.map((entry) => entry.reason)).toEqual(['ok']);
    expect(server.seen[0]!.signed.filter(([name]) => !name.startsWith('oauth_'))).toEqual([
      ['q', "a+b & c=d ~*!'"],
      ['tag', 'x'],
      ['tag', 'é'],
      ['tag', 'x'],
    ]);
    expect(server.seen[0]!.oauth).toMatchObject({ realm: 'Photos', oauth_token: 'token value', oauth_signature_method: 'HMAC-SHA1' });
  });

  it('POST with a form body: the body fields are signed too', async () => {
    await client(THREE_LEGGED).request(upload, { size: 'L', body: { title: 'Sun & sea', note: '1+1=2', empty: '' } });
    expect(server.seen.map((entry) => entry.reason)).toEqual(['ok']);
    expect(server.seen[0]!.signed.filter(([name]) => !name.startsWith('oauth_'))).toEqual([
      ['size', 'L'],
      ['title', 'Sun & sea'],
      ['note', '1+1=2'],
      ['empty', ''],
    ]);
  });

  it('POST with a JSON body: the body is not a parameter source', async () => {
    await client(THREE_LEGGED).request(uploadJson, { size: 'S', body: { title: 'x' } });
    expect(server.seen.map((entry) => entry.reason)).toEqual(['ok']);
  });

  it('two-legged: no token, no oauth_token parameter', async () => {
    await client({ consumerKey: 'consumer-key', consumerSecret: 'consumer+secret/&' }).request(search, { album: 'a' });
    expect(server.seen.map((entry) => entry.reason)).toEqual(['ok']);
    expect(server.seen[0]!.oauth).not.toHaveProperty('oauth_token');
    expect(server.seen[0]!.oauth).not.toHaveProperty('realm');
  });

  it.each(['HMAC-SHA256', 'PLAINTEXT'] as const)('%s', async (signatureMethod) => {
    await client({ ...THREE_LEGGED, signatureMethod }).request(upload, { body: { a: 'b c' } });
    expect(server.seen.map((entry) => [entry.reason, entry.oauth['oauth_signature_method']])).toEqual([['ok', signatureMethod]]);
  });

  it('every request gets a fresh nonce and the current time', async () => {
    const core = client(THREE_LEGGED);
    for (let i = 0; i < 5; i++) await core.request(search, { album: 'same', q: 'same' });
    expect(server.seen.map((entry) => entry.reason)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(new Set(server.seen.map((entry) => entry.oauth['oauth_nonce'])).size).toBe(5);
    for (const entry of server.seen) expect(Math.abs(Number(entry.oauth['oauth_timestamp']) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('the injected clock and nonce are what the server checks (a replay is refused)', async () => {
    const strategy = new OAuth1Auth('oauth', THREE_LEGGED, { clock: () => Date.now() - 3_600_000, nonce: () => 'fixed' });
    const core = testCore({ baseUrl, auth: new Map([['oauth', strategy]]) });
    await expect(core.request(search, { album: 'a' })).rejects.toMatchObject({ status: 401 });
    expect(server.seen.map((entry) => entry.reason)).toEqual(['timestamp out of window']);

    const replaying = new OAuth1Auth('oauth', THREE_LEGGED, { clock: () => 1_000 * Math.floor(Date.now() / 1000), nonce: () => 'fixed' });
    const replayCore = testCore({ baseUrl, auth: new Map([['oauth', replaying]]) });
    server.seen.length = 0;
    await replayCore.request(search, { album: 'a' });
    await expect(replayCore.request(search, { album: 'a' })).rejects.toMatchObject({ status: 401 });
    expect(server.seen.map((entry) => entry.reason)).toEqual(['ok', 'nonce reused']);
  });

  it('a wrong secret is refused (the verifier is not a rubber stamp)', async () => {
    await expect(client({ ...THREE_LEGGED, tokenSecret: 'nope' }).request(search, { album: 'a' })).rejects.toMatchObject({ status: 401 });
    expect(server.seen.map((entry) => entry.reason)).toEqual(['bad signature']);
  });
});

describe('OAuth1Auth credentials', () => {
  it('never shows the consumer secret or token secret', async () => {
    const auth = createAuthStrategies({ oauth: { type: 'http', scheme: 'oauth' } }, { oauth: { ...THREE_LEGGED, consumerSecret: 'CONSUMER-SECRET', tokenSecret: 'TOKEN-SECRET' } });
    const strategy = auth.get('oauth')!;
    expect(strategy).toBeInstanceOf(OAuth1Auth);
    await strategy.apply({ method: 'GET', url: new URL('http://h.test/'), headers: new Headers() }, { scopes: [], operation: 'op' });
    const core = testCore({ baseUrl, auth });
    for (const text of [inspect(strategy, { showHidden: true, depth: 10 }), JSON.stringify(strategy), inspect(core, { depth: 10 })]) {
      expect(text).not.toMatch(/CONSUMER-SECRET|TOKEN-SECRET|CONSUMER-SECRET%26TOKEN-SECRET/);
    }
  });

  it.each([
    [null, /needs \{ consumerKey, consumerSecret \}/],
    [{ consumerSecret: 'SECRET-1' }, /consumerKey must be a non-empty string/],
    [{ consumerKey: 'k' }, /consumerSecret must be a string/],
    [{ consumerKey: 'k', consumerSecret: 'SECRET-1', tokenSecret: 'SECRET-2' }, /tokenSecret was given without a token/],
    [{ consumerKey: 'k', consumerSecret: 'SECRET-1', token: '' }, /token must be a non-empty string/],
    [{ consumerKey: 'k', consumerSecret: 'SECRET-1', signatureMethod: 'RSA-SHA1' }, /signatureMethod must be one of HMAC-SHA1, HMAC-SHA256, PLAINTEXT/],
    [{ consumerKey: 'k', consumerSecret: 'SECRET-1', realm: 'a\nb' }, /realm must be a string without control characters/],
  ])('rejects a malformed credential %#', (credential, message) => {
    const make = () => createAuthStrategies({ my_oauth: { type: 'http', scheme: 'oauth' } }, { my_oauth: credential });
    expect(make).toThrow(TypeError);
    expect(make).toThrow(message);
    expect(make).toThrow(/"my_oauth"/);
    expect(make).not.toThrow(/SECRET-/);
  });
});
