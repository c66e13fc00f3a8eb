/**
 * `--import-extension ts`: every relative specifier in the output names the `.ts` file it points
 * at, so the client type-checks with `allowImportingTsExtensions` and runs as it is under Deno
 * (no `--sloppy-imports`) and Bun (their npm packages ship the binaries). Each runtime calls a
 * local server; the test asserts what that server received. A runtime whose binary cannot run
 * here is skipped with the reason printed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerCompilerOptions } from '../../scripts/lib/tsc-command.mjs';
import { startRecordingServer, type RecordingServer } from '../hostile/recording-server.js';
import { keyway, ROOT } from '../support/run-cli.js';
import { resolveTsc } from '../support/tsc.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const run = promisify(execFile);
const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');
/** `import … from './x.js'` / `export … from '../y.ts'` at a statement start, as keyway writes them. */
const SPECIFIER = /^(?:import|export)\b[^;'"]*?\bfrom\s*'(\.{1,2}\/[^']+)'/gm;

let dir: string;
let client: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-import-ext-');
  client = join(dir, 'client');
  const result = await keyway('generate', EXAMPLE, '--out', client, '--import-extension', 'ts', '-q');
  if (result.code !== 0) throw new Error(result.stderr);
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
}, 60_000);
afterAll(async () => {
  await removeTempDir(dir);
});

async function sourceFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

describe('--import-extension ts', () => {
  it('writes .ts specifiers in every generated file and runtime copy, each naming a file that exists', async () => {
    const files = await sourceFiles(client);
    expect(files.some((f) => f.includes(`${join('client', 'runtime')}`))).toBe(true);
    let count = 0;
    for (const file of files) {
      for (const [, specifier] of (await readFile(file, 'utf8')).matchAll(SPECIFIER)) {
        count++;
        expect(specifier, `${file}: ${specifier}`).toMatch(/\.ts$/);
        expect(existsSync(join(dirname(file), ...posix.normalize(specifier!).split('/'))), `${file}: ${specifier}`).toBe(true);
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(await readFile(join(client, 'README.md'), 'utf8')).toContain('from "./index.ts";');
  });

  it('type-checks under strict settings with allowImportingTsExtensions', async () => {
    const config = join(dir, 'tsconfig.json');
    await writeFile(config, JSON.stringify({ compilerOptions: { ...consumerCompilerOptions('NodeNext'), allowImportingTsExtensions: true, noEmit: true }, include: ['client/**/*.ts'] }));
    const tsc = resolveTsc();
    const diagnostics = await run(tsc.file, [...tsc.prefixArgs, '-p', config, '--pretty', 'false'], { cwd: dir }).then(
      () => '',
      (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
    );
    expect(diagnostics).toBe('');
  }, 120_000);
});

interface Runtime {
  name: string;
  bin: string;
  /** Arguments that run `script` with network access to `host` only. */
  args: (script: string, host: string) => string[];
  env: Record<string, string>;
}

const RUNTIMES: Runtime[] = [
  {
    name: 'Deno',
    bin: join(ROOT, 'node_modules/.bin/deno'),
    args: (script, host) => ['run', '--no-remote', '--no-npm', '--no-config', '--no-lock', `--allow-net=${host}`, script],
    env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  },
  { name: 'Bun', bin: join(ROOT, 'node_modules/.bin/bun'), args: (script) => ['run', script], env: { NO_COLOR: '1' } },
];

/** Why `runtime` cannot run here, or undefined when its binary answers `--version`. */
async function unavailable(runtime: Runtime): Promise<string | undefined> {
  if (!existsSync(runtime.bin)) return `${runtime.bin} is not installed`;
  return run(runtime.bin, ['--version'], { timeout: 30_000 }).then(
    () => undefined,
    (error: Error) => `${runtime.bin} --version failed: ${error.message.split('\n')[0]}`,
  );
}

describe.each(RUNTIMES)('the generated client under $name', (runtime) => {
  let server: RecordingServer;
  let reason: string | undefined;
  beforeAll(async () => {
    reason = await unavailable(runtime);
    if (reason) console.warn(`skipping the ${runtime.name} run: ${reason}`);
    server = await startRecordingServer();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('runs the .ts sources as they are and sends the credentials the operations require', async (context) => {
    if (reason) return context.skip(reason);
    const script = join(dir, `main-${runtime.name.toLowerCase()}.ts`);
    await writeFile(
      script,
      [
        "import { AuthRequiredError, PetstoreAuthClient } from './client/index.ts';",
        `const client = new PetstoreAuthClient({ baseUrl: ${JSON.stringify(server.url)}, auth: { apiKeyHeader: 'header-key', basic: { username: 'ada', password: 'pässword' } } });`,
        'const pets = await client.listPets({ limit: 2 });',
        'await client.deletePet({ petId: 7 });',
        // getPet needs apiKeyQuery or apiKeyCookie, which this client lacks: refused before sending.
        "const refused = await client.getPet({ petId: 8 }).then(() => 'sent', (error) => (error instanceof AuthRequiredError ? 'AuthRequiredError' : String(error)));",
        'console.log(JSON.stringify({ pets, refused }));',
      ].join('\n'),
    );
    server.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: '[{"id":1,"name":"Rex","kind":"dog"}]' });
    server.reply({ status: 204 });
    const host = new URL(server.url).host;
    const { stdout } = await run(runtime.bin, runtime.args(script, host), {
      cwd: dir,
      timeout: 60_000,
      env: { ...process.env, ...runtime.env, DENO_DIR: join(dir, '.deno'), BUN_INSTALL_CACHE_DIR: join(dir, '.bun') },
    });
    expect(JSON.parse(stdout)).toEqual({ pets: [{ id: 1, name: 'Rex', kind: 'dog' }], refused: 'AuthRequiredError' });

    expect(server.requests.map((r) => `${r.method} ${r.target}`)).toEqual(['GET /pets?limit=2', 'DELETE /pets/7']);
    const [list, remove] = server.requests;
    expect(list!.headers['x-api-key']).toBe('header-key');
    expect(list!.headers['authorization']).toBeUndefined();
    expect(remove!.headers['x-api-key']).toBe('header-key');
    expect(remove!.headers['authorization']).toBe(`Basic ${Buffer.from('ada:pässword', 'utf8').toString('base64')}`);
    expect(remove!.headers['user-agent']).toContain(runtime.name);
  }, 120_000);

  it('loads the lazily imported OAuth code (private_key_jwt signing) through a Core and an operation function', async (context) => {
    if (reason) return context.skip(reason);
    const script = join(dir, `lazy-${runtime.name.toLowerCase()}.ts`);
    await writeFile(
      script,
      [
        "import { PetstoreAuthCore, clientCredentials, listPets, privateKeyJwt } from './client/index.ts';",
        "const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);",
        `const oauth = { clientId: 'pet-app', clientAuth: privateKeyJwt({ privateKey, privateKeyAlg: 'ES256' }), tokenUrl: ${JSON.stringify(`${server.url}/token`)} };`,
        `const client = new PetstoreAuthCore({ baseUrl: ${JSON.stringify(server.url)}, auth: { oauth: clientCredentials(oauth) } });`,
        'console.log(JSON.stringify(await listPets(client, { limit: 1 })));',
      ].join('\n'),
    );
    server.requests.length = 0;
    server.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"access_token":"at-1","token_type":"Bearer","expires_in":3600}' });
    server.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: '[]' });
    const { stdout } = await run(runtime.bin, runtime.args(script, new URL(server.url).host), {
      cwd: dir,
      timeout: 60_000,
      env: { ...process.env, ...runtime.env, DENO_DIR: join(dir, '.deno'), BUN_INSTALL_CACHE_DIR: join(dir, '.bun') },
    });
    expect(JSON.parse(stdout)).toEqual([]);
    expect(server.requests.map((r) => `${r.method} ${r.target}`)).toEqual(['POST /token', 'GET /pets?limit=1']);
    const form = new URLSearchParams(server.requests[0]!.body);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    // a signed ES256 JWT: header.claims.signature, made by the lazily loaded client-assertion module
    const [header, claims, signature] = form.get('client_assertion')!.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({ alg: 'ES256' });
    expect(JSON.parse(Buffer.from(claims!, 'base64url').toString())).toMatchObject({ iss: 'pet-app', sub: 'pet-app' });
    expect(Buffer.from(signature!, 'base64url')).toHaveLength(64);
    expect(server.requests[1]!.headers['authorization']).toBe('Bearer at-1');
  }, 120_000);
});
