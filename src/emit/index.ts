import type { Plan } from '../plan/index.js';
import { OUTPUTS } from './outputs.js';
import { runtimeFilesFor, runtimeSources } from './runtime-files.js';
import { runtimeModuleOf } from './runtime-imports.js';
import { loadTemplates, render } from './templates.js';
import type { ReadmeOptions } from './views/readme-view.js';

export interface EmitOptions {
  /** Folder of template overrides (`--templates`). */
  templates?: string | undefined;
  /** How the README's samples import the client; `false` leaves the README out. */
  readme?: ReadmeOptions | false | undefined;
}

/** Renders the whole client in memory: relative path → file text, in a stable order. */
export async function emit(plan: Plan, options: EmitOptions = {}): Promise<Map<string, string>> {
  const [templates, runtime] = await Promise.all([loadTemplates(options.templates), runtimeSources()]);
  const context = { runtime, readme: options.readme };
  const files = new Map<string, string>();
  for (const output of OUTPUTS) {
    const view = output.view(plan, context);
    if (view !== undefined) files.set(output.file, render(templates, output, view));
  }
  for (const [path, text] of runtimeFilesFor(runtime, runtimeEntries(plan, runtime))) files.set(path, text);
  return files;
}

/** The runtime modules the generated files import or re-export: the roots of the runtime the output carries. */
function runtimeEntries(plan: Plan, runtime: Parameters<typeof runtimeModuleOf>[0]): string[] {
  const names = Object.values(plan.modules).flatMap((module) => [...module.runtimeImports, ...module.runtimeExports]);
  return [...new Set(names.map(({ name }) => runtimeModuleOf(runtime, name)))];
}
