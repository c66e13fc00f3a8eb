/**
 * The `server` and `serverVariables` options of the committed example SDK (examples/petstore-auth)
 * against a real node:http server on 127.0.0.1: the document's second server is
 * `http://127.0.0.1:{port}/v1`, so choosing it with the port the OS gave the server must reach it.
 * The photo path declares servers of its own, which win unless `baseUrl` is set. A Core takes a
 * `baseUrl` only: its default URLs are the generator's, other servers come from the builder
 * `petstoreAuthServerUrl`. Documents whose servers need a value (or declare none) are generated here.
 */
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearer, getPhoto, health, PetstoreAuthClient, PetstoreAuthCore, petstoreAuthServerUrl, type FetchLike } from '../../examples/petstore-auth/index.js';
import { generate } from '../../src/generate.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';

let server: Server;
let port: number;
let received: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.url?.endsWith('/photo')) {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
});

/** A fetch that records where each request would have gone and answers 200 itself (the photo hosts are not reachable). */
function recordingFetch() {
  const urls: string[] = [];
  const fetch: FetchLike = (input) => {
    urls.push(String(input));
    return Promise.resolve(new Response(new Uint8Array([1]), { headers: { 'content-type': 'image/png' } }));
  };
  return { fetch, urls };
}

describe('server and serverVariables', () => {
  it('server 1 with the port variable reaches the local server, under the template\'s /v1', async () => {
    const client = new PetstoreAuthClient({ server: 1, serverVariables: { port: String(port) } });
    await expect(client.health()).resolves.toBe('ok');
    expect(received.map((r) => [r.method, r.url, r.headers.host])).toEqual([['GET', '/v1/health', `127.0.0.1:${port}`]]);
  });

  it('baseUrl wins over server and serverVariables, for every operation, the photo path\'s included', async () => {
    const client = new PetstoreAuthClient({ baseUrl: `http://127.0.0.1:${port}/base`, server: 0, serverVariables: { region: 'us' }, auth: { bearer: 't0ken' } });
    await client.health();
    const photo = await client.getPhoto({ petId: 7 });
    expect(received.map((r) => r.url)).toEqual(['/base/health', '/base/pets/7/photo']);
    expect(received[1]!.headers.authorization).toBe('Bearer t0ken');
    expect(photo).toBeInstanceOf(Blob);
  });

  it('the photo path\'s own servers win otherwise, with the shared region value', async () => {
    const eu = recordingFetch();
    await new PetstoreAuthClient({ server: 1, serverVariables: { port: String(port) }, fetch: eu.fetch, auth: { bearer: 't' } }).getPhoto({ petId: 7 });
    const us = recordingFetch();
    await new PetstoreAuthClient({ serverVariables: { region: 'us' }, fetch: us.fetch, auth: { bearer: 't' } }).getPhoto({ petId: 7 });
    expect([...eu.urls, ...us.urls]).toEqual(['https://eu.photos.petstore.example/v1/pets/7/photo', 'https://us.photos.petstore.example/v1/pets/7/photo']);
    expect(received).toHaveLength(0);
  });

  it('mistakes throw at construction, naming the option, and nothing is sent', () => {
    expect(() => new PetstoreAuthClient({ serverVariables: { region: 'mars' as 'eu' } })).toThrow(new TypeError('serverVariables.region must be one of "eu", "us"'));
    expect(() => new PetstoreAuthClient({ server: 2 as 0 })).toThrow(new TypeError("server must be the index of one of the document's servers: 0 to 1"));
    expect(() => new PetstoreAuthClient({ serverVariables: { regoin: 'eu' } as never })).toThrow(/^serverVariables has no "regoin"; the variables are region$/);
    expect(received).toHaveLength(0);
  });
});

describe('a Core: baseUrl, the generator\'s default URLs, or the builder\'s', () => {
  it('without baseUrl: server 0 with its defaults, and the photo path\'s own server, as the class sends by default', async () => {
    const core = recordingFetch();
    const built = { auth: { bearer: bearer('t') }, fetch: core.fetch };
    await health(new PetstoreAuthCore(built));
    await getPhoto(new PetstoreAuthCore(built), { petId: 7 });
    const plain = recordingFetch();
    await new PetstoreAuthClient({ auth: { bearer: 't' }, fetch: plain.fetch }).health();
    await new PetstoreAuthClient({ auth: { bearer: 't' }, fetch: plain.fetch }).getPhoto({ petId: 7 });
    expect(core.urls).toEqual(['https://eu.petstore.example/v1/health', 'https://eu.photos.petstore.example/v1/pets/7/photo']);
    expect(plain.urls).toEqual(core.urls);
  });

  it('with the builder\'s URL: the chosen server, for every operation (the photo path\'s too)', async () => {
    const baseUrl = petstoreAuthServerUrl({ server: 1, serverVariables: { port: String(port) } });
    expect(baseUrl).toBe(`http://127.0.0.1:${port}/v1`);
    const client = new PetstoreAuthCore({ baseUrl, auth: { bearer: bearer('t') } });
    await expect(health(client)).resolves.toBe('ok');
    await expect(getPhoto(client, { petId: 7 })).resolves.toBeInstanceOf(Blob);
    expect(received.map((r) => [r.method, r.url, r.headers.host])).toEqual([['GET', '/v1/health', `127.0.0.1:${port}`], ['GET', '/v1/pets/7/photo', `127.0.0.1:${port}`]]);
  });

  it('the builder: defaults, values, and its mistakes as TypeErrors naming the option', () => {
    expect(petstoreAuthServerUrl()).toBe('https://eu.petstore.example/v1');
    expect(petstoreAuthServerUrl({ serverVariables: { region: 'us' } })).toBe('https://us.petstore.example/v1');
    expect(() => petstoreAuthServerUrl({ server: 2 as 0 })).toThrow(new TypeError("server must be the index of one of the document's servers: 0 to 1"));
    expect(() => petstoreAuthServerUrl({ serverVariables: { region: 'mars' as 'eu' } })).toThrow(new TypeError('serverVariables.region must be one of "eu", "us"'));
    expect(() => petstoreAuthServerUrl({ server: 1, serverVariables: { region: 'us' } })).toThrow(new TypeError('serverVariables has no "region"; the variables are port'));
  });

  it('server and serverVariables are no Core options: given from JavaScript, they are refused, and nothing is sent', async () => {
    const { fetch, urls } = recordingFetch();
    const refusal = new TypeError('a Core takes baseUrl (petstoreAuthServerUrl()), not server or serverVariables');
    // Before, a Core silently sent to server 0: a `server: 1` meant for a local instance went to production.
    expect(() => new PetstoreAuthCore({ auth: { bearer: bearer('t') }, fetch, server: 1 } as never)).toThrow(refusal);
    expect(() => new PetstoreAuthCore({ auth: { bearer: bearer('t') }, fetch, serverVariables: { region: 'us' } } as never)).toThrow(refusal);
    // Explicitly undefined is no value given.
    await health(new PetstoreAuthCore({ auth: { bearer: bearer('t') }, fetch, server: undefined, serverVariables: undefined } as never));
    expect(urls).toEqual(['https://eu.petstore.example/v1/health']);
    expect(received).toHaveLength(0);
  });
});

