import { describe, expect, it } from 'vitest';
import type { AuthStrategy } from '../../../src/runtime/auth-strategy.js';
import { type FetchLike } from '../../../src/runtime/client-core.js';
import { testCore } from '../../support/test-core.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';

const op: OperationSpec = { id: 'getThing', method: 'GET', path: '/thing', params: [], security: [[['mtls', []]]] };

describe('a strategy transport (mutual TLS) on redirects', () => {
  it('is used on the API origin and never for a hop to another origin', async () => {
    const calls: Array<[string, string]> = [];
    const tlsFetch: FetchLike = async (input) => {
      calls.push(['tls', String(input)]);
      return String(input).startsWith('https://api.test/')
        ? new Response(null, { status: 302, headers: { location: 'https://elsewhere.test/thing' } })
        : new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    const plainFetch: FetchLike = async (input) => {
      calls.push(['plain', String(input)]);
      return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
    };
    const strategy: AuthStrategy = { scheme: 'mtls', transport: tlsFetch, apply: () => {} };
    const core = testCore({ baseUrl: 'https://api.test', fetch: plainFetch, auth: new Map([['mtls', strategy]]) });
    await expect(core.request(op, undefined)).resolves.toEqual({ ok: true });
    expect(calls).toEqual([
      ['tls', 'https://api.test/thing'],
      ['plain', 'https://elsewhere.test/thing'],
    ]);
  });
});
