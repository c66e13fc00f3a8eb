/**
 * DigestAuth against a real node:http server that verifies every Digest answer independently
 * (node:crypto), tracks nonce counts, and expires nonces on demand.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, ClientCore, createAuthStrategies, DigestAuth, type OperationSpec } from '../../../src/runtime/index.js';

const PASSWORD = 'Circle of Life';
const USERS = new Map([['Mufasa', PASSWORD]]);
const REALM = 'api@keyway.test';

type Algorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

interface ServerConfig {
  /** Digest challenges to offer, in order; a Basic challenge always comes first. */
  algorithms: Algorithm[];
  /** Answer `stale=true` once a nonce has been used this many times. */
  maxUsesPerNonce: number;
  userhash: boolean;
  /** Send each challenge as its own WWW-Authenticate header field. */
  separateFields: boolean;
}

interface Seen {
  method: string;
  url: string;
  status: number;
  /** Parsed Digest Authorization fields, if any. */
  auth: Record<string, string> | undefined;
  body: string;
}

let server: Server;
let baseUrl: string;
let config: ServerConfig;
let seen: Seen[];
const nonces = new Map<string, { lastNc: number; uses: number }>();

/** The test's own reading of an Authorization: Digest value. */
function parseDigestAuthorization(header: string | undefined): Record<string, string> | undefined {
  if (header === undefined || !/^Digest /i.test(header)) return undefined;
  const fields: Record<string, string> = {};
  for (const match of header.slice(7).matchAll(/([A-Za-z*]+)=(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
    fields[match[1]!] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!;
  }
  return fields;
}

function hash(algorithm: string, data: string): string {
  return createHash(algorithm.startsWith('MD5') ? 'md5' : 'sha256').update(data, 'utf8').digest('hex');
}

function issueNonce(): string {
  const nonce = randomBytes(12).toString('base64');
  nonces.set(nonce, { lastNc: 0, uses: 0 });
  return nonce;
}

function challenges(stale: boolean): string[] {
  const nonce = issueNonce();
  const digest = config.algorithms.map(
    (algorithm) =>
      `Digest realm="${REALM}", qop="auth-int, auth", algorithm=${algorithm}, nonce="${nonce}", opaque="op\\"aque"` +
      (stale ? ', stale=true' : '') +
      (config.userhash ? ', userhash=true' : ''),
  );
  return ['Basic realm="fallback, not used"', ...digest];
}

/** Status the request earns: 200 for a correct, fresh answer; 401 (maybe stale) otherwise. */
function verify(method: string, url: string, auth: Record<string, string> | undefined): { status: number; stale: boolean } {
  if (auth === undefined) return { status: 401, stale: false };
  const algorithm = auth['algorithm'] ?? 'MD5';
  if (!config.algorithms.includes(algorithm as Algorithm)) return { status: 401, stale: false };
  const state = nonces.get(auth['nonce'] ?? '');
  if (state === undefined || auth['uri'] !== url || auth['realm'] !== REALM || auth['qop'] !== 'auth' || auth['opaque'] !== 'op"aque') {
    return { status: 401, stale: false };
  }
  const username = config.userhash
    ? [...USERS.keys()].find((name) => hash(algorithm, `${name}:${REALM}`) === auth['username'])
    : auth['username'];
  const password = username === undefined ? undefined : USERS.get(username);
  if (password === undefined || auth['username'] === undefined) return { status: 401, stale: false };
  let ha1 = hash(algorithm, `${username}:${REALM}:${password}`);
  if (algorithm.endsWith('-sess')) ha1 = hash(algorithm, `${ha1}:${auth['nonce']}:${auth['cnonce']}`);
  const expected = hash(algorithm, [ha1, auth['nonce'], auth['nc'], auth['cnonce'], 'auth', hash(algorithm, `${method}:${url}`)].join(':'));
  if (auth['response'] !== expected) return { status: 401, stale: false };
  const nc = Number.parseInt(auth['nc'] ?? '', 16);
  if (!/^[0-9a-f]{8}$/.test(auth['nc'] ?? '') || nc <= state.lastNc) return { status: 401, stale: false }; // replay
  state.lastNc = nc;
  state.uses += 1;
  if (state.uses > config.maxUsesPerNonce) return { status: 401, stale: true };
  return { status: 200, stale: false };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const auth = parseDigestAuthorization(req.headers.authorization);
      const { status, stale } = verify(req.method ?? '', req.url ?? '', auth);
      seen.push({ method: req.method ?? '', url: req.url ?? '', status, auth, body: Buffer.concat(chunks).toString() });
      if (status === 401) {
        const values = challenges(stale);
        res.setHeader('www-authenticate', config.separateFields ? values : values.join(', '));
        res.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  config = { algorithms: ['MD5'], maxUsesPerNonce: 100, userhash: false, separateFields: false };
  seen = [];
  nonces.clear();
});

const getThing: OperationSpec = {
  id: 'getThing',
  method: 'GET',
  path: '/things/{id}',
  params: [
    { key: 'id', name: 'id', in: 'path' },
    { key: 'q', name: 'q', in: 'query' },
  ],
  security: [[['digest', []]]],
  accept: 'application/json',
};

const createThing: OperationSpec = {
  id: 'createThing',
  method: 'POST',
  path: '/things',
  params: [],
  body: { key: 'body', encoding: 'json', mediaType: 'application/json' },
  security: [[['digest', []]]],
};

function client(password = PASSWORD) {
  const auth = createAuthStrategies({ digest: { type: 'http', scheme: 'digest' } }, { digest: { username: 'Mufasa', password } });
  return { core: new ClientCore({ baseUrl, auth }), strategy: auth.get('digest')! };
}

const ncs = () => seen.map((entry) => (entry.auth === undefined ? 0 : Number.parseInt(entry.auth['nc']!, 16)));
const statuses = () => seen.map((entry) => entry.status);

describe('DigestAuth against a verifying server', () => {
  it('createAuthStrategies routes http/digest to DigestAuth', () => {
    expect(client().strategy).toBeInstanceOf(DigestAuth);
  });

  it('N calls cost one 401 round trip; nc counts up on a single nonce', async () => {
    const { core } = client();
    for (let i = 0; i < 5; i++) await expect(core.request(getThing, { id: `t ${i}`, q: 'a&b' })).resolves.toEqual({ ok: true });
    expect(statuses()).toEqual([401, 200, 200, 200, 200, 200]);
    expect(ncs()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(seen.slice(1).map((entry) => entry.auth!['nonce'])).size).toBe(1);
    expect(new Set(seen.slice(1).map((entry) => entry.auth!['cnonce'])).size).toBe(5);
    expect(seen[5]!.url).toBe('/v1/things/t%204?q=a%26b');
    expect(seen[5]!.auth!['uri']).toBe('/v1/things/t%204?q=a%26b');
  });

  it('concurrent calls never share a nonce count', async () => {
    const { core } = client();
    await core.request(getThing, { id: 'warm-up' });
    await Promise.all(Array.from({ length: 6 }, (_, i) => core.request(getThing, { id: String(i) })));
    expect(statuses().filter((status) => status === 401)).toHaveLength(1);
    expect(ncs().slice(2).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('a stale nonce is replaced and the request retried once', async () => {
    config.maxUsesPerNonce = 2;
    const { core } = client();
    for (let i = 0; i < 4; i++) await core.request(getThing, { id: String(i) });
    expect(statuses()).toEqual([401, 200, 200, 401, 200, 200]);
    expect(ncs()).toEqual([0, 1, 2, 3, 1, 2]);
    expect(seen[4]!.auth!['nonce']).not.toBe(seen[3]!.auth!['nonce']);
  });

  it('prefers the first Digest challenge it supports, across separate header fields', async () => {
    config = { ...config, algorithms: ['SHA-256', 'MD5'], separateFields: true };
    const { core } = client();
    await core.request(getThing, { id: '1' });
    expect(statuses()).toEqual([401, 200]);
    expect(seen[1]!.auth!['algorithm']).toBe('SHA-256');
  });

  it.each(['MD5-sess', 'SHA-256-sess'] as const)('%s with a hashed username', async (algorithm) => {
    config = { ...config, algorithms: [algorithm], userhash: true };
    const { core } = client();
    await core.request(getThing, { id: '1' });
    await core.request(getThing, { id: '2' });
    expect(statuses()).toEqual([401, 200, 200]);
    expect(seen[1]!.auth!['userhash']).toBe('true');
    expect(seen[1]!.auth!['username']).toBe(hash(algorithm, `Mufasa:${REALM}`));
  });

  it('re-sends a POST body with its method in the digest', async () => {
    const { core } = client();
    await core.request(createThing, { body: { name: 'x' } });
    expect(seen.map((entry) => [entry.method, entry.status, entry.body])).toEqual([
      ['POST', 401, '{"name":"x"}'],
      ['POST', 200, '{"name":"x"}'],
    ]);
  });

  it('a wrong password is retried once, then surfaces as 401 without further round trips', async () => {
    const { core } = client('wrong password');
    await expect(core.request(getThing, { id: '1' })).rejects.toMatchObject({ name: 'ApiError', status: 401 });
    expect(statuses()).toEqual([401, 401]);
    seen = [];
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
