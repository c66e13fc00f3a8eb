import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typecheck, type ModuleResolution } from './tsc.js';
import { withTempDir } from './tmp.js';

type Files = Record<string, string>;

async function writeFiles(dir: string, files: Files): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}

const HELPER = 'export const base = new URL("https://api.example.com");\n';

interface Case {
  why: string;
  files: Files;
  /** Expected TS error code per setting; null = must be clean. */
  NodeNext: string | null;
  Bundler: string | null;
}

const cases: Case[] = [
  {
    why: 'a strict ESM client using DOM fetch types and import.meta',
    files: {
      'lib/helper.ts': HELPER,
      'client.ts': [
        'import { base } from "./lib/helper.js";',
        'export async function get(path: string, init?: RequestInit): Promise<unknown> {',
        '  const response: Response = await fetch(new URL(path, base), init);',
        '  return response.json();',
        '}',
        'export const here: string = import.meta.url;',
        '',
      ].join('\n'),
    },
    NodeNext: null,
    Bundler: null,
  },
  {
    why: 'a plain type error',
    files: { 'bad.ts': 'export const n: number = "not a number";\n' },
    NodeNext: 'TS2322',
    Bundler: 'TS2322',
  },
  {
    why: 'an implicit any (strict is on)',
    files: { 'bad.ts': 'export function f(x) { return x; }\n' },
    NodeNext: 'TS7006',
    Bundler: 'TS7006',
  },
  {
    why: 'an extensionless relative import (only NodeNext forbids it)',
    files: { 'lib/helper.ts': HELPER, 'client.ts': 'import { base } from "./lib/helper";\nexport const b = base;\n' },
    NodeNext: 'TS2835',
    Bundler: null,
  },
  {
    why: 'a Node global (types: [] keeps @types/node out)',
    files: { 'bad.ts': 'export const env = process.env;\n' },
    NodeNext: 'TS2591',
    Bundler: 'TS2591',
  },
  {
    why: "a wrong type in keyway's functions.ts or methods.ts, checked despite their @ts-nocheck",
    files: { 'client/functions.ts': '// @ts-nocheck: skipped by users\nexport const n: number = "not a number";\n', 'methods.ts': '// @ts-nocheck: x\nexport interface M { m(): Missing; }\n' },
    NodeNext: 'TS2322',
    Bundler: 'TS2304',
  },
  {
    why: "any other file's @ts-nocheck (operations.ts has its own test)",
    files: { 'operations.ts': '// @ts-nocheck: data\nexport const n: number = "not a number";\n' },
    NodeNext: null,
    Bundler: null,
  },
];

const settings: ModuleResolution[] = ['NodeNext', 'Bundler'];
const table = cases.flatMap((c) => settings.map((moduleResolution) => ({ ...c, moduleResolution, expected: c[moduleResolution] })));

describe('typecheck', () => {
  it.each(table)('$moduleResolution: $why → $expected', async ({ files, moduleResolution, expected }) => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, files);
      const result = await typecheck(dir, { moduleResolution });
      if (expected === null) {
        expect(result.diagnostics).toBe('');
        expect(result.exitCode).toBe(0);
      } else {
        expect(result.diagnostics).toContain(`error ${expected}:`);
        expect(result.exitCode).not.toBe(0);
        // Paths are relative to the checked dir, so messages stay short and stable across runs.
        expect(result.diagnostics).not.toContain(dir);
      }
    });
  }, 30_000);

  it('under NodeNext adds an ESM package.json to the copy it checks, never to the dir', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'a.ts': 'export const u = import.meta.url;\n' });
      expect((await typecheck(dir, { moduleResolution: 'NodeNext' })).exitCode).toBe(0);
      expect(existsSync(join(dir, 'package.json'))).toBe(false);
    });
  }, 30_000);

  it("under NodeNext respects the dir's own package.json (CommonJS here rejects import.meta)", async () => {
    await withTempDir(async (dir) => {
      const ownPackageJson = '{ "type": "commonjs" }\n';
      await writeFiles(dir, { 'package.json': ownPackageJson, 'a.ts': 'export const u = import.meta.url;\n' });
      const result = await typecheck(dir, { moduleResolution: 'NodeNext' });
      expect(result.diagnostics).toContain('error TS1470:');
      expect(await readFile(join(dir, 'package.json'), 'utf8')).toBe(ownPackageJson);
    });
  }, 30_000);
});
