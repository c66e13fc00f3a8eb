import { describe, expect, it } from 'vitest';
import { RuntimeRef } from '../../../../src/emit/literal.js';
import { operationSpec, type WrittenOperationSpec } from '../../../../src/emit/views/operation-spec.js';
import type { OperationModel, ParameterModel } from '../../../../src/model/index.js';
import { plan } from '../../../../src/plan/index.js';
import { testCore } from '../../../support/test-core.js';
import * as encoders from '../../../../src/runtime/encode-body.js';
import type { OperationSpec } from '../../../../src/runtime/operation.js';
import * as pathStyles from '../../../../src/runtime/path-styles.js';
import * as pathExpansion from '../../../../src/runtime/serialize-path.js';
import * as headerSerializers from '../../../../src/runtime/serialize-header.js';
import * as querySerializers from '../../../../src/runtime/serialize-query.js';

const str = { kind: 'primitive', name: 'string' } as const;
const param = (p: Partial<ParameterModel>): ParameterModel => ({ name: 'q', in: 'query', required: false, type: str, style: 'form', explode: true, ...p });

function planOf(parameters: ParameterModel[], requestBody?: OperationModel['requestBody']) {
  const op: OperationModel = { operationId: 'search', method: 'get', path: '/search/{id}', tags: [], parameters, responses: [{ status: '200', contents: [{ mediaType: 'application/json', encoding: 'json', type: str }] }], security: [], pointer: '#', requestBody };
  return plan({ sourceVersion: '3.0', specVersion: '3.0.3', title: 't', version: '1', servers: [], operations: [op], types: [], securitySchemes: [] });
}

function specOf(parameters: ParameterModel[], requestBody?: OperationModel['requestBody']): WrittenOperationSpec {
  return operationSpec(planOf(parameters, requestBody).operations[0]!);
}

/** The runtime values operations.ts imports, as planned: the serializers and encoders the specs name. */
function specRefsOf(parameters: ParameterModel[], requestBody?: OperationModel['requestBody']): string[] {
  return planOf(parameters, requestBody).modules['operations.ts'].runtimeImports.filter((name) => !name.type).map((name) => name.name);
}

/** The spec as the generated module has it: each RuntimeRef is the runtime's export of that name. */
function asGenerated(spec: WrittenOperationSpec): OperationSpec {
  const runtime: Record<string, unknown> = { ...encoders, ...pathStyles, ...pathExpansion, ...headerSerializers, ...querySerializers };
  return JSON.parse(JSON.stringify(spec, (_key, value: unknown) => (value instanceof RuntimeRef ? `ref:${value.name}` : value)), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith('ref:') ? runtime[value.slice(4)] : value,
  ) as OperationSpec;
}

