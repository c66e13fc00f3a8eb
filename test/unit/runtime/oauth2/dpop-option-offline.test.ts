/**
 * dpop.ts is loaded with import() for the first proof. A load that fails (a browser gone offline)
 * is not kept: the next proof loads again, so one offline moment does not break DPoP for the
 * client's lifetime. (What the loaded code throws for a bad key is kept: it is the same each time.)
 */
import { describe, expect, it, vi } from 'vitest';

const loads = vi.hoisted(() => ({ count: 0, failNext: true }));

vi.mock('../../../../src/runtime/oauth2/lazy-modules.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/runtime/oauth2/lazy-modules.js')>();
  return {
    ...actual,
    loadDpop: () => {
      loads.count += 1;
      if (loads.failNext) {
        loads.failNext = false;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      }
      return Promise.resolve({ makeDpopProver: (scheme: string) => Promise.resolve({ scheme }) });
    },
  };
});

const { dpopProverFor } = await import('../../../../src/runtime/oauth2/dpop-option.js');

describe('a DPoP prover whose module failed to load', () => {
  it('loads again with the next proof, then keeps the loaded prover', async () => {
    const handle = dpopProverFor({ dpop: true }, 'oauth')!;
    await expect(handle.prover()).rejects.toMatchObject({ name: 'TokenError', scheme: 'oauth', error: 'network_error', message: 'security scheme "oauth": network_error: the code of DPoP could not be loaded' });
    await expect(handle.prover()).resolves.toEqual({ scheme: 'oauth' });
    await expect(handle.prover()).resolves.toEqual({ scheme: 'oauth' });
    expect(loads.count).toBe(2);
  });
});
