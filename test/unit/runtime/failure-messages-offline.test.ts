/**
 * failure-messages.ts (the messages of ApiError, ApiConnectionError, ApiTimeoutError) is loaded with
 * import() by a client's first failure. When it cannot be loaded (a browser gone offline), the
 * failure is still the typed error with all its fields: only the message is shorter. (AuthRequiredError too.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/runtime/api-error.js';
import { ClientCore } from '../../../src/runtime/client-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { AuthRequiredError } from '../../../src/runtime/security.js';
import { ApiConnectionError, ApiTimeoutError } from '../../../src/runtime/transport-errors.js';
import { json, startRawServer, type RawServer } from './oauth2/support/raw-server.js';

vi.mock('../../../src/runtime/failure-messages.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const op: OperationSpec = { id: 'getThing', method: 'GET', path: '/thing', params: [], security: [] };

let api: RawServer;
beforeAll(async () => {
  api = await startRawServer();
});
afterAll(() => api.close());

describe('a failure whose message module cannot be loaded', () => {
  it('a 404 is the ApiError 404 with its parsed body', async () => {
    api.reset();
    api.on('/thing', (_request, response) => json(response, 404, { missing: true }));
    const error = await new ClientCore({ baseUrl: api.origin, auth: new Map() }).request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, operation: 'getThing', body: { missing: true }, message: 'getThing failed' });
  });

  it('a network error is the ApiConnectionError, its cause fetch\'s error', async () => {
    const cause = new TypeError('fetch failed');
    const fetch = async (): Promise<Response> => Promise.reject(cause);
    const error = await new ClientCore({ baseUrl: api.origin, fetch, auth: new Map(), retry: false }).request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ operation: 'getThing', method: 'GET', url: `${api.origin}/thing`, cause });
  });

  it('an operation whose security cannot be met is the AuthRequiredError with its alternatives, nothing sent', async () => {
    api.reset();
    const secured: OperationSpec = { ...op, security: [[['api_key', []]]] };
    const error = await new ClientCore({ baseUrl: api.origin, auth: new Map() }).request(secured, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthRequiredError);
    expect(error).toMatchObject({ operation: 'getThing', alternatives: [['api_key']], message: 'getThing failed' });
    expect(api.to('/thing')).toHaveLength(0);
  });

  it('a timeout is the ApiTimeoutError with its timeoutMs', async () => {
    const fetch = (_url: string | URL | Request, init?: RequestInit): Promise<Response> =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const error = await new ClientCore({ baseUrl: api.origin, fetch, auth: new Map(), timeoutMs: 20 }).request(op, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error).toMatchObject({ operation: 'getThing', method: 'GET', url: `${api.origin}/thing`, timeoutMs: 20 });
  });
});
