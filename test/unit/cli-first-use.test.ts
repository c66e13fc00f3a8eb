/**
 * The built CLI (`node bin/keyway.js`) on the bugs a first user hit: usage errors in keyway's own
 * format, `--output` as the config key's name, `"verify": true` in a config file, and an output
 * parent keyway cannot write in.
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { keyway, ROOT } from '../support/run-cli.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

// Bounded but generous: these start processes or compile schemas, and the machine may be loaded.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-cli-first-use-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe('usage errors', () => {
  it.each([
    ['an unknown option', ['generate', EXAMPLE, '--bogus'], "unknown option '--bogus'"],
    ['a misspelt option', ['generate', EXAMPLE, '--outp', 'x'], "unknown option '--outp'; did you mean --out?"],
    ['a missing argument', ['init'], "missing required argument 'spec'"],
    ['an unknown command', ['nope'], "unknown command 'nope'"],
    ['a value outside a choice', ['generate', EXAMPLE, '--out', 'x', '--import-extension', 'mjs'], "option '--import-extension <ext>' argument 'mjs' is invalid. Allowed choices are js, ts."],
  ])('report %s as one E_USAGE line, exit 1, no help dump', async (_name, args, reason) => {
    const result = await keyway(...args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error [E_USAGE] ${reason} (--help lists the commands and options)\n`);
  });

  it('still prints help and the version with exit 0', async () => {
    expect((await keyway('generate', '--help')).code).toBe(0);
    expect((await keyway('--version')).code).toBe(0);
  });
});

describe('--output', () => {
  it('is --out under the config key’s name', async () => {
    const out = join(dir, 'via-output');
    const result = await keyway('generate', EXAMPLE, '--output', out, '-q');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(join(out, 'client.ts'), 'utf8')).toContain('export class PetstoreAuthClient');
  });

  it('may not disagree with --out', async () => {
    const result = await keyway('generate', EXAMPLE, '--out', join(dir, 'a'), '--output', join(dir, 'b'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[E_USAGE] --out and --output are the same option');
  });

  it('needs a <spec>, like --out', async () => {
    const result = await keyway('generate', '--output', join(dir, 'c'));
    expect(result.stderr).toContain('[E_USAGE] --output need a <spec>');
  });
});

describe('a config file with "verify": true', () => {
  it('verifies: a client that does not type-check is refused and not written', async () => {
    const project = join(dir, 'verify-project');
    const templates = join(project, 'templates');
    await mkdir(templates, { recursive: true });
    const builtin = await readFile(join(ROOT, 'templates/index.ts.hbs'), 'utf8');
    await writeFile(join(templates, 'index.ts.hbs'), `${builtin}export const broken: number = 'not a number';\n`);
    const config = join(project, 'keyway.config.json');
    await writeFile(config, JSON.stringify({ input: EXAMPLE, output: 'out', templates: 'templates', verify: true }));
    const result = await keyway('generate', '--config', config);
    expect(result.stderr).toMatch(/\[E_VERIFY\] the generated client does not type-check/);
    expect(result.stderr).toContain("index.ts:");
    expect(result.code).toBe(1);
    await expect(stat(join(project, 'out'))).rejects.toThrow(/ENOENT/);
  }, 120_000); // ts-morph type-checks the whole client
});

describe('an output parent keyway cannot write in', () => {
  it('is E_OUTPUT with exit 1, not an internal error', async () => {
    // root writes anywhere chmod forbids; /sys refuses new entries even to root.
    const root = process.getuid?.() === 0;
    const parent = root ? '/sys' : join(dir, 'read-only');
    if (!root) {
      await mkdir(parent);
      await chmod(parent, 0o555);
    }
    const result = await keyway('generate', EXAMPLE, '--out', join(parent, 'client'));
    if (!root) await chmod(parent, 0o755);
    expect(result.stderr).toMatch(/^error \[E_OUTPUT\] .*client: cannot write in /);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(1);
  });
});
