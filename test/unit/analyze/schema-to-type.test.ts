import { describe, expect, it } from 'vitest';
import { schemaToType, type SchemaContext } from '../../../src/analyze/schema-to-type.js';
import { toIdentifier } from '../../../src/plan/identifiers.js';
import { typeToText } from '../../../src/emit/type-text.js';
import type { TypeNode } from '../../../src/model/index.js';
import { readCounting } from '../../support/read-counting.js';
import { arrayCases, compositionCases, DOCUMENT, objectCases, refCases, scalarCases, type SchemaCase } from '../../support/types/schema-cases.js';

const refName = (key: string) => toIdentifier(key, 'pascal', 'T');

function context(dialect: '3.0' | '3.1' = '3.0', document: Record<string, unknown> = DOCUMENT): SchemaContext {
  return { document, dialect };
}

function render(given: unknown, dialect?: '3.0' | '3.1'): string {
  return typeToText(schemaToType(given, '#/test', context(dialect)), { refName });
}

describe.each([
  ['objects', objectCases],
  ['arrays', arrayCases],
  ['scalars, enums, const, formats', scalarCases],
  ['oneOf / anyOf / allOf / discriminator', compositionCases],
  ['$ref', refCases],
] as Array<[string, SchemaCase[]]>)('schemaToType + typeToText: %s', (_, cases) => {
  it.each(cases)('$why', ({ given, dialect, want }) => {
    expect(render(given, dialect)).toBe(want);
  });
});

describe('schemaToType nodes', () => {
  it('component refs become ref nodes keyed by the decoded component name', () => {
    expect(schemaToType({ $ref: '#/components/schemas/a~1b' }, '#/x', context())).toEqual({ kind: 'ref', target: 'a/b' });
    expect(schemaToType({ $ref: '#/components/schemas/Foo%20Bar' }, '#/x', context())).toEqual({ kind: 'ref', target: 'Foo Bar' });
  });

  it('an encoded slash in a ref is a separator (RFC 6901 fragment form), so it is not a component name', () => {
    const document = { components: { schemas: { A: { properties: { b: { type: 'boolean' } } }, 'A/b': { type: 'string' } } } };
    expect(schemaToType({ $ref: '#/components/schemas/A%2Fproperties%2Fb' }, '#/x', context('3.0', document))).toEqual({
      kind: 'primitive',
      name: 'boolean',
    });
  });

  it('carries property flags and descriptions on PropertyNode', () => {
    const node = schemaToType(
      { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly: true, deprecated: true, description: 'Id' } } },
      '#/x',
      context(),
    );
    expect(node).toEqual({
      kind: 'object',
      properties: [
        { name: 'id', type: { kind: 'primitive', name: 'string' }, required: true, readOnly: true, deprecated: true, description: 'Id' },
      ],
    });
  });

  it('a named schema that aliases itself becomes unknown instead of a circular alias', () => {
    const document = {
      components: {
        schemas: {
          Self: { $ref: '#/components/schemas/Self' },
          Either: { oneOf: [{ $ref: '#/components/schemas/Either' }, { type: 'string' }] },
          Tree: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
        },
      },
    };
    const text = (key: string) =>
      typeToText(schemaToType(document.components.schemas[key as 'Self'], `#/components/schemas/${key}`, context('3.0', document)), { refName });
    expect(text('Self')).toBe('unknown');
    expect(text('Either')).toBe('string');
    // Recursion through an object is fine in TypeScript and kept.
    expect(text('Tree')).toBe('{ children?: Tree[] }');
  });

  it('a ref back into the schema being converted is cut as a cycle', () => {
    const document = { components: { schemas: { Node: { properties: { next: { $ref: '#/components/schemas/Node/properties/next' } } } } } };
    const node = schemaToType(document.components.schemas.Node, '#/components/schemas/Node', context('3.0', document));
    expect(typeToText(node, { refName })).toBe('{ next?: unknown }');
  });

  it('converts an enum of 100 000 values (50 000 distinct) reading each value a bounded number of times', () => {
    const values = Array.from({ length: 50_000 }, (_, i) => `v${i}`);
    // Counted, not timed: a de-duplication that scans the list per value reads it n² times.
    const counted = readCounting([...values, ...values]);
    const node = schemaToType({ type: 'string', enum: counted.value }, '#/x', context());
    const text = typeToText(node, { refName });
    expect(node.kind === 'union' && node.members.length).toBe(50_000);
    expect(text.startsWith('"v0" | "v1" | ')).toBe(true);
    expect(counted.reads()).toBeGreaterThanOrEqual(100_000);
    expect(counted.reads()).toBeLessThanOrEqual(3 * 100_000);
  });

  it('is deterministic: same input, same tree', () => {
    const schema = DOCUMENT.components.schemas.Pet;
    expect(schemaToType(schema, '#/a', context())).toEqual(schemaToType(schema, '#/a', context()));
  });
});

