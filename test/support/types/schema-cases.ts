/**
 * Table of schema fragments and the exact TypeScript text they must become. Expected output was
 * written before the converter; every case goes through schemaToType + typeToText.
 */

export interface SchemaCase {
  why: string;
  given: unknown;
  dialect?: '3.0' | '3.1';
  want: string;
}

const lines = (...l: string[]) => l.join('\n');

export const objectCases: SchemaCase[] = [
  {
    why: 'required and optional properties, non-identifier key quoted, integer is number',
    given: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, 'x-y': { type: 'integer', format: 'int64' } } },
    want: lines('{', '  name: string;', '  /** @format int64 */', '  "x-y"?: number;', '}'),
  },
  {
    why: 'readOnly / writeOnly / deprecated / description become JSDoc',
    given: {
      type: 'object',
      properties: {
        id: { type: 'string', readOnly: true, description: 'The id.' },
        old: { type: 'string', deprecated: true },
        secret: { type: 'string', writeOnly: true },
        note: { type: 'string', description: 'ends a comment */ here' },
      },
    },
    want: lines(
      '{',
      '  /**',
      '   * The id.',
      '   *',
      '   * @readonly',
      '   */',
      '  id?: string;',
      '  /** @deprecated */',
      '  old?: string;',
      '  /** @writeonly */',
      '  secret?: string;',
      '  /** ends a comment *\\/ here */',
      '  note?: string;',
      '}',
    ),
  },
  {
    why: 'a single undocumented property stays on one line',
    given: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    want: '{ id: string }',
  },
  {
    why: 'missing type with properties is an object; nested objects indent',
    given: { properties: { a: { properties: { b: { type: 'string' }, c: { type: 'number' } } }, d: { type: 'boolean' } } },
    want: lines('{', '  a?: {', '    b?: string;', '    c?: number;', '  };', '  d?: boolean;', '}'),
  },
  {
    why: '__proto__ as a property name is written as a computed key',
    given: { type: 'object', properties: JSON.parse('{"__proto__": {"type": "string"}, "constructor": {"type": "number"}}') },
    want: lines('{', '  ["__proto__"]?: string;', '  constructor?: number;', '}'),
  },
  {
    why: 'required names without a declared property are ignored',
    given: { type: 'object', required: ['a', 'ghost'], properties: { a: { type: 'string' } } },
    want: '{ a: string }',
  },
  { why: 'type object alone is an open record', given: { type: 'object' }, want: 'Record<string, unknown>' },
  { why: 'additionalProperties true', given: { type: 'object', additionalProperties: true }, want: 'Record<string, unknown>' },
  { why: 'additionalProperties {}', given: { type: 'object', additionalProperties: {} }, want: 'Record<string, unknown>' },
  { why: 'additionalProperties false and nothing else', given: { type: 'object', additionalProperties: false }, want: 'Record<string, never>' },
  {
    why: 'additionalProperties schema without properties',
    given: { type: 'object', additionalProperties: { type: 'integer' } },
    want: '{ [key: string]: number }',
  },
  {
    why: 'missing type with additionalProperties is an object',
    given: { additionalProperties: { $ref: '#/components/schemas/Pet' } },
    want: '{ [key: string]: Pet }',
  },
  {
    why: 'additionalProperties with a multi-line type becomes a block',
    given: { type: 'object', additionalProperties: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } } },
    want: lines('{', '  [key: string]: {', '    a?: string;', '    b?: string;', '  };', '}'),
  },
  {
    why: 'properties + additionalProperties false stays closed',
    given: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
    want: '{ a?: string }',
  },
  {
    why: 'properties + additionalProperties absent stays closed (documented choice)',
    given: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
    want: lines('{', '  a?: string;', '  b?: string;', '}'),
  },
  {
    why: 'properties + additionalProperties true → unknown index signature',
    given: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true },
    want: lines('{', '  a?: string;', '  [key: string]: unknown;', '}'),
  },
  {
    why: 'properties + typed additionalProperties → index type widened by property types (strict-safe)',
    given: {
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'string' }, b: { type: 'boolean' }, c: { type: 'integer' } },
      additionalProperties: { type: 'number' },
    },
    want: lines('{', '  a: string;', '  b?: boolean;', '  c?: number;', '  [key: string]: number | string | boolean | undefined;', '}'),
  },
  {
    why: 'index type falls back to unknown when a property type spans lines',
    given: {
      type: 'object',
      properties: { o: { type: 'object', properties: { x: { type: 'string' }, y: { type: 'string' } } } },
      additionalProperties: { type: 'string' },
    },
    want: lines('{', '  o?: {', '    x?: string;', '    y?: string;', '  };', '  [key: string]: unknown;', '}'),
  },
  {
    why: 'patternProperties count as additional properties',
    given: { type: 'object', patternProperties: { '^x-': { type: 'string' }, '^y-': { type: 'number' } }, additionalProperties: false },
    want: '{ [key: string]: string | number }',
  },
];

