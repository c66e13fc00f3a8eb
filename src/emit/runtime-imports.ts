import type { RuntimeSources } from './runtime-files.js';

/** A runtime name a generated file uses; `type` names are imported (or re-exported) as types only. */
export interface RuntimeName {
  name: string;
  type: boolean;
}

/**
 * `import { … } from './runtime/<module>.js';` lines (or `export { … } from`) for the given names,
 * one per module in path order, names sorted, type-only names marked `type`. Also returns the
 * modules, the entry points of the runtime the output must carry.
 */
export function runtimeStatements(runtime: RuntimeSources, names: readonly RuntimeName[], keyword: 'import' | 'export'): { lines: string[]; modules: string[] } {
  const byModule = new Map<string, Map<string, boolean>>();
  for (const { name, type } of names) {
    const module = runtime.exports.get(name);
    if (module === undefined) throw new Error(`internal: the runtime exports no ${name}`);
    const inModule = byModule.get(module) ?? new Map<string, boolean>();
    inModule.set(name, (inModule.get(name) ?? true) && type); // a value use wins over a type use
    byModule.set(module, inModule);
  }
  const modules = [...byModule.keys()].sort();
  const lines = modules.map((module) => {
    const entries = [...byModule.get(module)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const allTypes = entries.every(([, type]) => type);
    const list = entries.map(([name, type]) => (type && !allTypes ? `type ${name}` : name)).join(', ');
    return `${keyword}${allTypes ? ' type' : ''} { ${list} } from './runtime/${module.replace(/\.ts$/, '.js')}';`;
  });
  return { lines, modules };
}
