import type { RuntimeName } from '../plan/index.js';
import type { RuntimeSources } from './runtime-files.js';

/** The runtime module (path under `runtime/`) that declares `name`. */
export function runtimeModuleOf(runtime: RuntimeSources, name: string): string {
  const module = runtime.exports.get(name);
  if (module === undefined) throw new Error(`internal: the runtime exports no ${name}`);
  return module;
}

/**
 * `import { … } from './runtime/<module>.js';` lines (or `export { … } from`) for the given names,
 * one per module in path order, names sorted, type-only names marked `type`.
 */
export function runtimeStatements(runtime: RuntimeSources, names: readonly RuntimeName[], keyword: 'import' | 'export'): string[] {
  const byModule = new Map<string, Map<string, boolean>>();
  for (const { name, type } of names) {
    const module = runtimeModuleOf(runtime, name);
    const inModule = byModule.get(module) ?? new Map<string, boolean>();
    inModule.set(name, (inModule.get(name) ?? true) && type); // a value use wins over a type use
    byModule.set(module, inModule);
  }
  return [...byModule.keys()].sort().map((module) => {
    const entries = [...byModule.get(module)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const allTypes = entries.every(([, type]) => type);
    const list = entries.map(([name, type]) => (type && !allTypes ? `type ${name}` : name)).join(', ');
    return `${keyword}${allTypes ? ' type' : ''} { ${list} } from './runtime/${module.replace(/\.ts$/, '.js')}';`;
  });
}
