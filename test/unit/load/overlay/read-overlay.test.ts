/** An overlay file that is unreadable, unparsable or not an Overlay 1.0 document: one clear error naming the file and the place. */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeywayError } from '../../../../src/errors.js';
import { readOverlay } from '../../../../src/load/overlay/read-overlay.js';
import { makeTempDir, removeTempDir } from '../../../support/tmp.js';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-overlay-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

async function errorOf(name: string, text: string): Promise<KeywayError> {
  const file = join(dir, name);
  await writeFile(file, text);
  try {
    await readOverlay(file);
  } catch (error) {
    expect(error).toBeInstanceOf(KeywayError);
    return error as KeywayError;
  }
  throw new Error(`expected ${name} to be refused`);
}

const HEAD = 'overlay: 1.0.0\ninfo:\n  title: t\n  version: "1"\n';

describe('readOverlay', () => {
  it('reads YAML and JSON, keeping actions in order', async () => {
    await writeFile(join(dir, 'ok.yaml'), `${HEAD}actions:\n  - target: $.info\n    update: { x-a: 1 }\n  - target: $.paths['/a']\n    remove: true\n`);
    await writeFile(join(dir, 'ok.json'), JSON.stringify({ overlay: '1.0.1', info: { title: 't', version: '1' }, 'x-tool': 1, actions: [{ target: '$', update: { a: 1 }, description: 'd' }] }));
    expect((await readOverlay(join(dir, 'ok.yaml'))).actions).toEqual([
      { target: '$.info', remove: false, update: { 'x-a': 1 } },
      { target: "$.paths['/a']", remove: true },
    ]);
    expect((await readOverlay(join(dir, 'ok.json'))).actions).toEqual([{ target: '$', remove: false, update: { a: 1 } }]);
  });

  it.each([
    ['not an object', '- a\n', 'E_OVERLAY', 'at #: invalid overlay: an overlay must be an object with "overlay", "info" and "actions", not an array'],
    ['no version', 'info: {title: t, version: "1"}\nactions: [{target: $, remove: true}]\n', 'E_OVERLAY', 'missing required field "overlay"'],
    ['another version', 'overlay: 2.0.0\ninfo: {title: t, version: "1"}\nactions: [{target: $, remove: true}]\n', 'E_OVERLAY', ':1:1 at #/overlay: invalid overlay: unsupported overlay version "2.0.0" (keyway applies Overlay 1.0.x'],
    ['no info', 'overlay: 1.0.0\nactions: [{target: $, remove: true}]\n', 'E_OVERLAY', 'missing required field "info"'],
    ['info without title', 'overlay: 1.0.0\ninfo: {version: "1"}\nactions: [{target: $, remove: true}]\n', 'E_OVERLAY', 'at #/info: invalid overlay: missing required field "info.title"'],
    ['no actions', `${HEAD}`, 'E_OVERLAY', 'missing required field "actions"'],
    ['empty actions', `${HEAD}actions: []\n`, 'E_OVERLAY', 'at #/actions: invalid overlay: "actions" must be a non-empty array'],
    ['action without target', `${HEAD}actions:\n  - update: {}\n`, 'E_OVERLAY', ':6:5 at #/actions/0: invalid overlay: missing required field "target"'],
    ['target not JSONPath-shaped', `${HEAD}actions:\n  - target: paths\n    remove: true\n`, 'E_OVERLAY', 'at #/actions/0/target: invalid overlay: "target" must be a JSONPath string starting with "$"'],
    ['remove not boolean', `${HEAD}actions:\n  - target: $.a\n    remove: "yes"\n`, 'E_OVERLAY', 'at #/actions/0/remove: invalid overlay: "remove" must be true or false'],
    ['neither update nor remove', `${HEAD}actions:\n  - target: $.a\n`, 'E_OVERLAY', 'at #/actions/0: invalid overlay: an action needs "update" or "remove: true"'],
    ['unknown field', `${HEAD}actions:\n  - target: $.a\n    updates: {}\n`, 'E_OVERLAY', 'at #/actions/0/updates: invalid overlay: unknown field "updates" (valid: target, description, update, remove, or x- extensions)'],
    ['YAML syntax', 'overlay: 1.0.0\ninfo: [\n', 'E_PARSE', 'invalid YAML'],
  ])('%s', async (name, text, code, want) => {
    const error = await errorOf(`${name.replace(/\W+/g, '-')}.overlay.yaml`, text);
    expect(error.code).toBe(code);
    expect(error.message).toContain(want);
    expect(error.message).toContain(join(dir, `${name.replace(/\W+/g, '-')}.overlay.yaml`));
  });

  it('an unreadable file is E_READ naming the overlay as given', async () => {
    const missing = join(dir, 'missing.overlay.yaml');
    await expect(readOverlay(missing)).rejects.toMatchObject({ code: 'E_READ', message: `${missing}: overlay: cannot read file: no such file or directory (ENOENT)` });
  });

  it('an overlay fetched over http(s) is read, but may not add $refs to local files', async () => {
    const bodies: Record<string, string> = {
      '/ok.yaml': `${HEAD}actions:\n  - target: $.components\n    update: { schemas: { A: { $ref: '#/components/schemas/B' }, C: { $ref: 'https://example.com/c.yaml' } } }\n`,
      '/local.yaml': `${HEAD}actions:\n  - target: $.components\n    update: { schemas: { A: { $ref: '../secrets.yaml#/x' } } }\n`,
    };
    const server = createServer((req, res) => res.end(bodies[req.url ?? ''] ?? ''));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await readOverlay(`${base}/ok.yaml`)).actions).toHaveLength(1);
      await expect(readOverlay(`${base}/local.yaml`)).rejects.toMatchObject({
        code: 'E_OVERLAY',
        message: expect.stringContaining(`${base}/local.yaml:7:31 at #/actions/0/update/schemas/A/$ref: invalid overlay: an overlay fetched over http(s) cannot reference local files ($ref "../secrets.yaml#/x")`),
      });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
