/** runtimeFilesFor: a client carries the runtime modules it imports, statically or with import(), and nothing else. */
import { describe, expect, it } from 'vitest';
import { runtimeFilesFor, runtimeSources } from '../../../src/emit/runtime-files.js';

describe('runtimeFilesFor', () => {
  it('follows static imports, type imports and import()', () => {
    const files = new Map([
      ['a.ts', "import { b } from './b.js';\nimport type { C } from './sub/c.js';\nexport const load = () => import('./lazy.js');\n"],
      ['b.ts', 'export const b = 1;\n'],
      ['sub/c.ts', 'export type C = 1;\n'],
      ['lazy.ts', "import { b } from './b.js';\nexport const lazy = b;\n"],
      ['unused.ts', 'export const unused = 1;\n'],
    ]);
    expect([...runtimeFilesFor({ files, exports: new Map() }, ['a.ts']).keys()]).toEqual(['runtime/a.ts', 'runtime/b.ts', 'runtime/lazy.ts', 'runtime/sub/c.ts']);
  });

  it("copies the OAuth 2.0 modules the runtime loads on demand with the strategies that load them", async () => {
    const copied = [...runtimeFilesFor(await runtimeSources(), ['oauth2/oauth2-strategies.ts']).keys()];
    for (const lazy of ['client-assertion', 'authorization-code-flow', 'device-flow', 'metadata-endpoints']) expect(copied).toContain(`runtime/oauth2/${lazy}.ts`);
  });
});
