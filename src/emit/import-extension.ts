/**
 * Which extension the output's relative import specifiers carry. `js` (the default) is what
 * `tsc` with NodeNext and every bundler expect of TypeScript sources; `ts` names the files as
 * they are, for runtimes that run TypeScript directly (Deno, Bun, Node's type stripping) and for
 * `allowImportingTsExtensions` / `rewriteRelativeImportExtensions` setups.
 */
export type ImportExtension = 'js' | 'ts';

export const IMPORT_EXTENSIONS: readonly ImportExtension[] = ['js', 'ts'];

/**
 * A relative specifier ending in `.js` in an import or export statement. Anchored at a line start:
 * generated statements start there, while spec text only ever appears inside doc comments
 * (` * …`) or escaped string literals, so a description mentioning `from './x.js'` is not touched.
 * `[^;'"]*` spans the lines of a multi-line import list.
 */
const STATEMENT_SPECIFIER = /^((?:import|export)\b[^;'"]*?\bfrom\s*|import\s*)'(\.{1,2}\/[^'\n]*)\.js'/gm;

/**
 * `import('./x.js')`, and `typeof import('./x.js')` in its type: the runtime loads rarely used
 * OAuth code on demand (runtime/oauth2/lazy-modules.ts). Rewritten in runtime files only, which
 * hold no spec text.
 */
const DYNAMIC_SPECIFIER = /\bimport\(\s*'(\.{1,2}\/[^'\n]*)\.js'\s*\)/g;

/** The text of one output file with its relative `.js` specifiers rewritten to `extension`; `runtime`: dynamic imports too. */
export function withImportExtension(text: string, extension: ImportExtension, runtime = false): string {
  if (extension === 'js') return text;
  const rewritten = text.replace(STATEMENT_SPECIFIER, (_match, statement: string, path: string) => `${statement}'${path}.${extension}'`);
  return runtime ? rewritten.replace(DYNAMIC_SPECIFIER, (_match, path: string) => `import('${path}.${extension}')`) : rewritten;
}

/** Every `.ts` file of a rendered client, rewritten to `extension`; other files (README.md) as they are. */
export function applyImportExtension(files: ReadonlyMap<string, string>, extension: ImportExtension): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of files) out.set(path, path.endsWith('.ts') ? withImportExtension(text, extension, path.startsWith('runtime/')) : text);
  return out;
}
