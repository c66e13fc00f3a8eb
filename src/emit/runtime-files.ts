import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { GENERATED_HEADER } from './header.js';
import { PACKAGE_ROOT } from './package-root.js';

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

async function readRuntime(): Promise<RuntimeSources> {
  const entries = await readdir(RUNTIME_DIR, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => posix.join(...join(e.parentPath, e.name).slice(RUNTIME_DIR.length + 1).split(/[\\/]/)))
    .sort();
  const files = new Map<string, string>();
  const exports = new Map<string, string>();
  for (const name of names) {
    const source = await readFile(join(RUNTIME_DIR, name), 'utf8');
    files.set(name, source);
    for (const [, exported] of source.matchAll(/^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|enum) (\w+)/gm)) {
      if (name !== 'index.ts' && !exports.has(exported!)) exports.set(exported!, name);
    }
  }
  return { files, exports };
}

const RELATIVE_IMPORT = /(?:from|import)\s+'(\.{1,2}\/[^']+)\.js'/g;

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
