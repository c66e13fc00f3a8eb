/**
 * Type-checks many generated clients in one tsc run per module setting. Clients carry verbatim
 * copies of the runtime modules their schemes need; checking hundreds of copies would be nearly
 * all of tsc's work. So the largest client's runtime moves to `<root>/runtime/`, and in each client
 * whose runtime files are byte-identical to those there, every file becomes a one-line re-export
 * of its shared twin: the client's own files are still checked against exactly the runtime they
 * were generated with. (The corpus test compiles full copies; the runtime's own tests cover the
 * runtime.)
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { resolveTsc, type ModuleResolution } from '../../support/tsc.js';
// @ts-expect-error -- a plain .mjs module shared with the human-facing corpus script
import { typecheckAll } from '../../../scripts/corpus.mjs';

export interface BatchClient {
  dir: string;
  diagnostics: Partial<Record<ModuleResolution, string>>;
}

async function runtimeTexts(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}

/** Replaces runtime copies identical to the shared one by per-file re-exports of it. */
async function shareRuntime(root: string, dirs: readonly string[]): Promise<void> {
  if (dirs.length === 0) return;
  const runtimes = await Promise.all(dirs.map((dir) => runtimeTexts(join(dir, 'runtime'))));
  const largest = runtimes.reduce((best, files, i) => (files.size > runtimes[best]!.size ? i : best), 0);
  const shared = join(root, 'runtime');
  await rename(join(dirs[largest]!, 'runtime'), shared);
  const reference = runtimes[largest]!;
  for (const [i, dir] of dirs.entries()) {
    const own = join(dir, 'runtime');
    if (i === largest) {
      await mkdir(own);
    } else {
      const files = runtimes[i]!;
      if ([...files].some(([name, text]) => reference.get(name) !== text)) continue; // checked as it is
      await rm(own, { recursive: true, force: true });
    }
    for (const name of i === largest ? reference.keys() : runtimes[i]!.keys()) {
      const stub = join(own, name);
      await mkdir(dirname(stub), { recursive: true });
      const target = relative(dirname(stub), join(shared, name)).replace(/\.ts$/, '.js');
      await writeFile(stub, `export * from '${target.startsWith('.') ? target : `./${target}`}';\n`);
    }
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
