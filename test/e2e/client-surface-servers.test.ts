/**
 * The `server` and `serverVariables` options of the committed example SDK (examples/petstore-auth)
 * against a real node:http server on 127.0.0.1: the document's second server is
 * `http://127.0.0.1:{port}/v1`, so choosing it with the port the OS gave the server must reach it.
 * The photo path declares servers of its own, which win unless `baseUrl` is set.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PetstoreAuthClient, type FetchLike } from '../../examples/petstore-auth/index.js';

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
