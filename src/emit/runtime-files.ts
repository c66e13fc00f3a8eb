import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { GENERATED_HEADER } from './header.js';
import { PACKAGE_ROOT } from './package-root.js';

const RUNTIME_DIR = join(PACKAGE_ROOT, 'src', 'runtime');

/**
 * The runtime's source files, as they go into `<out>/runtime/`: the same TypeScript that keyway's
 * own tests exercise, with the generated-file header on top. Sorted by name for stable output.
 */
export async function runtimeFiles(): Promise<Map<string, string>> {
  // Recursive: strategies with several modules live in subfolders (digest/, oauth1/, ...).
  const names = (await readdir(RUNTIME_DIR, { recursive: true }))
    .map((name) => name.split(sep).join('/'))
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .sort();
  const files = new Map<string, string>();
  for (const name of names) {
    const source = await readFile(join(RUNTIME_DIR, name), 'utf8');
    files.set(`runtime/${name}`, `${GENERATED_HEADER}\n${source}`);
  }
  return files;
}
