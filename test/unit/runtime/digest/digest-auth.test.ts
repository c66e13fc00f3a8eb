/**
 * DigestAuth against a real node:http server that verifies every Digest answer independently
 * (node:crypto), tracks nonce counts, and expires nonces on demand (test/support/verifiers).
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/runtime/api-error.js';
import { testCore } from '../../../support/test-core.js';
import { DigestAuth } from '../../../../src/runtime/digest/digest-auth.js';
import type { OperationSpec } from '../../../../src/runtime/operation.js';
import { createAuthStrategies } from '../../../support/create-auth-strategies.js';
import { digestHash as hash, startDigestServer, type DigestServer } from '../../../support/verifiers/digest-server.js';
import { writeQueryParam } from '../../../../src/runtime/serialize-query.js';
import { expandPath } from '../../../../src/runtime/serialize-path.js';
import { encodeJsonBody } from '../../../../src/runtime/encode-body.js';

const PASSWORD = 'Circle of Life';
const REALM = 'api@keyway.test';

let server: DigestServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startDigestServer({ users: new Map([['Mufasa', PASSWORD]]), realm: REALM });
  baseUrl = `${server.origin}/v1`;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.reset();
});

const getThing: OperationSpec = {
  id: 'getThing',
  method: 'GET',
  path: '/things/{id}', expand: expandPath,
  params: [
    { key: 'id', name: 'id', in: 'path' },
    { key: 'q', name: 'q', in: 'query', serialize: writeQueryParam },
  ],
  security: [[['digest', []]]],
  accept: 'application/json',
};

const createThing: OperationSpec = {
  id: 'createThing',
  method: 'POST',
  path: '/things',
  params: [],
  body: { key: 'body', encoding: 'json', mediaType: 'application/json', encode: encodeJsonBody },
  security: [[['digest', []]]],
};

function client(password = PASSWORD) {
  const auth = createAuthStrategies({ digest: { type: 'http', scheme: 'digest' } }, { digest: { username: 'Mufasa', password } });
  return { core: testCore({ baseUrl, auth }), strategy: auth.get('digest')! };
}

const ncs = () => server.seen.map((entry) => entry.nc);
const statuses = () => server.seen.map((entry) => entry.status);

describe('DigestAuth against a verifying server', () => {
  it('createAuthStrategies routes http/digest to DigestAuth', () => {
    expect(client().strategy).toBeInstanceOf(DigestAuth);
  });

  it('N calls cost one 401 round trip; nc counts up on a single nonce', async () => {
    const { core } = client();
    for (let i = 0; i < 5; i++) await expect(core.request(getThing, { id: `t ${i}`, q: 'a&b' })).resolves.toEqual({ ok: true });
    expect(statuses()).toEqual([401, 200, 200, 200, 200, 200]);
    expect(ncs()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(server.seen.slice(1).map((entry) => entry.auth!['nonce'])).size).toBe(1);
    expect(new Set(server.seen.slice(1).map((entry) => entry.auth!['cnonce'])).size).toBe(5);
    expect(server.seen[5]!.url).toBe('/v1/things/t%204?q=a%26b');
    expect(server.seen[5]!.auth!['uri']).toBe('/v1/things/t%204?q=a%26b');
  });

  it('concurrent calls never share a nonce and count; each challenge serves one request at a time', async () => {
    const { core } = client();
    await core.request(getThing, { id: 'warm-up' });
    await Promise.all(Array.from({ length: 6 }, (_, i) => core.request(getThing, { id: String(i) })));
    const signed = server.seen.filter((entry) => entry.auth !== undefined);
    expect(signed.every((entry) => entry.status === 200)).toBe(true);
    expect(signed).toHaveLength(7);
    expect(new Set(signed.map((entry) => `${entry.auth!['nonce']} ${entry.nc}`)).size).toBe(7);
    // The busy challenge is not shared: the others probe for challenges of their own.
    expect(statuses().filter((status) => status === 401).length).toBeGreaterThanOrEqual(2);
  });

  it('a stale nonce is replaced and the request retried once', async () => {
    server.config.maxUsesPerNonce = 2;
    const { core } = client();
    for (let i = 0; i < 4; i++) await core.request(getThing, { id: String(i) });
    expect(statuses()).toEqual([401, 200, 200, 401, 200, 200]);
    expect(ncs()).toEqual([0, 1, 2, 3, 1, 2]);
    expect(server.seen[4]!.auth!['nonce']).not.toBe(server.seen[3]!.auth!['nonce']);
  });

  it('prefers the first Digest challenge it supports, across separate header fields', async () => {
    server.config = { ...server.config, algorithms: ['SHA-256', 'MD5'], separateFields: true };
    const { core } = client();
    await core.request(getThing, { id: '1' });
    expect(statuses()).toEqual([401, 200]);
    expect(server.seen[1]!.auth!['algorithm']).toBe('SHA-256');
  });

  it.each(['MD5-sess', 'SHA-256-sess'] as const)('%s with a hashed username', async (algorithm) => {
    server.config = { ...server.config, algorithms: [algorithm], userhash: true };
    const { core } = client();
    await core.request(getThing, { id: '1' });
    await core.request(getThing, { id: '2' });
    expect(statuses()).toEqual([401, 200, 200]);
    expect(server.seen[1]!.auth!['userhash']).toBe('true');
    expect(server.seen[1]!.auth!['username']).toBe(hash(algorithm, `Mufasa:${REALM}`));
  });

  it('probes a POST with HEAD, then sends the body once with its method in the digest', async () => {
    const { core } = client();
    await core.request(createThing, { body: { name: 'x' } });
    expect(server.seen.map((entry) => [entry.method, entry.status, entry.body])).toEqual([
      ['HEAD', 401, ''],
      ['POST', 200, '{"name":"x"}'],
    ]);
  });

  it('a wrong password is retried once, then surfaces as 401 without further round trips', async () => {
    const { core } = client('wrong password');
    await expect(core.request(getThing, { id: '1' })).rejects.toMatchObject({ name: 'ApiError', status: 401 });
    expect(statuses()).toEqual([401, 401]);
    server.seen.length = 0;
    const error: unknown = await core.request(getThing, { id: '2' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(statuses()).toEqual([401]); // answered with the cached challenge, rejected, not retried
    expect(inspect(error, { depth: 10 })).not.toContain('wrong password');
  });

  it('never shows the password', async () => {
    const { core, strategy } = client();
    await core.request(getThing, { id: '1' }); // holds a challenge now
    for (const text of [inspect(strategy, { showHidden: true, depth: 10 }), JSON.stringify(strategy), inspect(core, { depth: 10 })]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('Mufasa');
    }
  });

  it.each([
    [null, /needs \{ username, password \}/],
    [{ username: 'Mufasa' }, /password must be a string/],
    [{ password: PASSWORD }, /username must be a string/],
    [{ username: 'Mu\nfasa', password: PASSWORD }, /control characters/],
  ])('rejects a malformed credential %#', (credential, message) => {
    const make = () => createAuthStrategies({ my_digest: { type: 'http', scheme: 'digest' } }, { my_digest: credential });
    expect(make).toThrow(TypeError);
    expect(make).toThrow(message);
    expect(make).toThrow(/"my_digest"/);
    expect(make).not.toThrow(new RegExp(PASSWORD));
  });
});
