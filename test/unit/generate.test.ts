/** generate() from code: check mode, template overrides, progress events, and the files it returns. */
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateNames } from '../../src/emit/templates.js';
import { KeywayError } from '../../src/errors.js';
import { generate, generateWritten, type ProgressEvent } from '../../src/generate.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-gen-api-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

async function failure(promise: Promise<unknown>): Promise<KeywayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeywayError);
  return error as KeywayError;
}

describe('generate({ check: true })', () => {
  it('writes nothing and reports every file missing when the output does not exist', async () => {
    const out = join(dir, 'absent');
    const result = await generate({ input: EXAMPLE, output: out, check: true });
    expect(result.written).toBe(false);
    expect(result.check?.upToDate).toBe(false);
    expect(result.check?.differences.map((d) => d.kind)).toEqual(result.files.map(() => 'missing'));
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });

  it('is up to date right after generating, and returns every file with its text', async () => {
    const out = join(dir, 'fresh');
    const written = await generate({ input: EXAMPLE, output: out });
    expect(written.written).toBe(true);
    expect(written.check).toBeUndefined();
    expect(written.files.map((f) => f.path)).toEqual(expect.arrayContaining(['index.ts', 'client.ts', 'README.md', 'runtime/client-core.ts']));
    for (const file of written.files) {
      expect(await readFile(join(out, file.path), 'utf8')).toBe(file.contents);
      expect(file.bytes).toBe(Buffer.byteLength(file.contents));
    }
    expect(written.sources).toEqual([EXAMPLE]);
    const checked = await generate({ input: EXAMPLE, output: out, check: true });
    expect(checked.check).toEqual({ upToDate: true, differences: [] });
  });

  it('generateWritten (what the CLI runs) writes the same files, lists them with their sizes but not their text, and reports each once written, largest first', async () => {
    const kept = await generate({ input: EXAMPLE, output: join(dir, 'kept') });
    const out = join(dir, 'released');
    const heard: Array<[string, number]> = [];
    const written = await generateWritten({ input: EXAMPLE, output: out }, (path, bytes) => heard.push([path, bytes]));
    expect(written.files).toEqual(kept.files.map(({ path, bytes }) => ({ path, bytes })));
    for (const file of kept.files) expect(await readFile(join(out, file.path), 'utf8')).toBe(file.contents);
    expect(heard.map(([path]) => path).sort()).toEqual(kept.files.map((f) => f.path).sort());
    const characters = new Map(kept.files.map((f) => [f.path, f.contents.length]));
    const lengths = heard.map(([path]) => characters.get(path)!);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(Object.fromEntries(heard)).toEqual(Object.fromEntries(kept.files.map((f) => [f.path, f.bytes])));
  });

  it('reports changed (with a diff), missing and extra files, and leaves them as they are', async () => {
    const out = join(dir, 'stale');
    await generate({ input: EXAMPLE, output: out });
    const methods = await readFile(join(out, 'methods.ts'), 'utf8');
    await writeFile(join(out, 'methods.ts'), methods.replace('List pets', 'List some pets'));
    await rm(join(out, 'types.ts'));
    await writeFile(join(out, 'notes.md'), 'mine');
    const result = await generate({ input: EXAMPLE, output: out, check: true });
    expect(result.check?.differences.map(({ path, kind }) => ({ path, kind }))).toEqual([
      { path: 'methods.ts', kind: 'changed' },
      { path: 'notes.md', kind: 'extra' },
      { path: 'types.ts', kind: 'missing' },
    ]);
    const diff = result.check!.differences[0]!.diff!;
    expect(diff).toMatch(/^--- a\/methods\.ts\n\+\+\+ b\/methods\.ts\n@@ -\d+,7 \+\d+,7 @@\n/);
    expect(diff).toContain('\n-   * List some pets\n+   * List pets\n');
    expect(await readFile(join(out, 'notes.md'), 'utf8')).toBe('mine');
  });
});

describe('generate({ templates })', () => {
  it('renders an override instead of the built-in template', async () => {
    const templates = join(dir, 'templates-ok');
    await mkdir(templates);
    const builtin = await readFile(join(ROOT, 'templates/index.ts.hbs'), 'utf8');
    await writeFile(join(templates, 'index.ts.hbs'), `${builtin}export const flavour = 'custom';\n`);
    await writeFile(join(templates, 'README.md.hbs'), '# {{title}} by {{clientName}}\n');
    const out = join(dir, 'custom');
    await generate({ input: EXAMPLE, output: out, templates });
    expect(await readFile(join(out, 'index.ts'), 'utf8')).toMatch(/export const flavour = 'custom';\n$/);
    expect(await readFile(join(out, 'README.md'), 'utf8')).toBe('# Petstore Auth 1.0.0 by `PetstoreAuthClient`\n');
    // The others are keyway's own.
    const plain = join(dir, 'plain');
    await generate({ input: EXAMPLE, output: plain });
    expect(await readFile(join(out, 'client.ts'), 'utf8')).toBe(await readFile(join(plain, 'client.ts'), 'utf8'));
  });

  it('refuses an unknown template file, naming it and listing the valid names', async () => {
    const templates = join(dir, 'templates-typo');
    await mkdir(templates);
    await writeFile(join(templates, 'clients.ts.hbs'), '');
    const error = await failure(generate({ input: EXAMPLE, output: join(dir, 'never'), templates }));
    expect(error.code).toBe('E_TEMPLATE');
    expect(error.location.file).toBe(join(templates, 'clients.ts.hbs'));
    expect(error.message).toContain(`unknown template "clients.ts.hbs"`);
    expect(error.message).toContain(templateNames().join(', '));
    expect(templateNames()).toEqual(['README.md.hbs', 'client.ts.hbs', 'functions.ts.hbs', 'index.ts.hbs', 'methods.ts.hbs', 'operations.ts.hbs', 'types.ts.hbs']);
    await expect(stat(join(dir, 'never'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a missing folder and a template that does not compile', async () => {
    expect((await failure(generate({ input: EXAMPLE, output: join(dir, 'never'), templates: join(dir, 'nope') }))).message).toMatch(/templates folder does not exist/);
    const broken = join(dir, 'templates-broken');
    await cp(join(ROOT, 'templates/types.ts.hbs'), join(broken, 'types.ts.hbs'));
    await writeFile(join(broken, 'types.ts.hbs'), '{{#each types}}');
    const error = await failure(generate({ input: EXAMPLE, output: join(dir, 'never'), templates: broken }));
    expect(error.code).toBe('E_TEMPLATE');
    expect(error.message).toMatch(/template types\.ts\.hbs does not compile/);
  });
});

describe('generate({ onProgress })', () => {
  it('reports each stage starting and ending, in order, and the load sub-stages', async () => {
    const events: ProgressEvent[] = [];
    await generate({ input: EXAMPLE, output: join(dir, 'progress'), onProgress: (e) => events.push(e) });
    const stages = events.filter((e) => e.type !== 'load-stage').map((e) => `${e.type} ${e.stage}`);
    expect(stages).toEqual(['start load', 'end load', 'start analyze', 'end analyze', 'start plan', 'end plan', 'start render', 'end render', 'start write', 'end write']);
    expect(events.filter((e) => e.type === 'load-stage').map((e) => e.stage)).toEqual(['read', 'version', 'refs', 'validate']);
    expect(events.find((e) => e.type === 'start' && e.stage === 'render')).toMatchObject({ detail: 'rendering 9 operations, 5 types' });
  });
});
