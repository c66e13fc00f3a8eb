import { describe, expect, it } from 'vitest';
import { serversOf, upgradeSwagger2 } from '../../../src/load/upgrade-swagger2.js';

type Json = Record<string, unknown>;
const info = { title: 't', version: '1' };

/** Upgrades a 2.0 document made of `info` plus the given fields. */
function upgrade(fields: Json): Json {
  return upgradeSwagger2({ swagger: '2.0', info, paths: {}, ...fields });
}

/** Upgrades one GET /x operation and returns it. */
function upgradeOperation(operation: Json, global: Json = {}): Json {
  const paths = upgrade({ ...global, paths: { '/x': { get: { responses: { 200: { description: 'ok' } }, ...operation } } } })['paths'] as Json;
  return (paths['/x'] as Json)['get'] as Json;
}

describe('upgradeSwagger2: non-body parameters', () => {
  const cases: Array<[string, Json, Json]> = [
    [
      'type keywords move into schema',
      { name: 'limit', in: 'query', type: 'integer', format: 'int32', minimum: 1, maximum: 100, default: 20, description: 'page size' },
      { name: 'limit', in: 'query', description: 'page size', schema: { type: 'integer', format: 'int32', default: 20, maximum: 100, minimum: 1 } },
    ],
    [
      'query array without collectionFormat is csv: form, not exploded',
      { name: 'ids', in: 'query', type: 'array', items: { type: 'integer' } },
      { name: 'ids', in: 'query', style: 'form', explode: false, schema: { type: 'array', items: { type: 'integer' } } },
    ],
    [
      'multi → form exploded',
      { name: 'tag', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'multi' },
      { name: 'tag', in: 'query', style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } },
    ],
    [
      'ssv → spaceDelimited',
      { name: 'q', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'ssv' },
      { name: 'q', in: 'query', style: 'spaceDelimited', explode: false, schema: { type: 'array', items: { type: 'string' } } },
    ],
    [
      'pipes → pipeDelimited',
      { name: 'q', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'pipes' },
      { name: 'q', in: 'query', style: 'pipeDelimited', explode: false, schema: { type: 'array', items: { type: 'string' } } },
    ],
    [
      'tsv has no 3.0 style and is kept as an extension',
      { name: 'q', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'tsv' },
      { name: 'q', in: 'query', 'x-collectionFormat': 'tsv', schema: { type: 'array', items: { type: 'string' } } },
    ],
    [
      'csv in a header is 3.0 simple style, the default',
      { name: 'X-Ids', in: 'header', type: 'array', items: { type: 'string' }, collectionFormat: 'csv' },
      { name: 'X-Ids', in: 'header', schema: { type: 'array', items: { type: 'string' } } },
    ],
    [
      'nested items are converted and lose their collectionFormat',
      { name: 'm', in: 'query', type: 'array', collectionFormat: 'pipes', items: { type: 'array', collectionFormat: 'csv', items: { type: 'integer', enum: [1, 2] } } },
      { name: 'm', in: 'query', style: 'pipeDelimited', explode: false, schema: { type: 'array', items: { type: 'array', items: { type: 'integer', enum: [1, 2] } } } },
    ],
    [
      'x-nullable → schema.nullable, x-example → example, other extensions kept',
      { name: 'since', in: 'query', type: 'string', format: 'date', 'x-nullable': true, 'x-example': '2020-01-01', 'x-internal': 1 },
      { name: 'since', in: 'query', schema: { type: 'string', format: 'date', nullable: true }, example: '2020-01-01', 'x-internal': 1 },
    ],
    [
      'path parameters stay required',
      { name: 'id', in: 'path', required: true, type: 'string' },
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ],
  ];
  it.each(cases)('%s', (_name, parameter, expected) => {
    expect(upgradeOperation({ parameters: [parameter] })['parameters']).toEqual([expected]);
  });
});

