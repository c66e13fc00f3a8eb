import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/runtime/api-error.js';
import type { AuthRequest, AuthStrategy, SchemeSpec } from '../../src/runtime/auth-strategy.js';
import { testCore } from '../support/test-core.js';
import type { OperationSpec } from '../../src/runtime/operation.js';
import { createAuthStrategies } from '../support/create-auth-strategies.js';
import { writeQueryParam } from '../../src/runtime/serialize-query.js';
import { expandPath } from '../../src/runtime/serialize-path.js';
import { writeCookieParam, writeHeaderParam } from '../../src/runtime/serialize-header.js';
import { encodeBinaryBody, encodeFormBody, encodeJsonBody, encodeMultipartBody, encodeTextBody } from '../../src/runtime/encode-body.js';

/** What the server actually received, byte for byte. */
interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let server: Server;
let baseUrl: string;
let received: Received[] = [];
/** Each test queues how the server answers; default is 200 with the JSON `{"ok":true}`. */
let answers: Array<{ status: number; type?: string; body?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const answer = answers.shift() ?? { status: 200, type: 'application/json', body: '{"ok":true}' };
      res.writeHead(answer.status, answer.type === undefined ? {} : { 'content-type': answer.type });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  received = [];
  answers = [];
});

const schemes: Record<string, SchemeSpec> = {
  api_key: { type: 'apiKey', in: 'query', name: 'api-key' },
  session: { type: 'apiKey', in: 'cookie', name: 'SESSION' },
  basic: { type: 'http', scheme: 'basic' },
  bearer: { type: 'http', scheme: 'bearer' },
};

const listPets: OperationSpec = {
  id: 'listPets',
  method: 'GET',
  path: '/owners/{owner}/pets', expand: expandPath,
  params: [
    { key: 'owner', name: 'owner', in: 'path' },
    { key: 'tags', name: 'tags', in: 'query', serialize: writeQueryParam },
    { key: 'filter', name: 'filter', in: 'query', serialize: writeQueryParam, style: 'deepObject', explode: true },
    { key: 'theme', name: 'theme', in: 'cookie', serialize: writeCookieParam },
    { key: 'requestId', name: 'X-Request-Id', in: 'header', serialize: writeHeaderParam },
  ],
  security: [[['api_key', []], ['session', []]]],
};

