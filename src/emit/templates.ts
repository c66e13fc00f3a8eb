import { access, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type Handlebars from 'handlebars';
import { KeywayError } from '../errors.js';
import type { Output } from './outputs.js';
import { OUTPUTS } from './outputs.js';
import { PACKAGE_ROOT } from './package-root.js';

/** A compiled template and the file it was read from, so a render failure can name that file. */
export interface CompiledTemplate {
  render: Handlebars.TemplateDelegate;
  path: string;
}
/** Compiled templates, by template file name. */
export type CompiledTemplates = ReadonlyMap<string, CompiledTemplate>;

const BUILTIN_DIR = join(PACKAGE_ROOT, 'templates');
const TEMPLATE_NAMES: ReadonlySet<string> = new Set(OUTPUTS.map((o) => o.template));

/** Every template keyway renders, by file name: what a `--templates` folder may contain. */
export function templateNames(): string[] {
  return [...TEMPLATE_NAMES].sort();
}

/**
 * Every template ready to render, each from the override folder when it has a file of that name.
 * A built-in template comes precompiled from the build (scripts/build-templates.mjs) when its
 * module is there and was built from the same text; otherwise it is compiled here, with the same
 * options (precompile-template.ts).
 */
export async function loadTemplates(overrides?: string): Promise<CompiledTemplates> {
  const overridden = overrides === undefined ? new Set<string>() : await listOverrides(overrides);
  const entries = await Promise.all(
    [...TEMPLATE_NAMES].map(async (template) => {
      const builtin = !overridden.has(template);
      const path = builtin ? join(BUILTIN_DIR, template) : join(resolve(overrides!), template);
      const source = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new KeywayError('E_TEMPLATE', `cannot read template ${template}: ${error.code ?? error.message}`, { file: path });
      });
      const precompiled = builtin ? await precompiledTemplate(template, source) : undefined;
      if (precompiled) return [template, { render: precompiled, path }] as const;
      const { compileTemplate } = await import('./precompile-template.js');
      try {
        return [template, { render: compileTemplate(source), path }] as const;
      } catch (error) {
        throw new KeywayError('E_TEMPLATE', `template ${template} does not compile: ${(error as Error).message}`, { file: path });
      }
    }),
  );
  return new Map(entries);
}

/** Where `npm run build` puts a built-in template's precompiled module: next to this module in dist/. */
export function precompiledTemplateUrl(template: string, base: string | URL = import.meta.url): URL {
  return new URL(`./templates/${template}.js`, base);
}

/** The precompiled built-in template, when the build wrote one from this very text. */
async function precompiledTemplate(template: string, source: string): Promise<Handlebars.TemplateDelegate | undefined> {
  const url = precompiledTemplateUrl(template);
  if (!(await access(url).then(() => true, () => false))) return undefined;
  const module = (await import(url.href)) as { source?: unknown; spec?: unknown };
  if (module.source !== source || typeof module.spec !== 'object' || module.spec === null) return undefined;
  return (await handlebarsRuntime()).template(module.spec as Parameters<typeof Handlebars.template>[0]);
}

let runtime: Promise<typeof Handlebars> | undefined;

/** Handlebars' runtime alone (no compiler), one environment for keyway's templates. */
function handlebarsRuntime(): Promise<typeof Handlebars> {
  runtime ??= import('handlebars/runtime.js').then((module) => (module.default as unknown as typeof Handlebars).create());
  return runtime;
}

/** The template files in an override folder; anything else in it is a mistake worth stopping for. */
async function listOverrides(dir: string): Promise<Set<string>> {
  const folder = resolve(dir);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new KeywayError('E_TEMPLATE', 'the templates folder does not exist or is not a folder', { file: folder });
  const names = new Set<string>();
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // .DS_Store, editor swap files
    if (!entry.isFile() || !TEMPLATE_NAMES.has(entry.name)) {
      throw new KeywayError(
        'E_TEMPLATE',
        `unknown template ${JSON.stringify(entry.name)}: a templates folder may only hold files named like keyway's own templates (${templateNames().join(', ')})`,
        { file: join(folder, entry.name) },
      );
    }
    names.add(entry.name);
  }
  return names;
}

export function render(templates: CompiledTemplates, output: Output, view: object): string {
  const template = templates.get(output.template);
  if (template === undefined) throw new Error(`internal: template ${output.template} was not loaded`);
  try {
    return template.render(view);
  } catch (error) {
    throw new KeywayError('E_TEMPLATE', `template ${output.template} failed: ${templateReason(error)}`, { file: template.path, ...templatePosition(error) }, { cause: error });
  }
}

/** Handlebars ends its message with the position (` - 3:2`) and names the context object as `[object Object]`: both say nothing a user can use here. */
function templateReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/ - \d+:\d+$/, '').replace(/ in (\[object Object\]|undefined)$/, '');
}

/** Handlebars exceptions carry a 1-based line and a 0-based column. */
function templatePosition(error: unknown): { line?: number; column?: number } {
  const { lineNumber, column } = (error ?? {}) as { lineNumber?: unknown; column?: unknown };
  if (typeof lineNumber !== 'number') return {};
  return { line: lineNumber, ...(typeof column === 'number' ? { column: column + 1 } : {}) };
}
