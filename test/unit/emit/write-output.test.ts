/**
 * writeOutput's folder: the permissions a plain mkdir would give it, and a parent keyway cannot
 * write in reported as E_OUTPUT (the user's to fix), never as an internal error.
 */
import { chmod, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GENERATED_HEADER } from '../../../src/emit/header.js';
import { writeOutput } from '../../../src/emit/write-output.js';
import { KeywayError } from '../../../src/errors.js';
import { makeTempDir, removeTempDir } from '../../support/tmp.js';

// Bounded but generous: these start processes or compile schemas, and the machine may be loaded.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const FILES = new Map([
  ['index.ts', `${GENERATED_HEADER}\nexport {};\n`],
  ['runtime/http.ts', 'export {};\n'],
]);

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-write-output-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

/** Mode bits a `mkdir` gives a folder under the current umask. */
async function mkdirMode(): Promise<number> {
  const probe = join(dir, `probe-${Math.random().toString(16).slice(2)}`);
  await mkdir(probe);
  return (await stat(probe)).mode & 0o777;
}

describe('writeOutput', () => {
  it('creates the output folder with the mode mkdir would give it, not mkdtemp 0700', async () => {
    const out = join(dir, 'fresh');
    await writeOutput(out, FILES);
    const want = await mkdirMode();
    expect(want).not.toBe(0o700); // the test's premise: a usual umask (022, 002)
    expect((await stat(out)).mode & 0o777).toBe(want);
    expect((await stat(join(out, 'runtime'))).mode & 0o777).toBe(want);
  });

  it('gives a replaced folder the same normal mode', async () => {
    const out = join(dir, 'replaced');
    await writeOutput(out, FILES);
    await writeOutput(out, FILES);
    expect((await stat(out)).mode & 0o777).toBe(await mkdirMode());
    expect((await readdir(dir)).filter((name) => name.includes('.keyway-'))).toEqual([]);
  });

  it('reports a parent it cannot write in as E_OUTPUT naming the target', async () => {
    // root writes anywhere chmod forbids; /sys refuses new entries even to root.
    const root = process.getuid?.() === 0;
    const parent = root ? '/sys' : join(dir, 'read-only');
    if (!root) {
      await mkdir(parent);
      await chmod(parent, 0o555);
    }
    const out = join(parent, 'client');
    const error = await writeOutput(out, FILES).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!root) await chmod(parent, 0o755);
    expect(error).toBeInstanceOf(KeywayError);
    expect((error as KeywayError).code).toBe('E_OUTPUT');
    expect((error as KeywayError).location.file).toBe(out);
    expect((error as KeywayError).message).toMatch(/cannot write in .*: (EACCES|EPERM|EROFS)/);
  });

  it('writes a text larger than one write piece byte for byte, surrogate pairs across every piece boundary included', async () => {
    const PIECE = 64 * 1024;
    // an astral character (two UTF-16 units) straddles each 64 Ki-unit boundary; Latin-1 and BMP text around it
    const text = `${GENERATED_HEADER}\n` + Array.from({ length: 5 }, (_, i) => `${'é'.repeat(PIECE - 1 - (i === 0 ? GENERATED_HEADER.length + 1 : 1))}😀${i % 2 ? '€' : 'x'}`).join('');
    expect(text.length).toBeGreaterThan(4 * PIECE);
    expect(text.charCodeAt(PIECE - 1)).toBeGreaterThanOrEqual(0xd800); // a high surrogate ends the first piece's span
    const out = join(dir, 'large');
    await writeOutput(out, new Map([['index.ts', text], ['empty.ts', '']]));
    expect(await readFile(join(out, 'index.ts'))).toEqual(Buffer.from(text, 'utf8'));
    expect(await readFile(join(out, 'empty.ts'), 'utf8')).toBe('');
  });
});
