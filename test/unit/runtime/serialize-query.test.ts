import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParamFields } from '../../../src/runtime/operation.js';
import { appendQuery, serializeQueryParam, serializeQueryString, writeFormQuery } from '../../../src/runtime/serialize-query.js';

const q = (extra: Partial<ParamFields> = {}): ParamFields => ({ key: 'k', name: 'color', ...extra });

describe('serializeQueryParam', () => {
  const cases: Array<[string, Partial<ParamFields>, unknown, string]> = [
    ['undefined is skipped', {}, undefined, ''],
    ['null is skipped', {}, null, ''],
    ['primitive', {}, 'blue', 'color=blue'],
    ['number', {}, 5, 'color=5'],
    ['boolean', {}, false, 'color=false'],
    ['empty string', {}, '', 'color='],
    ['date as ISO', {}, new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), 'color=2024-01-02T03%3A04%3A05.000Z'],
    ['spaces are %20, not +', {}, 'a b+c', 'color=a%20b%2Bc'],
    ['reserved chars encoded', {}, "a&b=c#d/e?f!'()*", 'color=a%26b%3Dc%23d%2Fe%3Ff%21%27%28%29%2A'],
    ['unicode as UTF-8', {}, 'é☃', 'color=%C3%A9%E2%98%83'],
    ['form explode array repeats', {}, ['blue', 'black'], 'color=blue&color=black'],
    ['form explode empty array sends nothing', {}, [], ''],
    ['form no-explode array comma-joined', { explode: false }, ['blue', 'black'], 'color=blue,black'],
    ['form no-explode empty array', { explode: false }, [], 'color='],
    ['array items encoded individually', { explode: false }, ['a,b', 'c'], 'color=a%2Cb,c'],
    ['form explode object: one pair per property', {}, { R: 100, G: 200 }, 'R=100&G=200'],
    ['form no-explode object', { explode: false }, { R: 100, G: 200 }, 'color=R,100,G,200'],
    ['object skips undefined properties', {}, { R: 1, G: undefined }, 'R=1'],
    ['spaceDelimited array', { style: 'spaceDelimited' }, ['a', 'b'], 'color=a%20b'],
    ['spaceDelimited explode array', { style: 'spaceDelimited', explode: true }, ['a', 'b'], 'color=a&color=b'],
    ['pipeDelimited array', { style: 'pipeDelimited' }, ['a', 'b'], 'color=a%7Cb'],
    ['pipeDelimited object', { style: 'pipeDelimited' }, { R: 1, G: 2 }, 'color=R%7C1%7CG%7C2'],
    ['deepObject', { style: 'deepObject', explode: true }, { R: 100, G: 'x y' }, 'color[R]=100&color[G]=x%20y'],
    ['deepObject nested', { style: 'deepObject' }, { a: { b: 1 }, c: [1, 2] }, 'color[a][b]=1&color[c]=1&color[c]=2'],
    ['deepObject keys encoded', { style: 'deepObject' }, { 'a]b': 1 }, 'color[a%5Db]=1'],
    ['content param JSON-encoded', { contentType: 'application/json' }, { a: [1, 'x'] }, 'color=%7B%22a%22%3A%5B1%2C%22x%22%5D%7D'],
    ['allowReserved keeps reserved chars', { allowReserved: true }, "a/b:c?d,e;f@[g]!$'()*", "color=a/b:c?d,e;f@[g]!$'()*"],
    ['allowReserved still encodes & = # + and space', { allowReserved: true }, 'a&b=c#d+e f', 'color=a%26b%3Dc%23d%2Be%20f'],
    ['allowReserved keeps percent triplets, encodes lone %', { allowReserved: true }, '%2F%zz', 'color=%2F%25zz'],
    ['nested object in array as JSON', { explode: false }, [{ a: 1 }], 'color=%7B%22a%22%3A1%7D'],
  ];
  it.each(cases)('%s', (_label, extra, value, expected) => {
    expect(serializeQueryParam(q(extra), value).join('&')).toBe(expected);
  });

  it('encodes the parameter name', () => {
    expect(serializeQueryParam(q({ name: 'a b&c' }), 1)).toEqual(['a%20b%26c=1']);
  });
});

describe('appendQuery', () => {
  const cases: Array<[string, string[], string]> = [
    ['https://x.test/p', ['a=1'], 'https://x.test/p?a=1'],
    ['https://x.test/p?k=v', ['a=1', 'b=2'], 'https://x.test/p?k=v&a=1&b=2'],
    ['https://x.test/p?k=v', [], 'https://x.test/p?k=v'],
    ['https://x.test/p', ['a=x/y:z'], 'https://x.test/p?a=x/y:z'],
  ];
  it.each(cases)('%s + %j', (start, pairs, expected) => {
    const url = new URL(start);
    appendQuery(url, pairs);
    expect(url.href).toBe(expected);
  });
});

describe('serializeQueryString (OpenAPI 3.2 querystring)', () => {
  const cases: Array<{ contentType?: string; value: unknown; want: string[] }> = [
    { contentType: 'application/x-www-form-urlencoded', value: { q: 'a b', tags: ['x', 'y'] }, want: ['q=a%20b', 'tags=x', 'tags=y'] },
    { contentType: 'application/json', value: { q: 'a&b' }, want: ['%7B%22q%22%3A%22a%26b%22%7D'] },
    { contentType: 'application/x-www-form-urlencoded', value: undefined, want: [] },
  ];
  it.each(cases)('$contentType $value', ({ contentType, value, want }) => {
    expect(serializeQueryString({ key: 'qs', name: 'qs', contentType }, value)).toEqual(want);
  });
});

describe('writeFormQuery (the default style alone: form, exploded)', () => {
  const written = (value: unknown): string[] => {
    const parts = { query: [] as string[], headers: new Headers() };
    writeFormQuery(q(), value, parts);
    return parts.query;
  };
  const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }));
  const value = fc.oneof(scalar, fc.array(scalar), fc.dictionary(fc.string(), fc.oneof(scalar, fc.constant(undefined), fc.array(scalar))), fc.array(fc.array(scalar)));

  it('writes what serializeQueryParam writes for the default style, for every kind of value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(written(v)).toEqual(serializeQueryParam(q(), v));
      }),
    );
  });

  it.each([
    ['scalar', 'a b', ['color=a%20b']],
    ['array repeats the name', ['blue', 'black'], ['color=blue', 'color=black']],
    ['object: its defined properties as pairs', { r: 1, g: undefined, 'b!': 'x' }, ['r=1', 'b%21=x']],
    ['empty array: nothing', [], []],
  ])('%s', (_, v, expected) => {
    expect(written(v)).toEqual(expected);
  });
});
