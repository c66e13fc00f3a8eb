/** analyze/operations.ts as given/want tables: a `paths` fragment in, the model's operations out. */
import { describe, expect, it } from 'vitest';
import { analyzeOperations } from '../../../src/analyze/operations.js';
import { KeywayError } from '../../../src/errors.js';
import type { OperationModel, SecurityRequirement } from '../../../src/model/index.js';

const STRING = { kind: 'primitive', name: 'string' } as const;
const GLOBAL: SecurityRequirement = [{ schemes: [{ scheme: 'key', scopes: [] }] }];

function run(paths: object, components: object = {}): OperationModel[] {
  const document = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components };
  return analyzeOperations({ schema: { document, dialect: '3.0' }, declaredSchemes: new Set(['key', 'oauth']), globalSecurity: GLOBAL });
}

type Case = [string, { given: { paths: object; components?: object }; want: unknown }];
const each = (cases: Case[], project: (ops: OperationModel[]) => unknown) =>
  it.each(cases)('%s', (_, { given, want }) => expect(project(run(given.paths, given.components))).toEqual(want));

describe('operations: which, in what order, under which pointer', () => {
  each(
    [
      ['methods in document order; other path-item keys skipped', { given: { paths: { '/a': { summary: 's', post: {}, parameters: [], get: {}, 'x-ext': {} }, '/b': { query: {} } } }, want: [['post', '/a', '#/paths/~1a/post'], ['get', '/a', '#/paths/~1a/get'], ['query', '/b', '#/paths/~1b/query']] }],
      ['a $ref path item keeps the pointer of its target', { given: { paths: { '/a': { $ref: '#/components/x-items/A' } }, components: { 'x-items': { A: { get: {} } } } }, want: [['get', '/a', '#/components/x-items/A/get']] }],
    ],
    (ops) => ops.map((op) => [op.method, op.path, op.pointer]),
  );
});

