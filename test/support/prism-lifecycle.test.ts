import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPrism } from './prism.js';
import { withTempDir } from './tmp.js';

const SPEC = new URL('../../fixtures/e2e/auth-matrix.yaml', import.meta.url).pathname;

const isListening = async (url: string): Promise<boolean> => {
  try {
    await fetch(url + '/public');
    return true;
  } catch {
    return false;
  }
};

describe('startPrism', () => {
  it('runs two servers side by side on OS-chosen loopback ports, and stop() frees them', async () => {
    const [a, b] = await Promise.all([startPrism(SPEC), startPrism(SPEC, { errors: true })]);
    try {
      expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.url).not.toBe(b.url);
      expect((await fetch(a.url + '/public')).status).toBe(200);
      expect((await fetch(b.url + '/public')).status).toBe(200);
      expect(a.logs()).toContain('Prism is listening on ' + a.url);
    } finally {
      await a.stop();
      await b.stop();
    }
    expect(await isListening(a.url)).toBe(false);
    expect(await isListening(b.url)).toBe(false);
    await a.stop(); // a second stop is harmless
  }, 60_000);

  it('rejects with prism\'s own output when the spec is unusable', async () => {
    await withTempDir(async (dir) => {
      const broken = join(dir, 'broken.yaml');
      await writeFile(broken, 'openapi: 3.0.3\npaths: [not, a, map\n');
      await expect(startPrism(broken)).rejects.toThrow(/could not start prism[\s\S]*exited early/);
    });
  }, 60_000);
});
