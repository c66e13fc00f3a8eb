// bench/bundle/measure-bundle.mjs: what counts as the initial download and what as lazily loaded chunks.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs bench helper without types
import { measureApp } from '../../bench/bundle/measure-bundle.mjs';
import { makeTempDir, removeTempDir } from './tmp.js';

interface Chunk { bytes: number; gzip: number; modules: string[] }
interface Measured {
  single: { bytes: number; gzip: number };
  initial: { bytes: number; gzip: number; chunks: number };
  initialModules: Array<{ input: string; bytes: number }>;
  lazy: Chunk[];
  why: (input: string) => string[];
}

let dir: string;
let measured: Measured;

beforeAll(async () => {
  dir = await makeTempDir('keyway-bench-bundle-');
  await writeFile(join(dir, 'shared.ts'), "export const shared = (s: string) => s.repeat(2) + 'shared-marker';\n");
  await writeFile(join(dir, 'heavy.ts'), `import { shared } from './shared';\nexport const heavy = () => shared('${'heavy-marker-'.repeat(60)}');\n`);
  await writeFile(join(dir, 'app.ts'), "import { shared } from './shared';\nconsole.log(shared('app'));\nexport const later = () => import('./heavy').then((m) => m.heavy());\n");
  measured = (await measureApp(join(dir, 'app.ts'), join(dir, 'out'))) as Measured;
});

afterAll(async () => {
  if (dir) await removeTempDir(dir);
});

describe('measureApp', () => {
  it('counts the entry and its static chunks as the initial download, and lists import() chunks apart', () => {
    expect(measured.lazy).toHaveLength(1);
    expect(measured.lazy[0]!.modules.map((m) => m.split('/').pop())).toEqual(['heavy.ts']);
    expect(measured.initialModules.map((m) => m.input.split('/').pop()).sort()).toEqual(['app.ts', 'shared.ts']);
    // the shared module is needed by both, so it is a chunk of its own the entry imports statically
    expect(measured.initial.chunks).toBe(2);
  });

  it('says why a module is in the initial download: its chain of static imports from the entry', () => {
    const shared = measured.initialModules.find((m) => m.input.endsWith('shared.ts'))!.input;
    expect(measured.why(shared).map((p) => p.split('/').pop())).toEqual(['app.ts', 'shared.ts']);
    const heavy = measured.lazy[0]!.modules[0]!;
    expect(measured.why(heavy)).toEqual([]); // reached through import() only
  });

  it('measures the single-file build with everything in it, gzipped at level 9', () => {
    // the heavy module's 780-character literal is in the single file and its lazy chunk only
    expect(measured.single.bytes).toBeGreaterThan(780);
    expect(measured.lazy[0]!.bytes).toBeGreaterThan(780);
    expect(measured.initial.bytes).toBeLessThan(400);
    expect(measured.single.gzip).toBeLessThan(measured.single.bytes);
    expect(measured.single.gzip).toBeGreaterThan(gzipSync('x').length);
  });
});
