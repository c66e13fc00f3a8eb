import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
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
 * Compiles every template, each from the override folder when it has a file of that name.
 * `noEscape`: the output is TypeScript and Markdown, not HTML, and views arrive already escaped for
 * their context. `strict`: a template naming a missing field fails loudly.
 */
export async function loadTemplates(overrides?: string): Promise<CompiledTemplates> {
  const overridden = overrides === undefined ? new Set<string>() : await listOverrides(overrides);
  const env = Handlebars.create();
  const entries = await Promise.all(
    [...TEMPLATE_NAMES].map(async (template) => {
      const path = overridden.has(template) ? join(resolve(overrides!), template) : join(BUILTIN_DIR, template);
      const source = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new KeywayError('E_TEMPLATE', `cannot read template ${template}: ${error.code ?? error.message}`, { file: path });
      });
      try {
        // compile() parses lazily, on first render; parsing here reports syntax errors as such.
        return [template, { render: env.compile(env.parse(source), { noEscape: true, strict: true }), path }] as const;
      } catch (error) {
        throw new KeywayError('E_TEMPLATE', `template ${template} does not compile: ${(error as Error).message}`, { file: path });
      }
    }),
  );
  return new Map(entries);
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
