import type { OutputModule, OutputModules } from './output-modules.js';

/**
 * The names each generated module binds at top level (declared or imported) and exports, each
 * with a phrase saying where it comes from, for messages. Two bindings of one name in one module,
 * or two exports of one name from index.ts, would not compile (or would hide one silently).
 */
export function boundNames(modules: OutputModules): Map<string, string> {
  const bound = new Map<string, string>();
  const add = (name: string, where: string) => {
    if (!bound.has(name)) bound.set(name, where);
  };
  for (const [file, module] of Object.entries(modules)) {
    for (const name of module.declares) add(name, `${file} declares it`);
    for (const { name } of module.runtimeImports) add(name, `${file} imports it from the runtime`);
    for (const name of module.siblingImports) add(name, `${file} imports it`);
    for (const { name } of module.runtimeExports) add(name, `${file} exports it from the runtime`);
    for (const name of module.siblingExports) add(name, `${file} exports it`);
  }
  return bound;
}

/** Names bound twice in one module's scope, or exported twice by one module: empty when the plan is sound. */
export function clashes(modules: OutputModules): string[] {
  const found: string[] = [];
  for (const [file, module] of Object.entries(modules)) {
    const scope = [...module.declares, ...module.runtimeImports.map((n) => n.name), ...module.siblingImports];
    const exported = [...module.runtimeExports.map((n) => n.name), ...module.siblingExports];
    for (const [what, names] of [['binds', scope], ['exports', exported]] as const) {
      const seen = new Set<string>();
      for (const name of names) {
        if (seen.has(name)) found.push(`${file} ${what} ${name} twice`);
        seen.add(name);
      }
    }
  }
  return found;
}

/** Every name a module exports. */
export function exportedNames(module: OutputModule): string[] {
  return [...module.runtimeExports.map((n) => n.name), ...module.siblingExports];
}
