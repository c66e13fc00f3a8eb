import { describe, expect, it } from 'vitest';
import type { OperationSpec, ParamFields, ParamSpec, PathParamSpec, PathSerializer } from '../../../src/runtime/operation.js';
import { labelPathValue, matrixPathValue } from '../../../src/runtime/path-styles.js';
import { expandPath, serializePathValue } from '../../../src/runtime/serialize-path.js';

// The serializer a generated spec names for each style; `simple` (and content) take the default.
const STYLES: Record<string, PathSerializer> = { label: labelPathValue, matrix: matrixPathValue };
const p = (extra: Partial<ParamFields> = {}): PathParamSpec => ({ key: 'k', name: 'id', in: 'path', ...extra, serialize: extra.style === undefined ? undefined : STYLES[extra.style] });
const serialize = (param: PathParamSpec, value: unknown) => (param.serialize ?? serializePathValue)(param, value);

describe('serializePathValue and the path styles', () => {
  const cases: Array<[string, Partial<ParamFields>, unknown, string]> = [
    ['simple primitive', {}, 5, '5'],
    ['simple string encoded', {}, 'a b/c?d#e', 'a%20b%2Fc%3Fd%23e'],
    ['simple array', {}, ['a', 'b'], 'a,b'],
    ['simple object', {}, { R: 1, G: 2 }, 'R,1,G,2'],
    ['simple object explode', { explode: true }, { R: 1, G: 2 }, 'R=1,G=2'],
    ['label primitive', { style: 'label' }, 'x', '.x'],
    ['label array', { style: 'label' }, ['a', 'b'], '.a,b'],
    ['label array explode', { style: 'label', explode: true }, ['a', 'b'], '.a.b'],
    ['label object', { style: 'label' }, { R: 1, G: 2 }, '.R,1,G,2'],
    ['label object explode', { style: 'label', explode: true }, { R: 1, G: 2 }, '.R=1.G=2'],
    ['matrix primitive', { style: 'matrix' }, 'x', ';id=x'],
    ['matrix empty', { style: 'matrix' }, '', ';id'],
    ['matrix array', { style: 'matrix' }, ['a', 'b'], ';id=a,b'],
    ['matrix array explode', { style: 'matrix', explode: true }, ['a', 'b'], ';id=a;id=b'],
    ['matrix object', { style: 'matrix' }, { R: 1, G: 2 }, ';id=R,1,G,2'],
    ['matrix object explode', { style: 'matrix', explode: true }, { R: 1, G: 2 }, ';R=1;G=2'],
    ['content JSON', { contentType: 'application/json' }, { a: 1 }, '%7B%22a%22%3A1%7D'],
    ['content JSON whatever the style', { contentType: 'application/json', style: 'matrix' }, { a: 1 }, '%7B%22a%22%3A1%7D'],
    ['traversal encoded', {}, '../admin', '..%2Fadmin'],
  ];
  it.each(cases)('%s', (_label, extra, value, expected) => {
    expect(serialize(p(extra), value)).toBe(expected);
  });
});

describe('expandPath', () => {
  const op = (path: string, params: ParamSpec[]): OperationSpec => ({ id: 'getPet', method: 'GET', path, params, security: [] });

  it('replaces each placeholder with its argument', () => {
    const spec = op('/owners/{ownerId}/pets/{petId}', [p({ key: 'ownerId', name: 'ownerId' }), p({ key: 'petId', name: 'petId' })]);
    expect(expandPath(spec, { ownerId: 'a b', petId: 7 })).toBe('/owners/a%20b/pets/7');
  });

  it('leaves a path without placeholders as it is, dot segments of the template included', () => {
    expect(expandPath(op('/a/./b/../c', []), {})).toBe('/a/./b/../c');
  });

  it('reads a parameter without a wire name by its key', () => {
    expect(expandPath(op('/pets/{petId}', [{ key: 'petId', in: 'path' }]), { petId: 'x y' })).toBe('/pets/x%20y');
  });

  it('maps wire names to argument keys', () => {
    expect(expandPath(op('/pets/{pet-id}', [p({ key: 'petId', name: 'pet-id' })]), { petId: 1 })).toBe('/pets/1');
  });

  it.each([undefined, null])('rejects a missing path parameter (%s), naming it', (value) => {
    expect(() => expandPath(op('/pets/{petId}', [p({ key: 'petId', name: 'petId' })]), { petId: value })).toThrow(
      new TypeError('getPet: missing required path parameter "petId"'),
    );
  });

  it('does not read inherited properties', () => {
    const spec = op('/x/{constructor}', [p({ key: 'constructor', name: 'constructor' })]);
    expect(() => expandPath(spec, {})).toThrow(/missing required path parameter "constructor"/);
  });

  it('rejects a placeholder without a parameter', () => {
    expect(() => expandPath(op('/pets/{petId}', []), {})).toThrow(new TypeError('getPet: no path parameter fills {petId}'));
  });

  const photos = op('/pets/{petId}/photos', [p({ key: 'petId', name: 'petId' })]);

  it.each(['..', '.'])('refuses %s as a whole path segment', (value) => {
    expect(() => expandPath(photos, { petId: value })).toThrow(/may not be "\." or "\.\."/);
  });

  it('refuses an empty label-style value, which would form a "." segment', () => {
    const spec = op('/pets/{petId}', [p({ key: 'petId', name: 'petId', style: 'label' })]);
    expect(() => expandPath(spec, { petId: '' })).toThrow(/may not be/);
  });

  it('encodes the % of an encoded dot, so it stays an ordinary segment', () => {
    expect(expandPath(photos, { petId: '%2e%2e' })).toBe('/pets/%252e%252e/photos');
  });

  it('allows dots that are part of a larger segment', () => {
    expect(expandPath(op('/files/{name}.txt', [p({ key: 'name', name: 'name' })]), { name: '..' })).toBe('/files/...txt');
  });
});
