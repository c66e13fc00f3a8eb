/**
 * functions.ts and methods.ts begin with `// @ts-nocheck`: they are declarations whose types are
 * types.ts's, so in a user's project tsc checks only what code uses of them, and GitHub's client
 * type-checks faster than openapi-typescript's types alone. That pragma would also hide a wrong
 * signature (a bad template override, a generator bug) from `--verify` and from keyway's tests;
 * both check these two modules fully, through `checkedFully`. operations.ts, data with its own
 * pragma, is checked by test/unit/emit/views/operations-imports.test.ts instead.
 */
export const DECLARATION_MODULES: ReadonlySet<string> = new Set(['functions.ts', 'methods.ts']);

/**
 * The text of a generated module as it is to be checked: a declaration module's pragma disabled
 * by replacing its words, not its line, so diagnostics keep their line numbers. `path` is the
 * module's path in the output folder (`methods.ts`, not `runtime/methods.ts`).
 */
export function checkedFully(path: string, text: string): string {
  return DECLARATION_MODULES.has(path) ? text.replace(/^\/\/ @ts-nocheck\b/m, '// checked here') : text;
}
