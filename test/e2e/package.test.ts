/**
 * keyway as an npm package: what its manifest promises (a default export condition, types, a
 * license, a build on pack and not on install), that require() of it works (Node's require(esm)),
 * what `npm pack` ships, and that ts-morph, an optional peer, is needed only by --verify.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const run = promisify(execFile);
const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');

interface Manifest {
  name: string;
  license: string;
  bin: Record<string, string>;
  exports: Record<string, Record<string, string> | string>;
  types: string;
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

  // No `repository` field: the project's public repository URL is not decided yet, and a made-up
  // one would send users to someone else's.
  it('has an MIT LICENSE file matching its license field, and keywords', async () => {
    expect(manifest.license).toBe('MIT');
    const license = await readFile(join(ROOT, 'LICENSE'), 'utf8');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
    expect(manifest).not.toHaveProperty('repository');
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

describe('the packed tarball', () => {
  let app: string;
  let paths: string[];
  beforeAll(async () => {
    // --ignore-scripts: `npm test` has just built dist/; prepack would build it again.
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--offline', '--loglevel=error', '--pack-destination', dir], {
      cwd: ROOT,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    const [packed] = JSON.parse(stdout) as Array<{ name: string; filename: string; files: Array<{ path: string }> }>;
    expect(packed!.name).toBe(manifest.name);
    paths = packed!.files.map((f) => f.path);
    // Installed by hand, as npm would lay it out, without the registry: the tarball unpacked into
    // node_modules, and each declared dependency (not ts-morph, an optional peer) linked from ours.
    app = join(dir, 'installed-app');
    const installed = join(app, 'node_modules', manifest.name);
    await mkdir(installed, { recursive: true });
    await run('tar', ['-xzf', join(dir, packed!.filename), '-C', installed, '--strip-components=1']);
    for (const dependency of Object.keys(manifest.dependencies)) {
      const link = join(app, 'node_modules', dependency);
      await mkdir(dirname(link), { recursive: true });
      await symlink(join(ROOT, 'node_modules', dependency), link, 'dir');
    }
    await mkdir(join(app, 'node_modules', '.bin'));
    await symlink(join('..', manifest.name, 'bin', 'keyway.js'), join(app, 'node_modules', '.bin', 'keyway'));
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'installed-app', private: true, devDependencies: { [manifest.name]: '*' } }));
  }, 120_000);

  it('ships the built CLI and API, the runtime sources, the templates and the LICENSE, and no tests', () => {
    for (const want of ['LICENSE', 'README.md', 'package.json', 'bin/keyway.js', 'dist/bin/cli.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'templates/client.ts.hbs', 'src/runtime/client-core.ts']) {
      expect(paths).toContain(want);
    }
    expect(paths.filter((p) => p.startsWith('test/') || p.startsWith('node_modules/'))).toEqual([]);
    // The runtime ships as source; tsc's JavaScript of it (emitted for the generator's type imports) does not.
    expect(paths).toContain('dist/runtime/operation.d.ts');
    expect(paths.filter((p) => p.startsWith('dist/runtime/') && p.endsWith('.js'))).toEqual([]);
  });

  it('generates from the installed package without ts-morph, and --verify says to install it', async () => {
    expect(existsSync(join(app, 'node_modules', 'ts-morph'))).toBe(false);
    const bin = join(app, 'node_modules', manifest.name, 'bin', 'keyway.js');
    const cli = (args: string[]) =>
      run(process.execPath, [bin, ...args], { cwd: app, env: { ...process.env, NO_COLOR: '1' } }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    expect(await cli(['generate', EXAMPLE, '--out', 'api', '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await stat(join(app, 'api', 'client.ts'))).isFile()).toBe(true);
    const verify = await cli(['generate', EXAMPLE, '--out', 'verified', '--verify']);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('error [E_USAGE] --verify needs the ts-morph package, which is not installed');
    expect(existsSync(join(app, 'verified'))).toBe(false);
  }, 60_000);

  it('runs as the README says: npx keyway-openapi generate …', async () => {
    const { stdout, stderr } = await run('npx', ['--offline', '--no', '--', manifest.name, 'generate', EXAMPLE, '--out', 'via-npx'], {
      cwd: app,
      env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
    });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^✔ PetstoreAuthClient → via-npx \(9 operations/);
  }, 60_000);

  // The oldest TypeScript the README promises for keyway's own API (`export type *` needs 5.0), in
  // a consumer that checks every .d.ts it loads (skipLibCheck off). node16 only: it reads `exports`
  // as strictly as bundler does, and each run of 5.0's (JavaScript) tsc costs ~10 s of CPU.
  it.each(['node16'] as const)('its .d.ts type-check under TypeScript 5.0 with skipLibCheck off, moduleResolution %s', async (moduleResolution) => {
    await writeFile(
      join(app, 'use-api.mts'), // .mts: ESM whatever the app's package.json says
      [
        `import { generate, initPackage, KeywayError, renderClient, type GenerateOptions, type GenerateResult, type InitOptions, type KeywayErrorCode } from ${JSON.stringify(manifest.name)};`,
        "const options: GenerateOptions = { input: 'openapi.yaml', output: 'client', overlays: ['fix.yaml'] };",
        'export const generated: Promise<GenerateResult> = generate(options);',
        "export const init = (dir: string): ReturnType<typeof initPackage> => initPackage({ input: 'openapi.yaml', dir } satisfies InitOptions);",
        'export const files = async (): Promise<number> => (await renderClient(options)).files.size;',
        "export const code = (error: unknown): KeywayErrorCode | undefined => (error instanceof KeywayError ? error.code : undefined);",
        '// @ts-expect-error: output is required',
        "void generate({ input: 'openapi.yaml' });",
      ].join('\n'),
    );
    const config = `tsconfig.ts50-${moduleResolution}.json`;
    const module = moduleResolution === 'node16' ? 'node16' : 'esnext';
    // lib.dom for fetch's types (Response, Headers) in the runtime types keyway's API names; cheaper to check than @types/node.
    await writeFile(join(app, config), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', lib: ['es2022', 'dom'], types: [], module, moduleResolution }, files: ['use-api.mts'] }));
    const tsc = join(ROOT, 'node_modules/typescript-5.0/bin/tsc');
    const diagnostics = await run(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { cwd: app }).then(
      ({ stdout }) => stdout,
      (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
    );
    expect(diagnostics).toBe('');
    const { stdout: version } = await run(process.execPath, [tsc, '--version']);
    expect(version.trim()).toBe('Version 5.0.4');
  }, 90_000);

  it('is require()d by name from CommonJS', async () => {
    await writeFile(join(app, 'main.cjs'), `const k = require(${JSON.stringify(manifest.name)});\nconsole.log(typeof k.generate, typeof k.initPackage, typeof k.KeywayError);\n`);
    const { stdout } = await run(process.execPath, ['main.cjs'], { cwd: app });
    expect(stdout.trim()).toBe('function function function');
  }, 60_000);
});
