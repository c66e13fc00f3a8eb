/**
 * The generated client as a bundler splits it (esbuild --splitting, what an app ships): the paths
 * that load code with import() run in Node from the built chunks, against @node-oauth/oauth2-server
 * on 127.0.0.1, and Node's loader hooks record which chunk files each path fetched. Every lazy OAuth
 * module is loaded through lazy-module-imports.ts (the entry names no other OAuth chunk), so these
 * paths are where a broken hand-over would show: each must load its own chunk and do its work, not
 * fall back to the offline answer (the TokenError a chunk that cannot be loaded leaves).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { ROOT } from '../support/run-cli.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { startNodeOAuthServer, type NodeOAuthServer } from './support/node-oauth-server.js';

const CLIENT = { id: 'split-app', secret: 'split-secret' };

const ENTRY = "export { PetstoreAuthCore, clientCredentials, listPets } from './client/index.js';\n";

// Loader hooks: every file the runner loads, one URL a line, in the file KEYWAY_LOADS names.
const RECORD_LOADS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(process.env.KEYWAY_LOADS, url + '\\n');
  return nextLoad(url, context);
}
`;

// Runs each path in turn on a fresh Core and prints, per path, its outcome and the chunks it loaded.
const RUNNER = `import { register } from 'node:module';
import { readFileSync } from 'node:fs';
register(new URL('./record-loads.mjs', import.meta.url));
const { PetstoreAuthCore, clientCredentials, listPets } = await import('./out/entry.js');
const { origin, id, secret } = JSON.parse(process.env.KEYWAY_SERVER);
const loaded = () => readFileSync(process.env.KEYWAY_LOADS, 'utf8').split('\\n').filter((line) => line.includes('/out/')).map((line) => line.slice(line.lastIndexOf('/') + 1));
const core = (clientSecret, extra = {}) => new PetstoreAuthCore({ baseUrl: origin + '/api', retry: false, ...extra, auth: { oauth: clientCredentials({ clientId: id, clientSecret, tokenUrl: origin + '/oauth/token' }) } });
const outcome = async (run) => {
  const before = loaded().length;
  try {
    return { result: await run(), chunks: loaded().slice(before) };
  } catch (error) {
    return { error: { name: error.name, error: error.error, errorDescription: error.errorDescription, status: error.status }, chunks: loaded().slice(before) };
  }
};
const saved = new Map();
let forged = false;
// An application's store that first answers with a token the server never issued (another process's, revoked since).
const store = {
  get: async (key) => saved.get(key) ?? (forged ? undefined : ((forged = true), { accessToken: 'never-issued', tokenType: 'Bearer', expiresAt: Date.now() + 3_600_000 })),
  set: async (key, tokens) => void saved.set(key, tokens),
  delete: async (key) => void saved.delete(key),
};
const report = {
  success: await outcome(() => listPets(core(secret), { limit: 1 })),
  refusedClient: await outcome(() => listPets(core('wrong-secret'), { limit: 1 })),
  revokedToken: await outcome(async () => ({ pets: await listPets(core(secret, { tokenStore: store }), { limit: 1 }), stored: [...saved.values()].map((tokens) => tokens.accessToken) })),
};
console.log(JSON.stringify(report));
`;

interface Outcome {
  result?: unknown;
  error?: { name: string; error?: string; errorDescription?: string; status?: number };
  /** Chunk files loaded during the path, hashes stripped (`setbacks`, `chunk` for a shared one). */
  chunks: string[];
}

let dir: string;
let server: NodeOAuthServer;
let report: Record<'success' | 'refusedClient' | 'revokedToken', Outcome>;
let chunkFiles: string[];
let entrySource: string;

const stripHash = (file: string): string => file.replace(/-[A-Z0-9]{8}\.js$/, '');

beforeAll(async () => {
  dir = await makeTempDir('keyway-split-');
  await generate({ input: join(ROOT, 'fixtures/examples/petstore-auth.yaml'), output: join(dir, 'client') });
  await writeFile(join(dir, 'entry.ts'), ENTRY);
  await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, splitting: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', outdir: join(dir, 'out'), logLevel: 'silent' });
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(dir, 'record-loads.mjs'), RECORD_LOADS);
  await writeFile(join(dir, 'runner.mjs'), RUNNER);
  await writeFile(join(dir, 'loads.txt'), '');
  chunkFiles = await readdir(join(dir, 'out'));
  entrySource = await readFile(join(dir, 'out', 'entry.js'), 'utf8');
  server = await startNodeOAuthServer(CLIENT);
  const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'runner.mjs')], {
    cwd: dir,
    timeout: 60_000,
    env: { ...process.env, KEYWAY_LOADS: join(dir, 'loads.txt'), KEYWAY_SERVER: JSON.stringify({ origin: server.origin, ...CLIENT }) },
  });
  report = JSON.parse(stdout) as typeof report;
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir !== undefined) await removeTempDir(dir);
});

describe('a split bundle of the petstore client, client credentials', () => {
  it('names no lazy OAuth chunk in its entry but lazy-module-imports (the others are loaded through it)', () => {
    expect(chunkFiles.map(stripHash)).toEqual(expect.arrayContaining(['entry.js', 'lazy-module-imports', 'oauth-http-failure', 'renewal-steps', 'guarded-token-store', 'setbacks']));
    const imported = [...entrySource.matchAll(/import\("\.\/([^"]+)"\)/g)].map(([, file]) => stripHash(file!));
    // The request core's two (its setbacks, its before-send steps) and the OAuth hub.
    expect(imported.sort()).toEqual(['before-send-steps', 'lazy-module-imports', 'setbacks']);
  });

  it('a call that simply succeeds loads no chunk after the entry', () => {
    expect(report.success.result).toEqual({ pets: [] });
    expect(report.success.chunks).toEqual([]);
  });

  it("a refused client's TokenError carries the server's error: the failure chunk loaded through the hub", () => {
    // Offline (the chunk not loaded) it would be invalid_response with "(its details could not be loaded)".
    expect(report.refusedClient.error).toMatchObject({ name: 'TokenError', error: 'invalid_client' });
    expect(report.refusedClient.error!.errorDescription).toMatch(/client/i);
    expect(report.refusedClient.error!.errorDescription).not.toMatch(/could not be loaded/);
    expect(report.refusedClient.chunks.map(stripHash)).toEqual(expect.arrayContaining(['lazy-module-imports', 'oauth-http-failure']));
    expect(report.refusedClient.chunks.map(stripHash)).not.toContain('renewal-steps');
  });

  it('a stored token the API refuses is renewed and the call sent again: the store guard, setbacks and renewal chunks', () => {
    expect(report.revokedToken.error).toBeUndefined();
    const { pets, stored } = report.revokedToken.result as { pets: unknown; stored: string[] };
    expect(pets).toEqual({ pets: [] });
    // The renewed token is in the application's store, not the one refused.
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toBe('never-issued');
    expect(report.revokedToken.chunks.map(stripHash)).toEqual(expect.arrayContaining(['guarded-token-store', 'setbacks', 'renewal-steps']));
  });

  it('the server saw it all: one accepted token request per successful path, one refused, and the API three calls', () => {
    expect(server.tokenRequests.map(({ clientId, accepted, basic }) => ({ clientId, accepted, basic }))).toEqual([
      { clientId: CLIENT.id, accepted: true, basic: true },
      { clientId: CLIENT.id, accepted: false, basic: true },
      { clientId: CLIENT.id, accepted: true, basic: true },
    ]);
    // success 1; revoked: the refused token, then the renewed one.
    expect(server.apiCalls).toBe(3);
  });
});
