import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze/index.js';
import { emit } from '../../../src/emit/index.js';
import { verifyOutput } from '../../../src/emit/verify.js';
import { KeywayError } from '../../../src/errors.js';
import { loadDocument } from '../../../src/load/index.js';
import { plan } from '../../../src/plan/index.js';
import { withTempDir } from '../../support/tmp.js';

const EXAMPLE = join(import.meta.dirname, '../../../fixtures/examples/petstore-auth.yaml');

describe('verifyOutput (ts-morph, in memory)', () => {
  it('accepts the example client under the strictest consumer settings', async () => {
    const files = await emit(plan(analyze(await loadDocument(EXAMPLE))));
    await expect(verifyOutput(files)).resolves.toBeUndefined();
  }, 60_000);

  it('accepts the client of a document without operations (no function or method, so nothing imported for them)', async () => {
    await withTempDir(async (dir) => {
      const spec = join(dir, 'empty.yaml');
      await writeFile(spec, "openapi: 3.0.3\ninfo: { title: Empty, version: '1' }\npaths: {}\n");
      const files = await emit(plan(analyze(await loadDocument(spec))));
      expect(files.get('functions.ts')).toContain('export {};');
      expect(files.get('methods.ts')).not.toContain('import');
      await expect(verifyOutput(files)).resolves.toBeUndefined();
    }, 'keyway-verify-empty-');
  }, 60_000);

  it('refuses a client with a type error, naming file, line and code', async () => {
    const files = new Map([['index.ts', 'export const n: number = "not a number";\n']]);
    const error = await verifyOutput(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeywayError);
    expect((error as KeywayError).code).toBe('E_VERIFY');
    expect((error as KeywayError).details[0]).toMatch(/^index\.ts:1: TS2322 /);
  }, 60_000);

  it('checks functions.ts and methods.ts fully, though they ship with @ts-nocheck', async () => {
    const files = await emit(plan(analyze(await loadDocument(EXAMPLE))));
    const methods = files.get('methods.ts')!;
    expect(methods.split('\n')[1]).toMatch(/^\/\/ @ts-nocheck: /);
    // A method whose result names a type types.ts does not declare (as a bad template override would).
    const broken = new Map(files).set('methods.ts', methods.replace('ApiPromise<T.Pet>;', 'ApiPromise<T.NoSuchType>;'));
    expect(broken.get('methods.ts')).not.toBe(methods);
    const error = await verifyOutput(broken).catch((e: unknown) => e);
    expect((error as KeywayError).code).toBe('E_VERIFY');
    expect((error as KeywayError).details[0]).toMatch(/^methods\.ts:\d+: TS2694 /);
    const functions = files.get('functions.ts')!;
    const brokenFunctions = new Map(files).set('functions.ts', functions.replace('<T.GetPetArgs, T.Pet>', '<T.GetPetArgs, T.NoSuchType>'));
    expect(brokenFunctions.get('functions.ts')).not.toBe(functions);
    expect(((await verifyOutput(brokenFunctions).catch((e: unknown) => e)) as KeywayError).details[0]).toMatch(/^functions\.ts:\d+: TS2694 /);
  }, 60_000);
});
