import { describe, expect, it } from 'vitest';
import { buildExportIndex, sourceHash } from '../../../src/emit/runtime-export-index.js';
import { scanExports } from '../../../src/emit/scan-exports.js';

describe('scanExports: what a runtime module declares and exports, by the TypeScript parser', () => {
  const cases: Array<[string, { given: string; want: string[] }]> = [
    ['async functions (the old regex missed them)', { given: 'export async function load() {}', want: ['load'] }],
    ['functions, classes, interfaces, types, enums', { given: 'export function f() {}\nexport abstract class C {}\nexport interface I {}\nexport type T = 1;\nexport enum E { A }', want: ['f', 'C', 'I', 'T', 'E'] }],
    ['every name of a const list', { given: 'export const a = 1, b = 2;\nexport let c = 3;', want: ['a', 'b', 'c'] }],
    ['declare forms', { given: 'export declare const d: number;\nexport declare function g(): void;', want: ['d', 'g'] }],
    ['local export lists, by exported name', { given: 'const x = 1;\nexport { x, x as y };', want: ['x', 'y'] }],
    ['not re-exports from elsewhere, nor locals, nor comments', { given: "export { z } from './z.js';\nconst q = 1;\n// export const fake = 1;\n/* export function nope() {} */", want: [] }],
    ['not a string that looks like an export', { given: "const s = `\nexport const inString = 1;\n`;", want: [] }],
  ];
  it.each(cases)('%s', async (_, { given, want }) => {
    expect(await scanExports(given, 'm.ts')).toEqual(want);
  });
});

describe('buildExportIndex', () => {
  it('keeps a previous entry whose source is unchanged and rescans one that changed', async () => {
    const files = new Map([
      ['a.ts', 'export const a = 1;'],
      ['b.ts', 'export const b = 1;'],
    ]);
    const previous = { 'a.ts': { sha256: sourceHash('export const a = 1;'), exports: ['kept'] }, 'b.ts': { sha256: 'stale', exports: ['old'] } };
    expect(await buildExportIndex(files, previous)).toEqual({
      'a.ts': { sha256: sourceHash('export const a = 1;'), exports: ['kept'] },
      'b.ts': { sha256: sourceHash('export const b = 1;'), exports: ['b'] },
    });
  });
});
