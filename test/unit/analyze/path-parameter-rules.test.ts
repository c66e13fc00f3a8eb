/**
 * The parameter rules every document gets, as given/want tables: a path key with a `#fragment` is
 * sent without it, its bare `#name` items make a query key required (a valueless flag when no
 * parameter declares it), and a required parameter whose schema allows one value is filled in by
 * the client. Shapes from APIs.guru's AWS documents (aws2openapi): STS, DynamoDB, S3.
 */
import { describe, expect, it } from 'vitest';
import { analyzeOperations } from '../../../src/analyze/operations.js';
import { pathFragment } from '../../../src/analyze/path-fragment.js';
import type { OperationModel, ParameterModel } from '../../../src/model/index.js';

type Json = Record<string, unknown>;

function operationsOf(paths: Json, components: Json = {}): OperationModel[] {
  const document = { openapi: '3.0.0', info: { title: 't', version: '1' }, paths, components };
  return analyzeOperations({ schema: { document, dialect: '3.0' }, declaredSchemes: new Set(), globalSecurity: [] });
}

const ok = { responses: { '200': { description: 'ok' } } };
const enumOf = (...values: unknown[]) => ({ type: typeof values[0] === 'boolean' ? 'boolean' : 'string', enum: values });
const param = (name: string, where: string, schema: Json, extra: Json = {}) => ({ name, in: where, schema, ...extra });

/** What a test cares about per parameter: name, location, required, and how the client fills it in. */
const brief = (p: ParameterModel) => ({ name: p.name, in: p.in, required: p.required, ...(p.fixed ? { fixed: p.fixed } : {}) });

describe('pathFragment', () => {
  it.each([
    ['/pets', { requestPath: '/pets', presentKeys: [] }],
    ['/#Action=AssumeRole', { requestPath: '/', presentKeys: [] }],
    ['/#X-Amz-Target=DynamoDB_20120810.GetItem', { requestPath: '/', presentKeys: [] }],
    ['/{Bucket}#acl', { requestPath: '/{Bucket}', presentKeys: ['acl'] }],
    ['/{Bucket}/{Key}#partNumber&uploadId', { requestPath: '/{Bucket}/{Key}', presentKeys: ['partNumber', 'uploadId'] }],
    ['/{Bucket}/{Key}#select&select-type=2', { requestPath: '/{Bucket}/{Key}', presentKeys: ['select'] }],
    ['/{Bucket}#uploads&deprecated!', { requestPath: '/{Bucket}', presentKeys: ['uploads'] }],
    ['/a#', { requestPath: '/a', presentKeys: [] }],
    ['/a#x&x', { requestPath: '/a', presentKeys: ['x'] }],
  ])('%s', (given, want) => {
    expect(pathFragment(given)).toEqual(want);
  });
});

