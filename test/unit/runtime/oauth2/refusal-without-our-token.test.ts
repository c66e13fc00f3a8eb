/**
 * A 401 on a request that carried none of a strategy's tokens (another scheme's, or one applied
 * before the strategy had any) is no refusal of its token: it answers false without loading the
 * renewal code (renewal-steps.ts).
 */
import { describe, expect, it, vi } from 'vitest';

const loads = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../../../src/runtime/oauth2/lazy-modules.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/runtime/oauth2/lazy-modules.js')>();
  return {
    ...actual,
    loadRenewalSteps: () => {
      loads.count += 1;
      return actual.loadRenewalSteps();
    },
  };
});

const { OAuth2Auth } = await import('../../../../src/runtime/oauth2/oauth2-auth.js');

describe('a 401 on a request without this strategy\'s token', () => {
  it('is not renewed, and the renewal code is not loaded', async () => {
    const source = { request: vi.fn(), refresh: vi.fn() };
    const auth = new OAuth2Auth('oauth', { flow: 'clientCredentials', clientId: 'app', store: undefined, onTokens: undefined, now: () => 0, source, scopes: undefined });
    const request = { url: 'https://api.example/pets', method: 'GET', headers: new Headers() };
    await expect(auth.onUnauthorized(request as never, new Response(null, { status: 401 }), { scopes: [] } as never)).resolves.toBe(false);
    expect(loads.count).toBe(0);
    expect(source.request).not.toHaveBeenCalled();
  });
});
