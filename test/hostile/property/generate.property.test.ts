/**
 * Property: for any document built from random schema trees and random (often hostile) names,
 * `generate()` either writes a client that compiles under strict with NodeNext and Bundler, or
 * fails with a KeywayError carrying a documented code. Never anything else.
 *
 * Deterministic: a fixed seed, KEYWAY_PROPERTY_RUNS cases (default 300). Generation runs inside
 * fast-check (so an uncaught exception is shrunk to a small document); compilation is batched after
 * it, one tsc run per module setting, and a failing client is reported with its document.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeywayError, type KeywayErrorCode } from '../../../src/errors.js';
import { generate } from '../../../src/generate.js';
import { makeTempDir, removeTempDir } from '../../support/tmp.js';
import { typecheckBatch } from './batch-typecheck.js';
import { document } from './documents.js';

const RUNS = Number(process.env['KEYWAY_PROPERTY_RUNS'] ?? 300);
const SEED = Number(process.env['KEYWAY_PROPERTY_SEED'] ?? 0x6b6579); // "key"
/** Codes a document can earn; E_OUTPUT, E_USAGE, E_TEMPLATE would be keyway's own fault here. */
const DOCUMENT_CODES = new Set<KeywayErrorCode>(['E_PARSE', 'E_VERSION', 'E_INVALID', 'E_REF', 'E_SECURITY']);

let root: string;
beforeAll(async () => {
  root = await makeTempDir('keyway-property-');
});
afterAll(async () => {
  if (root) await removeTempDir(root);
});

describe('generate() on random documents', () => {
  it('writes a client that compiles, or fails with a documented KeywayError', async () => {
    const generated: string[] = [];
    const refused = new Map<string, number>();
    let next = 0;
    await fc.assert(
      // validate: false lets shapes the schema would refuse reach analysis, which must cope too
      fc.asyncProperty(document, fc.boolean(), async (doc, validate) => {
        const id = `case-${next++}`;
        const input = join(root, `${id}.json`);
        await writeFile(input, JSON.stringify(doc, null, 1));
        try {
          await generate({ input, output: join(root, id), validate });
          generated.push(join(root, id));
        } catch (error) {
          if (!(error instanceof KeywayError) || !DOCUMENT_CODES.has(error.code)) throw error;
          refused.set(error.code, (refused.get(error.code) ?? 0) + 1);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Shrinking re-runs cases, so count only those that finished; most must reach emission.
    expect(generated.length, `refused: ${JSON.stringify(Object.fromEntries(refused))}`).toBeGreaterThan(RUNS / 2);

    const { clients, unattributed } = await typecheckBatch(root, generated);
    expect(unattributed).toBe('');
    const failing = clients.filter((c) => Object.values(c.diagnostics).some((d) => d !== ''));
    const reports = await Promise.all(
      failing.slice(0, 3).map(async (c) => `${c.dir}\n${Object.values(c.diagnostics).join('\n')}\ndocument: ${await readFile(`${c.dir}.json`, 'utf8')}`),
    );
    expect(reports).toEqual([]);
  }, 120_000);
});