describe('upgradeSwagger2: request bodies', () => {
  it('body parameter → requestBody under each consumed media type', () => {
    const operation = upgradeOperation(
      { consumes: ['application/json', 'application/xml'], parameters: [{ name: 'pet', in: 'body', required: true, description: 'the pet', schema: { $ref: '#/definitions/Pet' } }] },
      { definitions: { Pet: { type: 'object' } } },
    );
    expect(operation['requestBody']).toEqual({
      description: 'the pet',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } }, 'application/xml': { schema: { $ref: '#/components/schemas/Pet' } } },
      required: true,
      'x-codegen-request-body-name': 'pet',
    });
    expect(operation['parameters']).toBeUndefined();
  });

  it('uses the global consumes, else application/json', () => {
    const withGlobal = upgradeOperation({ parameters: [{ name: 'b', in: 'body', schema: { type: 'string' } }] }, { consumes: ['text/plain'] });
    expect(Object.keys((withGlobal['requestBody'] as Json)['content'] as Json)).toEqual(['text/plain']);
    const withDefault = upgradeOperation({ parameters: [{ name: 'b', in: 'body', schema: { type: 'string' } }] });
    expect(Object.keys((withDefault['requestBody'] as Json)['content'] as Json)).toEqual(['application/json']);
  });

  it('formData with a file → multipart object schema; file → binary string', () => {
    const operation = upgradeOperation({
      parameters: [
        { name: 'note', in: 'formData', type: 'string', description: 'a note' },
        { name: 'upload', in: 'formData', type: 'file', required: true },
      ],
    });
    expect(operation['requestBody']).toEqual({
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { note: { type: 'string', description: 'a note' }, upload: { type: 'string', format: 'binary' } }, required: ['upload'] },
        },
      },
      required: true,
    });
  });

  it('formData without files → urlencoded, arrays get an encoding', () => {
    const operation = upgradeOperation({
      parameters: [{ name: 'tags', in: 'formData', type: 'array', items: { type: 'string' }, collectionFormat: 'multi' }],
    });
    expect(operation['requestBody']).toEqual({
      content: {
        'application/x-www-form-urlencoded': {
          schema: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } },
          encoding: { tags: { style: 'form', explode: true } },
        },
      },
    });
  });

  it('formData honours a declared form media type', () => {
    const operation = upgradeOperation({ consumes: ['multipart/form-data'], parameters: [{ name: 'a', in: 'formData', type: 'string' }] });
    expect(Object.keys((operation['requestBody'] as Json)['content'] as Json)).toEqual(['multipart/form-data']);
  });

  it('inlines a $ref to a global body parameter; keeps $refs to other global parameters', () => {
    const document = upgrade({
      parameters: {
        Body: { name: 'body', in: 'body', schema: { type: 'object' } },
        Limit: { name: 'limit', in: 'query', type: 'integer' },
      },
      paths: { '/x': { post: { parameters: [{ $ref: '#/parameters/Body' }, { $ref: '#/parameters/Limit' }], responses: { 200: { description: 'ok' } } } } },
    });
    const post = ((document['paths'] as Json)['/x'] as Json)['post'] as Json;
    expect(post['parameters']).toEqual([{ $ref: '#/components/parameters/Limit' }]);
    expect(post['requestBody']).toEqual({ content: { 'application/json': { schema: { type: 'object' } } }, 'x-codegen-request-body-name': 'body' });
    expect(document['components']).toEqual({ parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } } });
  });

  it('a path-level body parameter applies to each operation unless overridden', () => {
    const document = upgrade({
      paths: {
        '/x': {
          parameters: [{ name: 'b', in: 'body', schema: { type: 'string' } }, { name: 'id', in: 'query', type: 'string' }],
          put: { responses: { 200: { description: 'ok' } } },
          post: { parameters: [{ name: 'b', in: 'body', schema: { type: 'integer' } }], responses: { 200: { description: 'ok' } } },
        },
      },
    });
    const item = (document['paths'] as Json)['/x'] as Record<string, Json>;
    expect(item['parameters']).toEqual([{ name: 'id', in: 'query', schema: { type: 'string' } }]);
    expect(item['put']!['requestBody']).toMatchObject({ content: { 'application/json': { schema: { type: 'string' } } } });
    expect(item['post']!['requestBody']).toMatchObject({ content: { 'application/json': { schema: { type: 'integer' } } } });
  });
});

