/**
 * Bugs the hostile fixtures and the property test found, each pinned at the unit that had it.
 * (The end-to-end proofs are in names.test.ts and strings.test.ts.)
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeSecuritySchemes } from '../../src/analyze/security.js';
import { breakAliasCycles } from '../../src/analyze/schema/alias-cycles.js';
import { isIdentifier, toIdentifier } from '../../src/plan/identifiers.js';
import { generate } from '../../src/generate.js';
import { upgradeSwagger2 } from '../../src/load/upgrade-swagger2.js';
import type { NamedType, TypeNode } from '../../src/model/index.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-fixes-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe('identifiers use only letters every TypeScript accepts', () => {
  // U+324FC is ID_Start to Node 20's ICU but "Invalid character" to TypeScript 7; `²` is a digit (No) but no identifier part.
  it.each([
    ['Pet', true],
    ['ñandú', true],
    ['ペット', true],
    ['Δx', true],
    ['\u{324FC}', false],
    ['a\u{324FC}', false],
    ['a²', false],
    ['𝒳', false],
    ['', false],
    ['1a', false],
  ])('isIdentifier(%j) is %s', (name, expected) => {
    expect(isIdentifier(name)).toBe(expected);
  });

  it.each([
    ['a²b\u{324FC}Ñandú', 'camel', 'aBÑandú'],
    ['\u{324FC}²', 'pascal', 'Fallback'],
    ['ペット store', 'pascal', 'ペットStore'],
  ] as const)('toIdentifier(%j, %s) is %j', (text, style, expected) => {
    expect(toIdentifier(text, style, 'Fallback')).toBe(expected);
  });
});

describe('alias cycles longer than one step are broken', () => {
  const ref = (target: string): TypeNode => ({ kind: 'ref', target });
  const named = (key: string, type: TypeNode): NamedType => ({ key, type, pointer: `#/components/schemas/${key}` });
  const string: TypeNode = { kind: 'primitive', name: 'string' };

  it('drops the reference that closes the cycle, in spec order', () => {
    const types = breakAliasCycles([
      named('A', { kind: 'union', members: [ref('B'), string] }),
      named('B', ref('A')),
      named('C', { kind: 'intersection', members: [ref('D'), { kind: 'object', properties: [] }] }),
      named('D', { kind: 'union', members: [ref('E'), { kind: 'primitive', name: 'number' }] }),
      named('E', { kind: 'union', members: [ref('C'), { kind: 'primitive', name: 'boolean' }] }),
    ]);
    expect(types.map((t) => [t.key, t.type])).toEqual([
      ['A', { kind: 'union', members: [ref('B'), string] }],
      ['B', { kind: 'primitive', name: 'unknown' }],
      ['C', { kind: 'intersection', members: [ref('D'), { kind: 'object', properties: [] }] }],
      ['D', { kind: 'union', members: [ref('E'), { kind: 'primitive', name: 'number' }] }],
      ['E', { kind: 'primitive', name: 'boolean' }],
    ]);
  });

  it('keeps cycles through objects and arrays, which TypeScript defers', () => {
    const input = [
      named('Tree', { kind: 'object', properties: [{ name: 'children', type: { kind: 'array', items: ref('Forest') }, required: false }] }),
      named('Forest', { kind: 'array', items: ref('Tree') }),
      named('List', { kind: 'union', members: [{ kind: 'array', items: ref('List2') }, string] }),
      named('List2', ref('List')),
    ];
    expect(breakAliasCycles(input)).toEqual(input);
  });

  it('follows chains deeper than the call stack', () => {
    const count = 50_000;
    const types = Array.from({ length: count }, (_, i) => named(`T${i}`, ref(`T${(i + 1) % count}`)));
    const broken = breakAliasCycles(types);
    expect(broken.filter((t) => t.type.kind !== 'ref').map((t) => t.key)).toEqual([`T${count - 1}`]);
  });
});

describe('spec keys named __proto__ stay keys', () => {
  it('an OAuth scope', () => {
    const [scheme] = analyzeSecuritySchemes({
      components: { securitySchemes: { o: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a', scopes: JSON.parse('{"__proto__":"p","read":"r"}') } } } } },
    });
    expect(scheme?.kind === 'oauth2' && Object.keys(scheme.flows.implicit!.scopes)).toEqual(['__proto__', 'read']);
  });

  it('a Swagger 2.0 formData field', () => {
    const upgraded = upgradeSwagger2({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { post: { consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: '__proto__', in: 'formData', type: 'array', items: { type: 'string' } }, { name: 'b', in: 'formData', type: 'string' }], responses: { 200: { description: 'ok' } } } } },
    }) as { paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: { properties: object }; encoding: object }> } }>> };
    const media = upgraded.paths['/a']!['post']!.requestBody.content['application/x-www-form-urlencoded']!;
    expect(Object.keys(media.schema.properties)).toEqual(['__proto__', 'b']);
    expect(Object.keys(media.encoding)).toEqual(['__proto__']);
  });
});

describe('a $ref with a stray %', () => {
  it('resolves as the loader resolved it, instead of crashing', async () => {
    const input = join(dir, 'percent.json');
    await writeFile(
      input,
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 't', version: '1' },
        paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/50%' }], responses: { 204: { description: 'ok' } } } } },
        components: { parameters: { '50%': { name: 'q', in: 'query', schema: { type: 'string' } } } },
      }),
    );
    const result = await generate({ input, output: join(dir, 'percent') });
    expect(result.summary.operations).toBe(1);
  });
});
