/**
 * The static import graph of the runtime's own modules (src/runtime), read from their source: what
 * a bundler puts in an app's initial download when the app imports a module. Value imports and
 * re-exports only: `import type` is erased and never loads a module; `import()` is not followed.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export const RUNTIME = join(import.meta.dirname, '../../src/runtime');

const STATIC_IMPORT = /^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.{1,2}\/[^']+)\.js'/gm;

/** The runtime modules `file` (a path under src/runtime, e.g. `oauth2/grants.ts`) imports statically. */
export function staticImports(file: string): string[] {
  const source = readFileSync(join(RUNTIME, file), 'utf8');
  return [...source.matchAll(STATIC_IMPORT)].map(([, specifier]) => posix.join(posix.dirname(file), `${specifier!}.ts`));
}

/** Every runtime module `entry` reaches through static imports, itself included. */
export function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...staticImports(file));
  }
  return seen;
}
