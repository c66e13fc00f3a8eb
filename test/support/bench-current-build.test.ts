// bench/lib/current-build.mjs: a bench refuses a build that is missing or older than its sources.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs bench helper without types
import { staleBuild } from '../../bench/lib/current-build.mjs';
import { makeTempDir, removeTempDir } from './tmp.js';

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
