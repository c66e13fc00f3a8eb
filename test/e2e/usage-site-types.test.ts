/**
 * functions.ts and methods.ts ship with `// @ts-nocheck` (tsc then checks only what code uses of
 * them: GitHub's client type-checks faster than openapi-typescript's types). This is the user's
 * side of that trade, checked as shipped (pragmas in place): every misuse of a method or an
 * operation function is still an error at the call, with the method's or function's own types,
 * and correct calls infer the right results.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { withTempDir } from '../support/tmp.js';
import { type ModuleResolution, typecheck } from '../support/tsc.js';

const EXAMPLE = join(import.meta.dirname, '../../fixtures/examples/petstore-auth.yaml');

/** Correct calls, each result assigned to the type it must have (a wrong inference is an error). */
const GOOD = `import { PetstoreAuthClient, PetstoreAuthCore, createPet, getPet, health, listPets, type Pet } from './client/index.js';

const client = new PetstoreAuthClient({ baseUrl: 'http://127.0.0.1:1' });
const core = new PetstoreAuthCore({ baseUrl: 'http://127.0.0.1:1' });

export async function calls(): Promise<void> {
  const one: Pet = await client.getPet({ petId: 1 });
  const many: Pet[] = await client.listPets();
  const some: Pet[] = await listPets(core, { limit: 2, status: 'adopted' });
  const made: Pet = await createPet(core, { body: { name: 'Rex', kind: 'dog' } }, { timeoutMs: 5 });
  const same: Pet = await getPet(client, { petId: 1 });
  const text: string = await health(core);
  const id: number = (await client.createPet({ body: { name: 'Tom', kind: 'cat' } })).id;
  void [one, many, some, made, same, text, id];
}
`;

/** One misuse per line, with the diagnostic tsc must report on that line of app.ts. */
const MISUSES: Array<{ code: string; want: string }> = [
  { code: "await client.getPet({ petId: '1' });", want: 'TS2322' }, // a string where the schema says integer
  { code: 'await client.getPet();', want: 'TS2554' }, // required arguments left out
  { code: 'await client.getPet({ petId: 1, extra: true });', want: 'TS2353' }, // an unknown argument
  { code: "const name: string = await client.getPet({ petId: 1 }); void name;", want: 'TS2322' }, // the result is a Pet
  { code: 'await client.noSuchOperation();', want: 'TS2339' },
  { code: "await createPet(core, { body: { name: 'Rex', kind: 'bird' } });", want: 'TS2322' }, // outside the enum
  { code: 'await getPet(core);', want: 'TS2554' },
  { code: "await getPet('a client', { petId: 1 });", want: 'TS2345' }, // not a client
  { code: "await health(core, { timeoutMs: 'soon' });", want: 'TS2322' }, // a RequestOptions of the wrong type
  { code: "const count: number = await listPets(core); void count;", want: 'TS2322' }, // the result is a Pet[]
];

const BAD = `import { PetstoreAuthClient, PetstoreAuthCore, createPet, getPet, health, listPets } from './client/index.js';

const client = new PetstoreAuthClient({ baseUrl: 'http://127.0.0.1:1' });
const core = new PetstoreAuthCore({ baseUrl: 'http://127.0.0.1:1' });
void createPet; void getPet; void health; void listPets;

export async function misuses(): Promise<void> {
${MISUSES.map((m) => `  ${m.code}`).join('\n')}
}
`;
/** BAD's line of the first misuse, 1-based. */
const FIRST_MISUSE_LINE = BAD.split('\n').findIndex((line) => line.startsWith('  await client.getPet({ petId: ')) + 1;

const settings: ModuleResolution[] = ['NodeNext', 'Bundler'];

describe('a consumer of the generated client, checked as shipped (functions.ts and methods.ts @ts-nocheck)', () => {
  it.each(settings)('%s: correct calls compile and infer their results; each misuse is an error on its own line', async (moduleResolution) => {
    await withTempDir(async (dir) => {
      await generate({ input: EXAMPLE, output: join(dir, 'client') });
      await writeFile(join(dir, 'good.ts'), GOOD);
      await writeFile(join(dir, 'bad.ts'), BAD);
      const result = await typecheck(dir, { moduleResolution, asShipped: true });
      const errors = result.diagnostics.split('\n').filter((line) => line.includes(': error TS'));
      // Every diagnostic is bad.ts's: none in the client, none in good.ts.
      expect(errors.filter((line) => !line.startsWith('bad.ts('))).toEqual([]);
      const reported = new Map<number, string[]>();
      for (const line of errors) {
        const [, row, code] = /^bad\.ts\((\d+),\d+\): error (TS\d+)/.exec(line)!;
        reported.set(Number(row), [...(reported.get(Number(row)) ?? []), code!]);
      }
      const want = new Map(MISUSES.map((m, i) => [FIRST_MISUSE_LINE + i, [m.want]]));
      expect(Object.fromEntries(reported)).toEqual(Object.fromEntries(want));
      expect(result.exitCode).not.toBe(0);
    }, 'keyway-usage-site-');
  }, 60_000);
});
