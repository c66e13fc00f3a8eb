/**
 * setbacks.ts (what follows an answer outside 2xx or an attempt that threw: redirects, the renewal
 * after a refusal, retries and their wait, the messages of the typed errors) is loaded with
 * import() by a client's first such attempt. When it cannot be loaded (a browser gone offline),
 * the answer or failure at hand is final and still the typed error with all its fields, its
 * message the shorter `<operation> failed`: a 3xx is not followed, a 401 not renewed, a 503 or a
 * network error not sent again. A call answered with a 2xx never needs it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/runtime/api-error.js';
import { BearerAuth } from '../../../src/runtime/bearer-auth.js';
import { testCore } from '../../support/test-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { AuthRequiredError } from '../../../src/runtime/security.js';
import { ApiConnectionError, ApiTimeoutError } from '../../../src/runtime/transport-errors.js';
import { clientCredentials, listPets, oauthClient } from './oauth2/support/oauth-client.js';
import { bearerRoute, json, startRawServer, useTokenIssuingServer, type RawServer } from './oauth2/support/raw-server.js';

vi.mock('../../../src/runtime/setbacks.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const op: OperationSpec = { id: 'getThing', method: 'GET', path: '/thing', params: [], security: [] };

let api: RawServer;
let other: RawServer;
beforeAll(async () => {
  [api, other] = await Promise.all([startRawServer(), startRawServer()]);
});
afterAll(() => Promise.all([api.close(), other.close()]));

describe('an answer outside 2xx when setbacks.ts cannot be loaded', () => {
  it('a 404 is the ApiError 404 with its parsed body, its message the short one', async () => {
    api.reset();
    api.on('/thing', (_request, response) => json(response, 404, { missing: true }));
    const error = await testCore({ baseUrl: api.origin, auth: new Map() }).request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, statusText: 'Not Found', operation: 'getThing', body: { missing: true }, message: 'getThing failed' });
    expect((error as ApiError).headers.get('content-type')).toBe('application/json');
  });

  it('a 503 is the answer: the ApiError 503, sent once', async () => {
    api.reset();
    api.on('/thing', (_request, response) => json(response, 503, { busy: true }));
    const error = await testCore({ baseUrl: api.origin, auth: new Map() }).request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, operation: 'getThing', body: { busy: true } });
    expect(api.to('/thing')).toHaveLength(1);
  });

  it('a 302 is the ApiError of the 3xx: the redirect is not followed, no other origin sees the request', async () => {
    api.reset();
    api.on('/thing', (_request, response) => {
      response.writeHead(302, { location: `${other.origin}/landing`, 'content-type': 'application/json' }).end('{"moved":true}');
    });
    other.on('/landing', (_request, response) => json(response, 200, { ok: true }));
    const core = testCore({ baseUrl: api.origin, auth: new Map([['token', new BearerAuth('token', 'tok')]]) });
    const error = await core.request({ ...op, security: [[['token', []]]] }, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 302, operation: 'getThing', body: { moved: true } });
    expect(api.to('/thing')).toHaveLength(1);
    expect(other.to('/landing')).toHaveLength(0);
  });

  it('afterResponse is shown the answer outside 2xx it ends with', async () => {
    api.reset();
    api.on('/thing', (_request, response) => json(response, 404, { missing: true }));
    const seen: number[] = [];
    const core = testCore({ baseUrl: api.origin, auth: new Map(), hooks: { afterResponse: (response) => void seen.push(response.status) } });
    await expect(core.request(op, undefined)).rejects.toMatchObject({ status: 404, body: { missing: true } });
    expect(seen).toEqual([404]);
  });

  it('a 2xx answer never needs it', async () => {
    api.reset();
    api.on('/thing', (_request, response) => json(response, 200, { fine: true }));
    await expect(testCore({ baseUrl: api.origin, auth: new Map() }).request(op, undefined)).resolves.toEqual({ fine: true });
  });
});

describe('a 401 when setbacks.ts cannot be loaded', () => {
  const tokens = useTokenIssuingServer();

  it('rejects with the ApiError 401, renewing nothing', async () => {
    tokens.server.on('/api/pets', bearerRoute(() => []));
    const { core } = oauthClient(tokens.server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } });
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(tokens.server.to('/oauth/token')).toHaveLength(1);
    expect(tokens.server.to('/api/pets')).toHaveLength(1);
  });
});

describe('an attempt that throws when setbacks.ts cannot be loaded', () => {
  it('a network error is the ApiConnectionError, its cause fetch\'s error, tried once', async () => {
    let sends = 0;
    const cause = new TypeError('fetch failed');
    const fetch = async (): Promise<Response> => {
      sends++;
      throw cause;
    };
    const error = await testCore({ baseUrl: api.origin, fetch, auth: new Map() }).request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ operation: 'getThing', method: 'GET', url: `${api.origin}/thing`, cause, message: 'getThing failed' });
    expect(sends).toBe(1);
  });

  it('a timeout is the ApiTimeoutError with its timeoutMs', async () => {
    const fetch = (_url: string | URL | Request, init?: RequestInit): Promise<Response> =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const error = await testCore({ baseUrl: api.origin, fetch, auth: new Map(), timeoutMs: 20 }).request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error).toMatchObject({ operation: 'getThing', method: 'GET', url: `${api.origin}/thing`, timeoutMs: 20, message: 'getThing failed' });
  });

  it('an operation whose security cannot be met is the AuthRequiredError with its alternatives, nothing sent', async () => {
    api.reset();
    const secured: OperationSpec = { ...op, security: [[['api_key', []]]] };
    const error = await testCore({ baseUrl: api.origin, auth: new Map() }).request(secured, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthRequiredError);
    expect(error).toMatchObject({ operation: 'getThing', alternatives: [['api_key']], message: 'getThing failed' });
    expect(api.to('/thing')).toHaveLength(0);
  });
});
