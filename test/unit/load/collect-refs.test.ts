import { describe, expect, it } from 'vitest';
import { collectRefs, distinctRefs } from '../../../src/load/collect-refs.js';

const document = {
  paths: { '/a': { get: { responses: { 200: { $ref: '#/components/responses/Ok' } } } } },
  components: {
    responses: { Ok: { content: { 'application/json': { schema: { $ref: 'other.yaml#/Pet' } } } } },
    schemas: { List: { type: 'array', items: [{ $ref: '#/components/schemas/A' }, { not: { $ref: 42 } }] } },
  },
};
const expected = [
  { ref: '#/components/responses/Ok', at: ['paths', '/a', 'get', 'responses', '200'] },
  { ref: 'other.yaml#/Pet', at: ['components', 'responses', 'Ok', 'content', 'application/json', 'schema'] },
  { ref: '#/components/schemas/A', at: ['components', 'schemas', 'List', 'items', '0'] },
];

/** `{a: [{a: [… {$ref} …]}]}`, `depth` levels, and the path to the `$ref` holder. */
function nested(depth: number): { node: object; path: string[] } {
  let node: object = { $ref: '#/deep' };
  const path: string[] = [];
  for (let i = 0; i < depth; i++) {
    node = i % 2 ? { a: node } : [node];
    path.push(i % 2 ? 'a' : '0');
  }
  return { node, path: path.reverse() };
}

describe('collectRefs', () => {
  it.each([true, false])('finds string $refs in document order (sharesNodes: %s)', (sharesNodes) => {
    expect(collectRefs(document, { sharesNodes })).toEqual(expected);
  });

  it('walks a shared node once when nodes may be shared', () => {
    const shared = { $ref: '#/x' };
    const sites = collectRefs({ a: shared, b: [shared] }, { sharesNodes: true });
    expect(sites).toEqual([{ ref: '#/x', at: ['a'] }]);
  });

  it.each([10, 499, 500, 501, 100_000])('handles a %i-deep document without overflowing the stack', (depth) => {
    const deep = nested(depth);
    expect(collectRefs({ before: { $ref: '#/1' }, deep: deep.node, after: { $ref: '#/2' } }, { sharesNodes: false })).toEqual([
      { ref: '#/1', at: ['before'] },
      { ref: '#/deep', at: ['deep', ...deep.path] },
      { ref: '#/2', at: ['after'] },
    ]);
  });

  it('keeps document order across the switch to the iterative walk', () => {
    const deep = nested(600).node;
    const refs = collectRefs([{ $ref: '#/a' }, deep, { $ref: '#/b' }, deep], { sharesNodes: false }).map((site) => site.ref);
    expect(refs).toEqual(['#/a', '#/deep', '#/b', '#/deep']);
  });
});

describe('distinctRefs', () => {
  it.each([true, false])('lists each string $ref once, in the order collectRefs first meets it (sharesNodes: %s)', (sharesNodes) => {
    const repeated = { ...document, again: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/responses/Ok' }, { $ref: '#/new' }] };
    expect(distinctRefs(repeated, { sharesNodes })).toEqual([...expected.map((site) => site.ref), '#/new']);
  });

  it.each([10, 499, 500, 501, 100_000])('matches collectRefs on a %i-deep document', (depth) => {
    const deep = nested(depth).node;
    const root = [{ $ref: '#/a' }, deep, { $ref: '#/b' }, deep, { $ref: '#/a' }];
    const firstSeen = [...new Set(collectRefs(root, { sharesNodes: false }).map((site) => site.ref))];
    expect(distinctRefs(root, { sharesNodes: false })).toEqual(firstSeen);
    expect(firstSeen).toEqual(['#/a', '#/deep', '#/b']);
  });
});
