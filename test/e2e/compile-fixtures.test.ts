/**
 * Every fixture, every version, and GitHub's REST API: generated, then type-checked with TypeScript 7
 * under strict with both module settings. The compiler's diagnostics are the assertion.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';

const ROOT = join(import.meta.dirname, '../..');
const SPECS: Array<{ spec: string; operations: number }> = [
  { spec: 'fixtures/load/petstore-2.0.json', operations: 4 },
  { spec: 'fixtures/load/petstore-3.0.yaml', operations: 2 },
  { spec: 'fixtures/load/petstore-3.1.yaml', operations: 1 },
  { spec: 'fixtures/load/museum-3.2.yaml', operations: 2 },
  { spec: 'fixtures/load/multi-file/openapi.yaml', operations: 1 },
  { spec: 'fixtures/load/circular/openapi.yaml', operations: 1 },
  { spec: 'node_modules/@octokit/openapi/generated/api.github.com.json', operations: 1223 },
];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-compile-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe.each(SPECS)('$spec', ({ spec, operations }) => {
  const out = () => join(dir, spec.replace(/\W+/g, '_'));

  it('generates', async () => {
    const result = await generate({ input: join(ROOT, spec), output: out() });
    expect(result.summary.operations).toBe(operations);
  }, 30_000);

  it.each(['NodeNext', 'Bundler'] as const)('compiles under strict, %s', async (moduleResolution) => {
    const result = await typecheck(out(), { moduleResolution });
    expect(result.diagnostics).toBe('');
    expect(result.exitCode).toBe(0);
  }, 60_000);
});
