/**
 * The client surface around auth (issue 13), through the committed example SDK
 * (examples/petstore-auth, generated code) against a real node:http server on 127.0.0.1 that the
 * test scripts answer by answer: retries and Retry-After, Idempotency-Key, timeouts, connection
 * failures, hooks, withResponse(), fetchOptions and construction checks. What counts is what the
 * server received, and when.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiConnectionError, ApiError, ApiPromise, ApiTimeoutError, PetstoreAuthClient, type ClientOptions } from '../../examples/petstore-auth/index.js';
import { findFreePort } from '../support/free-port.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request had fully arrived. */
  at: number;
}

type Answer = (res: ServerResponse) => void;

const pet = (res: ServerResponse, extra: Record<string, string> = {}) => {
  res.writeHead(200, { 'content-type': 'application/json', ...extra });
  res.end(JSON.stringify({ id: 7, name: 'Rex' }));
};
const unavailable = (retryAfter?: string) => (res: ServerResponse) => {
  res.writeHead(503, { 'content-type': 'application/json', ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) });
  res.end('{"message":"busy"}');
};
const silent: Answer = () => {}; // never answers

let server: Server;
let baseUrl: string;
let received: Received[];
let answers: Answer[];

beforeEach(async () => {
  received = [];
  answers = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() });
      (answers.shift() ?? pet)(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const REX = { name: 'Rex', kind: 'dog' } as const;
const FAST_RETRY = { backoff: { initialDelayMs: 20, maxDelayMs: 50 } };
const client = (options: ClientOptions = {}) => new PetstoreAuthClient({ baseUrl, auth: { apiKeyQuery: 'query-key-s3cret', bearer: 'bearer-t0ken' }, ...options });

describe('retries', () => {
  it('503 with Retry-After: 1, then 200: exactly two requests, at least a second apart, each authenticated', async () => {
    answers = [unavailable('1'), pet];
    await expect(client().getPet({ petId: 7 })).resolves.toEqual({ id: 7, name: 'Rex' });
    expect(received).toHaveLength(2);
    // Timers have millisecond granularity: allow 5 ms of rounding, no more.
    expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(995);
    expect(received.map((r) => r.url)).toEqual(['/pets/7?api_key=query-key-s3cret', '/pets/7?api_key=query-key-s3cret']);
  }, 20_000);

  it('gives up after maxRetries and rejects with the last ApiError', async () => {
    answers = [unavailable(), unavailable(), unavailable(), pet];
    const error = await client({ retry: FAST_RETRY }).getPet({ petId: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, operation: 'getPet', body: { message: 'busy' } });
    expect(received).toHaveLength(3); // the first attempt and 2 retries
  });

  it('a status outside retry.statuses, or retry: false, is not retried', async () => {
    answers = [unavailable(), pet];
    await expect(client({ retry: { statuses: [429] } }).getPet({ petId: 7 })).rejects.toMatchObject({ status: 503 });
    answers = [unavailable(), pet];
    await expect(client().getPet({ petId: 7 }, { retry: false })).rejects.toMatchObject({ status: 503 });
    expect(received).toHaveLength(2);
  });

  it('a POST without idempotencyKey is sent once on 503', async () => {
    answers = [unavailable(), pet];
    await expect(client({ retry: FAST_RETRY }).createPet({ body: REX })).rejects.toMatchObject({ status: 503, operation: 'createPet' });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('a POST with idempotencyKey: true is retried with the same generated key, re-authenticated', async () => {
    answers = [unavailable(), unavailable(), pet];
    await expect(client({ retry: FAST_RETRY }).createPet({ body: REX }, { idempotencyKey: true })).resolves.toMatchObject({ name: 'Rex' });
    expect(received).toHaveLength(3);
    const keys = received.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
    expect(received.map((r) => [r.method, r.headers.authorization, r.body])).toEqual(Array.from({ length: 3 }, () => ['POST', 'Bearer bearer-t0ken', JSON.stringify(REX)]));
  });

  it('a caller-chosen idempotencyKey is sent as is; two calls with true get different keys', async () => {
    answers = [unavailable(), pet, pet, pet];
    const api = client({ retry: FAST_RETRY });
    await api.createPet({ body: REX }, { idempotencyKey: 'order-42' });
    await api.createPet({ body: REX }, { idempotencyKey: true });
    await api.createPet({ body: REX }, { idempotencyKey: true });
    const keys = received.map((r) => r.headers['idempotency-key']);
    expect(keys.slice(0, 2)).toEqual(['order-42', 'order-42']);
    expect(keys[2]).not.toBe(keys[3]);
  });
});

describe('timeouts and connection failures', () => {
  it('a server that never answers: ApiTimeoutError after timeoutMs, not retried', async () => {
    answers = [silent, silent, silent];
    const started = performance.now();
    const error = await client({ timeoutMs: 300 }).getPet({ petId: 7 }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ operation: 'getPet', method: 'GET', timeoutMs: 300, url: `${baseUrl}/pets/7` });
    expect((error as Error).message).not.toContain('s3cret');
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(10_000);
    expect(received).toHaveLength(1);
  });

  it('a per-call timeoutMs wins over the client\'s', async () => {
    answers = [silent];
    await expect(client({ timeoutMs: 60_000 }).health({ timeoutMs: 200 })).rejects.toMatchObject({ name: 'ApiTimeoutError', operation: 'health', timeoutMs: 200 });
  });

  it('the caller\'s abort stays an abort, not a timeout', async () => {
    answers = [silent];
    const controller = new AbortController();
    const call = client().getPet({ petId: 7 }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 100);
    await expect(call).rejects.toThrow('user left');
  });

  it('connection refused: ApiConnectionError naming the operation, no credential anywhere in it, retried for a GET', async () => {
    const port = await findFreePort();
    const url = `http://user:pw-s3cret@127.0.0.1:${port}`.replace('user:pw-s3cret@', '');
    const attempts: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      attempts.push(String(input));
      return fetch(input, init);
    };
    const api = new PetstoreAuthClient({ baseUrl: url, auth: { apiKeyQuery: 'query-key-s3cret' }, fetch: countingFetch, retry: FAST_RETRY });
    const error = await api.getPet({ petId: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).not.toBeInstanceOf(ApiTimeoutError);
    const failure = error as ApiConnectionError;
    expect(failure).toMatchObject({ operation: 'getPet', method: 'GET', url: `${url}/pets/7` });
    expect(failure.message).toBe(`getPet: GET ${url}/pets/7 got no response (ECONNREFUSED)`);
    expect(failure.cause).toBeInstanceOf(TypeError);
    expect(JSON.stringify({ ...failure, message: failure.message })).not.toContain('s3cret');
    expect(attempts).toHaveLength(3); // network errors retry like statuses do
    expect(attempts[0]).toContain('api_key=query-key-s3cret'); // the request did carry it
  });
});

describe('withResponse() and ApiPromise', () => {
  it('gives the parsed body and the response\'s status and headers', async () => {
    answers = [(res) => pet(res, { 'x-ratelimit-remaining': '41', etag: '"v7"' })];
    const call = client().getPet({ petId: 7 });
    expect(call).toBeInstanceOf(ApiPromise);
    const { data, response } = await call.withResponse();
    expect(data).toEqual({ id: 7, name: 'Rex' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('41');
    expect(response.headers.get('etag')).toBe('"v7"');
  });

  it('awaiting, then() and catch() behave like a Promise of the body', async () => {
    answers = [pet, unavailable()];
    await expect(client().getPet({ petId: 7 }).then((p) => p.name)).resolves.toBe('Rex');
    await expect(client({ retry: false }).getPet({ petId: 7 }).catch((e: unknown) => (e as ApiError).status)).resolves.toBe(503);
  });
});

describe('hooks', () => {
  it('run in order for every attempt; beforeRequest sees no credential and its change is sent; onError sees the rejection', async () => {
    answers = [unavailable(), unavailable(), unavailable()];
    const log: string[] = [];
    const seen: Array<[string, string | null, string | null]> = [];
    const api = client({
      retry: FAST_RETRY,
      hooks: {
        async beforeRequest(request, { operation, attempt }) {
          log.push(`before ${operation} #${attempt}`);
          seen.push([request.url, request.headers.get('authorization'), request.headers.get('idempotency-key')]);
          request.headers.set('x-trace-id', `trace-${attempt}`);
        },
        afterResponse(response, request, { attempt }) {
          log.push(`after #${attempt} ${response.status}`);
          expect(request.headers.get('authorization')).toBeNull();
        },
        onError(error) {
          log.push(`error ${(error as ApiError).status}`);
        },
      },
    });
    await expect(api.createPet({ body: REX }, { idempotencyKey: 'k-1' })).rejects.toMatchObject({ status: 503 });
    expect(log).toEqual(['before createPet #1', 'after #1 503', 'before createPet #2', 'after #2 503', 'before createPet #3', 'after #3 503', 'error 503']);
    expect(seen).toEqual(Array.from({ length: 3 }, () => [`${baseUrl}/pets`, null, 'k-1']));
    expect(received.map((r) => [r.headers['x-trace-id'], r.headers.authorization])).toEqual([
      ['trace-1', 'Bearer bearer-t0ken'],
      ['trace-2', 'Bearer bearer-t0ken'],
      ['trace-3', 'Bearer bearer-t0ken'],
    ]);
  });

  it('beforeRequest may return a new Request: its URL, headers and body are what is authenticated and sent', async () => {
    const api = client({
      hooks: {
        beforeRequest: (request) => {
          expect(new URL(request.url).searchParams.has('api_key')).toBe(false);
          return new Request(request.url.replace('/pets/7', '/pets/8'), { method: request.method, headers: { 'x-rewritten': 'yes' } });
        },
      },
    });
    await api.getPet({ petId: 7 });
    expect(received[0]!.url).toBe('/pets/8?api_key=query-key-s3cret');
    expect(received[0]!.headers['x-rewritten']).toBe('yes');
  });

  it('a throwing hook rejects the call with its error, and nothing more is sent', async () => {
    const boom = new Error('hook says no');
    const errors: unknown[] = [];
    const api = client({ hooks: { beforeRequest: () => { throw boom; }, onError: (e) => void errors.push(e) } });
    await expect(api.getPet({ petId: 7 })).rejects.toBe(boom);
    expect(received).toHaveLength(0);
    expect(errors).toEqual([boom]);
    const replaced = new Error('onError replaced it');
    answers = [unavailable()];
    const rethrowing = client({ retry: false, hooks: { onError: () => { throw replaced; } } });
    await expect(rethrowing.getPet({ petId: 7 })).rejects.toBe(replaced);
  });
});

describe('fetchOptions', () => {
  it('are passed to fetch, client\'s then call\'s, never overriding method, headers, body or signal', async () => {
    const inits: RequestInit[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      inits.push(init!);
      return fetch(input, init);
    };
    const api = client({ fetch: recordingFetch, fetchOptions: { cache: 'no-store', keepalive: true, method: 'DELETE', body: 'x' } as ClientOptions['fetchOptions'] });
    await api.createPet({ body: REX }, { fetchOptions: { keepalive: false, next: { revalidate: 5 } } });
    expect(inits[0]).toMatchObject({ cache: 'no-store', keepalive: false, next: { revalidate: 5 }, method: 'POST', body: JSON.stringify(REX) });
    expect(received[0]!.method).toBe('POST');
  });
});

describe('construction checks', () => {
  it('an auth key that names no scheme throws, naming it and listing the valid ones, never the value', () => {
    const make = () => new PetstoreAuthClient({ baseUrl, auth: { apiKeyHeadr: 'hunter2' } as ClientOptions['auth'] });
    expect(make).toThrow('auth has no security scheme "apiKeyHeadr"; its schemes are "apiKeyHeader", "apiKeyQuery", "apiKeyCookie", "basic", "bearer", "oauth"');
    expect(make).not.toThrow(/hunter2/);
  });

  it('a credential of the wrong shape throws, naming the scheme, never the value', () => {
    const make = () => new PetstoreAuthClient({ baseUrl, auth: { basic: 'hunter2' } as unknown as ClientOptions['auth'] });
    expect(make).toThrow(/security scheme "basic" needs \{ username, password \}/);
    expect(make).not.toThrow(/hunter2/);
  });

  it('an invalid baseUrl, timeoutMs or retry option throws at construction', () => {
    expect(() => new PetstoreAuthClient({ baseUrl: 'petstore?key=hunter2' })).toThrow(/^baseUrl must be a valid absolute URL$/);
    expect(() => new PetstoreAuthClient({ baseUrl: 'petstore?key=hunter2' })).not.toThrow(/hunter2/);
    expect(() => client({ timeoutMs: -1 })).toThrow('timeoutMs must be a number > 0');
    expect(() => client({ retry: { maxRetries: 1.5 } })).toThrow('retry.maxRetries must be a whole number ≥ 0');
    expect(() => client({ hooks: { beforeRequst: () => {} } as ClientOptions['hooks'] })).toThrow('hooks.beforeRequst must be a function, and one of beforeRequest afterResponse onError');
  });
});
