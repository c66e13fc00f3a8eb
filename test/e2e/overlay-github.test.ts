/**
 * GitHub's published description declares no security at all. With the overlay keyway ships
 * (fixtures/overlays/github-bearer.overlay.yaml: a bearer scheme and a root `security`), the
 * generated client sends `Authorization: Bearer` on every one of its 1,223 operations: read from
 * operations.ts, then proven by calling every operation against a local recording server and
 * checking what it received.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../src/generate.js';
import type { OperationSpec } from '../../src/runtime/operation.js';
import { startRecordingServer, type RecordingServer } from '../hostile/recording-server.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const ROOT = join(import.meta.dirname, '../..');
const GITHUB = join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const OVERLAY = join(ROOT, 'fixtures/overlays/github-bearer.overlay.yaml');
const TOKEN = 'ghp_overlayE2eToken0123456789';

type Method = (args?: Record<string, unknown>) => Promise<unknown>;
interface GeneratedModule {
  GitHubsOfficialOpenAPISpecOctokitExtensionClient: new (options: { baseUrl: string; auth?: { github?: string } }) => Record<string, Method>;
  operations: Record<string, OperationSpec>;
}

let dir: string;
let result: GenerateResult;
let mod: GeneratedModule;
let server: RecordingServer;

beforeAll(async () => {
  dir = await makeTempDir('keyway-e2e-overlay-');
  result = await generate({ input: GITHUB, overlays: [OVERLAY], output: join(dir, 'client') });
  mod = (await import(pathToFileURL(join(dir, 'client', 'index.ts')).href)) as GeneratedModule;
  server = await startRecordingServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await removeTempDir(dir);
});

/** Arguments that satisfy an operation: every required parameter and the body, with placeholder values. */
function argsFor(op: OperationSpec): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const p of op.params) if (p.in === 'path' || p.required) args[p.key] = p.in === 'path' ? 'p1' : '1';
  if (op.body) args[op.body.key] = op.body.encoding === 'binary' ? new Blob(['x']) : op.body.encoding === 'text' ? 'x' : {};
  return args;
}

/** The path the server should see: the template with every `{param}` filled with `p1`. */
const expectedPath = (op: OperationSpec) => op.path.replace(/\{[^}]*\}/g, 'p1');

describe('GitHub + the bearer overlay', () => {
  it('declares one bearer scheme and applies it to every operation (anonymous allowed as the fallback)', () => {
    expect(result.summary).toMatchObject({ operations: 1223, securitySchemes: 1 });
    const specs = Object.values(mod.operations);
    expect(specs).toHaveLength(1223);
    expect(specs.filter((op) => JSON.stringify(op.security) !== '[[["github",[]]],[]]').map((op) => op.id)).toEqual([]);
    expect(result.files.find((f) => f.path === 'client.ts')!.contents).toContain('github?: TokenSource | Credential<"http-bearer">;');
  });

  it('sends Authorization: Bearer <token> on every one of the 1,223 operations', async () => {
    const client = new mod.GitHubsOfficialOpenAPISpecOctokitExtensionClient({ baseUrl: server.url, auth: { github: TOKEN } });
    const specs = Object.entries(mod.operations);
    const start = server.requests.length;
    // a few at a time: bounded load on a shared machine, and still every operation
    for (let i = 0; i < specs.length; i += 16) {
      await Promise.all(specs.slice(i, i + 16).map(([name, op]) => client[name]!(argsFor(op))));
    }
    const received = server.requests.slice(start);
    expect(received).toHaveLength(1223);
    expect(received.filter((r) => r.headers.authorization !== `Bearer ${TOKEN}`)).toEqual([]);
    const sent = new Set(received.map((r) => `${r.method} ${r.path}`));
    const missing = specs.map(([, op]) => `${op.method} ${expectedPath(op)}`).filter((line) => !sent.has(line));
    expect(missing).toEqual([]);
  }, 120_000);

  it('without a token, calls still go out, anonymously (the overlay keeps public endpoints public)', async () => {
    const client = new mod.GitHubsOfficialOpenAPISpecOctokitExtensionClient({ baseUrl: server.url });
    await client['metaRoot']!();
    await client['reposGet']!({ owner: 'octocat', repo: 'hello-world' });
    const [root, repo] = server.requests.slice(-2);
    expect(root).toMatchObject({ method: 'GET', path: '/' });
    expect(repo).toMatchObject({ method: 'GET', path: '/repos/octocat/hello-world' });
    expect([root!.headers.authorization, repo!.headers.authorization]).toEqual([undefined, undefined]);
  });
});