describe('schemaToType never throws on odd input', () => {
  const odd: unknown[] = [
    { type: 5 },
    { type: [] },
    { type: [1, 'string'] },
    { properties: 'x' },
    { properties: { a: 5, b: null } },
    { required: 'a', properties: { a: {} } },
    { enum: 'x' },
    { enum: [NaN, Infinity] },
    { allOf: {} },
    { oneOf: [null, 1, 'x'] },
    { oneOf: [{ $ref: '#/components/schemas/Pet' }], discriminator: 'petType' },
    { oneOf: [{ $ref: '#/components/schemas/Pet' }], discriminator: { propertyName: 5, mapping: 'x' } },
    { oneOf: [{ $ref: '#/components/schemas/Pet' }], discriminator: { propertyName: 't', mapping: { a: 5, b: '#/nowhere' } } },
    { items: 5 },
    { prefixItems: 'x', type: 'array' },
    { $ref: 5 },
    { $ref: '#' },
    { $ref: '#/components/schemas' },
    { $ref: '#/components/schemas/Pet/required/0' },
    { additionalProperties: 'yes' },
    { patternProperties: [1] },
    { nullable: 'yes', type: 'string' },
    { type: 'constructor' },
    { type: '__proto__' },
    JSON.parse('{"__proto__": {"type": "string"}}'),
    { const: undefined },
  ];
  it.each(odd.map((given) => ({ given, label: JSON.stringify(given) })))('$label', ({ given }) => {
    for (const dialect of ['3.0', '3.1'] as const) {
      const node: TypeNode = schemaToType(given, '#/x', context(dialect));
      expect(typeof typeToText(node, { refName })).toBe('string');
    }
  });

  it('survives schemas nested far deeper than any real spec', () => {
    let schema: unknown = { type: 'string' };
    for (let i = 0; i < 20_000; i++) schema = { type: 'array', items: schema };
    const text = typeToText(schemaToType(schema, '#/x', context()), { refName });
    expect(text).toMatch(/^unknown(\[\])+$/);
  });

  it('stops expanding inline refs that fan out exponentially', () => {
    // Each level refers to the next one twice: 2^30 expansions without a budget.
    const parameters: Record<string, unknown> = { p30: { schema: { type: 'string' } } };
    for (let i = 0; i < 30; i++) {
      const next = { $ref: `#/components/parameters/p${i + 1}/schema` };
      parameters[`p${i}`] = { schema: { properties: { a: next, b: next } } };
    }
    // Counted, not timed: every read of a schema object on the way, which 2^30 expansions would make.
    const counted = readCounting(parameters);
    const node = schemaToType({ $ref: '#/components/parameters/p0/schema' }, '#/x', context('3.0', { components: { parameters: counted.value } }));
    expect(node.kind).toBe('object');
    expect(counted.reads()).toBeGreaterThan(0);
    expect(counted.reads()).toBeLessThanOrEqual(10 * 10_000); // the 10 000 inline expansions allowed, a few reads each (6 now)
  });
});
