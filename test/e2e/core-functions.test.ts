/**
 * The standalone operation functions and the method-less Core class (issue 14), through the
 * committed example SDK against a real node:http server on 127.0.0.1: each function sends exactly
 * what the client's method sends, credentials included, and a full client is a Core too.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anyAuth, apiKey, bearer, createPet, health, getPet, isApiError, listPets, operations, PetstoreAuthClient, PetstoreAuthCore, type ClientOptions, type CoreOptions } from '../../examples/petstore-auth/index.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let baseUrl: string;
let received: Received[];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url?.startsWith('/pets/404')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"code":404,"message":"no such pet"}');
      } else if (req.url === '/health') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(req.method === 'GET' && (req.url === '/pets' || req.url?.startsWith('/pets?')) ? '[]' : '{"id":7,"name":"Rex"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
});

const options = (): ClientOptions => ({ baseUrl, auth: { apiKeyQuery: 'query-key-s3cret', apiKeyHeader: 'header-key-s3cret', bearer: 'bearer-t0ken' }, headers: { 'x-app': 'pets' } });
/** The same for a Core: the credentials built, as a Core user writes them. */
const coreOptions = (): CoreOptions => ({ baseUrl, auth: { apiKeyQuery: apiKey('query-key-s3cret'), apiKeyHeader: apiKey('header-key-s3cret'), bearer: bearer('bearer-t0ken') }, headers: { 'x-app': 'pets' } });
/** What the server saw, without the headers fetch itself varies. */
const seen = (r: Received) => ({ method: r.method, url: r.url, body: r.body, auth: r.headers['authorization'], key: r.headers['x-api-key'], app: r.headers['x-app'], type: r.headers['content-type'], accept: r.headers['accept'] });

