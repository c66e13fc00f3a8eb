import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { GENERATED_HEADER } from './header.js';
import { PACKAGE_ROOT } from './package-root.js';
import { buildExportIndex, readExportIndex } from './runtime-export-index.js';

const RUNTIME_DIR = join(PACKAGE_ROOT, 'src', 'runtime');

/** The runtime's sources, read once per process, and which module exports which name. */
export interface RuntimeSources {
  /** Path under `runtime/` (`/`-separated) → source text. */
  files: ReadonlyMap<string, string>;
  /** Exported name → the module (path under `runtime/`) that declares it. */
  exports: ReadonlyMap<string, string>;
}

let cached: Promise<RuntimeSources> | undefined;

export function runtimeSources(): Promise<RuntimeSources> {
  cached ??= readRuntime();
  return cached;
}

/** Every runtime source file (path under `runtime/`, sorted) and its text. */
export async function readRuntimeFiles(): Promise<Map<string, string>> {
  const entries = await readdir(RUNTIME_DIR, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => posix.join(...join(e.parentPath, e.name).slice(RUNTIME_DIR.length + 1).split(/[\\/]/)))
    .sort();
  // synchronously: ~150 small files, which the promise readFile took a few thread-pool round trips
  // each to read (~20 ms one after another, ~15 together; read so, ~2)
  return new Map(names.map((name) => [name, readFileSync(join(RUNTIME_DIR, name), 'utf8')]));
}

async function readRuntime(): Promise<RuntimeSources> {
  const files = await readRuntimeFiles();
  const index = await buildExportIndex(files, await readExportIndex());
  const exports = new Map<string, string>();
  // files are in path order: a name two modules export belongs to the first
  for (const [name, { exports: names }] of Object.entries(index)) for (const exported of names) if (!exports.has(exported)) exports.set(exported, name);
  return { files, exports };
}

// Static imports and exports, and `import('./x.js')`: a module loaded on demand ships too.
const RELATIVE_IMPORT = /(?:from\s+|import\s+|import\(\s*)'(\.{1,2}\/[^']+)\.js'/g;

/**
 * The runtime files the generated code needs, with the generated-file header on top: the modules
 * it imports and everything they import in turn, so a client carries only the strategies its
 * schemes use. Sorted by path for stable output.
 */
export function runtimeFilesFor(runtime: RuntimeSources, entries: Iterable<string>): Map<string, string> {
  const needed = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (needed.has(file)) continue;
    const source = runtime.files.get(file);
    if (source === undefined) throw new Error(`internal: no runtime module ${file}`);
    needed.add(file);
    for (const [, specifier] of source.matchAll(RELATIVE_IMPORT)) pending.push(posix.join(posix.dirname(file), `${specifier}.ts`));
  }
  const files = new Map<string, string>();
  for (const file of [...needed].sort()) files.set(`runtime/${file}`, `${GENERATED_HEADER}\n${runtime.files.get(file)}`);
  return files;
}
