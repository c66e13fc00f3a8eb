/** serversView: the servers table chooseServer reads, and the base URLs with defaults the generator settles in advance. */
import { describe, expect, it } from 'vitest';
import { serversView } from '../../../../src/emit/views/servers-view.js';
import type { ApiModel, ServerModel } from '../../../../src/model/index.js';

const regional: ServerModel = { url: 'https://eu.api.test/v1', template: 'https://{region}.api.test/v1', variables: [{ name: 'region', default: 'eu', enum: ['eu', 'us'] }] };
const uploads: ServerModel = { url: 'https://eu.uploads.test', template: 'https://{region}.uploads.test', variables: [{ name: 'region', default: 'eu' }] };
const model = (servers: ServerModel[]) => ({ servers, operations: [] }) as unknown as ApiModel;
const ops = (server?: ServerModel) => [{ id: 'list', model: {} }, { id: 'upload', model: { servers: server ? [server] : undefined } }];

describe('serversView', () => {
  it('servers without variables: their URLs', () => {
    expect(serversView(model([{ url: 'https://api.test', template: 'https://api.test', variables: [] }]), ops(), false)).toMatchObject({ serversLiteral: '["https://api.test"]', operationServersLiteral: '{}', fillArgument: '', sharedServers: [] });
  });

  it('variables with defaults: the template, the variables and the URL with the defaults', () => {
    expect(serversView(model([regional]), ops(uploads), true)).toMatchObject({
      serversLiteral: '[\n  {\n    template: "https://{region}.api.test/v1",\n    url: "https://eu.api.test/v1",\n    variables: { region: { default: "eu", enum: ["eu", "us"] } },\n  },\n]',
      operationServersLiteral: '{\n  upload: {\n    template: "https://{region}.uploads.test",\n    url: "https://eu.uploads.test",\n    variables: { region: { default: "eu" } },\n  },\n}',
      fillArgument: ', fillServerUrls',
    });
  });

  it.each([
    ['a variable without default', { ...regional, url: 'https://{region}.api.test/v1', variables: [{ name: 'region' }] }],
    ['a default outside its enum', { ...regional, variables: [{ name: 'region', default: 'eu', enum: ['us'] }] }],
  ])('%s: no URL with defaults, the runtime fills the template (and refuses)', (_, server) => {
    expect(serversView(model([server]), ops(), true).serversLiteral).not.toContain('url:');
  });

  it('a server two operations share is written once, as a constant', () => {
    const view = serversView(model([]), [...ops(uploads), { id: 'download', model: { servers: [uploads] } }, { id: 'other', model: { servers: [regional] } }], true);
    expect(view.sharedServers).toEqual(['/** The server of upload, download. */\nconst OPERATION_SERVER$1: ServerSpec = {\n  template: "https://{region}.uploads.test",\n  url: "https://eu.uploads.test",\n  variables: { region: { default: "eu" } },\n};']);
    expect(view.operationServersLiteral).toMatch(/^\{\n  upload: OPERATION_SERVER\$1,\n  download: OPERATION_SERVER\$1,\n  other: \{\n/);
  });

  describe('core: what a Core without baseUrl sends to, as string constants', () => {
    const noDefault: ServerModel = { ...regional, url: 'https://{region}.api.test/v1', variables: [{ name: 'region' }] };
    it.each([
      ['server 0 with defaults, an operation server', { given: { servers: [regional], ops: ops(uploads) }, want: { defaultUrl: '"https://eu.api.test/v1"', operationUrls: new Map([['upload', 'https://eu.uploads.test']]), ownServers: true, baseUrlRequired: '' } }],
      ['no operation servers: none in the specs', { given: { servers: [regional], ops: ops() }, want: { defaultUrl: '"https://eu.api.test/v1"', operationUrls: new Map(), ownServers: false, baseUrlRequired: '' } }],
      ['no servers', { given: { servers: [], ops: ops() }, want: { defaultUrl: '', baseUrlRequired: '"baseUrl is required: the document declares no servers"' } }],
      ['server 0 with a variable without default', { given: { servers: [noDefault], ops: ops() }, want: { defaultUrl: '', baseUrlRequired: '"baseUrl is required: a variable of server 0 has no default to use; pass one, e.g. apiServerUrl({ serverVariables: { … } })"' } }],
      ['an operation server with a variable without default', { given: { servers: [regional], ops: ops(noDefault) }, want: { defaultUrl: '', baseUrlRequired: '"baseUrl is required: a variable of the server of operation upload has no default to use; pass one, e.g. apiServerUrl({ serverVariables: { … } })"' } }],
    ])('%s', (_, { given, want }) => {
      expect(serversView(model(given.servers), given.ops, true, given.servers.length ? 'apiServerUrl' : '').core).toMatchObject(want);
    });

    it('each operation with a server of its own has its URL (its spec carries it)', () => {
      const core = serversView(model([regional]), [...ops(uploads), { id: 'download', model: { servers: [uploads] } }], true, 'apiServerUrl').core;
      expect([...core.operationUrls]).toEqual([['upload', 'https://eu.uploads.test'], ['download', 'https://eu.uploads.test']]);
    });
  });
});
