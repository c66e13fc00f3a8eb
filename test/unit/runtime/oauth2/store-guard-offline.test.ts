/**
 * An application's token store is wrapped in GuardedTokenStore, loaded with import() when the
 * client is made. A load that fails (a browser app started offline) is not kept: the next store
 * call loads again, so the client gets its store back once the network does.
 */
import { describe, expect, it, vi } from 'vitest';

const loads = vi.hoisted(() => ({ count: 0, failNext: true }));

vi.mock('../../../../src/runtime/oauth2/lazy-modules.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/runtime/oauth2/lazy-modules.js')>();
  return {
    ...actual,
    loadGuardedTokenStore: () => {
      loads.count += 1;
      if (loads.failNext) {
        loads.failNext = false;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      }
      return actual.loadGuardedTokenStore();
    },
  };
});

const { guardStore } = await import('../../../../src/runtime/oauth2/store-guard.js');
const { createOAuthShared } = await import('../../../../src/runtime/oauth2/oauth-environment.js');

describe('a guarded token store whose module failed to load', () => {
  it('loads again with the next store call, then keeps the one guarded store', async () => {
    const saved = new Map<string, unknown>();
    const inner = { get: async (key: string) => saved.get(key) as never, set: async (key: string, value: unknown) => void saved.set(key, value), delete: async (key: string) => void saved.delete(key) };
    const store = guardStore(inner, undefined)!;
    // A call made while the load started with the client is still under way shares its outcome: it fails.
    await expect(Promise.resolve(store)).rejects.toThrow('Failed to fetch dynamically imported module');
    expect(loads.count).toBe(1);
    // That failure was not kept: the next call loads again and gets the guarded store.
    const first = await store;
    await first.set('k', { accessToken: 't', tokenType: 'Bearer' } as never);
    expect(saved.has('k')).toBe(true);
    expect(await store).toBe(first);
    expect(loads.count).toBe(2);
  });
});

describe('no token store given', () => {
  it('nothing to guard: the strategies keep their tokens in memory, and the guard is not loaded', () => {
    const before = loads.count;
    expect(guardStore(undefined, undefined)).toBeUndefined();
    expect(createOAuthShared({ baseUrl: 'https://api.example' }).store).toBeUndefined();
    expect(loads.count).toBe(before);
  });
});

describe('the token request budget', () => {
  it('is whole milliseconds a timer can hold (AbortSignal.timeout refuses a fraction, fires at once past 2^31 - 1)', () => {
    expect(createOAuthShared({ baseUrl: 'https://api.example', tokenTimeoutMs: 1500.5 }).timeoutMs).toBe(1501);
    expect(createOAuthShared({ baseUrl: 'https://api.example', tokenTimeoutMs: 3e9 }).timeoutMs).toBe(2 ** 31 - 1);
    expect(createOAuthShared({ baseUrl: 'https://api.example' }).timeoutMs).toBe(30_000);
  });
});
