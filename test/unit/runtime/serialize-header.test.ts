import { describe, expect, it } from 'vitest';
import type { ParamFields } from '../../../src/runtime/operation.js';
import { appendCookies, encodeCookieValue, serializeCookieParam, serializeHeaderValue } from '../../../src/runtime/serialize-header.js';

const h = (extra: Partial<ParamFields> = {}): ParamFields => ({ key: 'k', name: 'X-Id', ...extra });
const c = (extra: Partial<ParamFields> = {}): ParamFields => ({ key: 'k', name: 'sid', ...extra });

describe('serializeHeaderValue (simple)', () => {
  const cases: Array<[string, Partial<ParamFields>, unknown, string]> = [
    ['primitive unencoded', {}, 'a b/c', 'a b/c'],
    ['array', {}, [1, 2], '1,2'],
    ['object', {}, { a: 1, b: 2 }, 'a,1,b,2'],
    ['object explode', { explode: true }, { a: 1, b: 2 }, 'a=1,b=2'],
    ['content JSON', { contentType: 'application/json' }, { a: 1 }, '{"a":1}'],
  ];
  it.each(cases)('%s', (_label, extra, value, expected) => {
    expect(serializeHeaderValue(h(extra), value)).toBe(expected);
  });
});

describe('serializeCookieParam', () => {
  const cases: Array<[string, Partial<ParamFields>, unknown, string[]]> = [
    ['form primitive, percent-encoded', {}, 'a b;c', ['sid=a%20b%3Bc']],
    ['form array explode', {}, ['a', 'b'], ['sid=a', 'sid=b']],
    ['form array no explode', { explode: false }, ['a', 'b'], ['sid=a,b']],
    ['form object explode', {}, { x: 1, y: 2 }, ['x=1', 'y=2']],
    ['form object no explode', { explode: false }, { x: 1, y: 2 }, ['sid=x,1,y,2']],
    ['cookie style keeps safe chars', { style: 'cookie' }, 'a/b=c', ['sid=a/b=c']],
    ['cookie style escapes ; , space', { style: 'cookie' }, 'a; b,c', ['sid=a%3B%20b%2Cc']],
    ['null skipped', {}, null, []],
  ];
  it.each(cases)('%s', (_label, extra, value, expected) => {
    expect(serializeCookieParam(c(extra), value)).toEqual(expected);
  });
});

describe('encodeCookieValue', () => {
  it.each([
    ['eyJhbGciOi.J9-_=', 'eyJhbGciOi.J9-_='],
    ['a"b\\c', 'a%22b%5Cc'],
    ['é😀', '%C3%A9%F0%9F%98%80'],
  ])('%s → %s', (input, expected) => {
    expect(encodeCookieValue(input)).toBe(expected);
  });
});

describe('appendCookies', () => {
  it('merges into one Cookie header after existing cookies', () => {
    const headers = new Headers({ cookie: 'a=1' });
    appendCookies(headers, ['b=2', 'c=3']);
    expect(headers.get('cookie')).toBe('a=1; b=2; c=3');
  });
  it('leaves headers alone when there is nothing to add', () => {
    const headers = new Headers();
    appendCookies(headers, []);
    expect(headers.has('cookie')).toBe(false);
  });
});
