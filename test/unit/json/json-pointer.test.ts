import { describe, expect, it } from 'vitest';
import {
  canonicalRef,
  childPointer,
  componentSchemaName,
  lookupLocalRef,
  lookupSegments,
  parseFragment,
  parseJsonPointer,
  parseLocalRef,
  pointer,
} from '../../../src/json/json-pointer.js';

describe('parseFragment: percent-decode the whole fragment, then split (RFC 6901 §6)', () => {
  const cases: Array<[string, { given: string; want: string[] | undefined }]> = [
    ['the root', { given: '', want: [] }],
    ['plain segments', { given: '/components/schemas/Pet', want: ['components', 'schemas', 'Pet'] }],
    ['~1 and ~0', { given: '/paths/~1pets~1{id}/get/~0x', want: ['paths', '/pets/{id}', 'get', '~x'] }],
    ['~01 is ~1, not /', { given: '/a~01', want: ['a~1'] }],
    ['an encoded / separates segments', { given: '/components/schemas/A%2Fproperties%2Fb', want: ['components', 'schemas', 'A', 'properties', 'b'] }],
    ['an encoded ~1 still unescapes', { given: '/a%7E1b', want: ['a/b'] }],
    ['percent-encoded UTF-8', { given: '/components/schemas/caf%C3%A9', want: ['components', 'schemas', 'café'] }],
    ['a stray % is literal', { given: '/components/parameters/50%', want: ['components', 'parameters', '50%'] }],
    ['an empty segment', { given: '/a//b', want: ['a', '', 'b'] }],
    ['a $anchor name is not a pointer', { given: 'node', want: undefined }],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    expect(parseFragment(given)).toEqual(want);
  });

  it('parseLocalRef takes only local references', () => {
    expect(parseLocalRef('#/a/b')).toEqual(['a', 'b']);
    expect(parseLocalRef('other.yaml#/a')).toBeUndefined();
    expect(parseLocalRef('#anchor')).toBeUndefined();
  });

  it('parseJsonPointer does not percent-decode (ajv instance paths are not URI fragments)', () => {
    expect(parseJsonPointer('/a%2Fb/~1c')).toEqual(['a%2Fb', '/c']);
    expect(parseJsonPointer('')).toEqual([]);
  });
});

describe('formatting', () => {
  it('pointer and childPointer escape ~ and / in that order', () => {
    expect(pointer()).toBe('#');
    expect(pointer('paths', '/pets', 'get', 0)).toBe('#/paths/~1pets/get/0');
    expect(pointer('~/')).toBe('#/~0~1');
    expect(pointer('50%', 'a%2Fb')).toBe('#/50%25/a%252Fb');
    expect(childPointer('#/paths', '/a~b', 'get')).toBe('#/paths/~1a~0b/get');
  });

  it('parse(format(segments)) is the identity', () => {
    const segments = ['a/b', '~', '%2F', 'é', '', '~1'];
    expect(parseLocalRef(pointer(...segments))).toEqual(segments);
  });

  it('canonicalRef writes equal targets equally', () => {
    expect(canonicalRef('#/components/schemas/A%2Fproperties%2Fb')).toBe('#/components/schemas/A/properties/b');
    expect(canonicalRef('#/a%7E1b')).toBe(canonicalRef('#/a~1b'));
  });

  it('componentSchemaName only for exactly #/components/schemas/<Name>', () => {
    expect(componentSchemaName('#/components/schemas/Pet')).toBe('Pet');
    expect(componentSchemaName('#/components/schemas/A~1b')).toBe('A/b');
    expect(componentSchemaName('#/components/schemas/A%2Fb')).toBeUndefined();
    expect(componentSchemaName('#/components/schemas/Pet/properties/id')).toBeUndefined();
    // percent-decoding comes before splitting, so an encoded pointer can still name a component
    expect(componentSchemaName('#/components%2Fschemas/Pet')).toBe('Pet');
    expect(componentSchemaName('#/%63omponents/schemas/Pet')).toBe('Pet');
    expect(componentSchemaName('#/components/schemas/P%65t')).toBe('Pet');
    expect(componentSchemaName('#/components/schemas/')).toBe('');
    expect(componentSchemaName('#/paths/~1pets/get')).toBeUndefined();
  });
});

describe('lookup: own properties and RFC 6901 array indexes only', () => {
  const document = { a: { b: [10, 20], 'x/y': 1 }, empty: null };
  const cases: Array<[string, { given: string[]; want: unknown }]> = [
    ['a nested value', { given: ['a', 'b', '1'], want: { found: true, value: 20 } }],
    ['a key with /', { given: ['a', 'x/y'], want: { found: true, value: 1 } }],
    ['a null value is found', { given: ['empty'], want: { found: true, value: null } }],
    ['a missing key', { given: ['a', 'c'], want: { found: false } }],
    ['an index past the end', { given: ['a', 'b', '2'], want: { found: false } }],
    ['a leading zero is no index', { given: ['a', 'b', '01'], want: { found: false } }],
    ['the prototype is not a property', { given: ['a', '__proto__'], want: { found: false } }],
    ['nor is constructor', { given: ['a', 'constructor'], want: { found: false } }],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    expect(lookupSegments(document, given)).toEqual(want);
  });

  it('lookupLocalRef follows a reference', () => {
    expect(lookupLocalRef(document, '#/a/x~1y')).toBe(1);
    expect(lookupLocalRef(document, '#/a%2Fb/0')).toBe(10);
    expect(lookupLocalRef(document, '#/nowhere')).toBeUndefined();
  });
});