export const arrayCases: SchemaCase[] = [
  { why: 'array of strings', given: { type: 'array', items: { type: 'string' } }, want: 'string[]' },
  { why: 'array without items', given: { type: 'array' }, want: 'unknown[]' },
  { why: 'missing type with items is an array', given: { items: { $ref: '#/components/schemas/Pet' } }, want: 'Pet[]' },
  { why: 'array of a union is parenthesized', given: { type: 'array', items: { type: ['string', 'number'] } }, want: '(string | number)[]' },
  {
    why: 'array of a nullable enum (3.0)',
    given: { type: 'array', items: { type: 'string', enum: ['a', 'b'], nullable: true } },
    want: '("a" | "b" | null)[]',
  },
  { why: 'array of arrays', given: { type: 'array', items: { type: 'array', items: { type: 'integer' } } }, want: 'number[][]' },
  {
    why: 'prefixItems → tuple; open rest when items is absent',
    dialect: '3.1',
    given: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] },
    want: '[string, number, ...unknown[]]',
  },
  {
    why: 'prefixItems with items false is closed',
    dialect: '3.1',
    given: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false },
    want: '[string, number]',
  },
  {
    why: 'prefixItems with items schema → typed rest',
    dialect: '3.1',
    given: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: ['boolean', 'null'] } },
    want: '[string, ...(boolean | null)[]]',
  },
  {
    why: 'prefixItems with maxItems equal to its length is closed',
    dialect: '3.1',
    given: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], maxItems: 2 },
    want: '[number, number]',
  },
];

export const scalarCases: SchemaCase[] = [
  { why: 'string enum → union of literals', given: { type: 'string', enum: ['asc', 'desc'] }, want: '"asc" | "desc"' },
  { why: 'numeric enum', given: { type: 'integer', enum: [1, 2, -3] }, want: '1 | 2 | -3' },
  { why: 'mixed enum with boolean and null', given: { enum: ['a', 1, true, null] }, want: '"a" | 1 | true | null' },
  { why: 'enum duplicates are dropped', given: { type: 'string', enum: ['a', 'b', 'a'] }, want: '"a" | "b"' },
  { why: 'enum values are escaped', given: { type: 'string', enum: ['say "hi"', 'a\nb'] }, want: '"say \\"hi\\"" | "a\\nb"' },
  { why: 'nullable enum adds null (3.0)', given: { type: 'string', enum: ['a'], nullable: true }, want: '"a" | null' },
  { why: 'enum with an object member cannot be spelled: unknown', given: { enum: ['a', { b: 1 }] }, want: 'unknown' },
  { why: 'empty enum is ignored', given: { type: 'string', enum: [] }, want: 'string' },
  { why: 'const string', dialect: '3.1', given: { const: 'fixed' }, want: '"fixed"' },
  { why: 'const null', dialect: '3.1', given: { const: null }, want: 'null' },
  { why: 'const object → unknown', dialect: '3.1', given: { const: { a: 1 } }, want: 'unknown' },
  { why: 'type array with null (3.1)', dialect: '3.1', given: { type: ['string', 'null'] }, want: 'string | null' },
  { why: 'type array of three', dialect: '3.1', given: { type: ['integer', 'boolean', 'null'] }, want: 'number | boolean | null' },
  { why: 'nullable (3.0)', given: { type: 'string', nullable: true }, want: 'string | null' },
  { why: 'integer', given: { type: 'integer', format: 'int64' }, want: 'number' },
  { why: 'boolean', given: { type: 'boolean' }, want: 'boolean' },
  { why: 'null type', dialect: '3.1', given: { type: 'null' }, want: 'null' },
  { why: 'date-time stays a string', given: { type: 'string', format: 'date-time' }, want: 'string' },
  { why: 'date stays a string', given: { type: 'string', format: 'date' }, want: 'string' },
  { why: 'byte (base64) stays a string', given: { type: 'string', format: 'byte' }, want: 'string' },
  { why: 'binary → Blob', given: { type: 'string', format: 'binary' }, want: 'Blob' },
  { why: '3.1 contentMediaType of bytes → Blob', dialect: '3.1', given: { type: 'string', contentMediaType: 'image/png' }, want: 'Blob' },
  { why: '3.1 contentMediaType without type → Blob', dialect: '3.1', given: { contentMediaType: 'application/octet-stream' }, want: 'Blob' },
  {
    why: '3.1 base64-encoded content stays a string',
    dialect: '3.1',
    given: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64' },
    want: 'string',
  },
  { why: '3.1 textual contentMediaType stays a string', dialect: '3.1', given: { type: 'string', contentMediaType: 'application/json' }, want: 'string' },
  { why: 'empty schema', given: {}, want: 'unknown' },
  { why: 'true schema', dialect: '3.1', given: true, want: 'unknown' },
  { why: 'false schema', dialect: '3.1', given: false, want: 'never' },
  { why: 'not → unknown', given: { not: { type: 'string' } }, want: 'unknown' },
  { why: 'annotations only → unknown', given: { description: 'anything', example: 3 }, want: 'unknown' },
  { why: 'unknown type name → unknown', given: { type: 'toString' }, want: 'unknown' },
  { why: 'non-object schema → unknown', given: 'string', want: 'unknown' },
  { why: 'null schema → unknown', given: null, want: 'unknown' },
  { why: 'array as schema → unknown', given: [{ type: 'string' }], want: 'unknown' },
];

