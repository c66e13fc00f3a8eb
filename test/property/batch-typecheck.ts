/**
 * Type-checks many generated clients in one tsc run per module setting. Every client carries the
 * same verbatim runtime/ (~45 files); checking hundreds of copies would be nearly all of tsc's
 * work. So the first client's runtime moves to `<root>/runtime/`, and each client whose runtime is
 * byte-identical gets a one-line `runtime/index.ts` re-exporting it: the client's own files are
 * still checked against exactly the runtime they were generated with. (The corpus test compiles
 * full copies; the runtime's own tests cover the runtime.)
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { resolveTsc, type ModuleResolution } from '../support/tsc.js';
// @ts-expect-error -- a plain .mjs module shared with the human-facing corpus script
import { typecheckAll } from '../../scripts/corpus.mjs';

export interface BatchClient {
  dir: string;
  diagnostics: Partial<Record<ModuleResolution, string>>;
}

async function folderText(dir: string): Promise<string> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return names.map((name, i) => `${name}\0${texts[i]}`).join('\0');
}

/** Replaces identical runtime copies by a re-export of one shared copy under `root`. */
async function shareRuntime(root: string, dirs: readonly string[]): Promise<void> {
  if (dirs.length === 0) return;
  const shared = join(root, 'runtime');
  await rename(join(dirs[0]!, 'runtime'), shared);
  const reference = await folderText(shared);
  for (const dir of dirs) {
    const own = join(dir, 'runtime');
    if (dir !== dirs[0] && (await folderText(own)) !== reference) continue; // checked as it is
    await rm(own, { recursive: true, force: true });
    await mkdir(own);
    await writeFile(join(own, 'index.ts'), `export * from '${relative(own, shared)}/index.js';\n`);
  }
}

/**
 * Clients must sit directly under `root`. Resolves with each client's diagnostics per module
 * setting (empty when clean) and whatever tsc reported outside every client.
 */
export async function typecheckBatch(root: string, dirs: readonly string[]): Promise<{ clients: BatchClient[]; unattributed: string }> {
  await shareRuntime(root, dirs);
  const clients: Array<BatchClient & { operations: number }> = dirs.map((dir) => ({ dir, operations: 0, diagnostics: {} }));
  const tsc = resolveTsc();
  const runs = await Promise.all(
    (['NodeNext', 'Bundler'] as const).map((moduleResolution) => typecheckAll(clients, { outRoot: root, moduleResolution, tsc }) as Promise<{ unattributed: string }>),
  );
  return { clients, unattributed: runs.map((run) => run.unattributed).filter(Boolean).join('\n') };
}
