import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { KeywayError } from '../errors.js';
import { unifiedDiff, type UnifiedDiffOptions } from './line-diff.js';

/** One way the folder on disk differs from what keyway would write. */
export interface FileDifference {
  /** Path relative to the output folder, `/`-separated. */
  path: string;
  /** `changed`: content differs; `missing`: keyway would write it; `extra`: keyway would remove it. */
  kind: 'changed' | 'missing' | 'extra';
  /** Unified diff from the file on disk to the expected text (`changed` only). */
  diff?: string;
}

export interface CheckResult {
  upToDate: boolean;
  /** Sorted by path. */
  differences: FileDifference[];
}

/** Compares `outDir` with the files keyway would write there; reads only, never writes. */
export async function compareOutput(
  outDir: string,
  expected: ReadonlyMap<string, string>,
  diffOptions?: UnifiedDiffOptions,
): Promise<CheckResult> {
  const actual = await listFiles(outDir);
  const differences: FileDifference[] = [];
  for (const [path, text] of expected) {
    if (!actual.has(path)) {
      differences.push({ path, kind: 'missing' });
      continue;
    }
    const current = await readFile(join(outDir, path), 'utf8');
    if (current !== text) differences.push({ path, kind: 'changed', diff: unifiedDiff(path, current, text, diffOptions) });
  }
  for (const path of actual) if (!expected.has(path)) differences.push({ path, kind: 'extra' });
  differences.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return { upToDate: differences.length === 0, differences };
}

/** Every file under `dir`, relative and `/`-separated; empty when `dir` does not exist. */
async function listFiles(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new KeywayError('E_OUTPUT', `cannot read the output folder: ${error.code ?? error.message}`, { file: dir });
  });
  const files = new Set<string>();
  for (const entry of entries) {
    if (entry.isFile()) files.add(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return files;
}
