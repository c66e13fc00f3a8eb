/**
 * What the public corpus does not bring: `$ref`s across files (and within the referenced file),
 * and an enum of thousands of values, hostile ones included. Both generate, compile under strict
 * with NodeNext and Bundler, and keep what they say.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { countingScans } from '../support/scan-counting.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { resolveTsc } from '../support/tsc.js';
// @ts-expect-error -- a plain .mjs module shared with the human-facing corpus script
import { typecheckAll } from '../../scripts/corpus.mjs';

const MULTI_FILE = join(import.meta.dirname, '../../fixtures/load/multi-file/openapi.yaml');
const ENUM_SIZE = 20_000;
/** Every value distinct; every 100th one hostile. */
const enumValues = Array.from({ length: ENUM_SIZE }, (_, i) => (i % 100 === 0 ? `*/ \`\${${i}}\` "'\\\n\u2028 ${i}` : `value-${i}`));

interface Row {
  name: string;
  dir: string;
  operations: number;
  diagnostics: Record<string, string>;
}

let root: string;
const rows: Row[] = [];
/** Elements and characters scanned generating the enum API with half and with all the values. */
const scans = { half: 0, full: 0 };

function enumDocument(values: readonly string[]): string {
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Huge enum', version: '1' },
    paths: { '/codes': { get: { operationId: 'listCodes', parameters: [{ name: 'code', in: 'query', schema: { $ref: '#/components/schemas/Code' } }], responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Code' } } } } } } } } },
    components: { schemas: { Code: { type: 'string', enum: values } } },
  });
}

beforeAll(async () => {
  root = await makeTempDir('keyway-features-');
  const multi = await generate({ input: MULTI_FILE, output: join(root, 'multi') });
  rows.push({ name: 'multi-file', dir: join(root, 'multi'), operations: multi.summary.operations, diagnostics: {} });

  // The multi-file run above has read and cached what every generation needs once (runtime
  // sources, templates): the two counts below differ by what the enum's size costs, give or take
  // what the runner does meanwhile (measured: 33.35 M and 33.19 M scanned, the larger first).
  const halfInput = join(root, 'half-enum.json');
  await writeFile(halfInput, enumDocument(enumValues.slice(0, ENUM_SIZE / 2)));
  scans.half = (await countingScans(() => generate({ input: halfInput, output: join(root, 'half-enum') }))).scanned;
  const input = join(root, 'huge-enum.json');
  await writeFile(input, enumDocument(enumValues));
  const { result: huge, scanned } = await countingScans(() => generate({ input, output: join(root, 'enum') }));
  scans.full = scanned;
  rows.push({ name: 'huge-enum', dir: join(root, 'enum'), operations: huge.summary.operations, diagnostics: {} });

  await Promise.all((['NodeNext', 'Bundler'] as const).map((moduleResolution) => typecheckAll(rows, { outRoot: root, moduleResolution, tsc: resolveTsc() })));
}, 120_000);

afterAll(async () => {
  if (root) await removeTempDir(root);
});

describe('features the public corpus lacks', () => {
  it('both clients compile under strict, NodeNext and Bundler', () => {
    expect(rows.map((r) => [r.name, r.diagnostics])).toEqual(rows.map((r) => [r.name, { NodeNext: '', Bundler: '' }]));
  });

  it('multi-file $refs: a parameter and a response from another file, a schema from a third, and a ref inside it', async () => {
    const types = await readFile(join(root, 'multi', 'types.ts'), 'utf8');
    expect(types).toMatch(/export type Pet = \{\s+name: string;\s+owner\?: \{ name\?: string \};\s+\};/);
    const operations = await readFile(join(root, 'multi', 'operations.ts'), 'utf8');
    expect(operations).toContain('{ key: "limit", in: "query", serialize: writeFormQuery }');
    const methods = await readFile(join(root, 'multi', 'methods.ts'), 'utf8');
    expect(methods).toContain('listPets(args?: T.ListPetsArgs, options?: RequestOptions): ApiPromise<T.Pet[]>');
    expect(types).toContain('export type ListPetsArgs = { limit?: number };');
  });

  it(`an enum of ${ENUM_SIZE} values: every value, in order, generated with work linear in their number`, async () => {
    const types = await readFile(join(root, 'enum', 'types.ts'), 'utf8');
    const literals = types.slice(types.indexOf('export type Code = ') + 'export type Code = '.length, types.indexOf(';\n', types.indexOf('export type Code = ')));
    expect(JSON.parse(`[${literals.replaceAll(' | ', ', ')}]`)).toEqual(enumValues);
    // Counted, not timed: the second half of the values may cost what the first did, not more.
    // Linear work stays within the runner's noise here (±20 per value); a scan of the value list
    // per value would add ~15 000 per value.
    const perValue = (scans.full - scans.half) / (ENUM_SIZE / 2);
    expect(perValue).toBeLessThanOrEqual(1_000);
  });
});
