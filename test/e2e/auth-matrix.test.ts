/**
 * End to end: generate a client for fixtures/e2e/auth-matrix.yaml, compile it with TypeScript 7
 * under both module settings, then call it against `prism mock` of the same spec through a recording
 * proxy. Prism rejects missing or misplaced credentials (401) and invalid requests (422); the proxy
 * shows exactly what went over the wire.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { startPrism, type PrismServer } from '../support/prism.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';

const SPEC = join(import.meta.dirname, '../../fixtures/e2e/auth-matrix.yaml');

// The generated module's surface, as far as this test uses it.
type Client = Record<string, (args?: object) => Promise<unknown>>;
interface GeneratedModule {
  AuthMatrixClient: new (options: object) => Client;
  ApiError: new (...args: never[]) => Error & { status: number; body: unknown };
  AuthRequiredError: new (...args: never[]) => Error & { alternatives: string[][] };
}

let dir: string;
let prism: PrismServer;
let proxy: RecordingProxy;
let mod: GeneratedModule;

beforeAll(async () => {
  dir = await makeTempDir('keyway-e2e-');
  await generate({ input: SPEC, output: join(dir, 'client') });
  prism = await startPrism(SPEC);
  proxy = await startRecordingProxy(prism.url);
  mod = (await import(pathToFileURL(join(dir, 'client', 'index.ts')).href)) as GeneratedModule;
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await prism?.stop();
  if (dir) await removeTempDir(dir);
});

beforeEach(() => {
  proxy.requests.length = 0;
});

function client(auth: object = {}, extra: object = {}): Client {
  return new mod.AuthMatrixClient({ baseUrl: proxy.url, auth, ...extra });
}

function only() {
  expect(proxy.requests).toHaveLength(1);
  return proxy.requests[0]!;
}

describe('the generated client compiles', () => {
  it.each(['NodeNext', 'Bundler'] as const)('under strict with moduleResolution %s', async (moduleResolution) => {
    const result = await typecheck(join(dir, 'client'), { moduleResolution });
    expect(result.diagnostics).toBe('');
    expect(result.exitCode).toBe(0);
  }, 60_000);
});

describe('static auth against prism', () => {
  it('apiKey in a header', async () => {
    await expect(client({ api_key_header: 'k-1' }).apikeyHeader()).resolves.toEqual({ ok: true });
    const req = only();
    expect(req.headers['x-api-key']).toBe('k-1');
    expect(req.status).toBe(200);
  });

  it('apiKey in the query, URL-encoded', async () => {
    await expect(client({ api_key_query: 'a b&c=d' }).apikeyQuery()).resolves.toEqual({ ok: true });
    expect(only().url).toBe('/apikey-query?api_key=a%20b%26c%3Dd');
  });

  it('apiKey in a cookie, merged with a Cookie header the caller set', async () => {
    await client({ api_key_cookie: 'sid-9' }, { headers: { Cookie: 'theme=dark' } }).apikeyCookie();
    const req = only();
    expect(req.headers.cookie).toBe('theme=dark; session_id=sid-9');
    expect(req.status).toBe(200);
  });

  it('HTTP basic, UTF-8 before base64', async () => {
    await client({ basic_auth: { username: 'ålice', password: 'pä ss' } }).basic();
    const req = only();
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('ålice:pä ss', 'utf8').toString('base64')}`);
    expect(req.status).toBe(200);
  });

  it('HTTP bearer from a token provider, asked on every call', async () => {
    let calls = 0;
    const c = client({ bearer_auth: async () => `tok-${++calls}` });
    await c.bearer();
    await c.bearer();
    expect(proxy.requests.map((r) => [r.headers.authorization, r.status])).toEqual([
      ['Bearer tok-1', 200],
      ['Bearer tok-2', 200],
    ]);
  });

  it('a requirement inherited from the document', async () => {
    await client({ bearer_auth: 'g' }).inheritsGlobal();
    expect(only()).toMatchObject({ status: 200, headers: { authorization: 'Bearer g' } });
  });

  it('AND: every scheme of the alternative together', async () => {
    await client({ api_key_header: 'k', bearer_auth: 'b' }).headerKeyAndBearer();
    expect(only()).toMatchObject({ status: 200, headers: { 'x-api-key': 'k', authorization: 'Bearer b' } });
  });

  it('AND with one credential missing rejects before any request, naming the schemes', async () => {
    const call = client({ api_key_header: 'k' }).headerKeyAndBearer();
    await expect(call).rejects.toBeInstanceOf(mod.AuthRequiredError);
    await expect(call).rejects.toThrow(/api_key_header \+ bearer_auth/);
    expect(proxy.requests).toHaveLength(0);
  });

  it('OR: the first alternative that can be satisfied, and only that one', async () => {
    await client({ basic_auth: { username: 'u', password: 'p' }, api_key_query: 'q' }).basicOrQueryKey();
    let req = only();
    expect(req.headers.authorization).toMatch(/^Basic /);
    expect(req.url).toBe('/or');
    proxy.requests.length = 0;
    await client({ api_key_query: 'q' }).basicOrQueryKey();
    req = only();
    expect(req.headers.authorization).toBeUndefined();
    expect(req.url).toBe('/or?api_key=q');
    expect(req.status).toBe(200);
  });

  it('security: [] sends no credentials even when the client has them', async () => {
    await client({ bearer_auth: 'b', api_key_header: 'k', api_key_query: 'q' }).publicOp();
    const req = only();
    expect(req.headers.authorization).toBeUndefined();
    expect(req.headers['x-api-key']).toBeUndefined();
    expect(req.url).toBe('/public');
    expect(req.status).toBe(200);
  });

  it('{}: anonymous when nothing else can be satisfied, the key when it can', async () => {
    await client().optionalKey();
    expect(only()).toMatchObject({ status: 200, url: '/optional' });
    expect(only().headers['x-api-key']).toBeUndefined();
    proxy.requests.length = 0;
    await client({ api_key_header: 'k' }).optionalKey();
    expect(only()).toMatchObject({ status: 200, headers: { 'x-api-key': 'k' } });
  });

  it('a server-side 401 rejects with ApiError carrying status and headers', async () => {
    // Headers trims the value to `Bearer`, which prism refuses: a real 401 from the server.
    const call = client({ bearer_auth: ' ' }).bearer();
    await expect(call).rejects.toBeInstanceOf(mod.ApiError);
    await expect(call).rejects.toMatchObject({ status: 401 });
  });
});

describe('requests prism validates', () => {
  it('path parameter, exploded query array and JSON body', async () => {
    const result = await client({ bearer_auth: 'b' }).updateItem({ itemId: 7, tags: ['red', 'blue'], body: { name: 'w', count: 2 } });
    expect(result).toEqual({ name: 'widget', count: 3 });
    const req = only();
    expect(req).toMatchObject({ method: 'POST', url: '/items/7?tags=red&tags=blue', status: 200 });
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual({ name: 'w', count: 2 });
  });

  it('an invalid request is rejected by prism and surfaces as ApiError 422 with the parsed body', async () => {
    const call = client({ bearer_auth: 'b' }).updateItem({ itemId: 7, tags: ['purple'], body: { name: 'w' } });
    await expect(call).rejects.toMatchObject({ status: 422 });
  });
});
