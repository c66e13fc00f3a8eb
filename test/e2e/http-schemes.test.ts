/**
 * End to end for the schemes that need more than a static header: generate a client for
 * fixtures/e2e/http-schemes.yaml, type-check it (and a small program using it) under strict with
 * both module settings, import it, and call it against the independent verifiers of
 * test/support/verifiers: HTTP Digest (challenge/response, nonce counts), OAuth 1.0a (signatures
 * recomputed by the server) and mutual TLS (a node:https server that demands a client certificate).
 * Each verifier is its own server, so each gets its own client (`baseUrl`).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { FetchLike } from '../../src/runtime/client-core.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';
import { startDigestServer, type DigestServer } from '../support/verifiers/digest-server.js';
import { hasOpenssl, httpsFetch, makeTestPki, startMtlsServer, type MtlsServer, type TestPki } from '../support/verifiers/mtls.js';
import { startOAuth1Server, type OAuth1Server } from '../support/verifiers/oauth1-server.js';

const SPEC = join(import.meta.dirname, '../../fixtures/e2e/http-schemes.yaml');

const DIGEST_USER = { username: 'Mufasa', password: 'Circle of Life' };
const OAUTH1 = { consumerKey: 'photo-app', consumerSecret: 'consumer+secret/&', token: 'token value', tokenSecret: 'token secret ü' };
const CLIENT_CN = 'keyway-e2e-client';

// The generated module's surface, as far as this test uses it (the type-check below proves the real one).
interface HttpSchemesClient {
  listDigestItems(): Promise<{ ok: boolean }>;
  createDigestItem(args: { body: { name: string; tags?: string[] } }): Promise<{ ok: boolean }>;
  signedSearch(args: { q: string; x?: number }): Promise<{ reason: string }>;
  signedForm(args: { body: { title: string; note?: string; tag?: string[] } }): Promise<{ reason: string }>;
  whoAmI(): Promise<{ subject: string }>;
}
interface GeneratedModule {
  HTTPSchemesClient: new (options: { baseUrl: string; auth?: object; fetch?: FetchLike }) => HttpSchemesClient;
  ApiError: new (...args: never[]) => Error & { status: number };
  AuthRequiredError: new (...args: never[]) => Error & { alternatives: string[][] };
}

/** A program using the generated client the way an application would; compiled with it. */
const USAGE = `import { HTTPSchemesClient, type AuthOptions, type FetchLike } from './client/index.js';
declare const tlsFetch: FetchLike;
const digest = new HTTPSchemesClient({ baseUrl: 'http://127.0.0.1', auth: { digest: { username: 'u', password: 'p' } } });
export const created: Promise<{ ok: boolean }> = digest.createDigestItem({ body: { name: 'n', tags: ['a'] } });
const signed = new HTTPSchemesClient({ auth: { oauth1: { consumerKey: 'k', consumerSecret: 's', token: 't', tokenSecret: 'ts', signatureMethod: 'HMAC-SHA256' } } });
export const verdicts: Array<Promise<{ reason: string }>> = [signed.signedSearch({ q: 'a b', x: 1 }), signed.signedForm({ body: { title: 't', tag: ['x'] } })];
export const who: Promise<{ subject: string }> = new HTTPSchemesClient({ auth: { mtls: { fetch: tlsFetch } } }).whoAmI();
// @ts-expect-error a signature method the runtime does not implement
export const rsa: AuthOptions = { oauth1: { consumerKey: 'k', consumerSecret: 's', signatureMethod: 'RSA-SHA1' } };
// @ts-expect-error mutual TLS needs the TLS-configured fetch
export const noFetch: AuthOptions = { mtls: {} };
// @ts-expect-error the certificate and key go on the fetch, not into the credential
export const certBeside: AuthOptions = { mtls: { cert: '', key: '', fetch: tlsFetch } };
// @ts-expect-error Digest needs the password
export const noPassword: AuthOptions = { digest: { username: 'u' } };
`;

let dir: string;
let mod: GeneratedModule;
let digest: DigestServer;
let oauth1: OAuth1Server;
let pki: TestPki | undefined;
let mtls: MtlsServer | undefined;

