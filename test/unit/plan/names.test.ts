import { describe, expect, it } from 'vitest';
import type { ApiModel, OperationModel } from '../../../src/model/index.js';
import { plan } from '../../../src/plan/index.js';
import { planMethodNames } from '../../../src/plan/operation-names.js';

function op(partial: Partial<OperationModel>): OperationModel {
  return { method: 'get', path: '/', tags: [], parameters: [], responses: [], security: [], pointer: '#', ...partial };
}

function model(partial: Partial<ApiModel>): ApiModel {
  return { sourceVersion: '3.0', specVersion: '3.0.3', title: 'Pet Store', version: '1', servers: [], operations: [], types: [], securitySchemes: [], ...partial };
}

describe('method names', () => {
  const cases: Array<{ given: Partial<OperationModel>[]; want: string[] }> = [
    { given: [{ operationId: 'listPets' }], want: ['listPets'] },
    { given: [{ operationId: 'get_user-by.id' }], want: ['getUserById'] },
    { given: [{ method: 'get', path: '/pets/{petId}' }], want: ['getPetsByPetId'] },
    { given: [{ method: 'post', path: '/' }], want: ['post'] },
    { given: [{ operationId: 'delete' }, { operationId: 'constructor' }], want: ['delete', 'constructor2'] },
    { given: [{ operationId: 'toString' }, { operationId: 'then' }], want: ['toString2', 'then2'] },
    { given: [{ operationId: '123go' }, { operationId: '***' }], want: ['_123go', 'get'] },
    // AWS query-protocol ids: a leading acronym is lowered whole (was `gETAssumeRole`).
    { given: [{ operationId: 'GET_AssumeRole' }, { operationId: 'POST_AssumeRole' }], want: ['getAssumeRole', 'postAssumeRole'] },
    { given: [{ operationId: 'URLLookup' }, { operationId: 'S3Copy' }, { operationId: 'ID' }], want: ['urlLookup', 's3Copy', 'id'] },
    { given: [{ operationId: 'listPets' }, { operationId: 'list_pets' }, { operationId: 'ListPets' }], want: ['listPets', 'listPets2', 'listPets3'] },
  ];
  it.each(cases)('%j', ({ given, want }) => {
    expect(planMethodNames(given.map(op))).toEqual(want);
  });
});

describe('client and type names', () => {
  it('derives the client name from the title and honours --name', () => {
    expect(plan(model({ title: 'Swagger Petstore' })).clientName).toBe('SwaggerPetstoreClient');
    expect(plan(model({ title: 'GitHub v3 REST API' })).clientName).toBe('GitHubV3RESTClient');
    expect(plan(model({ title: '' })).clientName).toBe('Client');
    expect(plan(model({}), { name: 'Pets' }).clientName).toBe('Pets');
    expect(() => plan(model({}), { name: 'class' })).toThrow(/not a usable class name/);
    expect(() => plan(model({}), { name: 'ApiError' })).toThrow(/not a usable class name/);
  });

  it('names the server-URL builder after the client, when the document declares servers; an operation function steps aside from it', () => {
    const servers = [{ url: 'https://api.test', template: 'https://api.test', variables: [] }];
    const cases: Array<{ given: { title: string; name?: string; servers: typeof servers }; want: string }> = [
      { given: { title: 'Pet Store', servers }, want: 'petStoreServerUrl' },
      { given: { title: 'Pet Store', servers: [] }, want: '' },
      { given: { title: 'Pet Store', name: 'Shop', servers }, want: 'shopServerUrl' },
      { given: { title: 'Pet Store', name: 'URLClient', servers }, want: 'urlServerUrl' },
      { given: { title: 'Pet Store', name: 'My_Shop', servers }, want: 'myShopServerUrl' },
      { given: { title: 'Pet Store', name: '_2faClient', servers }, want: '_2faServerUrl' },
      { given: { title: '', servers }, want: 'apiServerUrl' },
    ];
    for (const { given, want } of cases) expect(plan(model({ title: given.title, servers: given.servers }), given.name ? { name: given.name } : {}).serverUrlName, JSON.stringify(given)).toBe(want);
    const planned = plan(model({ servers, operations: [op({ operationId: 'petStoreServerUrl' })] }));
    expect(planned.operations[0]!.functionName).toBe('petStoreServerUrl2');
    expect(planned.modules['index.ts'].siblingExports).toContain('petStoreServerUrl');
  });

  it('keeps type names clear of runtime exports, the client and each other', () => {
    const t = (key: string) => ({ key, type: { kind: 'primitive', name: 'string' } as const, pointer: '#' });
    const planned = plan(model({ types: [t('ApiError'), t('pet'), t('Pet'), t('PetStoreClient'), t('2fa'), t('Promise'), t('Blob'), t('Error')] }));
    expect([...planned.typeNames.values()]).toEqual(['ApiError2', 'Pet', 'Pet2', 'PetStoreClient2', '_2fa', 'Promise', 'Blob2', 'Error']);
  });
});

describe('argument keys', () => {
  it('keeps spec names, and moves the body aside when a parameter is called body', () => {
    const unknown = { kind: 'primitive', name: 'unknown' } as const;
    const param = (name: string, where: 'path' | 'query' | 'header') => ({ name, in: where, required: false, type: unknown, style: 'form', explode: true });
    const planned = plan(
      model({
        operations: [
          op({
            operationId: 'x',
            parameters: [param('id', 'path'), param('id', 'header'), param('body', 'query')],
            requestBody: { required: true, contents: [{ mediaType: 'application/json', encoding: 'json', type: unknown }] },
          }),
        ],
      }),
    );
    expect(planned.operations[0]!.args.map((a) => a.key)).toEqual(['id', 'id_header', 'body', 'requestBody']);
    expect(planned.operations[0]!.body?.key).toBe('requestBody');
  });
});
