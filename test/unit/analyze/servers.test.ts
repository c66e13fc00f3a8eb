/** analyze/servers.ts and where operations get their own servers; Swagger 2.0 through the loader's upgrade. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze/index.js';
import { analyzeServers } from '../../../src/analyze/servers.js';
import { loadDocument } from '../../../src/load/index.js';
import { withTempDir } from '../../support/tmp.js';

describe('analyzeServers', () => {
  it.each([
    ['no array: undefined', { given: undefined, want: undefined }],
    [
      'template kept, defaults substituted, enums and descriptions carried',
      {
        given: [{ url: 'https://{region}.api.test:{port}/v1', description: 'Prod', variables: { region: { default: 'eu', enum: ['eu', 'us'], description: 'Where' }, port: { default: 443 } } }],
        want: [
          {
            url: 'https://eu.api.test:443/v1',
            template: 'https://{region}.api.test:{port}/v1',
            description: 'Prod',
            variables: [
              { name: 'region', default: 'eu', enum: ['eu', 'us'], description: 'Where' },
              { name: 'port', default: '443' },
            ],
          },
        ],
      },
    ],
    [
      'a variable without a default stays a placeholder; entries without a url are skipped',
      { given: [{ description: 'x' }, { url: 'https://{tenant}.api.test', variables: { tenant: {} } }], want: [{ url: 'https://{tenant}.api.test', template: 'https://{tenant}.api.test', variables: [{ name: 'tenant' }] }] },
    ],
    ['substitution is plain: a default with a slash is the document\'s own URL part', { given: [{ url: 'https://api.test{base}', variables: { base: { default: '/v2' } } }], want: [{ url: 'https://api.test/v2', template: 'https://api.test{base}', variables: [{ name: 'base', default: '/v2' }] }] }],
  ])('%s', (_, { given, want }) => expect(analyzeServers(given)).toEqual(want));
});

describe('servers of a path item or an operation', () => {
  const document = (paths: object) => ({
    source: 'x.json', specVersion: '3.1.0', version: '3.1' as const, files: ['x.json'], locate: () => undefined,
    document: { openapi: '3.1.0', info: { title: 't', version: '1' }, servers: [{ url: 'https://api.test' }], paths },
  });
  const own = (url: string) => ({ servers: [{ url }] });

  it('the operation\'s own list wins over its path item\'s; an empty list overrides nothing; none: absent', () => {
    const model = analyze(document({
      '/a': { ...own('https://path.test'), get: { ...own('https://op.test') }, post: {}, put: { servers: [] } },
      '/b': { get: {} },
    }));
    expect(model.operations.map((op) => [op.method, op.path, op.servers?.map((s) => s.url)])).toEqual([
      ['get', '/a', ['https://op.test']],
      ['post', '/a', ['https://path.test']],
      ['put', '/a', ['https://path.test']],
      ['get', '/b', undefined],
    ]);
  });

  it('Swagger 2.0: schemes × host × basePath become the servers, https first; an operation\'s schemes its own', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'swagger.json');
      await writeFile(file, JSON.stringify({
        swagger: '2.0', info: { title: 't', version: '1' }, host: 'api.test:8443', basePath: '/v2/', schemes: ['http', 'https'],
        paths: { '/a': { get: { schemes: ['http'], responses: { 200: { description: 'ok' } } }, post: { responses: { 200: { description: 'ok' } } } } },
      }));
      const model = analyze(await loadDocument(file));
      expect(model.servers.map((s) => s.template)).toEqual(['https://api.test:8443/v2', 'http://api.test:8443/v2']);
      expect(model.operations.map((op) => op.servers?.map((s) => s.url))).toEqual([['http://api.test:8443/v2'], undefined]);
    });
  });
});