describe('parameters', () => {
  const p = (extra: object) => ({ name: 'q', in: 'query', schema: { type: 'string' }, ...extra });
  each(
    [
      ['query defaults: form, exploded, optional', { given: { paths: { '/a': { get: { parameters: [p({})] } } } }, want: [{ name: 'q', in: 'query', required: false, type: STRING, style: 'form', explode: true }] }],
      ['path: simple, not exploded, always required', { given: { paths: { '/a/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: false, schema: { type: 'string' } }] } } } }, want: [{ name: 'id', in: 'path', required: true, type: STRING, style: 'simple', explode: false }] }],
      ['explicit style, explode, allowReserved, description, deprecated', { given: { paths: { '/a': { get: { parameters: [p({ style: 'pipeDelimited', explode: false, allowReserved: true, description: 'd', deprecated: true })] } } } }, want: [{ name: 'q', in: 'query', required: false, type: STRING, style: 'pipeDelimited', explode: false, allowReserved: true, description: 'd', deprecated: true }] }],
      ['content instead of schema: the media type and its schema', { given: { paths: { '/a': { get: { parameters: [{ name: 'f', in: 'query', content: { 'application/json': { schema: { type: 'string' } } } }] } } } }, want: [{ name: 'f', in: 'query', required: false, type: STRING, style: 'form', explode: true, contentType: 'application/json' }] }],
      ['no schema: unknown', { given: { paths: { '/a': { get: { parameters: [{ name: 'h', in: 'header' }] } } } }, want: [{ name: 'h', in: 'header', required: false, type: { kind: 'primitive', name: 'unknown' }, style: 'simple', explode: false }] }],
      ['Accept, Content-Type and Authorization headers are the runtime’s, not arguments', { given: { paths: { '/a': { get: { parameters: [{ name: 'ACCEPT', in: 'header' }, { name: 'content-type', in: 'header' }, { name: 'Authorization', in: 'header' }, { name: 'authorization', in: 'query', schema: { type: 'string' } }] } } } }, want: [{ name: 'authorization', in: 'query', required: false, type: STRING, style: 'form', explode: true }] }],
      ['path-item parameters merged; the operation’s wins for the same name and location', { given: { paths: { '/a': { parameters: [p({ description: 'shared' }), p({ name: 'z' })], get: { parameters: [p({ description: 'own' }), p({ in: 'header' })] } } } }, want: [
        { name: 'q', in: 'query', required: false, type: STRING, style: 'form', explode: true, description: 'own' },
        { name: 'z', in: 'query', required: false, type: STRING, style: 'form', explode: true },
        { name: 'q', in: 'header', required: false, type: STRING, style: 'simple', explode: false },
      ] }],
      ['a $ref parameter', { given: { paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/Q' }] } } }, components: { parameters: { Q: p({ required: true }) } } }, want: [{ name: 'q', in: 'query', required: true, type: STRING, style: 'form', explode: true }] }],
    ],
    (ops) => ops[0]!.parameters,
  );
});

describe('request bodies and responses', () => {
  each(
    [
      ['media types in order, encoded by type; a schemaless one typed by its encoding', { given: { paths: { '/a': { post: { requestBody: { required: true, description: 'b', content: {
        'application/merge-patch+json': { schema: { type: 'string' } },
        'application/x-www-form-urlencoded': {},
        'multipart/form-data': {},
        'text/plain': {},
        'application/octet-stream': {},
      } } } } } }, want: { required: true, description: 'b', contents: [
        { mediaType: 'application/merge-patch+json', encoding: 'json', type: STRING },
        { mediaType: 'application/x-www-form-urlencoded', encoding: 'form', type: { kind: 'object', properties: [], additional: true } },
        { mediaType: 'multipart/form-data', encoding: 'multipart', type: { kind: 'object', properties: [], additional: true } },
        { mediaType: 'text/plain', encoding: 'text', type: STRING },
        { mediaType: 'application/octet-stream', encoding: 'binary', type: { kind: 'primitive', name: 'Blob' } },
      ] } }],
      ['a $ref request body, optional by default', { given: { paths: { '/a': { post: { requestBody: { $ref: '#/components/requestBodies/B' } } } }, components: { requestBodies: { B: { content: { 'application/json': {} } } } } }, want: { required: false, description: undefined, contents: [{ mediaType: 'application/json', encoding: 'json', type: { kind: 'primitive', name: 'unknown' } }] } }],
    ],
    (ops) => ops[0]!.requestBody,
  );

  each(
    [
      ['every status in order, $refs followed', { given: { paths: { '/a': { get: { responses: { '200': { description: 'ok', content: { 'text/plain': {} } }, '404': { $ref: '#/components/responses/NotFound' }, default: { description: 'e' } } } } }, components: { responses: { NotFound: { description: 'nf' } } } }, want: [
        { status: '200', description: 'ok', contents: [{ mediaType: 'text/plain', encoding: 'text', type: STRING }] },
        { status: '404', description: 'nf', contents: [] },
        { status: 'default', description: 'e', contents: [] },
      ] }],
    ],
    (ops) => ops[0]!.responses,
  );
});

describe('operation fields and security', () => {
  each(
    [
      ['operationId, summary, description, deprecated, string tags only', { given: { paths: { '/a': { get: { operationId: 'getA', summary: 's', description: 'd', deprecated: true, tags: ['t', 3] } } } }, want: { operationId: 'getA', summary: 's', description: 'd', deprecated: true, tags: ['t'] } }],
      ['empty strings are absent', { given: { paths: { '/a': { get: { operationId: '', summary: '' } } } }, want: { operationId: undefined, summary: undefined, description: undefined, deprecated: undefined, tags: [] } }],
    ],
    (ops) => {
      const { operationId, summary, description, deprecated, tags } = ops[0]!;
      return { operationId, summary, description, deprecated, tags };
    },
  );

  each(
    [
      ['no security: the document’s', { given: { paths: { '/a': { get: {} } } }, want: GLOBAL }],
      ['security: [] is public', { given: { paths: { '/a': { get: { security: [] } } } }, want: [] }],
      ['its own replaces the document’s', { given: { paths: { '/a': { get: { security: [{ oauth: ['read'] }, {}] } } } }, want: [{ schemes: [{ scheme: 'oauth', scopes: ['read'] }] }, { schemes: [] }] }],
    ],
    (ops) => ops[0]!.security,
  );
});

describe('refused, with the pointer', () => {
  const cases: Array<[string, { given: object; want: [string, string] }]> = [
    ['an operation that is not an object', { given: { '/a': { get: 'nope' } }, want: ['E_INVALID', '#/paths/~1a/get'] }],
    ['parameters that are not an array', { given: { '/a': { get: { parameters: {} } } }, want: ['E_INVALID', '#/paths/~1a/get/parameters'] }],
    ['a parameter without a usable "in"', { given: { '/a': { get: { parameters: [{ name: 'x', in: 'body' }] } } }, want: ['E_INVALID', '#/paths/~1a/get/parameters/0'] }],
    ['a $ref that points nowhere', { given: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }] } } }, want: ['E_REF', '#/paths/~1a/get/parameters/0'] }],
    ['an undeclared scheme', { given: { '/a': { get: { security: [{ nope: [] }] } } }, want: ['E_SECURITY', '#/paths/~1a/get/security/0/nope'] }],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    let error: unknown;
    try {
      run(given);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KeywayError);
    expect([(error as KeywayError).code, (error as KeywayError).location.pointer]).toEqual(want);
  });
});
