/**
 * follow-redirects.ts is loaded with import() when an API answers with a 3xx. When it cannot be
 * loaded (a browser gone offline), the call still rejects with a typed error: the 3xx itself, as an
 * ApiError of that status; the redirect is not followed, so no other origin sees the request.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/runtime/api-error.js';
import { BearerAuth } from '../../../src/runtime/bearer-auth.js';
import { ClientCore } from '../../../src/runtime/client-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { json, startRawServer, type RawServer } from './oauth2/support/raw-server.js';

vi.mock('../../../src/runtime/follow-redirects.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const op: OperationSpec = { id: 'getThing', method: 'GET', path: '/thing', params: [], security: [[['token', []]]] };

let api: RawServer;
let other: RawServer;
beforeAll(async () => {
  [api, other] = await Promise.all([startRawServer(), startRawServer()]);
});
afterAll(() => Promise.all([api.close(), other.close()]));

describe('a redirect whose module cannot be loaded', () => {
  it('rejects with an ApiError of the 3xx and follows nothing', async () => {
    api.on('/thing', (_request, response) => {
      response.writeHead(302, { location: `${other.origin}/landing`, 'content-type': 'application/json' }).end('{"moved":true}');
    });
    other.on('/landing', (_request, response) => json(response, 200, { ok: true }));
    const core = new ClientCore({ baseUrl: api.origin, auth: new Map([['token', new BearerAuth('token', 'tok')]]) });
    const error = await core.request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 302, operation: 'getThing', body: { moved: true } });
    expect(api.to('/thing')).toHaveLength(1);
    expect(other.to('/landing')).toHaveLength(0);
  });

  it('a 2xx answer never needs it', async () => {
    api.on('/thing', (_request, response) => json(response, 200, { fine: true }));
    const core = new ClientCore({ baseUrl: api.origin, auth: new Map([['token', new BearerAuth('token', 'tok')]]) });
    await expect(core.request(op, undefined)).resolves.toEqual({ fine: true });
  });
});
