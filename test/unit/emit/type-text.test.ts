import { describe, expect, it, vi } from 'vitest';
import { typeToText } from '../../../src/emit/type-text.js';
import type { ObjectNode, PrimitiveName, PropertyNode, TypeNode } from '../../../src/model/index.js';
import { readCounting } from '../../support/read-counting.js';

const p = (name: PrimitiveName): TypeNode => ({ kind: 'primitive', name });
const lit = (value: string | number | boolean | null): TypeNode => ({ kind: 'literal', value });
const ref = (target: string): TypeNode => ({ kind: 'ref', target });
const union = (...members: TypeNode[]): TypeNode => ({ kind: 'union', members });
const and = (...members: TypeNode[]): TypeNode => ({ kind: 'intersection', members });
const array = (items: TypeNode): TypeNode => ({ kind: 'array', items });
const prop = (name: string, type: TypeNode, extra: Partial<PropertyNode> = {}): PropertyNode => ({ name, type, required: true, ...extra });
const object = (properties: PropertyNode[], additional?: ObjectNode['additional']): TypeNode =>
  additional === undefined ? { kind: 'object', properties } : { kind: 'object', properties, additional };
const lines = (...l: string[]) => l.join('\n');

const refName = (key: string) => `Api${key}`;

interface Case {
  why: string;
  given: TypeNode;
  want: string;
}

const cases: Case[] = [
  { why: 'primitives', given: union(p('string'), p('number'), p('boolean'), p('null'), p('Blob')), want: 'string | number | boolean | null | Blob' },
  { why: 'unknown', given: p('unknown'), want: 'unknown' },
  { why: 'never', given: p('never'), want: 'never' },
  { why: 'refs go through refName', given: ref('Pet'), want: 'ApiPet' },
  { why: 'literals are escaped', given: union(lit('a"b'), lit('\u2028'), lit(-1.5), lit(false), lit(null)), want: '"a\\"b" | "\\u2028" | -1.5 | false | null' },
  { why: 'array of union', given: array(union(p('string'), ref('A'))), want: '(string | ApiA)[]' },
  { why: 'array of intersection', given: array(and(ref('A'), ref('B'))), want: '(ApiA & ApiB)[]' },
  { why: 'array of negative literal', given: array(lit(-1)), want: '(-1)[]' },
  { why: 'array of array', given: array(array(p('string'))), want: 'string[][]' },
  { why: 'union inside intersection', given: and(ref('A'), union(ref('B'), ref('C'))), want: 'ApiA & (ApiB | ApiC)' },
  { why: 'intersection inside union', given: union(and(ref('A'), ref('B')), ref('C')), want: '(ApiA & ApiB) | ApiC' },
  { why: 'unflattened union inside union', given: union(ref('A'), union(ref('B'), ref('C'))), want: 'ApiA | (ApiB | ApiC)' },
  { why: 'one-member union inside array is its member', given: array(union(union(ref('A'), ref('B')))), want: '(ApiA | ApiB)[]' },
  { why: 'empty union', given: union(), want: 'never' },
  { why: 'empty intersection', given: and(), want: 'unknown' },
  { why: 'tuple', given: { kind: 'tuple', items: [p('string'), ref('A')] }, want: '[string, ApiA]' },
  { why: 'tuple with rest', given: { kind: 'tuple', items: [p('string')], rest: union(p('number'), p('null')) }, want: '[string, ...(number | null)[]]' },
  { why: 'rest-only tuple', given: { kind: 'tuple', items: [], rest: p('string') }, want: '[...string[]]' },
  { why: 'empty tuple', given: { kind: 'tuple', items: [] }, want: '[]' },
  { why: 'open record', given: object([], true), want: 'Record<string, unknown>' },
  { why: 'closed empty object', given: object([]), want: 'Record<string, never>' },
  { why: 'typed map', given: object([], array(ref('A'))), want: '{ [key: string]: ApiA[] }' },
  { why: 'compact single property', given: object([prop('a-b', p('string'), { required: false })]), want: '{ "a-b"?: string }' },
  {
    why: 'a documented single property is a block',
    given: object([prop('a', p('string'), { description: 'line one\r\nline two' })]),
    want: lines('{', '  /**', '   * line one', '   * line two', '   */', '  a: string;', '}'),
  },
  {
    why: 'all flags',
    given: object([prop('a', p('string'), { readOnly: true, writeOnly: true, deprecated: true })]),
    want: lines('{', '  /**', '   * @readonly', '   * @writeonly', '   * @deprecated', '   */', '  a: string;', '}'),
  },
  {
    why: 'object in union in array keeps block indentation',
    given: array(union(object([prop('a', p('string')), prop('b', p('string'))]), p('null'))),
    want: lines('({', '  a: string;', '  b: string;', '} | null)[]'),
  },
  {
    why: 'index type deduplicates and flattens property unions',
    given: object([prop('a', union(p('string'), p('null'))), prop('b', p('string'))], p('string')),
    want: lines('{', '  a: string | null;', '  b: string;', '  [key: string]: string | null;', '}'),
  },
  {
    why: 'compact object whose property holds a multi-line object becomes a block',
    given: object([prop('o', object([prop('x', p('string')), prop('y', p('string'))]))]),
    want: lines('{', '  o: {', '    x: string;', '    y: string;', '  };', '}'),
  },
];

describe('typeToText', () => {
  it.each(cases)('$why', ({ given, want }) => {
    expect(typeToText(given, { refName })).toBe(want);
  });

  it('indents from the given starting indentation with the given unit', () => {
    const node = object([prop('a', object([prop('b', p('string')), prop('c', p('number'))])), prop('d', p('boolean'))]);
    expect(typeToText(node, { refName, indentUnit: '\t' }, '\t')).toBe(lines('{', '\t\ta: {', '\t\t\tb: string;', '\t\t\tc: number;', '\t\t};', '\t\td: boolean;', '\t}'));
  });

  it('renders a wide, deep tree with work linear in its output', () => {
    // 10 × 2^6 copies of a 50-property object, nested 6 deep: 32 000 properties, ~1 MB of text
    // (counts need no 20 MB tree: they do not drift with the machine's load).
    let leaf: TypeNode = object(Array.from({ length: 50 }, (_, i) => prop(`p${i}`, p('string'))));
    for (let depth = 0; depth < 6; depth++) leaf = object([prop('x', leaf), prop('y', leaf)]);
    const root = union(...Array.from({ length: 10 }, (_, i) => and(ref(`R${i}`), leaf)));
    // Counted, not timed: reads of the tree (a subtree walked again per ancestor, say to decide
    // whether it fits on a line, multiplies them) and characters joined (text re-indented or
    // re-joined per level multiplies those).
    const counted = readCounting(root);
    const join = vi.spyOn(Array.prototype, 'join');
    let text: string;
    let joinedChars = 0;
    try {
      text = typeToText(counted.value, { refName });
      for (const result of join.mock.results) if (result.type === 'return') joinedChars += String(result.value).length;
    } finally {
      join.mockRestore();
    }
    expect(text.length).toBeGreaterThan(800_000);
    const properties = 10 * 2 ** 6 * 50;
    expect(counted.reads()).toBeLessThanOrEqual(24 * properties); // ~15 reads per property now
    expect(joinedChars).toBeLessThanOrEqual(1.1 * text.length);
  });
});
