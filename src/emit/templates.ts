import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { KeywayError } from '../errors.js';
import { PACKAGE_ROOT } from './package-root.js';

/** The templates keyway renders, by output file. */
export const TEMPLATE_FILES = {
  'index.ts': 'index.ts.hbs',
  'client.ts': 'client.ts.hbs',
  'operations.ts': 'operations.ts.hbs',
  'types.ts': 'types.ts.hbs',
} as const;

export type OutputFile = keyof typeof TEMPLATE_FILES;
export type CompiledTemplates = Record<OutputFile, Handlebars.TemplateDelegate>;

const BUILTIN_DIR = join(PACKAGE_ROOT, 'templates');

/**
 * Compiles every template. `noEscape`: the output is TypeScript, not HTML, and views arrive already
 * escaped for their context. `strict`: a template naming a missing field fails loudly.
 */
export async function loadTemplates(): Promise<CompiledTemplates> {
  const env = Handlebars.create();
  const entries = await Promise.all(
    Object.entries(TEMPLATE_FILES).map(async ([file, template]) => {
      const path = join(BUILTIN_DIR, template);
      const source = await readFile(path, 'utf8');
      try {
        return [file, env.compile(source, { noEscape: true, strict: true })] as const;
      } catch (error) {
        throw new KeywayError('E_TEMPLATE', `template ${template} does not compile: ${(error as Error).message}`, { file: path });
      }
    }),
  );
  return Object.fromEntries(entries) as CompiledTemplates;
}

export function render(templates: CompiledTemplates, file: OutputFile, view: object): string {
  try {
    return templates[file](view);
  } catch (error) {
    throw new KeywayError('E_TEMPLATE', `template ${TEMPLATE_FILES[file]} failed: ${(error as Error).message}`);
  }
}
