// operations.ts is `// @ts-nocheck` (its literals are the largest part of a big API's type-check
// time), so tsc would not report a serializer or encoder a spec names but the module does not
// import. This checks it instead, on the fixture that names the most of them (six). functions.ts
// and methods.ts skip it too (declarations whose types are types.ts's): test/support/tsc.ts checks
// all three fully wherever the tests compile generated code.
import { describe, expect, it } from 'vitest';
import { renderClient } from '../../../../src/generate.js';

describe('operations.ts', () => {
  it('imports every runtime function its specs name; it, functions.ts and methods.ts are the modules that skip type checking, each saying why', async () => {
    const { files } = await renderClient({ input: 'fixtures/compat/every-scheme.yaml', readme: false });
    const operations = files.get('operations.ts')!;
    const imported = new Set([...operations.matchAll(/^import \{ ([^}]+) \} from '\.\/runtime\/[\w/-]+\.js';$/gm)].flatMap((match) => match[1]!.split(', ')));
    const named = new Set([...operations.matchAll(/\b(?:serialize|encode): (\w+)/g)].map((match) => match[1]!));
    expect(named.size).toBeGreaterThanOrEqual(6);
    expect([...named].filter((name) => !imported.has(name))).toEqual([]);
    const unchecked = [...files].filter(([path, text]) => path.endsWith('.ts') && text.includes('@ts-nocheck')).map(([path]) => path);
    expect(unchecked.sort()).toEqual(['functions.ts', 'methods.ts', 'operations.ts']);
    // The pragma counts only above the first statement: line 2, after the header.
    for (const path of unchecked) expect(files.get(path)!.split('\n')[1], path).toMatch(/^\/\/ @ts-nocheck: \S/);
  });
});
