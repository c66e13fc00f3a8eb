/**
 * Committed SDKs are reviewed as diffs, so an edit to one operation must show up only in the lines
 * about that operation, across the whole output folder (README included).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareOutput } from '../../src/check/compare-output.js';
import { generate } from '../../src/generate.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-stable-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

/** The changed lines of a unified diff, file headers and context left out. */
function changedLines(diff: string): string[] {
  return diff.split('\n').filter((line) => /^[-+]/.test(line) && !/^(---|\+\+\+) /.test(line));
}

/** Generates the example before and after `edit`, and returns the differences between the two folders. */
async function differencesAfter(name: string, edit: (spec: string) => string) {
  const spec = await readFile(EXAMPLE, 'utf8');
  const edited = edit(spec);
  expect(edited).not.toBe(spec);
  const specFile = join(dir, `${name}.yaml`);
  await writeFile(specFile, edited);
  const before = join(dir, `${name}-before`);
  await generate({ input: EXAMPLE, output: before, name: 'Pets' });
  const after = await generate({ input: specFile, output: join(dir, `${name}-after`), name: 'Pets' });
  const files = new Map(after.files.map((f) => [f.path, f.contents]));
  return (await compareOutput(before, files)).differences;
}

describe('one operation edited', () => {
  it('a new summary changes only that operation’s doc line and README row', async () => {
    const differences = await differencesAfter('summary', (spec) => spec.replace('summary: Find a pet by id', 'summary: Fetch one pet'));
    expect(differences.map((d) => `${d.kind} ${d.path}`)).toEqual(['changed README.md', 'changed functions.ts', 'changed methods.ts']);
    const lines = differences.flatMap((d) => changedLines(d.diff!));
    expect(lines).toEqual([
      '-| `getPet` | `GET /pets/{petId}` | Find a pet by id | apiKeyQuery, or apiKeyCookie |',
      '+| `getPet` | `GET /pets/{petId}` | Fetch one pet | apiKeyQuery, or apiKeyCookie |',
      '- * Find a pet by id',
      '+ * Fetch one pet',
      '-   * Find a pet by id',
      '+   * Fetch one pet',
    ]);
  });

  it('a new security requirement changes only lines that are about that operation', async () => {
    const differences = await differencesAfter('security', (spec) => spec.replace('        - apiKeyQuery: []\n        - apiKeyCookie: []\n', '        - apiKeyQuery: []\n'));
    expect(differences.map((d) => `${d.kind} ${d.path}`)).toEqual(['changed README.md', 'changed functions.ts', 'changed methods.ts', 'changed operations.ts']);
    const lines = differences.flatMap((d) => changedLines(d.diff!));
    // README: the row and the cookie scheme's "accepts it" bullet; functions.ts and methods.ts: the
    // function's and the method's doc; operations.ts: the operation's security data.
    expect(lines).toEqual([
      '-- `getPet` — `GET /pets/{petId}`',
      '+- none',
      '-| `getPet` | `GET /pets/{petId}` | Find a pet by id | apiKeyQuery, or apiKeyCookie |',
      '+| `getPet` | `GET /pets/{petId}` | Find a pet by id | apiKeyQuery |',
      '- * Auth: apiKeyQuery, or apiKeyCookie.',
      '+ * Auth: apiKeyQuery.',
      '-   * Auth: apiKeyQuery, or apiKeyCookie.',
      '+   * Auth: apiKeyQuery.',
      '-  security: [[["apiKeyQuery", []]], [["apiKeyCookie", []]]],',
      '+  security: [[["apiKeyQuery", []]]],',
    ]);
  });
});
