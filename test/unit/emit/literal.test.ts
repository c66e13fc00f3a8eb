import { describe, expect, it } from 'vitest';
import { toLiteral } from '../../../src/emit/literal.js';
import { docComment, propertyKey, stringLiteral } from '../../../src/emit/escape.js';

describe('toLiteral', () => {
  const cases: Array<{ given: Parameters<typeof toLiteral>[0]; want: string }> = [
    { given: 'a"b', want: '"a\\"b"' },
    { given: { a: 1, 'b-c': true, d: undefined }, want: '{ a: 1, "b-c": true }' },
    { given: [['key', []]], want: '[["key", []]]' },
    { given: { __proto__: null } as never, want: '{}' },
    { given: JSON.parse('{"__proto__": "x"}'), want: '{ ["__proto__"]: "x" }' },
    { given: { s: '\u2028*/' }, want: '{ s: "\\u2028*/" }' },
  ];
  it.each(cases)('%j', ({ given, want }) => expect(toLiteral(given)).toBe(want));

  it('spreads long values over lines', () => {
    const text = toLiteral({ path: 'x'.repeat(60), params: [{ key: 'a'.repeat(40), name: 'b' }] });
    expect(text).toBe(`{\n  path: "${'x'.repeat(60)}",\n  params: [{ key: "${'a'.repeat(40)}", name: "b" }],\n}`);
  });
});

describe('escaping helpers', () => {
  it('keeps comment terminators and line separators out of doc comments', () => {
    expect(docComment(['a */ b\u2028c'])).toBe('/**\n * a *\\/ b\n * c\n */\n');
    expect(docComment([undefined, ''])).toBe('');
  });
  it('quotes non-identifier keys', () => {
    expect(propertyKey('x-y')).toBe('"x-y"');
    expect(propertyKey('ok')).toBe('ok');
    expect(propertyKey('__proto__')).toBe('["__proto__"]');
    expect(stringLiteral('`${x}`')).toBe('"`${x}`"');
  });
});
