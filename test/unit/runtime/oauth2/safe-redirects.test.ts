import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../src/runtime/api-error.js';
import type { AuthStrategy } from '../../../../src/runtime/auth-strategy.js';
import { type FetchLike } from '../../../../src/runtime/client-core.js';
import { testCore } from '../../../support/test-core.js';
import type { OperationSpec } from '../../../../src/runtime/operation.js';
import { createAuthStrategies } from '../../../support/create-auth-strategies.js';
import { startServer, type TestServer } from '../../../support/oauth2/test-server.js';
import { writeCookieParam } from '../../../../src/runtime/serialize-header.js';
import { encodeJsonBody } from '../../../../src/runtime/encode-body.js';

let api: TestServer;
let elsewhere: TestServer;
beforeAll(async () => {
  [api, elsewhere] = await Promise.all([startServer(), startServer()]);
});
afterAll(() => Promise.all([api.close(), elsewhere.close()]));
beforeEach(() => {
  api.reset();
  elsewhere.reset();
  elsewhere.on('/landing', () => ({ json: { landed: true } }));
});

const schemes = {
  bearer: { type: 'http', scheme: 'bearer' },
  qkey: { type: 'apiKey', in: 'query', name: 'api_key' },
  hkey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
  ckey: { type: 'apiKey', in: 'cookie', name: 'session' },
} as const;
const credentials = { bearer: 'SECRET-bearer', qkey: 'SECRET-q', hkey: 'SECRET-h', ckey: 'SECRET-c' };

const getThing: OperationSpec = {
  id: 'getThing',
  method: 'GET',
  path: '/thing',
  params: [{ key: 'theme', name: 'theme', in: 'cookie', serialize: writeCookieParam }],
  security: [[['bearer', []], ['qkey', []], ['hkey', []], ['ckey', []]]],
};

const postThing: OperationSpec = { ...getThing, id: 'postThing', method: 'POST', body: { key: 'body', encoding: 'json', mediaType: 'application/json', encode: encodeJsonBody } };

function client(fetch?: FetchLike) {
  return testCore({ baseUrl: api.origin, auth: createAuthStrategies(schemes, credentials), ...(fetch === undefined ? {} : { fetch }) });
}

describe('redirects keep credentials on the API origin', () => {
  it('same origin: authentication is applied again (once) at the new URL', async () => {
    api.on('/thing', () => ({ status: 302, headers: { location: '/moved?x=1' } }));
    api.on('/moved', (request) => ({ json: { url: request.url, authorization: request.headers.authorization, key: request.headers['x-api-key'], cookie: request.headers.cookie } }));
    await expect(client().request(getThing, { theme: 'dark' })).resolves.toEqual({
      url: '/moved?x=1&api_key=SECRET-q',
      authorization: 'Bearer SECRET-bearer',
      key: 'SECRET-h',
      cookie: 'theme=dark; session=SECRET-c',
    });
  });

  it('another origin gets no Authorization, no API key (header, query, cookie) and no Cookie at all', async () => {
    // The Location even echoes the query key back: it must be removed, not forwarded.
    api.on('/thing', () => ({ status: 307, headers: { location: `${elsewhere.origin}/landing?api_key=SECRET-q&keep=1` } }));
    await expect(client().request(getThing, { theme: 'dark' })).resolves.toEqual({ landed: true });
    const [landed] = elsewhere.requests;
    expect(landed!.url).toBe('/landing?keep=1');
    expect(JSON.stringify(landed!.headers)).not.toMatch(/SECRET|theme/);
    expect(landed!.headers.authorization).toBeUndefined();
    expect(landed!.headers.cookie).toBeUndefined();
    expect(landed!.headers['x-api-key']).toBeUndefined();
  });

  it('303 turns a POST into a body-less GET; 307 re-sends method and body', async () => {
    api.on('/thing', () => ({ status: 303, headers: { location: '/result' } }));
    api.on('/result', (request) => ({ json: { method: request.method, body: request.body, type: request.headers['content-type'] ?? null } }));
    await expect(client().request(postThing, { body: { a: 1 } })).resolves.toEqual({ method: 'GET', body: '', type: null });

    api.on('/thing', () => ({ status: 307, headers: { location: '/result' } }));
    await expect(client().request(postThing, { body: { a: 1 } })).resolves.toEqual({ method: 'POST', body: '{"a":1}', type: 'application/json' });
  });

  it('stops after 5 redirects', async () => {
    api.on('/thing', () => ({ status: 302, headers: { location: '/thing' } }));
    await expect(client().request(getThing, {})).rejects.toThrow('getThing: more than 5 redirects');
    expect(api.to('/thing')).toHaveLength(6);
  });

  it('a 401 from another origin does not renew credentials meant for ours', async () => {
    elsewhere.on('/landing', () => ({ status: 401 }));
    api.on('/thing', () => ({ status: 302, headers: { location: `${elsewhere.origin}/landing` } }));
    const onUnauthorized = vi.fn(async () => true);
    const strategy: AuthStrategy = { scheme: 'bearer', apply: (request) => void request.headers.set('authorization', 'Bearer x'), onUnauthorized };
    const core = testCore({ baseUrl: api.origin, auth: new Map([['bearer', strategy]]) });
    await expect(core.request({ ...getThing, security: [[['bearer', []]]] }, {})).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(api.to('/thing')).toHaveLength(1);
  });
});

describe('browsers hide redirects from redirect: "manual"', () => {
  function opaqueRedirect(): Response {
    const response = new Response(null, { status: 200 });
    Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
    // As a browser's: an opaque-redirect filtered response has status 0, so it is not ok.
    Object.defineProperty(response, 'status', { value: 0 });
    Object.defineProperty(response, 'ok', { value: false });
    return response;
  }

  function browserLikeFetch() {
    const modes: Array<RequestRedirect | undefined> = [];
    const fetch: FetchLike = async (_input, init) => {
      modes.push(init?.redirect);
      return init?.redirect === 'manual' ? opaqueRedirect() : Response.json({ followed: true });
    };
    return { fetch, modes };
  }

  it('an idempotent request is sent again with redirect: "follow", and later ones follow from the start', async () => {
    const { fetch, modes } = browserLikeFetch();
    const core = client(fetch);
    await expect(core.request(getThing, {})).resolves.toEqual({ followed: true });
    await expect(core.request(getThing, {})).resolves.toEqual({ followed: true });
    expect(modes).toEqual(['manual', 'follow', 'follow']);
  });

  it('a POST is not repeated; the next request follows redirects', async () => {
    const { fetch, modes } = browserLikeFetch();
    const core = client(fetch);
    await expect(core.request(postThing, { body: {} })).rejects.toThrow(/hides from scripts; the POST was not repeated/);
    await expect(core.request(postThing, { body: {} })).resolves.toEqual({ followed: true });
    expect(modes).toEqual(['manual', 'follow']);
  });
});
