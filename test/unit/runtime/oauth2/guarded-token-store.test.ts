/** A failing store never fails a call: tokens stay in the process, one report per outage. */
import { describe, expect, it } from 'vitest';
import { GuardedTokenStore } from '../../../../src/runtime/oauth2/guarded-token-store.js';
import { MemoryTokenStore } from '../../../../src/runtime/oauth2/memory-token-store.js';
import { TokenStoreError } from '../../../../src/runtime/oauth2/token-store-error.js';
import type { TokenSet, TokenStore } from '../../../../src/runtime/oauth2/types.js';

const tokens: TokenSet = { accessToken: 'secret-access', tokenType: 'Bearer', refreshToken: 'secret-refresh' };

/** A MemoryTokenStore that can be switched off; while off every call throws an error quoting a secret. */
function switchableStore(): { store: TokenStore; down: (value: boolean) => void; calls: string[] } {
  const inner = new MemoryTokenStore();
  let off = false;
  const calls: string[] = [];
  const guard = async <T>(name: string, call: () => Promise<T>): Promise<T> => {
    calls.push(name);
    if (off) throw new Error('connection refused while sending SET secret-access');
    return call();
  };
  return {
    calls,
    down: (value) => void (off = value),
    store: {
      get: (key) => guard('get', () => inner.get(key)),
      set: (key, value) => guard('set', () => inner.set(key, value)),
      delete: (key, expected) => guard('delete', () => inner.delete(key, expected)),
      leases: {
        ttlMs: 1000,
        waitTimeoutMs: 1000,
        acquire: (key, owner, ttl) => guard('acquire', () => inner.leases.acquire(key, owner, ttl)),
        release: (key, owner) => guard('release', () => inner.leases.release(key, owner)),
      },
    },
  };
}

describe('GuardedTokenStore', () => {
  it('while the store is down: the last known tokens, leases granted locally, one report without secrets', async () => {
    const { store, down } = switchableStore();
    const reports: TokenStoreError[] = [];
    const guarded = new GuardedTokenStore(store, (error) => void reports.push(error));
    await guarded.set('k', tokens);
    down(true);
    expect(await guarded.get('k')).toEqual(tokens);
    await guarded.set('k', { ...tokens, accessToken: 'newer' });
    expect(await guarded.get('k')).toMatchObject({ accessToken: 'newer' });
    expect(await guarded.leases!.acquire('k', 'me', 1000)).toBe(true);
    await guarded.leases!.release('k', 'me');
    await guarded.delete('k', tokens);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toBeInstanceOf(TokenStoreError);
    expect(reports[0]!.code).toBe('store_unavailable');
    expect(reports[0]!.message).not.toContain('secret');

    down(false);
    expect(await guarded.get('k')).toEqual(tokens); // the store's own content again
    down(true);
    await guarded.get('k');
    expect(reports).toHaveLength(2); // a new outage is reported again
  });

  it('a corrupt entry reads as missing and is reported each time', async () => {
    const reports: TokenStoreError[] = [];
    const corrupt: TokenStore = {
      get: () => Promise.reject(new TokenStoreError('corrupt_entry', 'unreadable')),
      set: () => Promise.resolve(),
      delete: () => Promise.resolve(),
    };
    const guarded = new GuardedTokenStore(corrupt, (error) => void reports.push(error));
    await guarded.set('k', tokens);
    expect(await guarded.get('k')).toBeUndefined();
    expect(await guarded.get('k')).toBeUndefined();
    expect(reports.map((r) => r.code)).toEqual(['corrupt_entry', 'corrupt_entry']);
    expect(guarded.leases).toBeUndefined();
  });

  it('without a hook the console gets the warning; a throwing hook is contained', async () => {
    const { store, down } = switchableStore();
    down(true);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      await new GuardedTokenStore(store, undefined).get('k');
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([expect.stringMatching(/^keyway: the token store failed \(get: Error\)/)]);
    const throwing = new GuardedTokenStore(store, () => {
      throw new Error('hook broke');
    });
    await expect(throwing.get('k')).resolves.toBeUndefined();
  });
});
