import { describe, expect, it } from 'vitest';
import { KeywayError } from '../../../src/errors.js';
import type { SourceVersion } from '../../../src/model/api.js';
import { validateDocument } from '../../../src/load/validate-document.js';

type Json = Record<string, unknown>;
const info = { title: 't', version: '1' };
const ok = { 200: { description: 'ok' } };
const openapi: Record<SourceVersion, Json> = {
  '2.0': { swagger: '2.0', info },
  '3.0': { openapi: '3.0.3', info },
  '3.1': { openapi: '3.1.0', info },
  '3.2': { openapi: '3.2.0', info },
};
const withOperation = (version: SourceVersion, operation: Json, more: Json = {}): Json => ({
  ...openapi[version],
  paths: { '/a': { get: { responses: ok, ...operation } } },
  ...more,
});
const withComponents = (version: SourceVersion, components: Json): Json => ({ ...openapi[version], paths: {}, components });

async function violations(version: SourceVersion, document: Json): Promise<string[]> {
  try {
    await validateDocument(document, version, 'spec.yaml', () => undefined);
  } catch (error) {
    expect(error).toBeInstanceOf(KeywayError);
    expect((error as KeywayError).code).toBe('E_INVALID');
    return (error as KeywayError).details;
  }
  return [];
}

describe('validateDocument reports the specific violation, not the oneOf noise', () => {
  const cases: Array<[string, SourceVersion, Json, string[]]> = [
    ['3.0 missing responses', '3.0', { ...openapi['3.0'], paths: { '/a': { get: {} } } }, ["#/paths/~1a/get: must have required property 'responses'"]],
    ['3.0 missing info', '3.0', { openapi: '3.0.3', paths: {} }, ["#: must have required property 'info'"]],
    [
      '3.0 unknown parameter location',
      '3.0',
      withOperation('3.0', { parameters: [{ name: 'x', in: 'body', schema: { type: 'string' } }] }),
      ["#/paths/~1a/get/parameters/0/in: must be one of 'path', 'query', 'header', 'cookie'"],
    ],
    [
      '3.0 style not allowed for the location',
      '3.0',
      withOperation('3.0', { parameters: [{ name: 'x', in: 'query', style: 'simple', schema: { type: 'string' } }] }),
      ["#/paths/~1a/get/parameters/0/style: must be one of 'form', 'spaceDelimited', 'pipeDelimited', 'deepObject'"],
    ],
    [
      '3.0 parameter without schema or content',
      '3.0',
      withOperation('3.0', { parameters: [{ name: 'x', in: 'query' }] }),
      ["#/paths/~1a/get/parameters/0: must have one of the properties 'schema', 'content'"],
    ],
    ['3.0 response without description', '3.0', withOperation('3.0', { responses: { 200: { content: {} } } }), ["#/paths/~1a/get/responses/200: must have required property 'description'"]],
    [
      '3.0 schema type typo',
      '3.0',
      withComponents('3.0', { schemas: { A: { type: 'strin' } } }),
      ["#/components/schemas/A/type: must be one of 'array', 'boolean', 'integer', 'number', 'object', 'string'"],
    ],
    ['3.0 http scheme without scheme', '3.0', withComponents('3.0', { securitySchemes: { h: { type: 'http' } } }), ["#/components/securitySchemes/h: must have required property 'scheme'"]],
    [
      '3.0 wrong fields in an implicit flow',
      '3.0',
      withComponents('3.0', { securitySchemes: { o: { type: 'oauth2', flows: { implicit: { tokenUrl: 'https://t', scopes: {} } } } } }),
      ["#/components/securitySchemes/o/flows/implicit/tokenUrl: unexpected property 'tokenUrl'", "#/components/securitySchemes/o/flows/implicit: must have required property 'authorizationUrl'"],
    ],
    [
      '3.0 unknown security scheme type',
      '3.0',
      withComponents('3.0', { securitySchemes: { o: { type: 'oauth3' } } }),
      ["#/components/securitySchemes/o/type: must be one of 'apiKey', 'http', 'oauth2', 'openIdConnect'"],
    ],
    ['3.0 unknown path item field', '3.0', { ...openapi['3.0'], paths: { '/a': { foo: 1 } } }, ["#/paths/~1a/foo: unexpected property 'foo'"]],
    ['3.1 response without description', '3.1', withOperation('3.1', { responses: { 200: { content: {} } } }), ["#/paths/~1a/get/responses/200: must have required property 'description'"]],
    [
      '3.1 path parameter not required',
      '3.1',
      withOperation('3.1', { parameters: [{ name: 'x', in: 'path', schema: {} }] }),
      ["#/paths/~1a/get/parameters/0: must have required property 'required'"],
    ],
    ['3.1 unknown operation field', '3.1', withOperation('3.1', { links: 1 }), ["#/paths/~1a/get/links: unexpected property 'links'"]],
    ['2.0 response without description', '2.0', withOperation('2.0', { responses: { 200: { schema: {} } } }), ["#/paths/~1a/get/responses/200: must have required property 'description'"]],
    [
      '2.0 query parameter without type',
      '2.0',
      withOperation('2.0', { parameters: [{ name: 'q', in: 'query' }] }),
      ["#/paths/~1a/get/parameters/0: must have required property 'type'"],
    ],
    [
      '2.0 accessCode flow without authorizationUrl',
      '2.0',
      withOperation('2.0', {}, { securityDefinitions: { o: { type: 'oauth2', flow: 'accessCode', tokenUrl: 'https://t', scopes: {} } } }),
      ["#/securityDefinitions/o: must have required property 'authorizationUrl'"],
    ],
  ];
  it.each(cases)('%s', async (_name, version, document, expected) => {
    expect(await violations(version, document)).toEqual(expected);
  });

  it('the first violation is the message and location, with line/column from the locator', async () => {
    const document = { ...openapi['3.0'], paths: { '/a': { get: {} } } };
    let error: KeywayError | undefined;
    try {
      await validateDocument(document, '3.0', 'spec.yaml', (segments) => (segments.join('/') === 'paths//a/get' ? { line: 7, column: 5 } : undefined));
    } catch (caught) {
      error = caught as KeywayError;
    }
    expect(error?.location).toEqual({ file: 'spec.yaml', pointer: '#/paths/~1a/get', line: 7, column: 5 });
    expect(error?.message).toBe("spec.yaml:7:5 at #/paths/~1a/get: must have required property 'responses'");
  });

  it('caps details at 20 and says how many more', async () => {
    const paths = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`/p${i}`, { get: {} }]));
    const details = await violations('3.0', { ...openapi['3.0'], paths });
    expect(details).toHaveLength(21);
    expect(details[20]).toBe('… and 5 more');
  });
});

