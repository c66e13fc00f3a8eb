import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const PREFIX = 'keyway-';

/** A fresh empty directory under the OS temp dir; `prefix` (always starting `keyway-`) makes leftovers recognisable. */
export async function makeTempDir(prefix = 'keyway-test-'): Promise<string> {
  if (!prefix.startsWith(PREFIX)) throw new Error(`temp dir prefixes start with ${PREFIX}: ${prefix}`);
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Removes a directory made by makeTempDir: a direct child of the OS temp dir whose name starts with
 * `keyway-`. Anything else is refused, so a bad path can never wipe real files, not even a checkout
 * that happens to live under the temp dir (CI clones there).
 */
export async function removeTempDir(dir: string): Promise<void> {
  const path = resolve(dir);
  if (dirname(path) !== resolve(tmpdir()) || !basename(path).startsWith(PREFIX)) {
    throw new Error(`refusing to remove ${dir}: not a keyway temp dir (${join(tmpdir(), `${PREFIX}*`)})`);
  }
  await rm(path, { recursive: true, force: true });
}

/** Runs `body` with a temp dir that is removed afterwards, whether `body` succeeds or throws. */
export async function withTempDir<T>(body: (dir: string) => Promise<T>, prefix?: string): Promise<T> {
  const dir = await makeTempDir(prefix);
  try {
    return await body(dir);
  } finally {
    await removeTempDir(dir);
  }
}
