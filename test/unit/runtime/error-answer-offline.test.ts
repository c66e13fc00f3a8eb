/**
 * error-answer.ts (the ApiError of an answer outside 2xx) is loaded with import() by a client's
 * first such answer. When it cannot be loaded (a browser gone offline), the call still rejects with
 * a typed error: an ApiConnectionError naming the request and the status the server answered, sent
 * once (not retried). A call whose answer is a 2xx never needs it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClientCore } from '../../../src/runtime/client-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { ApiConnectionError } from '../../../src/runtime/transport-errors.js';
import { json, startRawServer, type RawServer } from './oauth2/support/raw-server.js';

vi.mock('../../../src/runtime/error-answer.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const op: OperationSpec = { id: 'getThing', method: 'GET', path: '/thing', params: [], security: [] };

let api: RawServer;
beforeAll(async () => {
  api = await startRawServer();
});
afterAll(() => api.close());

describe('an error answer whose module cannot be loaded', () => {
  it('a 404 rejects with an ApiConnectionError saying what the server answered, sent once', async () => {
    api.reset();
    api.on('/thing', (_request, response) => json(response, 404, { missing: true }));
    const core = new ClientCore({ baseUrl: api.origin, auth: new Map() });
    const error = await core.request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ operation: 'getThing', method: 'GET', url: `${api.origin}/thing` });
    expect((error as Error).message).toBe(`getThing: GET ${api.origin}/thing answered 404, but the code that reads it could not be loaded`);
    expect(api.to('/thing')).toHaveLength(1);
  });

  it('a 2xx answer never needs it', async () => {
    api.reset();
    api.on('/thing', (_request, response) => json(response, 200, { fine: true }));
    const core = new ClientCore({ baseUrl: api.origin, auth: new Map() });
    await expect(core.request(op, undefined)).resolves.toEqual({ fine: true });
  });
});
