// The plan's two hand lists, checked against what they stand for: TYPES_MODULE_GLOBALS (the globals
// types.ts refers to; a schema of that name is renamed so it cannot shadow one) against the rendering
// of every kind of type node, and RESERVED_METHODS against Object.prototype and the client template.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PrimitiveName, TypeNode } from '../../../src/model/index.js';
import { typeToText } from '../../../src/emit/type-text.js';
import { RESERVED_METHODS, TYPES_MODULE_GLOBALS } from '../../../src/plan/reserved.js';

// `satisfies` makes this fail to compile when a primitive is added and not listed here.
const PRIMITIVES = Object.keys({ string: 1, number: 1, boolean: 1, null: 1, undefined: 1, unknown: 1, never: 1, Blob: 1, ByteStream: 1 } satisfies Record<PrimitiveName, 1>) as PrimitiveName[];
const primitive = (name: PrimitiveName): TypeNode => ({ kind: 'primitive', name });
const ref: TypeNode = { kind: 'ref', target: 'x' };

const NODES: TypeNode[] = [
  ...PRIMITIVES.map(primitive),
  ref,
  { kind: 'literal', value: 'Record' },
  { kind: 'array', items: primitive('Blob') },
  { kind: 'tuple', items: [primitive('string')], rest: primitive('number') },
  { kind: 'union', members: [primitive('string'), ref] },
  { kind: 'intersection', members: [ref, { kind: 'object', properties: [] }] },
  { kind: 'object', properties: [] },
  { kind: 'object', properties: [], additional: true },
  { kind: 'object', properties: [], additional: primitive('ByteStream') },
  { kind: 'object', properties: [{ name: 'a', type: primitive('string'), required: true }], additional: primitive('number') },
  { kind: 'object', properties: [{ name: 'a', type: ref, required: false, description: 'doc' }, { name: 'b', type: primitive('Blob'), required: true }] },
];

/** Identifiers in type position: words outside string literals and doc comments, minus the ref's own name. */
function identifiers(text: string): string[] {
  const code = text.replace(/\/\*\*[^]*?\*\//g, '').replace(/"(?:[^"\\]|\\.)*"/g, '');
  return [...new Set(code.match(/\b[A-Z][A-Za-z0-9]*\b/g) ?? [])].filter((word) => word !== 'TargetType');
}

describe('TYPES_MODULE_GLOBALS', () => {
  it('lists every global that rendered types refer to', () => {
    const named = new Set(NODES.flatMap((node) => identifiers(typeToText(node, { refName: () => 'TargetType' }))));
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((name) => !(TYPES_MODULE_GLOBALS as readonly string[]).includes(name)).sort()).toEqual([]);
  });
});

describe('RESERVED_METHODS', () => {
  it('holds every Object.prototype member and every method the client template defines itself', () => {
    const template = readFileSync(new URL('../../../templates/client.ts.hbs', import.meta.url), 'utf8');
    // Members at class-body indentation: `  name(…`, `  async name(…`, `  get name(…` (a statement
    // of a top-level function body, `  for (…`, sits there too).
    const statements = ['for', 'if', 'while', 'switch', 'return'];
    const ownMethods = [...template.matchAll(/^ {2}(?:async |get |set |static )*([A-Za-z_$][\w$]*)\s*\(/gm)].map((match) => match[1]!).filter((name) => !statements.includes(name));
    expect(ownMethods).toContain('authorization');
    const reserved = RESERVED_METHODS as readonly string[];
    expect([...Object.getOwnPropertyNames(Object.prototype), ...ownMethods].filter((name) => !reserved.includes(name))).toEqual([]);
  });
});
