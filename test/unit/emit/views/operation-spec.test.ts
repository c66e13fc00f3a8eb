import { describe, expect, it } from 'vitest';
import { operationSpec } from '../../../../src/emit/views/operation-spec.js';
import type { OperationModel, ParameterModel } from '../../../../src/model/index.js';
import { plan } from '../../../../src/plan/index.js';
import { ClientCore } from '../../../../src/runtime/client-core.js';
import type { OperationSpec } from '../../../../src/runtime/operation.js';

const str = { kind: 'primitive', name: 'string' } as const;
const param = (p: Partial<ParameterModel>): ParameterModel => ({ name: 'q', in: 'query', required: false, type: str, style: 'form', explode: true, ...p });

function specOf(parameters: ParameterModel[]): OperationSpec {
  const op: OperationModel = { operationId: 'search', method: 'get', path: '/search/{id}', tags: [], parameters, responses: [{ status: '200', contents: [{ mediaType: 'application/json', encoding: 'json', type: str }] }], security: [], pointer: '#' };
  const planned = plan({ sourceVersion: '3.0', specVersion: '3.0.3', title: 't', version: '1', servers: [], operations: [op], types: [], securitySchemes: [] });
  return operationSpec(planned.operations[0]!);
}

describe('operationSpec', () => {
  it('marks required non-path parameters, and only differences from the default style', () => {
    const spec = specOf([
      param({ name: 'id', in: 'path', required: true, style: 'simple', explode: false }),
      param({ name: 'q', required: true }),
      param({ name: 'tags', style: 'pipeDelimited', explode: true }),
    ]);
    expect(spec.params).toEqual([
      { key: 'id', name: 'id', in: 'path' },
      { key: 'q', name: 'q', in: 'query', required: true },
      { key: 'tags', name: 'tags', in: 'query', style: 'pipeDelimited', explode: true },
    ]);
    expect(spec.accept).toBe('application/json');
  });

  it('lets the runtime refuse a missing required query parameter before any request', async () => {
    const spec = specOf([param({ name: 'id', in: 'path', required: true, style: 'simple', explode: false }), param({ name: 'q', required: true })]);
    let sent = 0;
    const core = new ClientCore({ baseUrl: 'https://api.test', auth: new Map(), fetch: async () => (sent++, new Response('""')) });
    await expect(core.request(spec, { id: '1' })).rejects.toThrow(/missing required query parameter "q"/);
    expect(sent).toBe(0);
  });
});
