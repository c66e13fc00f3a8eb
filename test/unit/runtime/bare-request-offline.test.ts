/**
 * bare-request.ts (the request a challenge-response scheme probes with) is loaded with import()
 * when a strategy first probes. When it cannot be loaded (a browser gone offline), the probe — and
 * so the call — rejects with an ApiConnectionError and nothing is sent; a strategy that never
 * probes never needs it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthStrategy } from '../../../src/runtime/auth-strategy.js';
import { testCore } from '../../support/test-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { ApiConnectionError } from '../../../src/runtime/transport-errors.js';
import { json, startRawServer, type RawServer } from './oauth2/support/raw-server.js';

vi.mock('../../../src/runtime/bare-request.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const op: OperationSpec = { id: 'getThing', method: 'GET', path: '/thing', params: [], security: [[['challenge', []]]] };

let api: RawServer;
beforeAll(async () => {
  api = await startRawServer();
  api.on('/thing', (_request, response) => json(response, 200, { fine: true }));
});
afterAll(() => api.close());

function strategy(probes: boolean): AuthStrategy {
  return {
    scheme: 'challenge',
    async apply(request, context) {
      if (probes) await context.probe!();
      request.headers.set('authorization', 'Challenge answered');
    },
  };
}

describe('a probe whose module cannot be loaded', () => {
  it('the call rejects with an ApiConnectionError, nothing sent', async () => {
    const core = testCore({ baseUrl: api.origin, auth: new Map([['challenge', strategy(true)]]), retry: false });
    const error = await core.request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ operation: 'getThing', method: 'GET', url: `${api.origin}/thing` });
    expect(api.to('/thing')).toHaveLength(0);
  });

  it('a strategy that never probes never needs it', async () => {
    const core = testCore({ baseUrl: api.origin, auth: new Map([['challenge', strategy(false)]]) });
    await expect(core.request(op, undefined)).resolves.toEqual({ fine: true });
    expect(api.to('/thing').at(-1)?.headers.authorization).toBe('Challenge answered');
  });
});
