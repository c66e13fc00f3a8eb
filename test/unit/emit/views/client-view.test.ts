// What clientView gives the template for the error map and the methods installed from the
// operations table: shared error unions written once (the largest part of a big API's
// OperationErrors), and the methods that take options only (declared, as methodsView gives them).
import { describe, expect, it } from 'vitest';
import { runtimeSources } from '../../../../src/emit/runtime-files.js';
import { clientView } from '../../../../src/emit/views/client-view.js';
import { methodsView } from '../../../../src/emit/views/methods-view.js';
import type { ApiModel, OperationModel, ResponseModel } from '../../../../src/model/index.js';
import { plan } from '../../../../src/plan/index.js';

const json = (target: string): ResponseModel['contents'] => [{ mediaType: 'application/json', encoding: 'json', type: { kind: 'ref', target } }];
const ok: ResponseModel = { status: '200', contents: [] };
const notFound: ResponseModel = { status: '404', contents: json('Problem') };

function operation(operationId: string, responses: ResponseModel[], parameters: OperationModel['parameters'] = []): OperationModel {
  return { operationId, method: 'get', path: `/${operationId}`, tags: [], parameters, responses, security: [], pointer: `#/paths/~1${operationId}/get` };
}

const model: ApiModel = {
  sourceVersion: '3.0',
  specVersion: '3.0.3',
  title: 'Shapes',
  version: '1',
  servers: [{ url: 'https://api.test', template: 'https://api.test', variables: [] }],
  types: [{ key: 'Problem', pointer: '#/components/schemas/Problem', type: { kind: 'object', properties: [] } }],
  operations: [
    operation('first', [ok, notFound]),
    operation('plain', [ok]),
    operation('second', [ok, notFound], [{ name: 'q', in: 'query', required: false, type: { kind: 'primitive', name: 'string' }, style: 'form', explode: true }]),
    operation('teapot', [ok, { status: '418', contents: json('Problem') }]),
    operation('alsoPlain', [ok]),
  ],
  securitySchemes: [],
};

describe('clientView', () => {
  it('writes an error union two operations share once, as an alias numbered in operation order; a union of one operation stays inline', async () => {
    const view = clientView(plan(model), await runtimeSources());
    const notFoundUnion = 'StatusError$<404, T.Problem> | OtherStatusError$<404, unknown>';
    const plainUnion = 'StatusError$<HttpErrorStatus, unknown>';
    expect(view.sharedErrors).toEqual([
      { name: 'Errors$1', union: notFoundUnion },
      { name: 'Errors$2', union: plainUnion },
    ]);
    expect(view.operationErrors).toEqual([
      { key: 'first', union: 'Errors$1' },
      { key: 'plain', union: 'Errors$2' },
      { key: 'second', union: 'Errors$1' },
      { key: 'teapot', union: 'StatusError$<418, T.Problem> | OtherStatusError$<418, unknown>' },
      { key: 'alsoPlain', union: 'Errors$2' },
    ]);
  });

  it('lists the methods that take options only, for the methods the client defines from the operations table', async () => {
    const view = clientView(plan(model), await runtimeSources());
    expect(view.optionsOnlyMethods).toBe('["first", "plain", "teapot", "alsoPlain"]');
    // methods.ts declares the same methods, in the same order, with the parameters the table's functions take.
    expect(methodsView(plan(model), await runtimeSources()).methods.map((m) => m.params)).toEqual([
      'options?: RequestOptions',
      'options?: RequestOptions',
      'args?: T.SecondArgs, options?: RequestOptions',
      'options?: RequestOptions',
      'options?: RequestOptions',
    ]);
  });
});
