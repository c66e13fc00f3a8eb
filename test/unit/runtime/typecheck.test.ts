import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The runtime is compiled inside users' projects, under whatever tsconfig they have: check it with
// the strictest common options, for both module resolutions the generated client supports.
const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const runtimeDir = join(repo, 'src/runtime');
const tscBin = join(repo, 'node_modules/typescript/bin/tsc');

const strictest = {
  target: 'es2022',
  lib: ['es2022', 'dom', 'dom.iterable'],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noFallthroughCasesInSwitch: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
};

const workDirs: string[] = [];
afterAll(() => workDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tsc(compilerOptions: object, include: string[], dir = mkdtempSync(join(tmpdir(), 'keyway-rt-'))) {
  workDirs.push(dir);
  const config = join(dir, 'tsconfig.json');
  writeFileSync(config, JSON.stringify({ compilerOptions, include }, null, 2));
  const run = spawnSync(process.execPath, [tscBin, '-p', config], { encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the runtime type-checks with TypeScript 7', () => {
  it('moduleResolution NodeNext (ESM package), verbatimModuleSyntax', () => {
    const result = tsc({ ...strictest, module: 'NodeNext', moduleResolution: 'NodeNext', verbatimModuleSyntax: true }, [join(runtimeDir, '**/*.ts')]);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('moduleResolution Bundler', () => {
    const result = tsc({ ...strictest, module: 'preserve', moduleResolution: 'Bundler', verbatimModuleSyntax: true }, [join(runtimeDir, '**/*.ts')]);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('NodeNext in a folder without package.json (files treated as CommonJS)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyway-rt-cjs-'));
    cpSync(runtimeDir, join(dir, 'runtime'), { recursive: true });
    const result = tsc({ ...strictest, module: 'NodeNext', moduleResolution: 'NodeNext' }, ['runtime/**/*.ts'], dir);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('the harness does report errors (control)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyway-rt-bad-'));
    cpSync(runtimeDir, join(dir, 'runtime'), { recursive: true });
    writeFileSync(join(dir, 'runtime', 'broken.ts'), "import { ClientCore } from './client-core.js';\nexport const core: ClientCore = 1;\n");
    const result = tsc({ ...strictest, module: 'NodeNext', moduleResolution: 'NodeNext' }, ['runtime/**/*.ts'], dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/broken\.ts.*TS2322/);
  });

  it('imports nothing outside the runtime folder and no packages', () => {
    const files = readdirSync(runtimeDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    for (const file of files) {
      // Comments may show users an import (the mTLS recipe imports undici): only code counts.
      const code = readFileSync(join(runtimeDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      const specifiers = [...code.matchAll(/\b(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
      for (const specifier of specifiers) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\/(?:[a-z0-9-]+\/)*[a-z0-9-]+\.js$/);
        expect(resolve(runtimeDir, dirname(file), specifier).startsWith(runtimeDir + sep), `${file} imports ${specifier}`).toBe(true);
      }
    }
  });
});