describe('a Core of a document whose servers need a value, or that declares none', () => {
  let dir: string;
  type Module = Record<string, unknown>;
  let tenants: Module;
  let serverless: Module;
  const document = (servers: object[]) => ({
    openapi: '3.1.0',
    info: { title: 'Tenants', version: '1' },
    servers,
    paths: { '/ping': { get: { operationId: 'ping', responses: { '200': { description: 'ok', content: { 'text/plain': { schema: { type: 'string' } } } } } } } },
  });

  beforeAll(async () => {
    dir = await makeTempDir('keyway-core-servers-');
    for (const [name, servers] of [['tenants', [{ url: 'http://127.0.0.1:{port}/{tenant}', variables: { port: { default: '1' }, tenant: { default: 'none', enum: ['t'] } } }]], ['serverless', []]] as const) {
      // `tenant`'s default is outside its enum: no URL the Core could use without a value.
      await writeFile(join(dir, `${name}.json`), JSON.stringify(document(servers as readonly object[] as object[])));
      await generate({ input: join(dir, `${name}.json`), output: join(dir, name), name: 'TenantsClient' });
      await writeFile(join(dir, name, 'use.ts'), [
        "import { TenantsCore } from './index.js';",
        '// @ts-expect-error baseUrl is required',
        'new TenantsCore({});',
        "new TenantsCore({ baseUrl: 'http://127.0.0.1:1' });",
        '',
      ].join('\n'));
    }
    tenants = (await import(pathToFileURL(join(dir, 'tenants', 'index.ts')).href)) as Module;
    serverless = (await import(pathToFileURL(join(dir, 'serverless', 'index.ts')).href)) as Module;
  }, 60_000);

  afterAll(async () => {
    if (dir) await removeTempDir(dir);
  });

  it('baseUrl is required in CoreOptions (compile error without it), and the output compiles', async () => {
    for (const name of ['tenants', 'serverless']) {
      const result = await typecheck(join(dir, name), { moduleResolution: 'NodeNext' });
      expect(result.diagnostics, name).toBe('');
      expect(result.exitCode, name).toBe(0);
    }
  }, 60_000);

  it('omitted from JavaScript: a TypeError at construction that says to pass baseUrl', () => {
    const Tenants = tenants['TenantsCore'] as new (options?: object) => object;
    expect(() => new Tenants()).toThrow(new TypeError('baseUrl is required: a variable of server 0 has no default to use; pass one, e.g. tenantsServerUrl({ serverVariables: { … } })'));
    const Serverless = serverless['TenantsCore'] as new (options?: object) => object;
    expect(() => new Serverless({})).toThrow(new TypeError('baseUrl is required: the document declares no servers'));
    expect(serverless['tenantsServerUrl']).toBeUndefined();
  });

  it('the builder fills the value in, and the Core sends there', async () => {
    const build = tenants['tenantsServerUrl'] as (options?: object) => string;
    expect(() => build()).toThrow(new TypeError('serverVariables.tenant must be one of "t"'));
    const baseUrl = build({ serverVariables: { tenant: 't', port: String(port) } });
    const Tenants = tenants['TenantsCore'] as new (options: object) => object;
    await expect((tenants['ping'] as (client: object) => Promise<string>)(new Tenants({ baseUrl }))).resolves.toBe('ok');
    expect(received.map((r) => r.url)).toEqual(['/t/ping']);
  });

  it('the class keeps server and serverVariables: the value fills the template', async () => {
    const Client = tenants['TenantsClient'] as new (options: object) => { ping(): Promise<string> };
    expect(() => new Client({})).toThrow(new TypeError('serverVariables.tenant must be one of "t"'));
    await expect(new Client({ serverVariables: { tenant: 't', port: String(port) } }).ping()).resolves.toBe('ok');
    expect(received.map((r) => r.url)).toEqual(['/t/ping']);
  });
});
