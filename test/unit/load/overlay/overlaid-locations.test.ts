/**
 * Overlays in the whole load: applied before validation and analysis, in order, and errors found
 * later still point at text the user wrote: a node an overlay added is shown in the overlay.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KeywayError } from '../../../../src/errors.js';
import { generate } from '../../../../src/generate.js';
import { loadDocument } from '../../../../src/load/index.js';
import { makeTempDir, removeTempDir } from '../../../support/tmp.js';

// Each test runs keyway (or a generated client) once or more: generous on a loaded machine, still bounded.
vi.setConfig({ testTimeout: 30_000 });

let dir: string;
const at = (name: string) => join(dir, name);

const SPEC = `openapi: 3.1.0
info:
  title: Pets
  version: '1'
paths:
  /pets:
    get:
      parameters:
        - name: drop
          in: query
          schema: { type: string }
        - name: limit
          in: nowhere
          schema: { type: integer }
      responses:
        '200':
          description: ok
`;

const HEAD = 'overlay: 1.0.0\ninfo:\n  title: t\n  version: "1"\nactions:\n';

beforeAll(async () => {
  dir = await makeTempDir('keyway-overlay-');
  await writeFile(at('pets.yaml'), SPEC);
  await writeFile(at('good.yaml'), SPEC.replace('in: nowhere', 'in: query'));
});
afterAll(async () => {
  await removeTempDir(dir);
});

async function failure(input: string, overlays: string[]): Promise<KeywayError> {
  const out = at(`out-${Math.random().toString(36).slice(2)}`);
  try {
    await generate({ input: at(input), output: out, overlays: overlays.map(at) });
  } catch (error) {
    expect(error).toBeInstanceOf(KeywayError);
    expect(existsSync(out)).toBe(false); // nothing half-written
    return error as KeywayError;
  }
  throw new Error('expected generate to fail');
}

describe('overlays in the load', () => {
  it('apply in the order given, and are part of what --watch watches', async () => {
    await writeFile(at('one.yaml'), `${HEAD}  - target: $.info\n    update: { title: First }\n`);
    await writeFile(at('two.yaml'), `${HEAD}  - target: $.info\n    update: { title: Second, x-order: [two] }\n`);
    const loaded = await loadDocument(at('good.yaml'), { overlays: [at('one.yaml'), at('two.yaml')] });
    expect(loaded.document['info']).toEqual({ title: 'Second', version: '1', 'x-order': ['two'] });
    expect(loaded.files).toEqual([at('good.yaml'), at('one.yaml'), at('two.yaml')]);
  });

  it('an overlay can fix what validation would refuse', async () => {
    await writeFile(at('fix.yaml'), `${HEAD}  - target: $.paths['/pets'].get.parameters[?@.name == 'limit']\n    update: { in: query }\n`);
    const loaded = await loadDocument(at('pets.yaml'), { overlays: [at('fix.yaml')] });
    expect((loaded.document as any).paths['/pets'].get.parameters[1]).toEqual({ name: 'limit', in: 'query', schema: { type: 'integer' } });
  });

  it('a schema violation inside what an overlay added is shown in the overlay: file, line, pointer', async () => {
    await writeFile(at('bad-scheme.yaml'), `${HEAD}  - target: $\n    update:\n      components:\n        securitySchemes:\n          token:\n            type: http\n            scheme: 7\n`);
    const error = await failure('good.yaml', ['bad-scheme.yaml']);
    expect(error.code).toBe('E_INVALID');
    expect(error.location).toMatchObject({ file: at('bad-scheme.yaml'), line: 12, pointer: expect.stringMatching(/^#\/actions\/0\/update\/components\/securitySchemes\/token/) });
  });

  it('a security requirement an overlay added that names an unknown scheme is shown in the overlay', async () => {
    await writeFile(at('bad-security.yaml'), `${HEAD}  - target: $\n    update:\n      security:\n        - tokn: []\n`);
    const error = await failure('good.yaml', ['bad-security.yaml']);
    expect(error.code).toBe('E_SECURITY');
    expect(error.message).toContain(`${at('bad-security.yaml')}:9:11 at #/actions/0/update/security/0/tokn: security requirement names undeclared scheme "tokn"`);
  });

  it('an item that moved up when one before it was removed is shown at its array, not at the wrong item', async () => {
    await writeFile(at('drop.yaml'), `${HEAD}  - target: $.paths['/pets'].get.parameters[0]\n    remove: true\n`);
    const error = await failure('pets.yaml', ['drop.yaml']);
    expect(error.code).toBe('E_INVALID');
    // the bad schema is now parameters/0; the text has it at parameters/1, the array starts on line 8
    expect(error.location).toMatchObject({ file: at('pets.yaml'), pointer: '#/paths/~1pets/get/parameters/0/in', line: 8 });
  });

  it('without overlays, the same error keeps its place in the description', async () => {
    const error = await failure('pets.yaml', []);
    expect(error.location).toMatchObject({ file: at('pets.yaml'), pointer: '#/paths/~1pets/get/parameters/1/in', line: 13 });
  });

  it("fixing a scheme's URLs (the README's case): a filter over the schemes, the client carries the new URL", async () => {
    await writeFile(
      at('urls.yaml'),
      `${HEAD}  - target: $.components.securitySchemes[?@.type == 'oauth2'].flows.clientCredentials\n    update: { tokenUrl: 'https://login.example.com/oauth2/token' }\n`,
    );
    const out = at('out-urls');
    await generate({ input: join(import.meta.dirname, '../../../../fixtures/oauth/pets-oauth.yaml'), output: out, overlays: [at('urls.yaml')] });
    const client = await readFile(join(out, 'client.ts'), 'utf8');
    expect(client).toContain('"https://login.example.com/oauth2/token"');
    expect(client.match(/http:\/\/auth\.keyway\.invalid\/token/g)?.length).toBeGreaterThan(0); // the password flow's URL is untouched
  });

  it('a Swagger 2.0 document is overlaid as written, before the upgrade to 3.0', async () => {
    await writeFile(at('swagger.yaml'), `${HEAD}  - target: $.securityDefinitions\n    update: { token: { type: apiKey, in: header, name: X-Token } }\n  - target: $\n    update: { security: [ { token: [] } ] }\n`);
    const loaded = await loadDocument(join(import.meta.dirname, '../../../../fixtures/load/petstore-2.0.json'), { overlays: [at('swagger.yaml')] });
    expect((loaded.document as any).components.securitySchemes.token).toEqual({ type: 'apiKey', in: 'header', name: 'X-Token' });
    expect(loaded.document['security']).toEqual([{ apiKey: [] }, { token: [] }]);
  });

  it('a target that matches nothing stops the run: nothing written', async () => {
    await writeFile(at('stale.yaml'), `${HEAD}  - target: $.info\n    update: { x-ok: 1 }\n  - target: $.paths['/dogs']\n    update: { x-gone: 1 }\n`);
    const error = await failure('good.yaml', ['stale.yaml']);
    expect(error.message).toBe(`${at('stale.yaml')}:8:5 at #/actions/1: target "$.paths['/dogs']" matches nothing`);
  });
});