export const compositionCases: SchemaCase[] = [
  { why: 'oneOf → union', given: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] }, want: 'Cat | Dog' },
  { why: 'anyOf → union', given: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, want: 'string | number' },
  {
    why: 'union members are deduplicated',
    given: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Cat' }, { type: 'string' }] },
    want: 'Cat | string',
  },
  {
    why: 'nested unions are flattened',
    given: { oneOf: [{ anyOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] }, { type: 'null' }] },
    want: 'Cat | Dog | null',
  },
  { why: 'unknown absorbs a union', given: { anyOf: [{ type: 'string' }, {}] }, want: 'unknown' },
  { why: 'a primitive absorbs its literals', dialect: '3.1', given: { anyOf: [{ type: 'string' }, { const: 'a' }, { const: 1 }] }, want: 'string | 1' },
  { why: 'oneOf with null (3.1 nullable ref)', dialect: '3.1', given: { oneOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'null' }] }, want: 'Pet | null' },
  {
    why: 'oneOf with sibling properties → object & union',
    given: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string' } },
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
    },
    want: '{ kind: string } & (Cat | Dog)',
  },
  {
    why: 'allOf → intersection',
    given: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', required: ['bark'], properties: { bark: { type: 'boolean' } } }] },
    want: 'Pet & { bark: boolean }',
  },
  {
    why: 'nested allOf is flattened and deduplicated',
    given: { allOf: [{ $ref: '#/components/schemas/Pet' }, { allOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Pet' }] }] },
    want: 'Pet & Cat',
  },
  { why: 'single-member allOf is that member', given: { allOf: [{ $ref: '#/components/schemas/Pet' }] }, want: 'Pet' },
  { why: 'type object beside allOf adds nothing', given: { type: 'object', allOf: [{ $ref: '#/components/schemas/Pet' }] }, want: 'Pet' },
  { why: 'nullable via allOf wrapper (3.0)', given: { allOf: [{ $ref: '#/components/schemas/Pet' }], nullable: true }, want: 'Pet | null' },
  {
    why: 'union inside an intersection is parenthesized',
    given: { allOf: [{ $ref: '#/components/schemas/Pet' }, { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] }] },
    want: 'Pet & (Cat | Dog)',
  },
  { why: 'allOf with never → never', dialect: '3.1', given: { allOf: [{ type: 'string' }, false] }, want: 'never' },
  {
    why: 'discriminator without mapping uses component names',
    given: {
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: { propertyName: 'petType' },
    },
    want: '(Cat & { petType: "Cat" }) | (Dog & { petType: "Dog" })',
  },
  {
    why: 'discriminator mapping: refs and bare names, several tags for one member',
    given: {
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: {
        propertyName: 'petType',
        mapping: { cat: '#/components/schemas/Cat', dog: 'Dog', kitty: '#/components/schemas/Cat' },
      },
    },
    want: '(Cat & { petType: "cat" | "kitty" }) | (Dog & { petType: "dog" })',
  },
  {
    why: 'discriminator on anyOf; inline members are left alone; odd tag names are escaped',
    given: {
      anyOf: [{ $ref: '#/components/schemas/Cat' }, { type: 'object', required: ['x'], properties: { x: { type: 'string' } } }],
      discriminator: { propertyName: 'pet-type', mapping: { 'a "cat"': '#/components/schemas/Cat' } },
    },
    want: '(Cat & { "pet-type": "a \\"cat\\"" }) | { x: string }',
  },
];

export const refCases: SchemaCase[] = [
  { why: 'component ref', given: { $ref: '#/components/schemas/Pet' }, want: 'Pet' },
  { why: '~1 decodes to /', given: { $ref: '#/components/schemas/a~1b' }, want: 'AB' },
  { why: '~0 decodes to ~', given: { $ref: '#/components/schemas/x~0y' }, want: 'XY' },
  { why: 'percent-encoding is decoded', given: { $ref: '#/components/schemas/Foo%20Bar' }, want: 'FooBar' },
  { why: 'ref to a missing component → unknown', given: { $ref: '#/components/schemas/Nope' }, want: 'unknown' },
  { why: 'external ref → unknown', given: { $ref: 'other.yaml#/Pet' }, want: 'unknown' },
  { why: 'malformed percent-encoding → unknown, no throw', given: { $ref: '#/components/schemas/%E0%A4%A' }, want: 'unknown' },
  { why: 'ref into a component is inlined', given: { $ref: '#/components/schemas/Pet/properties/name' }, want: 'string' },
  { why: 'ref to a parameter schema is inlined', given: { $ref: '#/components/parameters/limit/schema' }, want: 'number' },
  {
    why: 'inline ref cycle becomes unknown',
    given: { $ref: '#/components/parameters/loopA/schema' },
    want: '{ a?: { b?: unknown } }',
  },
  { why: '3.0 ignores $ref siblings', given: { $ref: '#/components/schemas/Pet', properties: { extra: { type: 'string' } } }, want: 'Pet' },
  { why: '3.1 ignores annotation siblings', dialect: '3.1', given: { $ref: '#/components/schemas/Pet', description: 'the pet' }, want: 'Pet' },
  {
    why: '3.1 intersects structural siblings',
    dialect: '3.1',
    given: { $ref: '#/components/schemas/Pet', required: ['extra'], properties: { extra: { type: 'string' } } },
    want: 'Pet & { extra: string }',
  },
  { why: 'nullable beside a $ref still adds null (lenient)', given: { $ref: '#/components/schemas/Pet', nullable: true }, want: 'Pet | null' },
  {
    why: 'property descriptions on ref properties are kept',
    given: { type: 'object', properties: { pet: { $ref: '#/components/schemas/Pet', description: 'Owned pet.' } } },
    want: lines('{', '  /** Owned pet. */', '  pet?: Pet;', '}'),
  },
];

/** Components every case can refer to. */
export const DOCUMENT = {
  openapi: '3.1.0',
  components: {
    schemas: {
      Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }] },
      Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }] },
      'a/b': { type: 'string' },
      'x~y': { type: 'string' },
      'Foo Bar': { type: 'string' },
    },
    parameters: {
      limit: { name: 'limit', in: 'query', schema: { type: 'integer' } },
      loopA: { name: 'a', in: 'query', schema: { properties: { a: { $ref: '#/components/parameters/loopB/schema' } } } },
      loopB: { name: 'b', in: 'query', schema: { properties: { b: { $ref: '#/components/parameters/loopA/schema' } } } },
    },
  },
};