describe('end to end against node:http', () => {
  it('GET: path, query, deepObject, header param, cookies from params and apiKey', async () => {
    const core = testCore({ baseUrl, auth: createAuthStrategies(schemes, { api_key: 'k/1 2', session: 'abc;d' }), headers: { 'user-agent': 'keyway-test' } });
    const result = await core.request(listPets, { owner: 'Zoë & co', tags: ['a b', 'c'], filter: { age: 3 }, theme: 'dark', requestId: 'r-1' });
    expect(result).toEqual({ ok: true });
    const [req] = received;
    expect(req!.method).toBe('GET');
    expect(req!.url).toBe('/api/owners/Zo%C3%AB%20%26%20co/pets?tags=a%20b&tags=c&filter[age]=3&api-key=k%2F1%202');
    expect(req!.headers['x-request-id']).toBe('r-1');
    expect(req!.headers['user-agent']).toBe('keyway-test');
    expect(req!.headers.cookie).toBe('theme=dark; SESSION=abc%3Bd');
    expect(req!.headers.authorization).toBeUndefined();
  });

  it('POST JSON with Basic auth (UTF-8 credentials)', async () => {
    answers.push({ status: 201, type: 'application/json', body: '{"id":7}' });
    const core = testCore({ baseUrl, auth: createAuthStrategies(schemes, { basic: { username: 'jürgen', password: 'pässword' } }) });
    const op: OperationSpec = { id: 'addPet', method: 'POST', path: '/pets', params: [], body: { key: 'body', encoding: 'json', mediaType: 'application/json', encode: encodeJsonBody }, security: [[['basic', []]]] };
    expect(await core.request(op, { body: { name: 'Rex', tags: ['good'] } })).toEqual({ id: 7 });
    const [req] = received;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe('/api/pets');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers.authorization).toBe(`Basic ${Buffer.from('jürgen:pässword', 'utf8').toString('base64')}`);
    expect(JSON.parse(req!.body.toString('utf8'))).toEqual({ name: 'Rex', tags: ['good'] });
  });

  it('multipart upload with a bearer token function', async () => {
    const core = testCore({ baseUrl, auth: createAuthStrategies(schemes, { bearer: async () => 'tok-123' }) });
    const op: OperationSpec = { id: 'uploadPhoto', method: 'PUT', path: '/pets/{id}/photo', expand: expandPath, params: [{ key: 'id', name: 'id', in: 'path' }], body: { key: 'body', encoding: 'multipart', mediaType: 'multipart/form-data', encode: encodeMultipartBody }, security: [[['bearer', ['write']]]] };
    await core.request(op, { id: 5, body: { caption: 'hi', file: new Blob(['PNGDATA'], { type: 'image/png' }) } });
    const [req] = received;
    expect(req!.headers.authorization).toBe('Bearer tok-123');
    expect(req!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const text = req!.body.toString('utf8');
    expect(text).toContain('name="caption"\r\n\r\nhi\r\n');
    expect(text).toMatch(/name="file"; filename="blob"\r\nContent-Type: image\/png\r\n\r\nPNGDATA\r\n/);
  });

  it('form body and a streamed binary body', async () => {
    const core = testCore({ baseUrl, auth: new Map() });
    const form: OperationSpec = { id: 'login', method: 'POST', path: '/login', params: [], body: { key: 'body', encoding: 'form', mediaType: 'application/x-www-form-urlencoded', encode: encodeFormBody }, security: [] };
    await core.request(form, { body: { user: 'a b', scope: ['x', 'y'] } });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('chunk1-'));
        controller.enqueue(new TextEncoder().encode('chunk2'));
        controller.close();
      },
    });
    const binary: OperationSpec = { id: 'putRaw', method: 'PUT', path: '/raw', params: [], body: { key: 'body', encoding: 'binary', mediaType: 'application/octet-stream', encode: encodeBinaryBody }, security: [] };
    await core.request(binary, { body: stream });
    expect(received[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(received[0]!.body.toString()).toBe('user=a+b&scope=x&scope=y');
    expect(received[1]!.headers['content-type']).toBe('application/octet-stream');
    expect(received[1]!.body.toString()).toBe('chunk1-chunk2');
  });

  it('non-2xx becomes ApiError with the parsed body', async () => {
    answers.push({ status: 404, type: 'application/problem+json', body: '{"title":"no such pet"}' });
    const core = testCore({ baseUrl, auth: new Map() });
    const op: OperationSpec = { id: 'getPet', method: 'GET', path: '/pets/{id}', expand: expandPath, params: [{ key: 'id', name: 'id', in: 'path' }], security: [] };
    const error = await core.request(op, { id: '../admin' }).catch((e: unknown) => e);
    expect(received[0]!.url).toBe('/api/pets/..%2Fadmin');
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, statusText: 'Not Found', body: { title: 'no such pet' }, message: 'getPet failed: 404 Not Found' });
  });

  it('401 then renewed credentials: the request is sent exactly twice, body intact', async () => {
    answers.push({ status: 401, type: 'text/plain', body: 'expired' });
    let token = 'old';
    const renewing: AuthStrategy = {
      scheme: 'bearer',
      apply(request: AuthRequest) {
        request.headers.set('authorization', `Bearer ${token}`);
      },
      async onUnauthorized() {
        token = 'new';
        return true;
      },
    };
    const core = testCore({ baseUrl, auth: new Map([['bearer', renewing]]) });
    const op: OperationSpec = { id: 'addNote', method: 'POST', path: '/notes', params: [], body: { key: 'body', encoding: 'text', mediaType: 'text/plain', encode: encodeTextBody }, security: [[['bearer', []]]] };
    expect(await core.request(op, { body: 'hello' })).toEqual({ ok: true });
    expect(received.map((r) => [r.headers.authorization, r.body.toString()])).toEqual([
      ['Bearer old', 'hello'],
      ['Bearer new', 'hello'],
    ]);
  });
});
