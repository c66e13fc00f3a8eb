import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/runtime/api-error.js';
import type { AuthRequest, AuthStrategy } from '../../../src/runtime/auth-strategy.js';
import { BearerAuth } from '../../../src/runtime/bearer-auth.js';
import { type FetchLike } from '../../../src/runtime/client-core.js';
import { testCore } from '../../support/test-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { AuthRequiredError } from '../../../src/runtime/security.js';
import { createAuthStrategies } from '../../support/create-auth-strategies.js';
import { writeQueryParam } from '../../../src/runtime/serialize-query.js';
import { expandPath } from '../../../src/runtime/serialize-path.js';
import { writeCookieParam, writeHeaderParam } from '../../../src/runtime/serialize-header.js';
import { encodeBinaryBody, encodeJsonBody, encodeMultipartBody } from '../../../src/runtime/encode-body.js';

interface Sent {
  url: string;
  init: RequestInit;
  headers: Headers;
  thisValue: unknown;
}

/** A fetch double that records each call and answers from a queue of responses. */
function fakeFetch(...responses: Array<() => Response>) {
  const calls: Sent[] = [];
  const fetch = vi.fn(function (this: unknown, input: string | URL | Request, init?: RequestInit) {
    calls.push({ url: String(input), init: init ?? {}, headers: new Headers(init?.headers), thisValue: this });
    const next = responses.shift() ?? (() => new Response(null, { status: 204 }));
    return Promise.resolve(next());
  });
  return { fetch: fetch as FetchLike, calls };
}

const json = (body: unknown, status = 200, statusText = 'OK') =>
  () => new Response(JSON.stringify(body), { status, statusText, headers: { 'content-type': 'application/json' } });

const getPet: OperationSpec = {
  id: 'getPet',
  method: 'GET',
  path: '/pets/{petId}', expand: expandPath,
  params: [
    { key: 'petId', name: 'petId', in: 'path' },
    { key: 'fields', name: 'fields', in: 'query', serialize: writeQueryParam, explode: false },
    { key: 'traceId', name: 'X-Trace-Id', in: 'header', serialize: writeHeaderParam },
    { key: 'pref', name: 'pref', in: 'cookie', serialize: writeCookieParam },
  ],
  security: [[['api_key', []]], [['bearer', ['pets:read']]]],
};

const schemes = {
  api_key: { type: 'apiKey', in: 'query', name: 'key' },
  bearer: { type: 'http', scheme: 'bearer' },
} as const;

