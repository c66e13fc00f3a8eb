import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { KeywayError } from '../errors.js';
import { PACKAGE_ROOT } from './package-root.js';

/** The templates keyway renders, by output file. */
export const TEMPLATE_FILES = {
  'index.ts': 'index.ts.hbs',
  'client.ts': 'client.ts.hbs',
  'operations.ts': 'operations.ts.hbs',
  'types.ts': 'types.ts.hbs',
  'README.md': 'README.md.hbs',
} as const;

export type OutputFile = keyof typeof TEMPLATE_FILES;
export type CompiledTemplates = Record<OutputFile, Handlebars.TemplateDelegate>;

const BUILTIN_DIR = join(PACKAGE_ROOT, 'templates');
const TEMPLATE_NAMES: ReadonlySet<string> = new Set(Object.values(TEMPLATE_FILES));

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
    Object.entries(TEMPLATE_FILES).map(async ([file, template]) => {
      const path = overridden.has(template) ? join(resolve(overrides!), template) : join(BUILTIN_DIR, template);
      const source = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new KeywayError('E_TEMPLATE', `cannot read template ${template}: ${error.code ?? error.message}`, { file: path });
      });
      try {
        // compile() parses lazily, on first render; parsing here reports syntax errors as such.
        return [file, env.compile(env.parse(source), { noEscape: true, strict: true })] as const;
      } catch (error) {
        throw new KeywayError('E_TEMPLATE', `template ${template} does not compile: ${(error as Error).message}`, { file: path });
      }
    }),
  );
  return Object.fromEntries(entries) as CompiledTemplates;
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

export function render(templates: CompiledTemplates, file: OutputFile, view: object): string {
  try {
    return templates[file](view);
  } catch (error) {
    throw new KeywayError('E_TEMPLATE', `template ${TEMPLATE_FILES[file]} failed: ${(error as Error).message}`);
  }
}
