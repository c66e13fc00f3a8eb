/**
 * hooks.ts (the Request a hook sees) is loaded with import() by a client that has hooks. When it
 * cannot be loaded (a browser gone offline), the call rejects with an ApiConnectionError before
 * anything is sent, and a client without hooks never needs it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testCore } from '../../support/test-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { ApiConnectionError } from '../../../src/runtime/transport-errors.js';
import { json, startRawServer, type RawServer } from './oauth2/support/raw-server.js';

vi.mock('../../../src/runtime/hooks.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const op: OperationSpec = { id: 'getThing', method: 'GET', path: '/thing', params: [], security: [] };

let api: RawServer;
beforeAll(async () => {
  api = await startRawServer();
  api.on('/thing', (_request, response) => json(response, 200, { fine: true }));
});
afterAll(() => api.close());

describe('hooks whose module cannot be loaded', () => {
  it.each(['beforeRequest', 'afterResponse'] as const)('%s: the call rejects with an ApiConnectionError, nothing sent', async (hook) => {
    api.reset();
    api.on('/thing', (_request, response) => json(response, 200, { fine: true }));
    const seen: string[] = [];
    // retry: false — an ApiConnectionError is retried like any network error, which only makes the test slower.
    const core = testCore({ baseUrl: api.origin, auth: new Map(), retry: false, hooks: { [hook]: () => void seen.push(hook) } });
    const error = await core.request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ operation: 'getThing', method: 'GET', url: `${api.origin}/thing` });
    expect(seen).toEqual([]);
    expect(api.to('/thing')).toHaveLength(0);
  });

  it('a client without hooks never needs it', async () => {
    const core = testCore({ baseUrl: api.origin, auth: new Map(), hooks: { onError: () => undefined } });
    await expect(core.request(op, undefined)).resolves.toEqual({ fine: true });
  });
});
