/**
 * The real-world corpus (scripts/corpus.mjs): every document in @readme/oas-examples and GitHub's
 * REST API generates, and every client compiles under strict with NodeNext and Bundler; documents
 * the spec calls invalid fail with the documented KeywayError. The log shows the totals; the full
 * table is `node scripts/corpus.mjs`, and the failing rows are in the assertion message.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { resolveTsc } from '../support/tsc.js';
// @ts-expect-error -- a plain .mjs module shared with the human-facing script
import { clientFolder, corpusDocuments, formatSummary, formatTimings, outcome, runCorpus } from '../../scripts/corpus.mjs';

interface Row {
  name: string;
  dir: string;
  operations?: number;
  error?: { code: string; pointer?: string; message: string };
  crash?: string;
  diagnostics: Record<string, string>;
}

let rows: Row[] = [];
let outRoot = '';
let unattributed = '';

beforeAll(async () => {
  const started = performance.now();
  let timings: object;
  ({ rows, outRoot, unattributed, timings } = await runCorpus({ generate, tsc: resolveTsc(), keep: true }));
  console.log(`${formatSummary(rows)}\n${formatTimings(timings, performance.now() - started)}`);
}, 180_000);

afterAll(async () => {
  if (outRoot) await rm(outRoot, { recursive: true, force: true });
});

describe('corpus', () => {
  it('is the whole corpus', () => {
    expect(rows.length).toBe(corpusDocuments().length);
    expect(rows.length).toBeGreaterThan(120);
  });

  it('every document generates and compiles, or fails as documented', () => {
    const bad = rows.filter((row) => !outcome(row).ok).map((row) => `${row.name}: ${outcome(row).text}`);
    expect(bad).toEqual([]);
    expect(unattributed).toBe('');
  });
});

/** A generated file of the client for corpus document `name`. */
function output(name: string, file: string): string {
  return readFileSync(join(outRoot, clientFolder(name), file), 'utf8');
}

/** What the corpus documents bring, seen in their generated clients (all of which compiled above). */
describe('what the corpus brings', () => {
  const ex = (path: string) => `oas-examples/${path}`;

  it('callbacks: ignored, only the path operations become methods', () => {
    const row = rows.find((r) => r.name === ex('3.0/json/callbacks.json'))!;
    expect(row.operations).toBe(1);
    expect(output(row.name, 'operations.ts')).not.toContain('$request');
  });

  it('webhooks: ignored, the schemas still become types', () => {
    expect(rows.find((r) => r.name === ex('3.1/json/webhooks.json'))!.operations).toBe(0);
    expect(output(ex('3.1/json/webhooks.json'), 'types.ts')).toMatch(/^export type \w+ = /m);
  });

  it('circular schemas: a type that refers to itself', () => {
    expect(output(ex('3.0/json/circular.json'), 'types.ts')).toMatch(/export type ErrorMessage = \{[^]*inner\?: ErrorMessage;/);
    expect(output(ex('2.0/json/schema-circular.json'), 'types.ts')).toMatch(/export type (\w+) = [^]*\1/);
  });

  it('allOf chains and discriminators: intersections, and union members narrowed by their tag', () => {
    const name = ex('3.0/json/discriminators.json');
    expect(output(name, 'types.ts')).toContain('export type Dog = Pet & {');
    // a request body: the operation's argument type in types.ts names the schemas directly
    expect(output(name, 'types.ts')).toContain('(CatNoDisc & { pet_type: "CatNoDisc" }) | (DogNoDisc & { pet_type: "DogNoDisc" })');
  });

  it('additionalProperties: true, false, a schema, a $ref, anyOf', () => {
    // parameters: the operation's argument type in types.ts
    const types = output(ex('3.0/json/schema-additional-properties.json'), 'types.ts');
    expect(types).toContain('"object with `additionalProperties: true`"?: Record<string, unknown>;');
    expect(types).toContain('"object with `additionalProperties: false` and no other properties"?: Record<string, never>;');
    expect(types).toContain('"object with `additionalProperties: { type: integer }`"?: { [key: string]: number };');
    expect(types).toContain('"object with `additionalProperties: $ref, simple`"?: { [key: string]: Ref };');
    expect(types).toContain('"object with `additionalProperties: anyOf` (polymorphic)"?: { [key: string]: string | Ref | RefWithRef };');
  });

  it('path-item parameters apply to every operation, operation parameters override them, $ref parameters resolve', () => {
    const operations = output(ex('3.0/json/parameters-common.json'), 'operations.ts');
    expect(operations).toContain('params: [{ key: "id", in: "path" }, { key: "x-extra-id", in: "header", serialize: writeHeaderParam }]');
    expect(operations).toContain('{ key: "limit", in: "query", serialize: writeFormQuery }'); // #/components/parameters/limitParam
    const types = output(ex('3.0/json/parameters-common.json'), 'types.ts');
    // /anything/{id}/override redeclares `id` as a string: one `id`, of the operation's type
    expect(types).toMatch(/`GET \/anything\/\{id\}\/override`\. \*\/\nexport type \w+Args = \{[^}]*?id: string;[^}]*\}/);
  });

  it("$ref'd parameters and responses (GitHub)", () => {
    const name = 'github/api.github.com.json';
    expect(output(name, 'operations.ts')).toContain('{ key: "per_page", in: "query", serialize: writeFormQuery }'); // #/components/parameters/per-page
    // repos/get answers 200 with a $ref'd schema and 403/404 with $ref'd responses: the result is the 200 body
    expect(output(name, 'methods.ts')).toContain('reposGet(args: T.ReposGetArgs, options?: RequestOptions): ApiPromise<T.FullRepository>');
    expect(output(name, 'types.ts')).toMatch(/^export type ReposGetArgs = \{\n  \/\*\* The account owner of the repository\. [^*]*\*\/\n  owner: string;/m);
  });

  it('non-JSON media types: binary, multipart and form bodies, text responses', () => {
    expect(output(ex('3.0/json/file-uploads.json'), 'operations.ts')).toContain('body: { key: "body", encoding: "binary", mediaType: "image/png", encode: encodeBinaryBody }');
    expect(output(ex('3.0/json/file-uploads.json'), 'operations.ts')).toContain('encoding: "multipart",\n    mediaType: "multipart/form-data",\n    encode: encodeMultipartBody,');
    expect(output(ex('3.0/json/form-data.json'), 'operations.ts')).toContain('encoding: "form",\n    mediaType: "application/x-www-form-urlencoded",\n    encode: encodeFormBody,');
    expect(output(ex('3.0/json/response-multiple-mediatypes.json'), 'operations.ts')).toContain('accept: "text/plain, application/json"');
  });

  it('label and matrix path parameters name their serializer, and the client carries it', () => {
    const operations = output(ex('3.0/json/parameters-style.json'), 'operations.ts');
    expect(operations).toContain("import { labelPathValue, matrixPathValue } from './runtime/path-styles.js';");
    expect(operations).toContain('{ key: "primitive", in: "path", style: "matrix", serialize: matrixPathValue }');
  });
});
