import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveUrl } from '../../../src/runtime/build-request.js';
import { appendQuery } from '../../../src/runtime/serialize-query.js';

/** The URL as the pathname setter builds it, written out on its own: the reference resolveUrl must match. */
function bySetter(baseUrl: string, path: string): string {
  const url = new URL(baseUrl);
  const queryStart = path.indexOf('?');
  const pathPart = queryStart === -1 ? path : path.slice(0, queryStart);
  url.pathname = url.pathname.replace(/\/+$/, '') + pathPart;
  url.hash = '';
  if (queryStart !== -1 && queryStart < path.length - 1) appendQuery(url, [path.slice(queryStart + 1)]);
  return url.href;
}

const BASES = [
  'https://api.test',
  'https://api.test/',
  'https://api.test/v1//',
  'http://127.0.0.1:8080/a%20b/c',
  'https://api.test/v1?tenant=7',
  'https://api.test/v1#frag',
  'https://[::1]:8443/x',
  'https://bücher.example/ä',
  'file:///srv/api',
];

// Characters a path template or an encoded value may bring, the URL parser's special ones included.
const PATH_CHARS = ['/', '.', '..', '%', '%2e', '%2F', '\\', ' ', ';', ':', '@', '=', '&', '+', '?', '#', '{', '}', '|', '^', '`', '"', '<', '>', 'ä', '😀', 'a', 'Z', '0', '~', "'", '[', ']', '\t'];

describe('resolveUrl', () => {
  it.each([
    ['https://api.test/v1', '/pets', 'https://api.test/v1/pets'],
    ['https://api.test/v1//', '/pets', 'https://api.test/v1/pets'],
    ['https://api.test', '', 'https://api.test/'],
    ['https://api.test/v1?tenant=7', '/pets?limit=2', 'https://api.test/v1/pets?tenant=7&limit=2'],
    ['https://api.test/v1#frag', '/pets', 'https://api.test/v1/pets'],
    ['https://api.test/v1', '/a b#c', 'https://api.test/v1/a%20b%23c'],
  ])('%s + %s is %s', (baseUrl, path, want) => {
    expect(resolveUrl(baseUrl, path).href).toBe(want);
  });

  it('gives the URL the pathname setter gives, for any path, on every kind of base', () => {
    const path = fc.array(fc.constantFrom(...PATH_CHARS), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...BASES), path, (baseUrl, candidate) => {
        for (const p of [candidate, `/${candidate}`]) expect(resolveUrl(baseUrl, p).href).toBe(bySetter(baseUrl, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns a new URL every time: a strategy that appends to one request never changes the next', () => {
    const first = resolveUrl('https://api.test/v1', '/pets');
    first.searchParams.set('key', 'secret');
    expect(resolveUrl('https://api.test/v1', '/pets').href).toBe('https://api.test/v1/pets');
  });

  it('refuses a base with user info every time, not only the first', () => {
    for (let i = 0; i < 2; i++) expect(() => resolveUrl('https://user:pw@api.test', '/x')).toThrow(new TypeError('baseUrl must not contain a user name or password'));
  });
});