describe('operation functions on a Core', () => {
  it('send what the methods send, with the same credentials', async () => {
    const client = new PetstoreAuthClient(options());
    await client.getPet({ petId: 7 });
    await client.createPet({ body: { name: 'Rex', kind: 'dog' } });
    await client.listPets({ limit: 2, tags: ['a', 'b'] });
    await client.health({ headers: { 'x-call': '1' } });
    const byMethods = received.map(seen);

    received = [];
    const core = new PetstoreAuthCore(coreOptions());
    await expect(getPet(core, { petId: 7 })).resolves.toEqual({ id: 7, name: 'Rex' });
    await expect(createPet(core, { body: { name: 'Rex', kind: 'dog' } })).resolves.toEqual({ id: 7, name: 'Rex' });
    await expect(listPets(core, { limit: 2, tags: ['a', 'b'] })).resolves.toEqual([]);
    await expect(health(core, { headers: { 'x-call': '1' } })).resolves.toBe('ok');
    expect(received.map(seen)).toEqual(byMethods);
    expect(received.map((r) => r.url)).toEqual(['/pets/7?api_key=query-key-s3cret', '/pets', '/pets?limit=2&tags=a&tags=b', '/health']);
    expect(received[1]!.body).toBe('{"name":"Rex","kind":"dog"}');
    expect(received[1]!.headers['authorization']).toBe('Bearer bearer-t0ken');
    expect(received[2]!.headers['x-api-key']).toBe('header-key-s3cret');
    expect(received[3]!.headers['x-call']).toBe('1');
  });

  it('take a full client as well, and give withResponse() and typed errors as the methods do', async () => {
    const client = new PetstoreAuthClient(options());
    const { data, response } = await getPet(client, { petId: 7 }).withResponse();
    expect(data).toEqual({ id: 7, name: 'Rex' });
    expect(response.status).toBe(200);
    const error = await getPet(client, { petId: 404 }).catch((e: unknown) => e);
    expect(isApiError(error, 'getPet') && error.status === 404 ? error.body : undefined).toEqual({ code: 404, message: 'no such pet' });
    expect(received).toHaveLength(2);
  });

  it('refuse an object that is not a client, before sending anything', () => {
    expect(() => getPet({} as PetstoreAuthCore, { petId: 7 })).toThrow(TypeError);
    expect(received).toHaveLength(0);
  });

  it('keep the constructor checks: a Core refuses what the client refuses', () => {
    expect(() => new PetstoreAuthCore({ auth: { nope: apiKey('x') } as never })).toThrow(/auth has no security scheme "nope"/);
    expect(() => new PetstoreAuthClient({ auth: { nope: 'x' } as never })).toThrow(/auth has no security scheme "nope"/);
    expect(() => new PetstoreAuthCore({ auth: anyAuth({ apiKeyHeader: '' }) })).toThrow(/^the credential for security scheme "apiKeyHeader" must be a non-empty string/);
    expect(() => new PetstoreAuthClient({ auth: { apiKeyHeader: '' } })).toThrow(/^the credential for security scheme "apiKeyHeader" must be a non-empty string/);
    expect(() => new PetstoreAuthCore({ auth: { apiKeyHeader: bearer('t') } as never })).toThrow(/^security scheme "apiKeyHeader": bearer\(\) fits an HTTP bearer, OAuth 2.0 or OpenID Connect scheme only$/);
  });

  it('a Core takes built credentials only: a plain one is a compile error and a TypeError naming the scheme', () => {
    // @ts-expect-error a Core's auth takes built credentials (apiKey(…), clientCredentials({ … }), anyAuth({ … }))
    const plain = () => new PetstoreAuthCore({ baseUrl, auth: { apiKeyHeader: 'header-key-s3cret' } });
    expect(plain).toThrow(TypeError);
    expect(plain).toThrow(/^security scheme "apiKeyHeader": the credential must be built by a builder or anyAuth\(\)$/);
    // @ts-expect-error an OAuth scheme's plain credential too
    expect(() => new PetstoreAuthCore({ auth: { oauth: { clientId: 'a', clientSecret: 's3cret' } } })).toThrow(/security scheme "oauth": the credential must be built/);
    // @ts-expect-error a builder of another kind
    expect(() => new PetstoreAuthCore({ auth: { bearer: apiKey('k') } })).toThrow(/^security scheme "bearer": apiKey\(\) fits an API key scheme only$/);
    expect(received).toHaveLength(0);
  });

  it('anyAuth gives a Core plain credentials; the client takes plain and built ones alike', async () => {
    const plain = { apiKeyQuery: 'query-key-s3cret', apiKeyHeader: 'header-key-s3cret', bearer: 'bearer-t0ken' };
    await getPet(new PetstoreAuthCore({ baseUrl, auth: anyAuth(plain) }), { petId: 1 });
    // anyAuth keeps built credentials as they are, so both forms mix.
    await createPet(new PetstoreAuthCore({ baseUrl, auth: anyAuth({ ...plain, bearer: bearer('built-t0ken') }) }), { body: { name: 'Rex', kind: 'dog' } });
    await new PetstoreAuthClient({ baseUrl, auth: { ...plain, apiKeyHeader: apiKey('built-header-key') } }).listPets();
    // Frozen options: their own `auth` is replaced by the built one all the same.
    await new PetstoreAuthClient(Object.freeze({ baseUrl, auth: Object.freeze(plain) })).listPets();
    expect(received.map((r) => [r.url, r.headers['authorization'], r.headers['x-api-key']])).toEqual([
      ['/pets/1?api_key=query-key-s3cret', undefined, undefined],
      ['/pets', 'Bearer built-t0ken', undefined],
      ['/pets', undefined, 'built-header-key'],
      ['/pets', undefined, 'header-key-s3cret'],
    ]);
  });

  it('have their methods on the client, defined from the operation table as a class body defines them; the Core has none', () => {
    const client = new PetstoreAuthClient(options());
    const methods = client as unknown as Record<string, unknown>;
    for (const name of Object.keys(operations)) {
      expect(typeof methods[name]).toBe('function');
      expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(PetstoreAuthClient.prototype), name)).toMatchObject({ writable: true, enumerable: false, configurable: true });
      expect(name in PetstoreAuthCore.prototype).toBe(false);
    }
    expect(Object.keys(client)).toEqual([]);
    expect(client).toBeInstanceOf(PetstoreAuthCore);
    // A method called on something that is not a client throws before sending, as the functions do.
    expect(() => client.getPet.call({} as PetstoreAuthClient, { petId: 7 })).toThrow(TypeError);
    expect(received).toHaveLength(0);
  });

  it('read options given as getters or inherited properties, as a plain object\'s', async () => {
    // A class instance: its options are getters on the prototype, reading private fields.
    class Settings<Auth> {
      readonly #origin = baseUrl;
      readonly #auth: () => Auth;
      authReads = 0;
      constructor(auth: () => Auth) { this.#auth = auth; }
      get baseUrl(): string { return this.#origin; }
      get auth(): Auth { this.authReads++; return this.#auth(); }
      get headers(): Record<string, string> { return { 'x-app': 'from-getter' }; }
      get retry(): false { return false; }
    }
    await listPets(new PetstoreAuthCore(new Settings((): CoreOptions['auth'] => ({ apiKeyHeader: apiKey('header-key-s3cret') }))), { limit: 1 });
    // Object.create: every option inherited from a prototype.
    const inherited = (auth: object) => Object.create({ baseUrl, auth, headers: { 'x-app': 'inherited' }, fetch: (input: string | URL | Request, init?: RequestInit) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), 'x-fetch': 'inherited' } }) }) as never;
    await listPets(new PetstoreAuthCore(inherited({ apiKeyHeader: apiKey('header-key-s3cret') })), { limit: 2 });
    // The client class builds the credentials before the Core reads the options: the getters still
    // run on the object they belong to (private fields and all), the credentials' once.
    const settings = new Settings((): ClientOptions['auth'] => ({ apiKeyHeader: 'plain-header-key' }));
    await new PetstoreAuthClient(settings).listPets({ limit: 3 });
    expect(settings.authReads).toBe(1);
    await new PetstoreAuthClient(inherited({ apiKeyHeader: 'plain-header-key' })).listPets({ limit: 4 });
    expect(received.map((r) => [r.url, r.headers['x-app'], r.headers['x-api-key'], r.headers['x-fetch']])).toEqual([
      ['/pets?limit=1', 'from-getter', 'header-key-s3cret', undefined],
      ['/pets?limit=2', 'inherited', 'header-key-s3cret', 'inherited'],
      ['/pets?limit=3', 'from-getter', 'plain-header-key', undefined],
      ['/pets?limit=4', 'inherited', 'plain-header-key', 'inherited'],
    ]);
  });

  it('leave the operation table to users who want it, built from the same specs', () => {
    expect(Object.keys(operations)).toEqual(['listPets', 'createPet', 'getPet', 'deletePet', 'getPhoto', 'uploadPhoto', 'searchPets', 'watchPets', 'health']);
    expect(operations.getPet).toMatchObject({ id: 'getPet', method: 'GET', path: '/pets/{petId}' });
  });
});