describe('validateDocument: OpenAPI 3.2 (3.1 schema extended with the 3.2 additions)', () => {
  it.each([
    ['query operation and additionalOperations', { ...openapi['3.2'], paths: { '/a': { query: { responses: ok }, additionalOperations: { COPY: { responses: ok } } } } }],
    ['$self, server name, tag summary/parent/kind', { ...openapi['3.2'], $self: 'https://x/openapi', servers: [{ url: 'https://x', name: 'prod' }], tags: [{ name: 'a', summary: 'A', kind: 'nav' }, { name: 'b', parent: 'a' }], paths: {} }],
    ['querystring parameter and itemSchema', withOperation('3.2', { parameters: [{ name: 'q', in: 'querystring', content: { 'application/json': { schema: {} } } }], responses: { 200: { summary: 'no description needed', content: { 'application/jsonl': { itemSchema: { type: 'object' } } } } } })],
    ['cookie style', withOperation('3.2', { parameters: [{ name: 'c', in: 'cookie', style: 'cookie', schema: { type: 'string' } }] })],
    ['media type $ref to components.mediaTypes', { ...withOperation('3.2', { responses: { 200: { description: 'ok', content: { 'application/json': { $ref: '#/components/mediaTypes/Json' } } } } }), components: { mediaTypes: { Json: { schema: {} } } } }],
    ['device authorization flow, oauth2MetadataUrl, deprecated scheme', withComponents('3.2', { securitySchemes: { d: { type: 'oauth2', deprecated: true, oauth2MetadataUrl: 'https://a/.well-known', flows: { deviceAuthorization: { deviceAuthorizationUrl: 'https://a/device', tokenUrl: 'https://a/token', scopes: {} } } } } })],
    ['example dataValue/serializedValue', withComponents('3.2', { examples: { e: { dataValue: { a: 1 }, serializedValue: '{"a":1}' } } })],
  ])('accepts %s', async (_name, document) => {
    expect(await violations('3.2', document)).toEqual([]);
  });

  it.each([
    ['a 3.2 field in 3.1', '3.1', { ...openapi['3.1'], paths: { '/a': { query: { responses: ok } } } }, ["#/paths/~1a/query: unexpected property 'query'"]],
    ['bad additional operation', '3.2', { ...openapi['3.2'], paths: { '/a': { additionalOperations: { COPY: { responses: 1 } } } } }, ['#/paths/~1a/additionalOperations/COPY/responses: must be object']],
    ['unknown tag field', '3.2', { ...openapi['3.2'], paths: {}, tags: [{ name: 'a', group: 'x' }] }, ["#/tags/0/group: unexpected property 'group'"]],
    ['3.2 version in a 3.1 pattern', '3.2', { openapi: '3.1.0', info, paths: {} }, ['#/openapi: must match pattern "^3\\.2\\.\\d+(-.+)?$"']],
  ] as const)('rejects %s', async (_name, version, document, expected) => {
    expect(await violations(version, document as Json)).toEqual(expected);
  });
});
