/**
 * keyway as an npm package: what its manifest promises (a default export condition, types, a
 * license, a build on pack and not on install), that require() of it works (Node's require(esm)),
 * what `npm pack` ships, and that ts-morph, an optional peer, is needed only by --verify.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const run = promisify(execFile);
const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');
const HIDE_MODULES = pathToFileURL(join(ROOT, 'test/support/hide-modules.mjs')).href;

interface Manifest {
  name: string;
  license: string;
  bin: Record<string, string>;
  exports: Record<string, Record<string, string> | string>;
  types: string;
  repository: { type: string; url: string };
  keywords: string[];
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional: boolean }>;
}

let dir: string;
let manifest: Manifest;
beforeAll(async () => {
  dir = await makeTempDir('keyway-package-');
  manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Manifest;
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe('the manifest', () => {
  it('is named keyway-openapi (the npm name keyway belongs to another package) and installs the bin keyway', () => {
    expect(manifest.name).toBe('keyway-openapi');
    expect(manifest.bin).toEqual({ keyway: './bin/keyway.js' });
  });

  it('exports types, import and default, in that order', () => {
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js', default: './dist/index.js' });
    expect(Object.keys(manifest.exports['.'] as object)).toEqual(['types', 'import', 'default']);
    expect(manifest.types).toBe('./dist/index.d.ts');
  });

  it('has an MIT LICENSE file matching its license field, a repository and keywords', async () => {
    expect(manifest.license).toBe('MIT');
    const license = await readFile(join(ROOT, 'LICENSE'), 'utf8');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
    expect(manifest.repository.type).toBe('git');
    expect(manifest.keywords).toEqual(expect.arrayContaining(['openapi', 'typescript', 'oauth2']));
  });

  it('builds on prepack, never on install', () => {
    expect(manifest.scripts['prepack']).toBe('npm run build');
    for (const hook of ['prepare', 'preinstall', 'install', 'postinstall']) expect(manifest.scripts).not.toHaveProperty(hook);
  });

  it('makes ts-morph an optional peer, not a dependency', () => {
    expect(manifest.dependencies).not.toHaveProperty('ts-morph');
    expect(manifest.peerDependencies['ts-morph']).toMatch(/^\^28\./);
    expect(manifest.peerDependenciesMeta['ts-morph']).toEqual({ optional: true });
    expect(manifest.devDependencies).toHaveProperty('ts-morph');
  });
});

describe('require()', () => {
  it('loads keyway from CommonJS (require(esm), Node >= 20.19)', async () => {
    const app = join(dir, 'cjs-app');
    await mkdir(join(app, 'node_modules'), { recursive: true });
    await symlink(ROOT, join(app, 'node_modules', manifest.name), 'dir');
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'cjs-app', private: true, type: 'commonjs' }));
    const out = join(dir, 'from-cjs');
    await writeFile(
      join(app, 'main.js'),
      [
        `const keyway = require(${JSON.stringify(manifest.name)});`,
        `keyway.generate({ input: ${JSON.stringify(EXAMPLE)}, output: ${JSON.stringify(out)} }).then((result) => {`,
        '  console.log(JSON.stringify({ files: result.files.length, clientName: result.clientName, error: typeof keyway.KeywayError }));',
        '});',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['main.js'], { cwd: app });
    expect(JSON.parse(stdout)).toMatchObject({ clientName: 'PetstoreAuthClient', error: 'function' });
    expect((JSON.parse(stdout) as { files: number }).files).toBeGreaterThan(10);
    expect((await stat(join(out, 'client.ts'))).isFile()).toBe(true);
  }, 60_000);
});

describe('npm pack', () => {
  it('ships the built CLI and API, the runtime sources, the templates and the LICENSE, and no tests', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--offline', '--loglevel=error'], {
      cwd: ROOT,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    const [packed] = JSON.parse(stdout) as Array<{ name: string; files: Array<{ path: string }> }>;
    expect(packed!.name).toBe(manifest.name);
    const paths = packed!.files.map((f) => f.path);
    for (const want of ['LICENSE', 'README.md', 'package.json', 'bin/keyway.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'templates/client.ts.hbs', 'src/runtime/client-core.ts']) {
      expect(paths).toContain(want);
    }
    expect(paths.filter((p) => p.startsWith('test/') || p.startsWith('node_modules/'))).toEqual([]);
  }, 60_000);
});

describe('without ts-morph installed', () => {
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', HIDE_MODULES, join(ROOT, 'bin/keyway.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', KEYWAY_TEST_HIDE_MODULES: 'ts-morph' },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('generates as usual', async () => {
    const result = await cli(['generate', EXAMPLE, '--out', join(dir, 'plain'), '-q']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await stat(join(dir, 'plain', 'client.ts'))).isFile()).toBe(true);
  }, 60_000);

  it('--verify stops with E_USAGE saying what to install, and writes nothing', async () => {
    const out = join(dir, 'verified');
    const result = await cli(['generate', EXAMPLE, '--out', out, '--verify']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error [E_USAGE] --verify needs the ts-morph package, which is not installed (it is an optional peer dependency): npm install --save-dev ts-morph@^28; nothing was written\n');
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  }, 60_000);
});