const CASES: Array<[name: string, { paths: Json; components?: Json; want: Array<{ path: string; requestPath?: string; parameters: Json[] }> }]> = [
  [
    'STS: Action and Version (single-value enums, required) are filled in; the fragment is not sent',
    {
      paths: {
        '/#Action=AssumeRole': {
          get: {
            ...ok,
            operationId: 'GET_AssumeRole',
            parameters: [
              param('RoleArn', 'query', { type: 'string' }, { required: true }),
              param('DurationSeconds', 'query', { type: 'integer' }),
              param('Action', 'query', enumOf('AssumeRole'), { required: true }),
              param('Version', 'query', enumOf('2011-06-15'), { required: true }),
            ],
          },
        },
      },
      want: [
        {
          path: '/#Action=AssumeRole',
          requestPath: '/',
          parameters: [
            { name: 'RoleArn', in: 'query', required: true },
            { name: 'DurationSeconds', in: 'query', required: false },
            { name: 'Action', in: 'query', required: true, fixed: { value: 'AssumeRole' } },
            { name: 'Version', in: 'query', required: true, fixed: { value: '2011-06-15' } },
          ],
        },
      ],
    },
  ],
  [
    'DynamoDB: the X-Amz-Target header is filled in',
    {
      paths: { '/#X-Amz-Target=DynamoDB_20120810.GetItem': { post: { ...ok, parameters: [param('X-Amz-Target', 'header', enumOf('DynamoDB_20120810.GetItem'), { required: true })] } } },
      want: [{ path: '/#X-Amz-Target=DynamoDB_20120810.GetItem', requestPath: '/', parameters: [{ name: 'X-Amz-Target', in: 'header', required: true, fixed: { value: 'DynamoDB_20120810.GetItem' } }] }],
    },
  ],
  [
    'S3 as aws2openapi writes it: `acl` declared as allowEmptyValue + enum [true] is a bare flag',
    {
      paths: { '/{Bucket}#acl': { get: { ...ok, parameters: [param('Bucket', 'path', { type: 'string' }, { required: true }), param('acl', 'query', enumOf(true), { required: true, allowEmptyValue: true })] } } },
      want: [{ path: '/{Bucket}#acl', requestPath: '/{Bucket}', parameters: [{ name: 'Bucket', in: 'path', required: true }, { name: 'acl', in: 'query', required: true, fixed: { flag: true } }] }],
    },
  ],
  [
    'a bare #name no parameter declares becomes a required valueless query flag',
    {
      paths: { '/{Bucket}#acl': { put: { ...ok, parameters: [param('Bucket', 'path', { type: 'string' }, { required: true })] } } },
      want: [{ path: '/{Bucket}#acl', requestPath: '/{Bucket}', parameters: [{ name: 'Bucket', in: 'path', required: true }, { name: 'acl', in: 'query', required: true, fixed: { flag: true } }] }],
    },
  ],
  [
    'a bare #name a parameter declares makes it required (path-item parameters too; headers by any case)',
    {
      paths: {
        '/{Bucket}/{Key}#x-amz-copy-source&partNumber&uploadId': {
          parameters: [param('uploadId', 'query', { type: 'string' })],
          put: {
            ...ok,
            parameters: [
              param('Bucket', 'path', { type: 'string' }, { required: true }),
              param('Key', 'path', { type: 'string' }, { required: true }),
              param('X-Amz-Copy-Source', 'header', { type: 'string' }),
              param('partNumber', 'query', { type: 'integer' }),
            ],
          },
        },
      },
      want: [
        {
          path: '/{Bucket}/{Key}#x-amz-copy-source&partNumber&uploadId',
          requestPath: '/{Bucket}/{Key}',
          parameters: [
            { name: 'uploadId', in: 'query', required: true },
            { name: 'Bucket', in: 'path', required: true },
            { name: 'Key', in: 'path', required: true },
            { name: 'X-Amz-Copy-Source', in: 'header', required: true },
            { name: 'partNumber', in: 'query', required: true },
          ],
        },
      ],
    },
  ],
  [
    'single-value rules hold for every document: const, $ref schemas, numbers, path parameters',
    {
      paths: {
        '/{version}/items': {
          get: {
            ...ok,
            parameters: [
              param('version', 'path', enumOf('v2')),
              param('format', 'query', { $ref: '#/components/schemas/Format' }, { required: true }),
              param('page-size', 'query', { type: 'integer', const: 50 }, { required: true }),
            ],
          },
        },
      },
      components: { schemas: { Format: { type: 'string', enum: ['json'] } } },
      want: [
        {
          path: '/{version}/items',
          parameters: [
            { name: 'version', in: 'path', required: true, fixed: { value: 'v2' } },
            { name: 'format', in: 'query', required: true, fixed: { value: 'json' } },
            { name: 'page-size', in: 'query', required: true, fixed: { value: 50 } },
          ],
        },
      ],
    },
  ],
  [
    'what the client does not fill in: optional, several values, nullable, objects, content parameters',
    {
      paths: {
        '/x': {
          get: {
            ...ok,
            parameters: [
              param('optional', 'query', enumOf('only')),
              param('two', 'query', enumOf('a', 'b'), { required: true }),
              param('nullable', 'query', { ...enumOf('a'), nullable: true }, { required: true }),
              param('object', 'query', { type: 'object', enum: [{ a: 1 }] }, { required: true }),
              { name: 'json', in: 'query', required: true, content: { 'application/json': { schema: enumOf('a') } } },
            ],
          },
        },
      },
      want: [
        {
          path: '/x',
          parameters: [
            { name: 'optional', in: 'query', required: false },
            { name: 'two', in: 'query', required: true },
            { name: 'nullable', in: 'query', required: true },
            { name: 'object', in: 'query', required: true },
            { name: 'json', in: 'query', required: true },
          ],
        },
      ],
    },
  ],
];

describe('path fragments and single-value parameters', () => {
  it.each(CASES)('%s', (_name, { paths, components, want }) => {
    const operations = operationsOf(paths, components);
    expect(operations.map((op) => ({ path: op.path, ...(op.requestPath !== undefined ? { requestPath: op.requestPath } : {}), parameters: op.parameters.map(brief) }))).toEqual(want);
  });

  it('a path without a fragment has no requestPath: existing models are unchanged', () => {
    const [op] = operationsOf({ '/pets': { get: ok } });
    expect(op).not.toHaveProperty('requestPath');
  });
});
