/**
 * union/intersection dedupe members structurally; only members whose shallow signature another
 * shares are keyed, so these cases pin that the shortcut drops exactly the duplicates.
 */
import { describe, expect, it } from 'vitest';
import type { TypeNode } from '../../../../src/model/index.js';
import { intersection, literalNode, primitive, union } from '../../../../src/analyze/schema/simplify.js';

const ref = (target: string): TypeNode => ({ kind: 'ref', target });
const object = (...names: string[]): TypeNode => ({ kind: 'object', properties: names.map((name) => ({ name, type: primitive('string'), required: true })) });

describe('union', () => {
  it.each<[string, TypeNode[], TypeNode]>([
    ['repeated literals', [literalNode('a'), literalNode('b'), literalNode('a')], { kind: 'union', members: [literalNode('a'), literalNode('b')] }],
    ['a string and a number that print alike', [literalNode('1'), literalNode(1)], { kind: 'union', members: [literalNode('1'), literalNode(1)] }],
    ['null and "null"', [literalNode(null), literalNode('null')], { kind: 'union', members: [literalNode(null), literalNode('null')] }],
    ['repeated refs', [ref('A'), ref('B'), ref('A')], { kind: 'union', members: [ref('A'), ref('B')] }],
    ['equal inline objects', [object('a', 'b'), object('a', 'b')], object('a', 'b')],
    ['objects alike in size and first property only', [object('a', 'b'), object('a', 'c')], { kind: 'union', members: [object('a', 'b'), object('a', 'c')] }],
    ['arrays of equal and of different items', [{ kind: 'array', items: ref('A') }, { kind: 'array', items: ref('A') }, { kind: 'array', items: ref('B') }], { kind: 'union', members: [{ kind: 'array', items: ref('A') }, { kind: 'array', items: ref('B') }] }],
  ])('%s', (_, members, want) => {
    expect(union(members)).toEqual(want);
  });
});

describe('intersection', () => {
  it('drops an equal inline object and keeps different ones in order', () => {
    expect(intersection([ref('A'), object('x'), object('y'), object('x')])).toEqual({ kind: 'intersection', members: [ref('A'), object('x'), object('y')] });
  });
});
