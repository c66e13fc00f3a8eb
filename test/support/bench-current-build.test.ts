// bench/lib/current-build.mjs: a bench refuses a build that is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs bench helper without types
import { staleBuild } from '../../bench/lib/current-build.mjs';
import { makeTempDir, removeTempDir } from './tmp.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const check = staleBuild as (repo: string) => string | undefined;
let repo: string;

/** Writes `file` under the repo with its modification time `seconds` since the epoch. */
function put(file: string, seconds: number): void {
  const path = join(repo, file);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, seconds, seconds);
}

beforeEach(async () => {
  repo = await makeTempDir('keyway-current-build-');
  put('src/runtime/oauth2/token-endpoint.ts', 1_000);
  put('templates/client.ts.hbs', 1_000);
});

afterEach(async () => {
  await removeTempDir(repo);
});

describe('staleBuild', () => {
  it('says nothing of a build newer than every source', () => {
    put('dist/bin/cli.js', 2_000);
    expect(check(repo)).toBeUndefined();
  });

  it('names the build missing', () => {
    expect(check(repo)).toMatch(/dist\/bin\/cli\.js is missing$/);
  });

  it('names a source edited since the build, nested under src/ or in templates/', () => {
    put('dist/bin/cli.js', 2_000);
    put('src/runtime/oauth2/token-endpoint.ts', 3_000);
    expect(check(repo)).toBe(`the build in ${join(repo, 'dist')} is older than 1 source file (src/runtime/oauth2/token-endpoint.ts)`);
    put('templates/client.ts.hbs', 3_000);
    expect(check(repo)).toMatch(/older than 2 source files \((src|templates)\/.+, …\)$/);
  });
});

// Each bench runs its check before any work, so a stale copy of the repo must stop every one of them
// with exit 2 and the reason. A bench that fails to load (a misplaced import, a missing helper) fails here.
describe.each(['bundle.mjs', 'github.mjs', 'redis-store.mjs', 'runtime.mjs', 'typecheck.mjs'])('bench/%s', (bench) => {
  it('refuses a stale build, naming the newer source', () => {
    for (const dir of ['bench', 'scripts']) cpSync(join(projectRoot, dir), join(repo, dir), { recursive: true, filter: (from) => !from.includes('.peers') });
    symlinkSync(join(projectRoot, 'node_modules'), join(repo, 'node_modules'));
    put('dist/bin/cli.js', 2_000);
    put('src/runtime/oauth2/token-endpoint.ts', 3_000);
    const env = { ...process.env };
    delete env.KEYWAY_CMD;
    const run = spawnSync(process.execPath, [join(repo, 'bench', bench)], { cwd: repo, env, encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toContain('is older than 1 source file (src/runtime/oauth2/token-endpoint.ts): run `npm run build` first');
    expect(run.status).toBe(2);
  });
});
