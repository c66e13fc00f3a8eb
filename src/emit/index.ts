import type { Plan } from '../plan/index.js';
import { GENERATED_HEADER } from './header.js';
import { readmeView, type ReadmeOptions } from './readme-view.js';
import { runtimeFilesFor, runtimeSources } from './runtime-files.js';
import { loadTemplates, render } from './templates.js';
import { buildViews } from './views.js';

export interface EmitOptions {
  /** Folder of template overrides (`--templates`). */
  templates?: string | undefined;
  /** How the README's samples import the client; `false` leaves the README out. */
  readme?: ReadmeOptions | false | undefined;
}

/** Renders the whole client in memory: relative path → file text, in a stable order. */
export async function emit(plan: Plan, options: EmitOptions = {}): Promise<Map<string, string>> {
  const [templates, runtime] = await Promise.all([loadTemplates(options.templates), runtimeSources()]);
  const views = buildViews(plan, runtime);
  const header = GENERATED_HEADER;
  const files = new Map<string, string>([
    ['index.ts', render(templates, 'index.ts', { header, ...views.index })],
    ['client.ts', render(templates, 'client.ts', { header, ...views.client })],
    ['operations.ts', render(templates, 'operations.ts', { header, ...views.operations })],
    ['types.ts', render(templates, 'types.ts', { header, ...views.types })],
  ]);
  if (options.readme !== false) files.set('README.md', render(templates, 'README.md', readmeView(plan, options.readme)));
  for (const [path, text] of runtimeFilesFor(runtime, views.runtimeModules)) files.set(path, text);
  return files;
}