describe('upgradeSwagger2: responses', () => {
  it('schema → content per produced media type; examples → example; headers get a schema', () => {
    const operation = upgradeOperation({
      produces: ['application/json', 'text/csv'],
      responses: {
        200: {
          description: 'ok',
          schema: { type: 'array', items: { $ref: '#/definitions/Pet' } },
          examples: { 'application/json': [{ id: 1 }] },
          headers: { 'X-Rate-Limit': { type: 'integer', description: 'calls left' } },
        },
        204: { description: 'empty' },
        default: { $ref: '#/responses/Error' },
      },
    });
    expect(operation['responses']).toEqual({
      200: {
        description: 'ok',
        headers: { 'X-Rate-Limit': { description: 'calls left', schema: { type: 'integer' } } },
        content: {
          'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } }, example: [{ id: 1 }] },
          'text/csv': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } },
        },
      },
      204: { description: 'empty' },
      default: { $ref: '#/components/responses/Error' },
    });
  });

  it('a file response is a binary string', () => {
    const operation = upgradeOperation({ produces: ['application/octet-stream'], responses: { 200: { description: 'bytes', schema: { type: 'file' } } } });
    expect(operation['responses']).toEqual({
      200: { description: 'bytes', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
    });
  });

  it('global responses → components.responses with the global produces', () => {
    const document = upgrade({ produces: ['application/xml'], responses: { NotFound: { description: 'nf', schema: { type: 'string' } } } });
    expect(document['components']).toEqual({
      responses: { NotFound: { description: 'nf', content: { 'application/xml': { schema: { type: 'string' } } } } },
    });
  });
});

describe('upgradeSwagger2: schemas and $refs', () => {
  it('definitions → components.schemas; x-nullable, file and string discriminators converted throughout', () => {
    const document = upgrade({
      definitions: {
        Pet: {
          type: 'object',
          discriminator: 'kind',
          properties: {
            kind: { type: 'string' },
            photo: { type: 'file' },
            owner: { $ref: '#/definitions/Owner', 'x-nullable': true },
            tags: { type: 'array', items: { type: 'string', 'x-nullable': true } },
            extra: { type: 'object', additionalProperties: { type: 'string', 'x-nullable': false } },
          },
        },
        Owner: { allOf: [{ $ref: '#/definitions/Pet/properties/kind' }] },
      },
    });
    expect(document['components']).toEqual({
      schemas: {
        Pet: {
          type: 'object',
          discriminator: { propertyName: 'kind' },
          properties: {
            kind: { type: 'string' },
            photo: { type: 'string', format: 'binary' },
            owner: { $ref: '#/components/schemas/Owner', nullable: true },
            tags: { type: 'array', items: { type: 'string', nullable: true } },
            extra: { type: 'object', additionalProperties: { type: 'string', nullable: false } },
          },
        },
        Owner: { allOf: [{ $ref: '#/components/schemas/Pet/properties/kind' }] },
      },
    });
  });

  it('re-points $refs into moved operation parts (as bundling can produce)', () => {
    const document = upgrade({
      paths: {
        '/a': {
          post: {
            parameters: [{ name: 'q', in: 'query', type: 'string' }, { name: 'b', in: 'body', schema: { type: 'object', properties: { n: { type: 'string' } } } }],
            responses: { 200: { description: 'ok', schema: { type: 'integer' } } },
          },
        },
        '/b': {
          get: {
            parameters: [{ $ref: '#/paths/~1a/post/parameters/0' }],
            responses: {
              200: { description: 'ok', schema: { $ref: '#/paths/~1a/post/parameters/1/schema/properties/n' } },
              201: { description: 'ok', schema: { $ref: '#/paths/~1a/post/responses/200/schema' } },
            },
          },
        },
      },
    });
    const get = ((document['paths'] as Json)['/b'] as Json)['get'] as Record<string, any>;
    expect(get['parameters']).toEqual([{ $ref: '#/paths/~1a/post/parameters/0' }]);
    expect(get['responses']['200'].content['application/json'].schema).toEqual({ $ref: '#/paths/~1a/post/requestBody/content/application~1json/schema/properties/n' });
    expect(get['responses']['201'].content['application/json'].schema).toEqual({ $ref: '#/paths/~1a/post/responses/200/content/application~1json/schema' });
  });

  it('does not modify its input', () => {
    const input = { swagger: '2.0', info, paths: {}, definitions: { A: { $ref: '#/definitions/B' }, B: { type: 'string', 'x-nullable': true } } };
    const copy = structuredClone(input);
    upgradeSwagger2(input);
    expect(input).toEqual(copy);
  });
});

