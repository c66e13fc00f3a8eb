/**
 * A query API key echoed in a cross-origin redirect's Location must not reach the other origin,
 * whatever percent-encoding the server chose (`%2f` for `%2F`, `%20` for `+`). Two real loopback
 * servers: the API, and the origin it redirects to, which records what it received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyAuth } from '../../../src/runtime/api-key-auth.js';
import { testCore } from '../../support/test-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { json, startRawServer, type RawServer } from './oauth2/support/raw-server.js';

const KEY = 'k/ey+1 2%z';
const op: OperationSpec = { id: 'getThing', method: 'GET', path: '/thing', params: [], security: [[['key', []]]] };

let api: RawServer;
let other: RawServer;
beforeAll(async () => {
  [api, other] = await Promise.all([startRawServer(), startRawServer()]);
});
afterAll(() => Promise.all([api.close(), other.close()]));

function lowerEscapes(query: string): string {
  return query.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

async function redirectedWith(rewrite: (query: string) => string): Promise<string> {
  api.reset();
  other.reset();
  // The API echoes its own query, re-encoded, into a Location on the other origin.
  api.on('/thing', (request, response) => {
    response.writeHead(302, { location: `${other.origin}/landing?${rewrite(request.url.split('?')[1] ?? '')}&page=2` }).end();
  });
  other.on('/landing', (_request, response) => json(response, 200, { ok: true }));
  const core = testCore({
    baseUrl: api.origin,
    auth: new Map([['key', new ApiKeyAuth('key', { in: 'query', name: 'api_key' }, KEY)]]),
  });
  const pending = core.request(op, undefined);
  await expect(pending).resolves.toEqual({ ok: true });
  expect(other.to('/landing')).toHaveLength(1);
  return other.to('/landing')[0]!.url.split('?')[1]!;
}

describe('cross-origin redirects drop an echoed query API key', () => {
  it('echoed as sent', async () => {
    expect(await redirectedWith((query) => query)).toBe('page=2');
  });

  it('echoed with lower-case percent escapes', async () => {
    const sentAs = await redirectedWith((query) => lowerEscapes(query));
    expect(sentAs).toBe('page=2');
  });

  it('echoed with %20 for + (or the other way round)', async () => {
    expect(await redirectedWith((query) => query.replace(/\+/g, '%20'))).toBe('page=2');
    expect(await redirectedWith((query) => query.replace(/%20/g, '+'))).toBe('page=2');
  });

  it('a different value under the same name is kept (not ours)', async () => {
    expect(await redirectedWith(() => 'api_key=someone-else')).toBe('api_key=someone-else&page=2');
  });
});
