import { describe, expect, it } from 'vitest';
import { MemoryTokenStore } from '../../../../src/runtime/oauth2/memory-token-store.js';
import type { TokenSet } from '../../../../src/runtime/oauth2/types.js';

const first: TokenSet = { accessToken: 'a1', tokenType: 'Bearer', refreshToken: 'r1' };
const second: TokenSet = { accessToken: 'a2', tokenType: 'Bearer', refreshToken: 'r2' };

describe('MemoryTokenStore', () => {
  it('compare-before-delete: a set written since keeps, the expected one goes', async () => {
    const store = new MemoryTokenStore();
    await store.set('k', first);
    await store.set('k', second);
    await store.delete('k', first);
    expect(await store.get('k')).toBe(second);
    await store.delete('k', { ...second });
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', first);
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });

  it('leases: one owner per key at a time, released only by its owner', async () => {
    const { leases } = new MemoryTokenStore();
    expect(await leases.acquire('k', 'a', 1000)).toBe(true);
    expect(await leases.acquire('k', 'b', 1000)).toBe(false);
    expect(await leases.acquire('other', 'b', 1000)).toBe(true);
    await leases.release('k', 'b');
    expect(await leases.acquire('k', 'b', 1000)).toBe(false);
    expect(await leases.extend!('k', 'a', 1000)).toBe(true);
    expect(await leases.extend!('k', 'b', 1000)).toBe(false);
    await leases.release('k', 'a');
    expect(await leases.acquire('k', 'b', 1000)).toBe(true);
  });

  it('a lease nobody releases ends with its TTL', async () => {
    const { leases } = new MemoryTokenStore();
    expect(await leases.acquire('k', 'a', 30)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await leases.extend!('k', 'a', 30)).toBe(false);
    expect(await leases.acquire('k', 'b', 30)).toBe(true);
  });
});
