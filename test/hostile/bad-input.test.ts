/**
 * Bad input the CLI tests (test/cli/cli.test.ts) do not cover yet: a URL nobody answers on. Like
 * every other bad input it must exit 1 with one paragraph naming the URL and the reason, leave the
 * output folder as it was, and print the stack only with --verbose.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../support/free-port.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/keyway.js');
const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');
const run = promisify(execFile);

async function keyway(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function tree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(root.length)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

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
    const before = await tree(out);
    // A port that was free a moment ago and that nothing listens on: the connection is refused.
    const url = `http://127.0.0.1:${await findFreePort()}/openapi.yaml`;
    const result = await keyway('generate', url, '-o', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^error \\[E_READ\\] ${url.replace(/[.]/g, '\\.')}: cannot fetch URL: .*ECONNREFUSED`));
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(await tree(out)).toEqual(before);
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
