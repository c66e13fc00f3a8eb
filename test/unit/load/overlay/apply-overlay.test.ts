/**
 * The overlay engine as given/want tables: a description and an overlay's actions in, the
 * description after the overlay out (or the error).
 */
import { describe, expect, it } from 'vitest';
import { KeywayError } from '../../../../src/errors.js';
import { applyOverlay, type OverlayChange } from '../../../../src/load/overlay/apply-overlay.js';
import type { OverlayAction, OverlayDocument } from '../../../../src/load/overlay/read-overlay.js';

type Json = Record<string, unknown>;

function overlayOf(actions: OverlayAction[]): OverlayDocument {
  return { file: 'my.overlay.yaml', actions, locate: (segments) => ({ line: segments.length + 1, column: 3 }) };
}

function apply(given: Json, actions: OverlayAction[]): { document: Json; changes: OverlayChange[] } {
  const document = structuredClone(given);
  const changes: OverlayChange[] = [];
  applyOverlay(document, overlayOf(actions), changes);
  return { document, changes };
}

const update = (target: string, value: unknown): OverlayAction => ({ target, remove: false, update: value });
const remove = (target: string): OverlayAction => ({ target, remove: true });

const CASES: Array<[name: string, { given: Json; actions: OverlayAction[]; want: Json }]> = [
  [
    'update merges into an object, adding new properties',
    { given: { info: { title: 'A', version: '1' } }, actions: [update('$.info', { description: 'd' })], want: { info: { title: 'A', version: '1', description: 'd' } } },
  ],
  [
    'a primitive replaces a primitive',
    { given: { info: { title: 'A', version: '1' } }, actions: [update('$.info', { title: 'B' })], want: { info: { title: 'B', version: '1' } } },
  ],
  [
    'objects merge recursively, untouched properties stay',
    {
      given: { components: { securitySchemes: { a: { type: 'apiKey', in: 'header', name: 'X' } } } },
      actions: [update('$.components', { securitySchemes: { b: { type: 'http', scheme: 'bearer' } } })],
      want: { components: { securitySchemes: { a: { type: 'apiKey', in: 'header', name: 'X' }, b: { type: 'http', scheme: 'bearer' } } } },
    },
  ],
  [
    'the root `$` takes an update (security added to a description that has none)',
    { given: { openapi: '3.1.0' }, actions: [update('$', { security: [{ token: [] }] })], want: { openapi: '3.1.0', security: [{ token: [] }] } },
  ],
  [
    'an array property in an update is appended to the array it meets',
    { given: { security: [{ a: [] }] }, actions: [update('$', { security: [{ b: [] }, {}] })], want: { security: [{ a: [] }, { b: [] }, {}] } },
  ],
  [
    'an update of a selected array appends one entry',
    { given: { tags: [{ name: 'a' }] }, actions: [update('$.tags', { name: 'b' })], want: { tags: [{ name: 'a' }, { name: 'b' }] } },
  ],
  [
    'an array update of a selected array appends each item',
    { given: { tags: [{ name: 'a' }] }, actions: [update('$.tags', [{ name: 'b' }, { name: 'c' }])], want: { tags: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } },
  ],
  [
    'a target with several matches updates each (a wildcard over operations)',
    {
      given: { paths: { '/a': { get: { responses: {} } }, '/b': { get: { responses: {} }, post: { responses: {} } } } },
      actions: [update('$.paths.*.*', { security: [{ key: [] }] })],
      want: {
        paths: {
          '/a': { get: { responses: {}, security: [{ key: [] }] } },
          '/b': { get: { responses: {}, security: [{ key: [] }] }, post: { responses: {}, security: [{ key: [] }] } },
        },
      },
    },
  ],
  [
    'a filter selects by content (RFC 9535 `?`)',
    {
      given: { s: { a: { type: 'oauth2', u: 'x' }, b: { type: 'http', u: 'x' } } },
      actions: [update("$.s[?@.type == 'oauth2']", { u: 'https://login.example/token' })],
      want: { s: { a: { type: 'oauth2', u: 'https://login.example/token' }, b: { type: 'http', u: 'x' } } },
    },
  ],
  [
    'remove deletes a property',
    { given: { info: { title: 'A', version: '1', 'x-logo': {} } }, actions: [remove("$.info['x-logo']")], want: { info: { title: 'A', version: '1' } } },
  ],
  [
    'remove deletes array items; several at once keep the right ones',
    {
      given: { p: [{ name: 'a' }, { name: 'drop' }, { name: 'b' }, { name: 'drop' }] },
      actions: [remove("$.p[?@.name == 'drop']")],
      want: { p: [{ name: 'a' }, { name: 'b' }] },
    },
  ],
  [
    'remove of a node and a node inside it',
    { given: { a: { b: { c: 1 } }, k: 1 }, actions: [remove('$..b')], want: { a: {}, k: 1 } },
  ],
  [
    'a key that needs escaping in a normalized path is still found',
    { given: { paths: { "/it's": { get: {} } } }, actions: [update("$.paths[\"/it's\"].get", { summary: 's' })], want: { paths: { "/it's": { get: { summary: 's' } } } } },
  ],
  [
    'actions apply in order, each to the result of the one before (remove, then re-create)',
    {
      given: { components: { securitySchemes: { old: { type: 'http', scheme: 'basic' } } } },
      actions: [remove('$.components.securitySchemes.old'), update('$.components.securitySchemes', { old: { type: 'http', scheme: 'bearer' } })],
      want: { components: { securitySchemes: { old: { type: 'http', scheme: 'bearer' } } } },
    },
  ],
  [
    'a later action sees what an earlier one added',
    {
      given: { components: {} },
      actions: [update('$.components', { securitySchemes: {} }), update('$.components.securitySchemes', { t: { type: 'http', scheme: 'bearer' } })],
      want: { components: { securitySchemes: { t: { type: 'http', scheme: 'bearer' } } } },
    },
  ],
];

