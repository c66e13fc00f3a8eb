/**
 * `--overlay` and the config's `overlays` as a user runs them: repeatable and applied in order,
 * relative to the config file, an invalid overlay exits 1 with nothing written, and `--watch`
 * regenerates when an overlay changes.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir, removeTempDir } from '../../support/tmp.js';
import { keyway, startKeyway, waitFor, type RunningCli } from '../../support/workflows/cli.js';

// Each test runs keyway (or a generated client) once or more: generous on a loaded machine, still bounded.
vi.setConfig({ testTimeout: 30_000 });

let dir: string;
let cli: RunningCli | undefined;
const at = (name: string) => join(dir, name);
const read = (path: string): Promise<string> => readFile(path, 'utf8').catch(() => '');

const SPEC = `openapi: 3.0.3
info: { title: Plain, version: '1' }
paths:
  /things:
    get:
      operationId: listThings
      responses: { '204': { description: none } }
`;
const overlay = (title: string, actions: string) => `overlay: 1.0.0\ninfo: { title: ${title}, version: '1' }\nactions:\n${actions}`;
const ADD_BEARER = overlay('bearer', `  - target: $.components\n    update: { securitySchemes: { token: { type: http, scheme: bearer } } }\n  - target: $\n    update: { security: [ { token: [] } ] }\n`);

beforeAll(async () => {
  dir = await makeTempDir('keyway-overlay-cli-');
  await writeFile(at('spec.yaml'), SPEC.replace('paths:', 'components: {}\npaths:'));
  await writeFile(at('bearer.overlay.yaml'), ADD_BEARER);
  await writeFile(at('rename.overlay.yaml'), overlay('rename', `  - target: $.paths['/things'].get\n    update: { operationId: listAllThings }\n`));
});
afterAll(async () => {
  if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
  await removeTempDir(dir);
});

describe('keyway generate --overlay', () => {
  it('applies every --overlay, in order', async () => {
    const out = at('out-cli');
    const result = await keyway(['generate', at('spec.yaml'), '--out', out, '--overlay', at('bearer.overlay.yaml'), '--overlay', at('rename.overlay.yaml')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 security schemes');
    const client = await read(join(out, 'client.ts'));
    expect(client).toContain('listAllThings(');
    expect(await read(join(out, 'operations.ts'))).toContain('security: [[["token", []]]]');
  });

  it('reads `overlays` from the config, relative to the config file', async () => {
    await mkdir(at('project/overlays'), { recursive: true });
    await writeFile(at('project/overlays/bearer.yaml'), ADD_BEARER);
    await writeFile(at('project/keyway.config.json'), JSON.stringify({ input: '../spec.yaml', output: 'sdk', overlays: ['overlays/bearer.yaml'] }));
    const result = await keyway(['generate'], { cwd: at('project') });
    expect(result.code).toBe(0);
    expect(await read(at('project/sdk/operations.ts'))).toContain('security: [[["token", []]]]');
  });

  it.each([
    ['overlays must be an array', { overlays: 'x.yaml' }, '#/overlays: invalid config: "overlays" must be an array of file paths'],
    ['of non-empty strings', { overlays: ['a.yaml', 3] }, '#/overlays/1: invalid config: "overlays" must hold non-empty strings'],
  ])('config: %s', async (_name, extra, want) => {
    await writeFile(at('project/bad.json'), JSON.stringify({ input: '../spec.yaml', output: 'sdk2', ...extra }));
    const result = await keyway(['generate', '--config', at('project/bad.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(want);
  });

  it('an overlay whose target matches nothing: exit 1, the file and action named, nothing written', async () => {
    await writeFile(at('stale.overlay.yaml'), overlay('stale', `  - target: $.info\n    update: { x-a: 1 }\n  - target: $.paths['/gone']\n    remove: true\n`));
    const out = at('out-stale');
    const result = await keyway(['generate', at('spec.yaml'), '--out', out, '--overlay', at('stale.overlay.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error [E_OVERLAY] ${at('stale.overlay.yaml')}:6:5 at #/actions/1: target "$.paths['/gone']" matches nothing\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('an overlay that cannot be read: exit 1, E_READ naming it', async () => {
    const result = await keyway(['generate', at('spec.yaml'), '--out', at('out-missing'), '--overlay', at('missing.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error [E_READ] ${at('missing.yaml')}: overlay: cannot read file`);
  });

  it('--watch regenerates when an overlay changes', async () => {
    const out = at('out-watch');
    await writeFile(at('watched.overlay.yaml'), overlay('w', `  - target: $.paths['/things'].get\n    update: { operationId: firstName }\n`));
    cli = startKeyway(['generate', at('spec.yaml'), '--out', out, '--overlay', at('watched.overlay.yaml'), '--watch']);
    await waitFor('the first generation', async () => (await read(join(out, 'client.ts'))).includes('firstName('));
    // Files are written before the CLI says what it watches: wait for the line, then check it.
    await waitFor('the watch to start', async () => cli!.output.stderr.includes('watching '));
    expect(cli.output.stderr).toContain('watching 2 files for changes');
    await writeFile(at('watched.overlay.yaml'), overlay('w', `  - target: $.paths['/things'].get\n    update: { operationId: secondName }\n`));
    await waitFor('the overlay change to regenerate', async () => (await read(join(out, 'client.ts'))).includes('secondName('));
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  }, 30_000);
});