beforeAll(async () => {
  dir = await makeTempDir('keyway-e2e-http-');
  await generate({ input: SPEC, output: join(dir, 'client') });
  await writeFile(join(dir, 'usage.ts'), USAGE);
  mod = (await import(pathToFileURL(join(dir, 'client', 'index.ts')).href)) as GeneratedModule;
  digest = await startDigestServer({ users: new Map([[DIGEST_USER.username, DIGEST_USER.password]]) });
  oauth1 = await startOAuth1Server({ consumers: new Map([[OAUTH1.consumerKey, OAUTH1.consumerSecret]]), tokens: new Map([[OAUTH1.token, OAUTH1.tokenSecret]]) });
  if (hasOpenssl) {
    pki = makeTestPki(CLIENT_CN);
    mtls = await startMtlsServer(pki);
  }
}, 30_000);

afterAll(async () => {
  await Promise.all([digest?.close(), oauth1?.close(), mtls?.close()]);
  pki?.remove();
  if (dir) await removeTempDir(dir);
});

beforeEach(() => {
  digest.reset();
  oauth1.reset();
  mtls?.handled.splice(0);
});

/** A client fetch that must never be used: records the URL and fails. */
function forbiddenFetch(calls: string[]): FetchLike {
  return async (input) => {
    calls.push(String(input));
    throw new Error('the client fetch was used');
  };
}

describe('the generated client compiles', () => {
  it.each(['NodeNext', 'Bundler'] as const)('with a program using it, under strict with moduleResolution %s', async (moduleResolution) => {
    const result = await typecheck(dir, { moduleResolution });
    expect(result.diagnostics).toBe('');
    expect(result.exitCode).toBe(0);
  }, 30_000);
});

