/**
 * Bad input the CLI tests (test/unit/cli.test.ts) do not cover yet: a URL nobody answers on. Like
 * every other bad input it must exit 1 with one paragraph naming the URL and the reason, leave the
 * output folder as it was, and print the stack only with --verbose.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../support/free-port.js';
import { keyway, readTree, ROOT } from '../support/run-cli.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-bad-input-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe('an unreachable URL', () => {
  it('exits 1 with one paragraph naming the URL and the reason, and leaves the output folder as it was', async () => {
    const out = join(dir, 'kept');
    expect((await keyway('generate', EXAMPLE, '-o', out)).code).toBe(0);
    const before = await readTree(out);
    // A port that was free a moment ago and that nothing listens on: the connection is refused.
    const url = `http://127.0.0.1:${await findFreePort()}/openapi.yaml`;
    const result = await keyway('generate', url, '-o', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^error \\[E_READ\\] ${url.replace(/[.]/g, '\\.')}: cannot fetch URL: .*ECONNREFUSED`));
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(await readTree(out)).toEqual(before);
    expect((await readdir(dir)).filter((name) => name.includes('.keyway-'))).toEqual([]);
  }, 30_000);

  it('prints the stack with --verbose', async () => {
    const url = `http://127.0.0.1:${await findFreePort()}/openapi.yaml`;
    const result = await keyway('generate', url, '-o', join(dir, 'verbose'), '--verbose');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[E_READ]');
    expect(result.stderr).toMatch(/^\s+at /m);
  }, 30_000);
});
