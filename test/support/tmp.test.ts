import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir, withTempDir } from './tmp.js';

describe('temp dirs', () => {
  it('makes distinct empty dirs under the OS temp dir and removes them with their contents', async () => {
    const [a, b] = await Promise.all([makeTempDir(), makeTempDir()]);
    expect(a.startsWith(join(tmpdir(), 'keyway-test-'))).toBe(true);
    expect(a).not.toBe(b);
    await writeFile(join(a, 'file.txt'), 'x');
    await removeTempDir(a);
    await removeTempDir(b);
    expect(existsSync(a) || existsSync(b)).toBe(false);
  });

  // A checkout under the temp dir (as CI's clone may be) must be refused too; it is not named keyway-*.
  const fakeCheckout = join(tmpdir(), 'ci-clone');
  it.each(['/', process.cwd(), tmpdir(), tmpdir() + '-elsewhere/x', fakeCheckout, join(tmpdir(), 'keyway-x', 'nested'), join(tmpdir(), 'keyway-x', '..', 'other')])('refuses to remove %s', async (dir) => {
    await expect(removeTempDir(dir)).rejects.toThrow(/refusing to remove/);
  });

  it('withTempDir cleans up even when the body throws', async () => {
    let seen = '';
    await expect(
      withTempDir(async (dir) => {
        seen = dir;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen).not.toBe('');
    expect(existsSync(seen)).toBe(false);
  });
});
