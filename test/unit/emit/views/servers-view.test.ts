/** serversView: the servers table chooseServer reads, and the base URLs with defaults the generator settles in advance. */
import { describe, expect, it } from 'vitest';
import { serversView } from '../../../../src/emit/views/servers-view.js';
import type { ApiModel, ServerModel } from '../../../../src/model/index.js';

const regional: ServerModel = { url: 'https://eu.api.test/v1', template: 'https://{region}.api.test/v1', variables: [{ name: 'region', default: 'eu', enum: ['eu', 'us'] }] };
const uploads: ServerModel = { url: 'https://eu.uploads.test', template: 'https://{region}.uploads.test', variables: [{ name: 'region', default: 'eu' }] };
const model = (servers: ServerModel[]) => ({ servers, operations: [] }) as unknown as ApiModel;
const ops = (server?: ServerModel) => [{ id: 'list', model: {} }, { id: 'upload', model: { servers: server ? [server] : undefined } }];

describe('serversView', () => {
  it.each([
    ['servers without variables: their URLs, no defaults to precompute', [{ url: 'https://api.test', template: 'https://api.test', variables: [] }], undefined, false, { serversLiteral: '["https://api.test"]', operationServersLiteral: '{}', fill: 'fixedServerUrls', defaultsLiteral: '' }],
    ['variables with defaults: the filled URLs, the document\'s and each operation\'s own', [regional], uploads, true, {
      serversLiteral: '[\n  {\n    url: "https://{region}.api.test/v1",\n    variables: { region: { default: "eu", enum: ["eu", "us"] } },\n  },\n]',
      operationServersLiteral: '{ upload: { url: "https://{region}.uploads.test", variables: { region: { default: "eu" } } } }',
      fill: 'fillServerUrls',
      defaultsLiteral: '{ baseUrl: "https://eu.api.test/v1", operationBaseUrls: new Map([["upload", "https://eu.uploads.test"]]) }',
    }],
    ['no operation servers: the base URL alone', [regional], undefined, true, { defaultsLiteral: '{ baseUrl: "https://eu.api.test/v1" }' }],
    ['a variable without default: left to the runtime, which asks for a value', [{ ...regional, url: 'https://{region}.api.test/v1', variables: [{ name: 'region' }] }], undefined, true, { defaultsLiteral: '' }],
    ['a default outside its enum: left to the runtime, which refuses it', [{ ...regional, variables: [{ name: 'region', default: 'eu', enum: ['us'] }] }], undefined, true, { defaultsLiteral: '' }],
    ['a relative URL: left to the runtime, which checks it against the page', [{ url: '/eu/v1', template: '/{region}/v1', variables: [{ name: 'region', default: 'eu' }] }], undefined, true, { defaultsLiteral: '' }],
    ['an operation server that cannot be settled', [regional], { ...uploads, url: 'https://{region}.uploads.test', variables: [{ name: 'region' }] }, true, { defaultsLiteral: '' }],
  ])('%s', (_, servers, own, fills, want) => {
    expect(serversView(model(servers), ops(own), fills)).toMatchObject(want);
  });
});