describe('applyOverlay', () => {
  it.each(CASES)('%s', (_name, { given, actions, want }) => {
    expect(apply(given, actions).document).toEqual(want);
  });

  it('copies the update for every match: the targets share no node afterwards', () => {
    const { document } = apply({ a: {}, b: {} }, [update('$.*', { x: { n: 1 } })]);
    expect(document['a']).toEqual({ x: { n: 1 } });
    expect((document['a'] as Json)['x']).not.toBe((document['b'] as Json)['x']);
  });

  it('keeps a `__proto__` key as data, never as the prototype', () => {
    const { document } = apply({ a: {} }, [update('$.a', JSON.parse('{"__proto__": {"polluted": true}}'))]);
    expect(Object.keys(document['a'] as Json)).toEqual(['__proto__']);
    expect(({} as Json)['polluted']).toBeUndefined();
  });

  it('records where written nodes come from and which arrays shifted', () => {
    const { changes } = apply({ p: [1, 2, 3], o: {} }, [update('$.o', { k: 'v' }), remove('$.p[0]')]);
    expect(changes.map(({ kind, ...rest }) => ({ kind, ...('overlay' in rest ? { at: rest.at, from: rest.from } : rest) }))).toEqual([
      { kind: 'written', at: ['o', 'k'], from: ['actions', '0', 'update', 'k'] },
      { kind: 'shifted', array: ['p'], from: 0 },
    ]);
  });
});

const ERRORS: Array<[name: string, { given: Json; actions: OverlayAction[]; want: string }]> = [
  ['a target that matches nothing', { given: { info: {} }, actions: [update('$.info', {}), update('$.x', {})], want: 'my.overlay.yaml:3:3 at #/actions/1: target "$.x" matches nothing' }],
  ['a target that is not JSONPath', { given: {}, actions: [update('$[', {})], want: 'my.overlay.yaml:4:3 at #/actions/0/target: target "$[" is not a valid JSONPath (RFC 9535)' }],
  ['a target that selects a primitive', { given: { info: { title: 'A' } }, actions: [update('$.info.title', 'B')], want: 'at #/actions/0: target "$.info.title" selects a string at #/info/title; an update needs objects or arrays' }],
  ['an object target with a non-object update', { given: { info: {} }, actions: [update('$.info', 'x')], want: 'at #/actions/0/update: target "$.info" selects an object at #/info, so "update" must be an object to merge, not a string' }],
  ['an update that would put an object over a string', { given: { info: { title: 'A' } }, actions: [update('$.info', { title: { a: 1 } })], want: 'at #/actions/0/update/title: cannot merge an object into a string at #/info/title' }],
  ['removing the whole document', { given: { a: 1 }, actions: [remove('$')], want: 'at #/actions/0: target "$" selects the whole document, which cannot be removed' }],
];

describe('applyOverlay errors name the overlay file and the action', () => {
  it.each(ERRORS)('%s', (_name, { given, actions, want }) => {
    let error: unknown;
    try {
      apply(given, actions);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KeywayError);
    expect((error as KeywayError).code).toBe('E_OVERLAY');
    expect((error as KeywayError).message).toContain(want);
  });
});
