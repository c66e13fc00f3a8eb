/**
 * `keyway init`: a package that installs offline, builds with tsc, packs, and works when installed
 * from its tarball: imported from ESM at run time and type-checked under NodeNext.
 * (The one slow test of this folder: npm install, build and pack take a few seconds.)
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTsc } from '../../support/tsc.js';
import { makeTempDir, removeTempDir } from '../../support/tmp.js';
import { ROOT, keyway } from '../../support/workflows/cli.js';

const run = promisify(execFile);
const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');
const NPM_FLAGS = ['--offline', '--no-audit', '--no-fund', '--loglevel=error'];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-init-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return stdout;
}

describe('keyway init', () => {
  it('creates a package that installs offline, builds, packs, and imports from its tarball', async () => {
    const pkg = join(dir, 'pets-sdk');
    const init = await keyway(['init', EXAMPLE, pkg, '--package-name', '@acme/pets', '--name', 'Pets', '--license', 'Apache-2.0']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('✔ @acme/pets (Pets) →');

    const manifest = JSON.parse(await readFile(join(pkg, 'package.json'), 'utf8')) as Record<string, unknown>;
    const keywayManifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest).toMatchObject({
      name: '@acme/pets',
      version: '0.1.0',
      type: 'module',
      license: 'Apache-2.0',
      exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js', default: './dist/index.js' } },
      types: './dist/index.d.ts',
      files: ['dist'],
      engines: { node: '>=18' },
      publishConfig: { access: 'public' },
      scripts: { build: 'tsc -p tsconfig.json' },
      devDependencies: { typescript: keywayManifest.devDependencies['typescript'] },
    });
    expect(manifest).not.toHaveProperty('dependencies');
    expect(JSON.parse(await readFile(join(pkg, 'tsconfig.json'), 'utf8'))).toMatchObject({
      compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', declaration: true, lib: ['es2022', 'dom'], outDir: 'dist' },
    });
    const readme = await readFile(join(pkg, 'README.md'), 'utf8');
    expect(readme).toContain('npm install @acme/pets');
    expect(readme.startsWith('# Petstore Auth')).toBe(true); // the package's README is the user's: no "do not edit" banner
    expect(readme).not.toContain('do not edit');
    expect(readme).toContain('import { Pets, ApiError, AuthRequiredError } from "@acme/pets";');
    expect((await readdir(join(pkg, 'src'))).sort()).toEqual(['client.ts', 'functions.ts', 'index.ts', 'methods.ts', 'operations.ts', 'runtime', 'types.ts']);

    // --offline proves the package needs nothing but its pinned compiler; put that one (and its
    // platform binary package, an optional dependency) in npm's cache first: `npm ci` caches
    // tarballs, not the metadata an install without a lockfile reads.
    const tsVersion = keywayManifest.devDependencies['typescript']!;
    const platformPackages = (await readdir(join(ROOT, 'node_modules/@typescript'))).filter((name) => name.startsWith('typescript-'));
    await npm(['cache', 'add', `typescript@${tsVersion}`, ...platformPackages.map((name) => `@typescript/${name}@${tsVersion}`), '--loglevel=error'], pkg);
    await npm(['install', ...NPM_FLAGS], pkg);
    await npm(['run', 'build', '--silent'], pkg);
    expect(await readdir(join(pkg, 'dist'))).toEqual(expect.arrayContaining(['index.js', 'index.d.ts', 'client.js', 'client.d.ts']));
    const tarball = (await npm(['pack', '--silent', ...NPM_FLAGS], pkg)).trim().split('\n').pop()!;
    expect(tarball).toBe('acme-pets-0.1.0.tgz');

    const app = join(dir, 'app');
    await mkdir(app);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
    await npm(['install', ...NPM_FLAGS, join(pkg, tarball)], app);
    await writeFile(
      join(app, 'main.js'),
      [
        "import * as sdk from '@acme/pets';",
        "const client = new sdk.Pets({ auth: { bearer: 'token' } });",
        'console.log(JSON.stringify({',
        '  exports: Object.keys(sdk).sort(),',
        "  apiErrorIsClass: typeof sdk.ApiError === 'function' && /^class\\b/.test(String(sdk.ApiError)),",
        "  listPets: typeof client.listPets,",
        '}));',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['main.js'], { cwd: app });
    const seen = JSON.parse(stdout) as { exports: string[]; apiErrorIsClass: boolean; listPets: string };
    expect(seen.exports).toEqual(expect.arrayContaining(['ApiError', 'AuthRequiredError', 'Pets', 'operations']));
    expect(seen.apiErrorIsClass).toBe(true);
    expect(seen.listPets).toBe('function');

    // require() gets the same ESM build, through Node's require(esm) (Node >= 20.19).
    await writeFile(
      join(app, 'main.cjs'),
      [
        "const sdk = require('@acme/pets');",
        "const client = new sdk.Pets({ auth: { bearer: 'token' } });",
        "console.log(JSON.stringify({ listPets: typeof client.listPets, apiError: typeof sdk.ApiError, same: sdk === require('@acme/pets') }));",
      ].join('\n'),
    );
    const required = await run(process.execPath, ['main.cjs'], { cwd: app });
    expect(JSON.parse(required.stdout)).toEqual({ listPets: 'function', apiError: 'function', same: true });

    // Types from the tarball, the way a NodeNext project sees them.
    await writeFile(
      join(app, 'use.ts'),
      [
        "import { Pets, ApiError, type AuthOptions } from '@acme/pets';",
        "const auth: AuthOptions = { bearer: 'token', basic: { username: 'u', password: 'p' } };",
        'const client = new Pets({ auth });',
        'export async function names(): Promise<string[]> {',
        '  try {',
        '    const pets = await client.listPets({ limit: 10 });',
        '    return pets.map((pet) => pet.name);',
        '  } catch (error) {',
        '    if (error instanceof ApiError) return [String(error.status)];',
        '    throw error;',
        '  }',
        '}',
        '// @ts-expect-error: limit is a number',
        "void client.listPets({ limit: 'ten' });",
      ].join('\n'),
    );
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['es2022', 'dom'], types: [] }, files: ['use.ts'] }),
    );
    const tsc = resolveTsc();
    const checked = await run(tsc.file, [...tsc.prefixArgs, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: app }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(checked).toBe('');
  }, 90_000);

  it('--overlay (repeatable) applies the overlays in order and keeps them in keyway.config.json, so generate run there applies them too', async () => {
    const docs = join(dir, 'docs');
    await mkdir(docs);
    const overlay = (title: string, actions: object[]) => JSON.stringify({ overlay: '1.0.0', info: { title, version: '1' }, actions });
    await writeFile(join(docs, 'title.json'), overlay('title', [{ target: '$.info', update: { title: 'Zoo Keeper' } }]));
    await writeFile(
      join(docs, 'key.json'),
      overlay('key', [
        { target: '$.info', update: { title: 'Zoo Keeper Two' } },
        { target: '$.components.securitySchemes', update: { zooKey: { type: 'apiKey', in: 'header', name: 'X-Zoo-Key' } } },
      ]),
    );
    const pkg = join(dir, 'overlaid-sdk');
    // Relative paths, from the folder init runs in: the config must point at the same files from the package.
    const init = await keyway(['init', EXAMPLE, 'overlaid-sdk', '--overlay', 'docs/title.json', '--overlay', 'docs/key.json', '--name', 'Zoo', '-q'], { cwd: dir });
    expect(init).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(await readFile(join(pkg, 'keyway.config.json'), 'utf8'))).toEqual({
      input: relative(pkg, EXAMPLE).split(sep).join('/'),
      output: 'src',
      overlays: ['../docs/title.json', '../docs/key.json'],
      name: 'Zoo',
    });
    expect((await readFile(join(pkg, 'README.md'), 'utf8')).startsWith('# Zoo Keeper Two ')).toBe(true); // the second overlay wins
    const client = await readFile(join(pkg, 'src', 'client.ts'), 'utf8');
    expect(client).toContain('zooKey?:');

    const regenerated = await keyway(['generate', '-q'], { cwd: pkg });
    expect(regenerated).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await readFile(join(pkg, 'src', 'client.ts'), 'utf8')).toBe(client);
  }, 60_000);

  it('refuses a folder that is not empty, and touches nothing in it', async () => {
    const taken = join(dir, 'taken');
    await mkdir(taken);
    await writeFile(join(taken, 'mine.txt'), 'keep');
    const result = await keyway(['init', EXAMPLE, taken]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\[E_OUTPUT\] .*taken: the target folder is not empty/);
    expect(await readdir(taken)).toEqual(['mine.txt']);
  });

  it('refuses a package name npm would refuse', async () => {
    const result = await keyway(['init', EXAMPLE, join(dir, 'bad-name'), '--package-name', 'Bad Name']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[E_USAGE] --package-name "Bad Name" is not a valid npm package name');
  });
});
