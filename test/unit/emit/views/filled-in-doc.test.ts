/** The method doc line naming what the client sends itself carries spec text: it must not end the comment. */
import { describe, expect, it } from 'vitest';
import { renderClient } from '../../../../src/generate.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withTempDir } from '../../../support/tmp.js';

describe('the "Sends … itself" doc line', () => {
  it('escapes a value that would close the doc comment', async () => {
    await withTempDir(async (dir) => {
      const spec = join(dir, 'hostile.yaml');
      await writeFile(
        spec,
        `openapi: 3.0.3\ninfo: { title: H, version: '1' }\npaths:\n  /x:\n    get:\n      operationId: x\n      parameters:\n        - { name: mode, in: query, required: true, schema: { type: string, enum: ['*/ globalThis.pwned = 1; /*'] } }\n      responses: { '204': { description: none } }\n`,
      );
      const { files } = await renderClient({ input: spec, readme: false });
      // Both doc comments carry it: the method's (methods.ts) and the operation function's (functions.ts).
      for (const path of ['methods.ts', 'functions.ts']) {
        const text = files.get(path)!;
        expect(text, path).toContain('Sends `mode=*\\/ globalThis.pwned = 1; /*` itself.');
        expect(text, path).not.toContain('*/ globalThis.pwned');
      }
      expect(files.get('operations.ts')).toContain('value: "*/ globalThis.pwned = 1; /*"');
    }, 'keyway-filled-doc-');
  });
});