describe('operationSpec', () => {
  it('marks required non-path parameters, and only differences from the default style (a wire name only when it is not the key)', () => {
    const spec = specOf([
      param({ name: 'id', in: 'path', required: true, style: 'simple', explode: false }),
      param({ name: 'q', required: true }),
      param({ name: 'tags', style: 'pipeDelimited', explode: true }),
    ]);
    expect(spec.params).toEqual([
      { key: 'id', in: 'path' },
      { key: 'q', in: 'query', required: true, serialize: new RuntimeRef('writeFormQuery') },
      { key: 'tags', in: 'query', style: 'pipeDelimited', explode: true, serialize: new RuntimeRef('writeQueryParam') },
    ]);
    expect(spec.accept).toBe('application/json');
  });

  it('lets the runtime refuse a missing required query parameter before any request', async () => {
    const spec = specOf([param({ name: 'id', in: 'path', required: true, style: 'simple', explode: false }), param({ name: 'q', required: true })]);
    let sent = 0;
    const core = testCore({ baseUrl: 'https://api.test', auth: new Map(), fetch: async () => (sent++, new Response('""')) });
    await expect(core.request(asGenerated(spec), { id: '1' })).rejects.toThrow(/missing required query parameter "q"/);
    expect(sent).toBe(0);
  });

  it('names the serializer of each location and the encoder of the body, for the module to import', () => {
    const parameters = [
      param({ name: 'id', in: 'path', required: true, style: 'simple', explode: false }),
      param({ name: 'q' }),
      param({ name: 'X-Trace', in: 'header', style: 'simple', explode: false }),
      param({ name: 'sid', in: 'cookie' }),
    ];
    const body = { required: true, contents: [{ mediaType: 'application/x-www-form-urlencoded', encoding: 'form' as const, type: str }] };
    const spec = specOf(parameters, body);
    expect(spec.params.map((p) => p.serialize)).toEqual([undefined, new RuntimeRef('writeFormQuery'), new RuntimeRef('writeHeaderParam'), new RuntimeRef('writeCookieParam')]);
    expect(spec.body?.encode).toEqual(new RuntimeRef('encodeFormBody'));
    expect(specRefsOf(parameters, body)).toEqual(['expandPath', 'writeFormQuery', 'writeHeaderParam', 'writeCookieParam', 'encodeFormBody']);
    expect(spec.params[0]).toEqual({ key: 'id', in: 'path' });
  });

  it('writes the wire name of a parameter whose key is not its name, which the client sends', async () => {
    const parameters = [param({ name: 'id', in: 'path', required: true, style: 'simple', explode: false }), param({ name: 'id', required: true })];
    const spec = specOf(parameters);
    expect(spec.params[1]).toEqual({ key: 'id_query', name: 'id', in: 'query', required: true, serialize: new RuntimeRef('writeFormQuery') });
    const urls: string[] = [];
    const core = testCore({ baseUrl: 'https://api.test', auth: new Map(), fetch: async (url) => (urls.push(String(url)), new Response('""')) });
    await core.request(asGenerated(spec), { id: 'a', id_query: 'b' });
    expect(urls).toEqual(['https://api.test/search/a?id=b']);
  });

  it('names a path style other than simple, and the client sends it in that style', async () => {
    const parameters = [param({ name: 'id', in: 'path', required: true, style: 'matrix', explode: true }), param({ name: 'q' })];
    const spec = specOf(parameters);
    expect(spec.params[0]).toEqual({ key: 'id', in: 'path', style: 'matrix', explode: true, serialize: new RuntimeRef('matrixPathValue') });
    expect(specRefsOf(parameters)).toEqual(['expandPath', 'matrixPathValue', 'writeFormQuery']);
    const urls: string[] = [];
    const core = testCore({ baseUrl: 'https://api.test', auth: new Map(), fetch: async (url) => (urls.push(String(url)), new Response('""', { headers: { 'content-type': 'application/json' } })) });
    await core.request(asGenerated(spec), { id: ['a', 'b'], q: 'x y' });
    expect(urls).toEqual(['https://api.test/search/;id=a;id=b?q=x%20y']);
  });

  it('writes each alternative with every scheme once, its scopes united, each scope once (the runtime applies it as written)', () => {
    const op: OperationModel = {
      operationId: 'search', method: 'get', path: '/search', tags: [], parameters: [], responses: [], pointer: '#',
      security: [{ schemes: [{ scheme: 'key', scopes: [] }, { scheme: 'oauth', scopes: ['a'] }, { scheme: 'oauth', scopes: ['b', 'a'] }] }, { schemes: [] }],
    };
    const planned = plan({ sourceVersion: '3.0', specVersion: '3.0.3', title: 't', version: '1', servers: [], operations: [op], types: [], securitySchemes: [
      { key: 'key', kind: 'apiKey', in: 'header', paramName: 'X-Key', pointer: '#/components/securitySchemes/key' },
      { key: 'oauth', kind: 'oauth2', flows: { implicit: { authorizationUrl: 'https://login.test/authorize', scopes: {} } }, pointer: '#/components/securitySchemes/oauth' },
    ] });
    expect(operationSpec(planned.operations[0]!).security).toEqual([[['key', []], ['oauth', ['a', 'b']]], []]);
  });
});
