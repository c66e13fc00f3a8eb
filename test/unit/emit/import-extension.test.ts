/** withImportExtension: statement specifiers rewritten, everything else (spec text in comments and strings) left alone. */
import { describe, expect, it } from 'vitest';
import { applyImportExtension, withImportExtension } from '../../../src/emit/import-extension.js';

const cases: Array<[string, { given: string; want: string }]> = [
  ['a named import', { given: "import { a } from './a.js';\n", want: "import { a } from './a.ts';\n" }],
  ['a type import from a parent folder', { given: "import type { B } from '../b/c.js';\n", want: "import type { B } from '../b/c.ts';\n" }],
  ['a re-export', { given: "export { C } from './runtime/c.js';\nexport type * from './types.js';\n", want: "export { C } from './runtime/c.ts';\nexport type * from './types.ts';\n" }],
  ['a multi-line import list', { given: "import {\n  a,\n  b,\n} from './ab.js';\n", want: "import {\n  a,\n  b,\n} from './ab.ts';\n" }],
  ['a side-effect import', { given: "import './setup.js';\n", want: "import './setup.ts';\n" }],
  ['a package import', { given: "import { Agent } from 'undici';\nimport x from 'pkg/x.js';\n", want: "import { Agent } from 'undici';\nimport x from 'pkg/x.js';\n" }],
  ['spec text in a doc comment', { given: "/**\n * import { a } from './a.js';\n */\n", want: "/**\n * import { a } from './a.js';\n */\n" }],
  ['spec text in a string literal', { given: 'const s = "x\\nimport a from \'./a.js\'";\n', want: 'const s = "x\\nimport a from \'./a.js\'";\n' }],
];

describe('withImportExtension', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(withImportExtension(given, 'ts')).toBe(want);
    expect(withImportExtension(given, 'js')).toBe(given);
  });

  it("rewrites the runtime's dynamic imports, and only in runtime files", () => {
    const lazy = "export const load = (): Promise<typeof import('./a.js')> => import('./a.js');\n";
    const files = applyImportExtension(new Map([['runtime/oauth2/lazy.ts', lazy], ['client.ts', `/** ${lazy} */\n`]]), 'ts');
    expect([...files]).toEqual([
      ['runtime/oauth2/lazy.ts', "export const load = (): Promise<typeof import('./a.ts')> => import('./a.ts');\n"],
      ['client.ts', `/** ${lazy} */\n`],
    ]);
  });

  it('leaves non-TypeScript files as they are', () => {
    const files = applyImportExtension(new Map([['index.ts', "export * from './a.js';\n"], ['README.md', "import { a } from './a.js';\n"]]), 'ts');
    expect([...files]).toEqual([['index.ts', "export * from './a.ts';\n"], ['README.md', "import { a } from './a.js';\n"]]);
  });
});
