import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import { scanExports } from './scan-exports.js';

/**
 * Written by `npm run build` (scripts/build-runtime-exports.mjs): per runtime module, a hash of its
 * source and the names it exports. A module whose source no longer matches its hash (edited since
 * the build, or tests run from source without one) is scanned again.
 */
export const EXPORT_INDEX_PATH = join(PACKAGE_ROOT, 'dist', 'runtime-exports.json');

export type ExportIndex = Record<string, { sha256: string; exports: string[] }>;

export function sourceHash(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** The index for the given runtime sources (path under runtime/ → text), from `previous` where still current. */
export async function buildExportIndex(files: ReadonlyMap<string, string>, previous: ExportIndex = {}): Promise<ExportIndex> {
  const index: ExportIndex = {};
  for (const [path, source] of files) {
    const sha256 = sourceHash(source);
    const known = previous[path];
    index[path] = known?.sha256 === sha256 ? known : { sha256, exports: await scanExports(source, path) };
  }
  return index;
}

/** The index the build wrote, or an empty one. */
export async function readExportIndex(): Promise<ExportIndex> {
  try {
    return JSON.parse(await readFile(EXPORT_INDEX_PATH, 'utf8')) as ExportIndex;
  } catch {
    return {};
  }
}
