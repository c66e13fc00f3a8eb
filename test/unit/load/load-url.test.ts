import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src/load/index.js';

/** Serves fixtures/load/multi-file plus a few deliberately broken documents. */
const routes: Record<string, string> = {
  '/api/openapi.yaml': readFileSync('fixtures/load/multi-file/openapi.yaml', 'utf8'),
  '/api/common.yaml': readFileSync('fixtures/load/multi-file/common.yaml', 'utf8'),
  '/api/schemas/pet.yaml': readFileSync('fixtures/load/multi-file/schemas/pet.yaml', 'utf8'),
  '/api/schemas/error.json': readFileSync('fixtures/load/multi-file/schemas/error.json', 'utf8'),
  // no extension: the parser is chosen by sniffing the content
  '/spec': readFileSync('fixtures/load/petstore-2.0.json', 'utf8'),
  '/dangling.yaml': readFileSync('fixtures/load/bad/missing-external-file.yaml', 'utf8'),
  '/steals-local-file.yaml': "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Secret:\n      $ref: 'file:///etc/hostname'\n",
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const body = routes[request.url ?? ''];
    if (body === undefined) {
      response.writeHead(404, 'Not Found').end('nope');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections(); // fetch keeps connections alive
  await new Promise<void>((done) => server.close(() => done()));
});

describe('loadDocument over http', () => {
  it('loads a multi-file spec, resolving relative $refs against the URL', async () => {
    const loaded = await loadDocument(`${base}/api/openapi.yaml`);
    expect(loaded.version).toBe('3.0');
    expect(loaded.files).toEqual([
      `${base}/api/openapi.yaml`,
      `${base}/api/common.yaml`,
      `${base}/api/schemas/pet.yaml`,
      `${base}/api/schemas/error.json`,
    ]);
    expect(JSON.stringify(loaded.document)).not.toMatch(/"\$ref":"[^#]/);
  });

  it('sniffs JSON when the URL has no extension', async () => {
    await expect(loadDocument(`${base}/spec`)).resolves.toMatchObject({ version: '2.0', specVersion: '2.0' });
  });

  it('reports a non-2xx response as E_READ with the status', async () => {
    await expect(loadDocument(`${base}/missing.yaml`)).rejects.toMatchObject({
      code: 'E_READ',
      location: { file: `${base}/missing.yaml` },
      message: `${base}/missing.yaml: cannot fetch URL: HTTP 404 Not Found`,
    });
  });

  it('reports an unreachable server as E_READ with the network reason', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/openapi.yaml`;
    await new Promise<void>((done) => closed.close(() => done()));
    await expect(loadDocument(url)).rejects.toMatchObject({ code: 'E_READ', message: expect.stringMatching(/cannot fetch URL: .*ECONNREFUSED/) });
  });

  it('refuses $refs from a remote document to local files', async () => {
    await expect(loadDocument(`${base}/steals-local-file.yaml`)).rejects.toMatchObject({
      code: 'E_REF',
      location: { file: `${base}/steals-local-file.yaml`, pointer: '#/components/schemas/Secret/$ref', line: 7, column: 7 },
      message: expect.stringContaining('a document fetched over http(s) cannot reference local files'),
    });
  });

  it('refuses URL schemes other than http(s) and file', async () => {
    await expect(loadDocument('ftp://127.0.0.1/openapi.yaml')).rejects.toMatchObject({ code: 'E_READ', message: expect.stringContaining("unsupported URL scheme 'ftp:'") });
  });

  it('reports a $ref to a missing URL as E_REF at the $ref', async () => {
    await expect(loadDocument(`${base}/dangling.yaml`)).rejects.toMatchObject({
      code: 'E_REF',
      location: { file: `${base}/dangling.yaml`, pointer: '#/paths/~1pets/get/responses/200/$ref', line: 10, column: 11 },
      message: expect.stringContaining(`${base}/does-not-exist.yaml: cannot fetch URL: HTTP 404`),
    });
  });
});
