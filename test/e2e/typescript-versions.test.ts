/**
 * The generated source compiles where the README says it does: TypeScript 5.4 (the oldest
 * supported), the latest 5.x and 7, with the DOM lib or with only @types/node (18, the oldest; no
 * DOM), under strict with NodeNext and with Bundler resolution (TypeScript 7 in every combination,
 * 5.x in each lib and each resolution: see below). One client carries every scheme family, and so
 * every runtime module. The compilers' diagnostics are the assertion.
 *
 * TypeScript 5.x's tsc is JavaScript: slow to start and to parse lib.dom. Each 5.x version runs
 * once, through its JS API, for all its settings (test/support/typecheck-matrix.mjs); TypeScript 7
 * (native) runs as tsc per setting. Settings run one after another, never in parallel.
 * skipLibCheck is on for 5.x: the client has no .d.ts of its own, so it only skips checking
 * lib.*.d.ts and @types/node, which are not ours (TypeScript 7 checks them too, at no cost).
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { ROOT } from '../support/run-cli.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { resolveTsc } from '../support/tsc.js';

const run = promisify(execFile);
const SPEC = join(ROOT, 'fixtures/compat/every-scheme.yaml');
const MATRIX = join(ROOT, 'test/support/typecheck-matrix.mjs');

type Lib = 'dom' | 'node18';
type Resolution = 'NodeNext' | 'Bundler';
interface Setting {
  name: string;
  rootNames: string[];
  compilerOptions: Record<string, unknown>;
}

let dir: string;
let client: string;
let clientFiles: string[];

/** A probe per lib setting, compiled with the client: proves the setting is what it says. */
const PROBES: Record<Lib, string> = {
  dom: 'export const page: Document | undefined = undefined;\n',
  // The `@ts-expect-error` line fails the run if lib.dom is there after all.
  node18: 'export const version: string = process.version;\n// @ts-expect-error no lib.dom in this setting\nexport type Page = Document;\n',
};

function setting(lib: Lib, resolution: Resolution, skipLibCheck: boolean): Setting {
  const libs = {
    dom: { lib: ['es2022', 'dom', 'dom.iterable'], types: [] },
    // @types/node 18 is installed under an alias (types-node-18); a typeRoots folder names it `node`.
    node18: { lib: ['es2022'], types: ['node'], typeRoots: [join(dir, 'types-18')] },
  }[lib];
  return {
    name: `${lib} ${resolution}`,
    rootNames: [...clientFiles, join(dir, `probe-${lib}.ts`)],
    compilerOptions: {
      strict: true,
      target: 'es2022',
      noEmit: true,
      skipLibCheck,
      ...libs,
      ...(resolution === 'NodeNext' ? { module: 'NodeNext', moduleResolution: 'NodeNext' } : { module: 'ESNext', moduleResolution: 'Bundler' }),
    },
  };
}

beforeAll(async () => {
  dir = await makeTempDir('keyway-ts-versions-');
  client = join(dir, 'client');
  await generate({ input: SPEC, output: client });
  clientFiles = (await readdir(client, { recursive: true })).filter((f) => f.endsWith('.ts')).map((f) => join(client, f));
  // NodeNext: ESM because the nearest package.json says so, as in a user's project.
  await writeFile(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  for (const [lib, probe] of Object.entries(PROBES)) await writeFile(join(dir, `probe-${lib}.ts`), probe);
  await mkdir(join(dir, 'types-18'));
  await symlink(join(ROOT, 'node_modules/types-node-18'), join(dir, 'types-18', 'node'), 'dir');
}, 60_000);
afterAll(async () => {
  await removeTempDir(dir);
});

// no-credentials.ts is what a client of a document without security schemes carries instead of the strategy factory.
const ONLY_WITHOUT_SCHEMES = ['no-credentials.ts'];

it('the client carries every runtime module', async () => {
  const runtime = (await readdir(join(ROOT, 'src/runtime'), { recursive: true }))
    .filter((f) => f.endsWith('.ts') && !ONLY_WITHOUT_SCHEMES.includes(f))
    .map((f) => join(client, 'runtime', f));
  expect(clientFiles).toEqual(expect.arrayContaining(runtime));
  expect(runtime.length).toBeGreaterThan(80);
});

/** Runs one TypeScript 5.x package over the settings; its diagnostics per setting. */
async function checkWith(packageName: string, settings: Setting[]): Promise<Array<{ name: string; version: string; diagnostics: string }>> {
  const request = join(dir, `${packageName}.json`);
  await writeFile(request, JSON.stringify({ settings }));
  const { stdout } = await run(process.execPath, [MATRIX, join(ROOT, 'node_modules', packageName), request], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Array<{ name: string; version: string; diagnostics: string }>;
}

// Each TypeScript 5.x setting costs ~5 s of CPU (over 15 s of wall time on a loaded 2-core machine),
// so 5.x runs each lib and each resolution once rather than the full square, which TypeScript 7
// runs below. For a client whose imports are all relative `./x.js`, NodeNext and Bundler resolve
// the same files (NodeNext is the stricter: it also demands the extensions), so the square's other
// half would re-check the same program under the same lib.
describe.each([
  // The oldest supported, where typed arrays are not generic and lib.dom is older.
  { packageName: 'typescript-5.4', version: '5.4.5', settings: () => [setting('dom', 'NodeNext', true), setting('node18', 'Bundler', true)] },
  // The latest 5.x, as a bundled web app sets it up.
  { packageName: 'typescript-5.9', version: '5.9.3', settings: () => [setting('dom', 'Bundler', true)] },
])('TypeScript $version', ({ packageName, version, settings }) => {
  it('compiles the client under strict in every setting', async () => {
    const wanted = settings();
    const results = await checkWith(packageName, wanted);
    expect(results.map((r) => r.name)).toEqual(wanted.map((s) => s.name));
    for (const result of results) {
      expect(result.version).toBe(version);
      expect(result.diagnostics, result.name).toBe('');
    }
  }, 180_000);
});

describe('TypeScript 7', () => {
  it.each([
    ['dom', 'NodeNext'],
    ['dom', 'Bundler'],
    ['node18', 'NodeNext'],
    ['node18', 'Bundler'],
  ] as const)('compiles the client under strict, %s %s (lib files checked too)', async (lib, resolution) => {
    const { name, rootNames, compilerOptions } = setting(lib, resolution, false);
    const config = join(dir, `tsconfig.${name.replace(' ', '-')}.json`);
    await writeFile(config, JSON.stringify({ compilerOptions, files: rootNames }));
    const tsc = resolveTsc();
    const diagnostics = await run(tsc.file, [...tsc.prefixArgs, '-p', config, '--pretty', 'false'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout }) => stdout,
      (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
    );
    expect(diagnostics).toBe('');
  }, 60_000);
});
