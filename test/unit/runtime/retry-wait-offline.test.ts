/**
 * retry-wait.ts (backoff, Retry-After) is loaded with import() by a client's first retry. When it
 * cannot be loaded (a browser gone offline), the answer or failure at hand is final and still a
 * typed error: a retryable status is the ApiError of that status, a network error the
 * ApiConnectionError; nothing is sent again. A call whose first answer is final never needs it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/runtime/api-error.js';
import { ClientCore } from '../../../src/runtime/client-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { ApiConnectionError } from '../../../src/runtime/transport-errors.js';
import { json, startRawServer, type RawServer } from './oauth2/support/raw-server.js';

vi.mock('../../../src/runtime/retry-wait.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const op: OperationSpec = { id: 'getThing', method: 'GET', path: '/thing', params: [], security: [] };

let api: RawServer;
beforeAll(async () => {
  api = await startRawServer();
});
afterAll(() => api.close());

describe('a retry whose module cannot be loaded', () => {
  it('a 503 is the answer: the ApiError 503, sent once', async () => {
    api.reset();
    api.on('/thing', (_request, response) => json(response, 503, { busy: true }));
    const core = new ClientCore({ baseUrl: api.origin, auth: new Map() });
    const error = await core.request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, operation: 'getThing', body: { busy: true } });
    expect(api.to('/thing')).toHaveLength(1);
  });

  it('a network error is the ApiConnectionError, tried once', async () => {
    let sends = 0;
    const fetch = async (): Promise<Response> => {
      sends++;
      throw new TypeError('fetch failed');
    };
    const core = new ClientCore({ baseUrl: api.origin, auth: new Map(), fetch });
    const error = await core.request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ operation: 'getThing', method: 'GET', url: `${api.origin}/thing` });
    expect(sends).toBe(1);
  });

  it('a 2xx answer never needs it', async () => {
    api.reset();
    api.on('/thing', (_request, response) => json(response, 200, { fine: true }));
    const core = new ClientCore({ baseUrl: api.origin, auth: new Map() });
    await expect(core.request(op, undefined)).resolves.toEqual({ fine: true });
  });
});