describe('HTTP Digest through the generated client', () => {
  const digestClient = (password = DIGEST_USER.password) =>
    new mod.HTTPSchemesClient({ baseUrl: `${digest.origin}/api`, auth: { digest: { username: DIGEST_USER.username, password } } });

  it.each(['MD5', 'SHA-256'] as const)('%s: N calls cost exactly one 401 round trip; nc counts 1..N on one nonce', async (algorithm) => {
    digest.reset({ algorithms: [algorithm] });
    const client = digestClient();
    for (let i = 0; i < 4; i++) await expect(client.listDigestItems()).resolves.toEqual({ ok: true });
    expect(digest.seen.map((entry) => [entry.status, entry.nc])).toEqual([[401, 0], [200, 1], [200, 2], [200, 3], [200, 4]]);
    const answered = digest.seen.slice(1);
    expect(new Set(answered.map((entry) => entry.nonce)).size).toBe(1);
    expect(answered.map((entry) => entry.auth?.['algorithm'])).toEqual([algorithm, algorithm, algorithm, algorithm]);
    expect(answered.map((entry) => entry.auth?.['uri'])).toEqual(Array(4).fill('/api/digest/items'));
  });

  it('a POST body arrives intact, once: the challenge comes from a HEAD probe', async () => {
    const client = digestClient();
    const body = { name: 'wïdget "1"', tags: ['a', 'b & c'] };
    await expect(client.createDigestItem({ body })).resolves.toEqual({ ok: true });
    await client.listDigestItems();
    expect(digest.seen.map((entry) => [entry.method, entry.status, entry.nc])).toEqual([['HEAD', 401, 0], ['POST', 200, 1], ['GET', 200, 2]]);
    expect(digest.seen[0]!.body).toBe('');
    expect(JSON.parse(digest.seen[1]!.body)).toEqual(body);
  });

  it('a wrong password rejects with the generated ApiError 401 after one retry, and never shows the password', async () => {
    const client = digestClient('wrong password');
    const error: unknown = await client.listDigestItems().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(mod.ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(digest.seen.map((entry) => [entry.status, entry.nc])).toEqual([[401, 0], [401, 1]]);
    expect(inspect(error, { depth: 10 })).not.toContain('wrong password');
    // The next call answers the challenge it holds, is refused, and is not retried: a fresh answer
    // refused without `stale` means wrong credentials, which another attempt would only repeat.
    digest.seen.length = 0;
    await expect(client.listDigestItems()).rejects.toMatchObject({ status: 401 });
    expect(digest.seen.map((entry) => [entry.status, entry.nc > 0])).toEqual([[401, true]]);
  });
});

describe('OAuth 1.0a through the generated client', () => {
  const signedClient = (extra: object = {}, fetch?: FetchLike) =>
    new mod.HTTPSchemesClient({ baseUrl: `${oauth1.origin}/api`, auth: { oauth1: { ...OAUTH1, ...extra } }, ...(fetch ? { fetch } : {}) });
  const unsigned = (signed: Array<[string, string]>) => signed.filter(([name]) => !name.startsWith('oauth_'));

  it('query parameters are signed; every request verified, every nonce fresh', async () => {
    const client = signedClient();
    for (let i = 0; i < 3; i++) await expect(client.signedSearch({ q: "a b & c=d ~*!'", x: 1 })).resolves.toEqual({ reason: 'ok' });
    expect(oauth1.seen.map((entry) => [entry.reason, entry.oauth['oauth_signature_method']])).toEqual(Array(3).fill(['ok', 'HMAC-SHA1']));
    expect(oauth1.seen[0]!.url).toBe('/api/signed?q=a%20b%20%26%20c%3Dd%20~%2A%21%27&x=1');
    for (const entry of oauth1.seen) expect(unsigned(entry.signed)).toEqual([['q', "a b & c=d ~*!'"], ['x', '1']]);
    expect(new Set(oauth1.seen.map((entry) => entry.oauth['oauth_nonce'])).size).toBe(3);
  });

  it('form fields of an x-www-form-urlencoded body are signed', async () => {
    const body = { title: 'Sun & sea', note: '1+1=2', tag: ['x', 'é'] };
    await expect(signedClient().signedForm({ body })).resolves.toEqual({ reason: 'ok' });
    const [entry] = oauth1.seen;
    expect(entry).toMatchObject({ method: 'POST', reason: 'ok' });
    expect(unsigned(entry!.signed)).toEqual([['title', 'Sun & sea'], ['note', '1+1=2'], ['tag', 'x'], ['tag', 'é']]);
  });

  it('the verifier checks the form fields: one changed after signing is refused', async () => {
    const tamper: FetchLike = (input, init) => fetch(input, { ...init, body: `${String(init?.body)}&tag=injected` });
    const call = signedClient({}, tamper).signedForm({ body: { title: 't' } });
    await expect(call).rejects.toBeInstanceOf(mod.ApiError);
    expect(oauth1.seen.map((entry) => [entry.reason, unsigned(entry.signed)])).toEqual([['bad signature', []]]);
    expect(oauth1.seen[0]!.body).toBe('title=t&tag=injected');
  });

  it('HMAC-SHA256, for a query and a form body', async () => {
    const client = signedClient({ signatureMethod: 'HMAC-SHA256' });
    await client.signedSearch({ q: 'a b' });
    await client.signedForm({ body: { title: 'x y' } });
    expect(oauth1.seen.map((entry) => [entry.method, entry.reason, entry.oauth['oauth_signature_method']])).toEqual([
      ['GET', 'ok', 'HMAC-SHA256'],
      ['POST', 'ok', 'HMAC-SHA256'],
    ]);
    expect(new Set(oauth1.seen.map((entry) => entry.oauth['oauth_nonce'])).size).toBe(2);
  });

  it('the client never shows the secrets', () => {
    const text = inspect(signedClient(), { showHidden: true, depth: 10 }) + JSON.stringify(signedClient());
    expect(text).not.toContain(OAUTH1.consumerSecret);
    expect(text).not.toContain(OAUTH1.tokenSecret);
  });
});

describe.skipIf(!hasOpenssl)('mutual TLS through the generated client', () => {
  it('the server sees the client certificate, presented by the credential\'s fetch', async () => {
    const calls: string[] = [];
    const { cert, key } = pki!.client;
    const ca = pki!.ca;
    const tlsFetch = httpsFetch({ cert, key, ca });
    const client = new mod.HTTPSchemesClient({ baseUrl: mtls!.origin, auth: { mtls: { fetch: tlsFetch } }, fetch: forbiddenFetch(calls) });
    await expect(client.whoAmI()).resolves.toEqual({ subject: CLIENT_CN });
    expect(mtls!.handled).toEqual([CLIENT_CN]);
    expect(calls).toEqual([]);
    expect(inspect(client, { showHidden: true, depth: 10 })).not.toContain(key.split('\n')[1]!);
  });

  it('without mutual-TLS credentials the call rejects with the generated AuthRequiredError before any request', async () => {
    const calls: string[] = [];
    const client = new mod.HTTPSchemesClient({ baseUrl: mtls!.origin, auth: { digest: DIGEST_USER }, fetch: forbiddenFetch(calls) });
    const error: unknown = await client.whoAmI().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(mod.AuthRequiredError);
    expect(error).toMatchObject({ alternatives: [['mtls']] });
    expect(calls).toEqual([]);
    expect(mtls!.handled).toEqual([]);
  });

  it('the server really demands the certificate: without one the handshake fails', async () => {
    await expect(httpsFetch({ ca: pki!.ca })(`${mtls!.origin}/mtls/whoami`)).rejects.toThrow();
    expect(mtls!.handled).toEqual([]);
  });
});
