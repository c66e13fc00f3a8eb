/**
 * idempotency-key.ts is loaded with import() by the first call that passes `idempotencyKey`. When
 * it cannot be loaded (a browser gone offline), that call rejects with an ApiConnectionError
 * before anything is sent; a call without a key never needs it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testCore } from '../../support/test-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { ApiConnectionError } from '../../../src/runtime/transport-errors.js';
import { json, startRawServer, type RawServer } from './oauth2/support/raw-server.js';

vi.mock('../../../src/runtime/idempotency-key.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const op: OperationSpec = { id: 'makeThing', method: 'POST', path: '/thing', params: [], security: [] };

let api: RawServer;
beforeAll(async () => {
  api = await startRawServer();
  api.on('/thing', (_request, response) => json(response, 200, { made: true }));
});
afterAll(() => api.close());

describe('an idempotency key whose module cannot be loaded', () => {
  it.each([true, 'key-1'])('idempotencyKey %s: the call rejects with an ApiConnectionError, nothing sent', async (idempotencyKey) => {
    const core = testCore({ baseUrl: `${api.origin}/v1`, auth: new Map(), retry: false });
    const error = await core.request(op, undefined, { idempotencyKey }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ operation: 'makeThing', method: 'POST', url: `${api.origin}/v1` });
    expect(api.to('/thing')).toHaveLength(0);
  });

  it('a relative base URL (a browser page\'s `/v1`): the ApiConnectionError names it resolved against the page', async () => {
    vi.stubGlobal('location', { href: `${api.origin}/app/index.html` });
    try {
      const core = testCore({ baseUrl: '/v1', auth: new Map(), retry: false });
      const error = await core.request(op, undefined, { idempotencyKey: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiConnectionError);
      expect(error).toMatchObject({ operation: 'makeThing', method: 'POST', url: `${api.origin}/v1` });
      expect(api.to('/thing')).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a call without a key never needs it', async () => {
    const core = testCore({ baseUrl: api.origin, auth: new Map() });
    await expect(core.request(op, undefined, { idempotencyKey: false })).resolves.toEqual({ made: true });
    await expect(core.request(op, undefined)).resolves.toEqual({ made: true });
  });
});
