/**
 * `keyway generate --watch` as a user runs it: regenerates when the spec or a file it `$ref`s
 * changes, survives a broken spec (old output kept), and exits cleanly on Ctrl-C (SIGINT).
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { ROOT, startKeyway, waitFor, type RunningCli } from '../support/workflows/cli.js';

let dir: string;
let cli: RunningCli | undefined;
beforeAll(async () => {
  dir = await makeTempDir('keyway-watch-');
  await cp(join(ROOT, 'fixtures/load/multi-file'), join(dir, 'spec'), { recursive: true });
});
afterAll(async () => {
  if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
  await removeTempDir(dir);
});

const read = (path: string): Promise<string> => readFile(path, 'utf8').catch(() => '');

describe('keyway generate --watch', () => {
  it('regenerates on changes to the spec and its $refs, keeps going after an error, exits on SIGINT', async () => {
    const root = join(dir, 'spec/openapi.yaml');
    const referenced = join(dir, 'spec/schemas/pet.yaml');
    const out = join(dir, 'out');
    cli = startKeyway(['generate', root, '--out', out, '--watch']);
    const { output } = cli;
    await waitFor('the first generation and the watch', () => output.stderr.includes('watching 4 files for changes'));
    expect(output.stdout).toMatch(/^✔ MultiFileClient → /);
    expect(await read(join(out, 'client.ts'))).toContain('listPets(');

    // The root document: an operation renamed.
    const spec = await read(root);
    await writeFile(root, spec.replace('operationId: listPets', 'operationId: listAllPets'));
    await waitFor('client.ts to have the new method', async () => (await read(join(out, 'client.ts'))).includes('listAllPets('));

    // A file the spec only reaches through $ref.
    const pet = await read(referenced);
    await writeFile(referenced, pet.replace('required: [name]', 'required: [name]\n  description: A pet from the watched file.'));
    await waitFor('types.ts to have the new description', async () => (await read(join(out, 'types.ts'))).includes('A pet from the watched file.'));

    // A broken spec: the error is printed, the output stays, watching goes on.
    const good = await read(join(out, 'client.ts'));
    await writeFile(root, 'openapi: 3.0.3\ninfo: [unclosed\n');
    await waitFor('the parse error', () => output.stderr.includes('[E_PARSE]'));
    expect(await read(join(out, 'client.ts'))).toBe(good);
    expect(cli.child.exitCode).toBeNull();

    // Fixed again: regenerated.
    await writeFile(root, spec.replace('operationId: listPets', 'operationId: listSomePets'));
    await waitFor('client.ts after the fix', async () => (await read(join(out, 'client.ts'))).includes('listSomePets('));

    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(output.stderr).not.toMatch(/internal error|\n\s+at /);
  }, 30_000);
});