describe('clientCore: a call', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('builds URL, query, headers and cookies, applies the chosen scheme only', async () => {
    const { fetch, calls } = fakeFetch(json({ id: 1 }));
    const core = testCore({
      baseUrl: 'https://api.test/v1/',
      fetch,
      headers: { 'x-client': 'core', 'x-trace-id': 'default' },
      auth: createAuthStrategies(schemes, { api_key: 'K&1', bearer: 'tok' }),
    });
    const pet = await core.request<{ id: number }>(getPet, { petId: 'a/b', fields: ['name', 'tag'], traceId: 't1', pref: 'dark' });
    expect(pet).toEqual({ id: 1 });
    expect(calls).toHaveLength(1);
    const [sent] = calls;
    expect(sent!.url).toBe('https://api.test/v1/pets/a%2Fb?fields=name,tag&key=K%261');
    expect(sent!.init.method).toBe('GET');
    expect(sent!.headers.get('x-client')).toBe('core');
    expect(sent!.headers.get('x-trace-id')).toBe('t1');
    expect(sent!.headers.get('cookie')).toBe('pref=dark');
    expect(sent!.headers.has('authorization')).toBe(false);
    expect(sent!.thisValue).toBeUndefined();
  });

  it('header precedence: config < header params < call options < auth', async () => {
    const { fetch, calls } = fakeFetch();
    const core = testCore({
      baseUrl: 'https://api.test',
      fetch,
      headers: { 'x-a': 'config', 'x-b': 'config', authorization: 'config' },
      auth: createAuthStrategies(schemes, { bearer: 'tok' }),
    });
    const op: OperationSpec = { ...getPet, params: [{ key: 'b', name: 'x-b', in: 'header', serialize: writeHeaderParam }], path: '/x', accept: 'application/json' };
    await core.request(op, { b: 'param' }, { headers: { 'x-a': 'call', authorization: 'call' } });
    const headers = calls[0]!.headers;
    expect([headers.get('x-a'), headers.get('x-b'), headers.get('authorization'), headers.get('accept')]).toEqual([
      'call',
      'param',
      'Bearer tok',
      'application/json',
    ]);
  });

  it('sends a JSON body with its media type, and lets the call override content-type', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 201 }), () => new Response(null, { status: 201 }));
    const core = testCore({ baseUrl: 'https://api.test', fetch, headers: { 'content-type': 'text/plain' }, auth: new Map() });
    const op: OperationSpec = { id: 'addPet', method: 'POST', path: '/pets', params: [], body: { key: 'body', encoding: 'json', mediaType: 'application/json', encode: encodeJsonBody }, security: [] };
    expect(await core.request(op, { body: { name: 'Rex' } })).toBeUndefined();
    await core.request(op, { body: { name: 'Rex' } }, { headers: { 'content-type': 'application/vnd.x+json' } });
    expect(calls[0]!.init.body).toBe('{"name":"Rex"}');
    expect(calls[0]!.headers.get('content-type')).toBe('application/json');
    expect(calls[1]!.headers.get('content-type')).toBe('application/vnd.x+json');
  });

  it('multipart drops any configured content-type so fetch can add the boundary', async () => {
    const { fetch, calls } = fakeFetch();
    const core = testCore({ baseUrl: 'https://api.test', fetch, headers: { 'content-type': 'application/json' }, auth: new Map() });
    const op: OperationSpec = { id: 'upload', method: 'POST', path: '/u', params: [], body: { key: 'body', encoding: 'multipart', mediaType: 'multipart/form-data', encode: encodeMultipartBody }, security: [] };
    await core.request(op, { body: { a: '1' } });
    expect(calls[0]!.headers.has('content-type')).toBe(false);
    expect(calls[0]!.init.body).toBeInstanceOf(FormData);
  });

  it('sends no body when the body argument is absent', async () => {
    const { fetch, calls } = fakeFetch();
    const core = testCore({ baseUrl: 'https://api.test', fetch, auth: new Map() });
    const op: OperationSpec = { id: 'touch', method: 'POST', path: '/t', params: [], body: { key: 'body', encoding: 'json', mediaType: 'application/json', encode: encodeJsonBody }, security: [] };
    await core.request(op, {});
    expect(calls[0]!.init.body).toBeUndefined();
    expect(calls[0]!.headers.has('content-type')).toBe(false);
  });

  it('rejects with AuthRequiredError before any request when no alternative is satisfied', async () => {
    const { fetch, calls } = fakeFetch();
    const core = testCore({ baseUrl: 'https://api.test', fetch, auth: new Map() });
    const rejection = core.request(getPet, { petId: 1 });
    await expect(rejection).rejects.toBeInstanceOf(AuthRequiredError);
    await expect(core.request(getPet, { petId: 1 })).rejects.toThrow('getPet needs credentials for one of: api_key; bearer');
    expect(calls).toHaveLength(0);
  });

  it('passes scopes and operation to the strategy', async () => {
    const seen: unknown[] = [];
    const strategy: AuthStrategy = { scheme: 'bearer', apply: (_req, context) => void seen.push(context) };
    const { fetch } = fakeFetch();
    await testCore({ baseUrl: 'https://api.test', fetch, auth: new Map([['bearer', strategy]]) }).request(getPet, { petId: 1 });
    // The signal is the attempt's own (caller's abort or timeoutMs, whichever comes first).
    expect(seen).toEqual([{ scopes: ['pets:read'], operation: 'getPet', signal: expect.any(AbortSignal), probe: expect.any(Function) }]);
  });

  it('rejects non-2xx with ApiError carrying status, headers and parsed body', async () => {
    const { fetch } = fakeFetch(json({ message: 'no pet' }, 404, 'Not Found'));
    const core = testCore({ baseUrl: 'https://api.test', fetch, auth: createAuthStrategies(schemes, { bearer: 't' }) });
    const error = await core.request(getPet, { petId: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, statusText: 'Not Found', operation: 'getPet', body: { message: 'no pet' }, message: 'getPet failed: 404 Not Found' });
    expect((error as ApiError).headers.get('content-type')).toBe('application/json');
  });

  it('passes fetch a signal that aborts with the caller\'s reason', async () => {
    const sent: AbortSignal[] = [];
    const fetch: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        sent.push(init!.signal!);
        init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason));
      });
    const controller = new AbortController();
    const call = testCore({ baseUrl: 'https://api.test', fetch, auth: new Map() }).request({ ...getPet, security: [] }, { petId: 1 }, { signal: controller.signal });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(sent[0]!.aborted).toBe(true);
  });

  it('uses globalThis.fetch, looked up at call time, called without a this', async () => {
    const core = testCore({ baseUrl: 'https://api.test', auth: new Map() });
    const { fetch, calls } = fakeFetch(json([1, 2]));
    vi.stubGlobal('fetch', fetch);
    expect(await core.request({ ...getPet, security: [] }, { petId: 1 })).toEqual([1, 2]);
    expect(calls[0]!.thisValue).toBeUndefined();
  });

  it('keeps a query already in baseUrl and path', async () => {
    const { fetch, calls } = fakeFetch();
    const core = testCore({ baseUrl: 'https://api.test/v1?tenant=t1', fetch, auth: new Map() });
    const op: OperationSpec = { id: 'find', method: 'GET', path: '/find?mode=all', params: [{ key: 'q', name: 'q', in: 'query', serialize: writeQueryParam }], security: [] };
    await core.request(op, { q: 'a b' });
    expect(calls[0]!.url).toBe('https://api.test/v1/find?tenant=t1&mode=all&q=a%20b');
  });

  it.each([
    ['not a URL', 'api.test/v1?key=hunter2', /^baseUrl must be a valid absolute URL$/],
    ['credentials in the URL', 'https://user:hunter2@api.test', /^baseUrl must not contain a user name or password$/],
    ['a number (JavaScript), which a page would resolve as a relative "123"', 123, /^baseUrl must be a valid absolute URL$/],
    ['an object (JavaScript)', { href: 'https://api.test' }, /^baseUrl must be a valid absolute URL$/],
  ])('rejects a baseUrl that is %s when constructed, without echoing secrets', (_label, baseUrl, message) => {
    const make = () => testCore({ baseUrl: baseUrl as string, auth: new Map() });
    expect(make).toThrow(message);
    expect(make).not.toThrow(/hunter2/);
  });

  it.each([
    ['hooks that are not an object', { hooks: 'onError' }, 'hooks must be an object'],
    ['hooks null (given, so checked)', { hooks: null }, 'hooks must be an object'],
    ['a misspelt hook', { hooks: { onErorr: () => {} } }, 'hooks.onErorr must be a function, and one of beforeRequest afterResponse onError'],
    ['a hook that is not a function', { hooks: { onError: 'log' } }, 'hooks.onError must be a function, and one of beforeRequest afterResponse onError'],
    ['a timeoutMs of 0', { timeoutMs: 0 }, 'timeoutMs must be a number > 0'],
  ])('rejects %s when constructed', (_label, options, message) => {
    expect(() => testCore({ baseUrl: 'https://api.test', auth: new Map(), ...(options as object) })).toThrow(new TypeError(message));
  });

  it.each([
    ['retry', { retry: { maxRetries: -1 } }, 'retry.maxRetries must be a whole number ≥ 0'],
    ['timeoutMs', { timeoutMs: 0 }, 'timeoutMs must be a number > 0'],
  ])('rejects a call whose own %s is malformed, sending nothing', async (_label, options, message) => {
    const { fetch, calls } = fakeFetch();
    await expect(testCore({ baseUrl: 'https://api.test', fetch, auth: new Map() }).request({ ...getPet, security: [] }, { petId: 1 }, options)).rejects.toThrow(new TypeError(message));
    expect(calls).toHaveLength(0);
  });

  it('uses the retry options as they were when the client was made', async () => {
    const { fetch, calls } = fakeFetch(json({}, 503, 'Busy'), json({}, 503, 'Busy'));
    const retry = { maxRetries: 0, backoff: { initialDelayMs: 1 } };
    const core = testCore({ baseUrl: 'https://api.test', fetch, auth: new Map(), retry });
    retry.maxRetries = 1;
    await expect(core.request({ ...getPet, security: [] }, { petId: 1 })).rejects.toMatchObject({ status: 503 });
    expect(calls).toHaveLength(1);
  });

  it('rejects a call when there is no fetch to send it with, sending nothing', async () => {
    vi.stubGlobal('fetch', undefined);
    try {
      await expect(testCore({ baseUrl: 'https://api.test', auth: new Map() }).request({ ...getPet, security: [] }, { petId: 1 })).rejects.toThrow(new TypeError('fetch must be given: none is global'));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('rejects a missing required query parameter', async () => {
    const { fetch, calls } = fakeFetch();
    const op: OperationSpec = { id: 'find', method: 'GET', path: '/f', params: [{ key: 'q', name: 'q', in: 'query', serialize: writeQueryParam, required: true }], security: [] };
    await expect(testCore({ baseUrl: 'https://api.test', fetch, auth: new Map() }).request(op, {})).rejects.toThrow('find: missing required query parameter "q"');
    expect(calls).toHaveLength(0);
  });

  it('shows afterResponse the final answer once: a 2xx, or where a redirect led', async () => {
    const seen: number[] = [];
    const redirect = () => new Response(null, { status: 302, headers: { location: 'https://api.test/moved' } });
    const { fetch, calls } = fakeFetch(json({}, 200), redirect, json({ id: 2 }, 200), redirect, json({}, 404, 'Not Found'));
    const core = testCore({ baseUrl: 'https://api.test', fetch, auth: new Map(), hooks: { afterResponse: (response) => void seen.push(response.status) } });
    const op = { ...getPet, security: [] };
    await core.request(op, { petId: 1 });
    await expect(core.request(op, { petId: 2 })).resolves.toEqual({ id: 2 });
    await expect(core.request(op, { petId: 3 })).rejects.toMatchObject({ status: 404 });
    expect(seen).toEqual([200, 200, 404]);
    expect(calls.map((call) => call.url)).toEqual(['https://api.test/pets/1', 'https://api.test/pets/2', 'https://api.test/moved', 'https://api.test/pets/3', 'https://api.test/moved']);
  });

  it('shows no credentials or default headers when inspected or serialized', () => {
    const core = testCore({
      baseUrl: 'https://api.test',
      headers: { 'x-secret-header': 'hdr-SECRET' },
      auth: createAuthStrategies(schemes, { api_key: 'key-SECRET', bearer: 'tok-SECRET' }),
    });
    for (const text of [inspect(core, { showHidden: true, depth: 10 }), JSON.stringify(core)]) expect(text).not.toMatch(/SECRET/);
  });
});

describe('401 handling', () => {
  /** A strategy whose token changes only when onUnauthorized renews it. */
  class RenewingAuth implements AuthStrategy {
    readonly scheme = 'bearer';
    token = 'old';
    renewals = 0;
    constructor(private readonly renews: boolean) {}
    apply(request: AuthRequest): void {
      request.headers.set('authorization', `Bearer ${this.token}`);
    }
    async onUnauthorized(request: AuthRequest, response: Response): Promise<boolean> {
      this.renewals++;
      expect(request.headers.get('authorization')).toBe(`Bearer ${this.token}`);
      expect(response.status).toBe(401);
      if (this.renews) this.token = 'new';
      return this.renews;
    }
  }
  const op: OperationSpec = { id: 'addPet', method: 'POST', path: '/pets', params: [], body: { key: 'body', encoding: 'json', mediaType: 'application/json', encode: encodeJsonBody }, security: [[['bearer', []]]] };
  const unauthorized = () => new Response('{"error":"expired"}', { status: 401, statusText: 'Unauthorized', headers: { 'content-type': 'application/json' } });

  it('retries once, rebuilt with renewed credentials and the same body', async () => {
    const strategy = new RenewingAuth(true);
    const { fetch, calls } = fakeFetch(unauthorized, json({ ok: true }, 201));
    const result = await testCore({ baseUrl: 'https://api.test', fetch, auth: new Map([['bearer', strategy]]) }).request(op, { body: { n: 1 } });
    expect(result).toEqual({ ok: true });
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer old', 'Bearer new']);
    expect(calls.map((c) => c.init.body)).toEqual(['{"n":1}', '{"n":1}']);
    expect(strategy.renewals).toBe(1);
  });

  it('a second 401 rejects with ApiError, without a third attempt', async () => {
    const strategy = new RenewingAuth(true);
    const { fetch, calls } = fakeFetch(unauthorized, unauthorized, json({}));
    const error = await testCore({ baseUrl: 'https://api.test', fetch, auth: new Map([['bearer', strategy]]) }).request(op, { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, body: { error: 'expired' } });
    expect(calls).toHaveLength(2);
    expect(strategy.renewals).toBe(1);
  });

  it('does not retry when the strategy could not renew', async () => {
    const strategy = new RenewingAuth(false);
    const { fetch, calls } = fakeFetch(unauthorized, json({}));
    await expect(testCore({ baseUrl: 'https://api.test', fetch, auth: new Map([['bearer', strategy]]) }).request(op, { body: {} })).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
  });

  it('does not retry for static strategies', async () => {
    const { fetch, calls } = fakeFetch(unauthorized, json({}));
    await expect(testCore({ baseUrl: 'https://api.test', fetch, auth: new Map([['bearer', new BearerAuth('bearer', 't')]]) }).request(op, { body: {} })).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
  });

  it('does not retry a request whose body was a one-shot stream', async () => {
    const strategy = new RenewingAuth(true);
    const { fetch, calls } = fakeFetch(unauthorized, json({}));
    const upload: OperationSpec = { ...op, body: { key: 'body', encoding: 'binary', mediaType: 'application/octet-stream', encode: encodeBinaryBody } };
    const core = testCore({ baseUrl: 'https://api.test', fetch, auth: new Map([['bearer', strategy]]) });
    await expect(core.request(upload, { body: new ReadableStream() })).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
    expect(strategy.renewals).toBe(0);
    expect((calls[0]!.init as RequestInit & { duplex?: string }).duplex).toBe('half');
  });

  it('does not consult strategies of alternatives that were not applied', async () => {
    const unused = new RenewingAuth(true);
    const used = new BearerAuth('other', 't');
    const { fetch, calls } = fakeFetch(unauthorized, json({}));
    const twoWays: OperationSpec = { ...op, security: [[['other', []]], [['bearer', []]]] };
    const core = testCore({ baseUrl: 'https://api.test', fetch, auth: new Map<string, AuthStrategy>([['bearer', unused], ['other', used]]) });
    await expect(core.request(twoWays, { body: {} })).rejects.toMatchObject({ status: 401 });
    expect(unused.renewals).toBe(0);
    expect(calls).toHaveLength(1);
  });
});