describe('upgradeSwagger2: security', () => {
  it('securityDefinitions → components.securitySchemes', () => {
    const document = upgrade({
      securityDefinitions: {
        basic: { type: 'basic', description: 'user and password' },
        key: { type: 'apiKey', name: 'api_key', in: 'query' },
        implicit: { type: 'oauth2', flow: 'implicit', authorizationUrl: 'https://a/authorize', scopes: { read: 'r' } },
        password: { type: 'oauth2', flow: 'password', tokenUrl: 'https://a/token', scopes: {} },
        application: { type: 'oauth2', flow: 'application', tokenUrl: 'https://a/token', scopes: { s: 'S' }, 'x-vendor': true },
        accessCode: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://a/authorize', tokenUrl: 'https://a/token', scopes: {} },
      },
      security: [{ basic: [] }, { application: ['s'] }],
    });
    expect(document['components']).toEqual({
      securitySchemes: {
        basic: { type: 'http', scheme: 'basic', description: 'user and password' },
        key: { type: 'apiKey', name: 'api_key', in: 'query' },
        implicit: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a/authorize', scopes: { read: 'r' } } } },
        password: { type: 'oauth2', flows: { password: { tokenUrl: 'https://a/token', scopes: {} } } },
        application: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://a/token', scopes: { s: 'S' } } }, 'x-vendor': true },
        accessCode: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://a/authorize', tokenUrl: 'https://a/token', scopes: {} } } },
      },
    });
    expect(document['security']).toEqual([{ basic: [] }, { application: ['s'] }]);
  });
});

describe('upgradeSwagger2: servers', () => {
  it.each([
    [['http', 'https'], 'api.test', '/v1', [{ url: 'https://api.test/v1' }, { url: 'http://api.test/v1' }]],
    [undefined, 'api.test', undefined, [{ url: 'https://api.test' }]],
    [['http'], 'api.test:8080', '/', [{ url: 'http://api.test:8080' }]],
    [['https'], undefined, '/v2/', [{ url: '/v2' }]],
    [undefined, undefined, '/', [{ url: '/' }]],
    [undefined, undefined, undefined, undefined],
  ])('schemes %j host %j basePath %j', (schemes, host, basePath, expected) => {
    expect(serversOf(schemes, host, basePath)).toEqual(expected);
  });

  it('sets openapi 3.0.3 and keeps info, tags, externalDocs and extensions', () => {
    const document = upgradeSwagger2({ swagger: '2.0', info, tags: [{ name: 'a' }], externalDocs: { url: 'https://docs' }, 'x-logo': 'l', paths: {}, host: 'h' });
    expect(document).toEqual({ openapi: '3.0.3', info, externalDocs: { url: 'https://docs' }, servers: [{ url: 'https://h' }], tags: [{ name: 'a' }], paths: {}, 'x-logo': 'l' });
  });
});
