import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../../src/runtime/lazy-core-modules.js';

describe('loadOnce', () => {
  it('asks the loader once however often it is called, and shares its module', async () => {
    let loads = 0;
    const module = { name: 'hooks' };
    const load = loadOnce(async () => (loads++, module));
    const loaded = await Promise.all([load(), load(), load()]);
    expect(await load()).toBe(module);
    expect(loaded).toEqual([module, module, module]);
    expect(loads).toBe(1);
  });

  it('does not keep a failed load: the next call tries again', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      if (++loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'loaded';
    });
    await expect(load()).rejects.toThrow('Failed to fetch');
    await expect(load()).resolves.toBe('loaded');
    await expect(load()).resolves.toBe('loaded');
    expect(loads).toBe(2);
  });
});
