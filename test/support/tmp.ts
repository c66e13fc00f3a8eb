import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh empty directory under the OS temp dir; `prefix` makes leftovers recognisable. */
export async function makeTempDir(prefix = 'keyway-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Removes a directory made by makeTempDir. Refuses anything outside the OS temp dir, so a bad path can never wipe real files. */
export async function removeTempDir(dir: string): Promise<void> {
  const root = tmpdir();
  if (!dir.startsWith(root + '/') && !dir.startsWith(root + '\\')) {
    throw new Error(`refusing to remove ${dir}: not under ${root}`);
  }
  await rm(dir, { recursive: true, force: true });
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
