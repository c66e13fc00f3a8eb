/**
 * Whole-output snapshots of the generated client for each fixture (runtime files excluded: they are
 * verbatim copies of src/runtime, tested there). Also proves regeneration is byte-identical.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUTS } from '../../src/emit/outputs.js';
import { generate } from '../../src/generate.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const ROOT = join(import.meta.dirname, '../..');
// fixtures/examples/petstore-auth.yaml is snapshotted as examples/petstore-auth (test/snapshot/examples.test.ts).
const FIXTURES = ['fixtures/e2e/auth-matrix.yaml', 'fixtures/oauth/pets-oauth.yaml'];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-snap-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

async function readTree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(root.length + 1), await readFile(path, 'utf8'));
  }
  return out;
}

describe.each(FIXTURES)('%s', (fixture) => {
  const name = fixture.split('/').pop()!.replace(/\.\w+$/, '');

  it('matches the committed snapshot', async () => {
    const out = join(dir, name);
    await generate({ input: join(ROOT, fixture), output: out });
    for (const { file } of OUTPUTS.filter((o) => o.file.endsWith('.ts'))) {
      await expect(await readFile(join(out, file), 'utf8')).toMatchFileSnapshot(`__snapshots__/${name}/${file}`);
    }
  });

  it('regenerates byte-identically', async () => {
    const a = join(dir, `${name}-a`);
    const b = join(dir, `${name}-b`);
    await generate({ input: join(ROOT, fixture), output: a });
    await generate({ input: join(ROOT, fixture), output: b });
    await generate({ input: join(ROOT, fixture), output: b }); // over its own earlier output
    expect(await readTree(b)).toEqual(await readTree(a));
  });
});
