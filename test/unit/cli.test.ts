/**
 * The CLI as a user runs it: `node bin/keyway.js` (the built CLI; `npm test` builds first). Exit
 * codes, messages that name the file and location, and an output folder left exactly as it was on
 * any failure.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyway, readTree, ROOT } from '../support/run-cli.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-cli-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe('keyway CLI', () => {
  it('prints help and version', async () => {
    const help = await keyway('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('generate');
    const generateHelp = await keyway('generate', '--help');
    expect(generateHelp.stdout).toContain('--out');
    const version = await keyway('--version');
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('generates a client and says what it wrote', async () => {
    const out = join(dir, 'ok');
    const result = await keyway('generate', EXAMPLE, '-o', out, '--name', 'Pets');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Pets → .*\(9 operations, 5 types, 6 security schemes, \d+ files/);
    expect(await readFile(join(out, 'client.ts'), 'utf8')).toContain('export class Pets extends /* @__PURE__ */ withMethods$(PetsCore) {');
  });

  it('needs --out', async () => {
    const result = await keyway('generate', EXAMPLE);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("required option '-o, --out <dir>'");
  });

  const bad: Array<{ name: string; spec: string; want: RegExp }> = [
    { name: 'a missing file', spec: 'fixtures/nope.yaml', want: /\[E_READ\] .*fixtures\/nope\.yaml.*(ENOENT|no such file)/ },
    { name: 'a YAML syntax error', spec: 'fixtures/load/bad/yaml-syntax.yaml', want: /\[E_PARSE\] .*yaml-syntax\.yaml:\d+:\d+/ },
    { name: 'a JSON syntax error', spec: 'fixtures/load/bad/json-syntax.json', want: /\[E_PARSE\] .*json-syntax\.json:\d+:\d+/ },
    { name: 'an invalid spec', spec: 'fixtures/load/bad/missing-responses.yaml', want: /\[E_INVALID\] .*missing-responses\.yaml.* at #\/paths\/~1pets\/get/ },
    { name: 'an unsupported version', spec: 'fixtures/load/bad/unsupported-version.yaml', want: /\[E_VERSION\]/ },
    { name: 'a bad $ref', spec: 'fixtures/load/bad/bad-ref.yaml', want: /\[E_REF\] .*bad-ref\.yaml/ },
    {
      name: 'a requirement naming an undeclared scheme',
      spec: 'fixtures/bad/undeclared-scheme.yaml',
      want: /\[E_SECURITY\] .*undeclared-scheme\.yaml:11:11 at #\/paths\/~1pets\/get\/security\/1\/nope: .*undeclared scheme "nope"/,
    },
  ];

  it.each(bad)('$name: exits 1, names file and place, leaves the output folder as it was', async ({ spec, want }) => {
    const out = join(dir, 'kept');
    await keyway('generate', EXAMPLE, '-o', out);
    const before = await readTree(out);
    const result = await keyway('generate', spec, '-o', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(want);
    expect(result.stderr).not.toMatch(/^\s+at /m); // no stack without --verbose
    expect(await readTree(out)).toEqual(before);
    expect((await readdir(dir)).filter((n) => n.includes('.keyway-'))).toEqual([]); // no staging left behind
  });

  it('--verbose adds the stack', async () => {
    const result = await keyway('generate', 'fixtures/nope.yaml', '-o', join(dir, 'v'), '--verbose');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\s+at /m);
  });

  it('refuses an output path that is a file', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'mine');
    const result = await keyway('generate', EXAMPLE, '-o', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\[E_OUTPUT\] .*a-file.*is a file/);
    expect(await readFile(file, 'utf8')).toBe('mine');
  });

  it('refuses to replace a folder that holds something other than keyway output', async () => {
    const folder = join(dir, 'precious');
    await mkdir(folder);
    await writeFile(join(folder, 'notes.txt'), 'keep me');
    const result = await keyway('generate', EXAMPLE, '-o', folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[E_OUTPUT]');
    expect(await readTree(folder)).toEqual({ '/notes.txt': 'keep me' });
  });
});

describe('--verify', () => {
  it('type-checks the client in memory before writing it', async () => {
    const out = join(dir, 'verified');
    const result = await keyway('generate', EXAMPLE, '-o', out, '--verify', '--verbose');
    expect(result.code).toBe(0);
    expect(result.stderr + result.stdout).toMatch(/verify/);
    expect(await readFile(join(out, 'client.ts'), 'utf8')).toContain('export class PetstoreAuthClient');
  }, 60_000);

  it('refuses, and writes nothing, when a template override breaks the client', async () => {
    const templates = join(dir, 'broken-templates');
    await mkdir(templates);
    const original = await readFile(join(ROOT, 'templates/index.ts.hbs'), 'utf8');
    await writeFile(join(templates, 'index.ts.hbs'), `${original}export const broken: number = "text";\n`);
    const out = join(dir, 'not-verified');
    const result = await keyway('generate', EXAMPLE, '-o', out, '--verify', '--templates', templates);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\[E_VERIFY\][\s\S]*index\.ts:\d+: TS2322/);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  }, 60_000);
});
