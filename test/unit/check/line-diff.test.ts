/** The line diff behind `generate --check`: minimal edit scripts and exact unified-diff text. */
import { describe, expect, it } from 'vitest';
import { diffLines, splitLines, unifiedDiff } from '../../../src/check/line-diff.js';

/** Applies an edit script to `a`; a correct script must rebuild `b` exactly. */
function apply(edits: ReturnType<typeof diffLines>): { a: string[]; b: string[] } {
  return {
    a: edits.filter((e) => e.kind !== 'insert').map((e) => e.line),
    b: edits.filter((e) => e.kind !== 'delete').map((e) => e.line),
  };
}

const lines = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `line ${i + from}\n`).join('');

describe('splitLines', () => {
  it.each([
    { text: '', want: [] },
    { text: 'a', want: ['a'] },
    { text: 'a\n', want: ['a\n'] },
    { text: 'a\nb', want: ['a\n', 'b'] },
    { text: 'a\r\nb\n', want: ['a\r\n', 'b\n'] },
    { text: '\n\n', want: ['\n', '\n'] },
  ])('$text', ({ text, want }) => {
    expect(splitLines(text)).toEqual(want);
  });
});

describe('diffLines', () => {
  const cases = [
    { name: 'equal', a: ['x', 'y'], b: ['x', 'y'], changes: 0 },
    { name: 'all inserted', a: [], b: ['x', 'y'], changes: 2 },
    { name: 'all deleted', a: ['x', 'y'], b: [], changes: 2 },
    { name: 'one replaced in the middle', a: ['a', 'b', 'c'], b: ['a', 'B', 'c'], changes: 2 },
    { name: 'Myers paper example', a: [...'ABCABBA'], b: [...'CBABAC'], changes: 5 },
    { name: 'moved line', a: ['1', '2', '3', '4'], b: ['2', '3', '4', '1'], changes: 2 },
  ];
  it.each(cases)('$name: minimal and correct', ({ a, b, changes }) => {
    const edits = diffLines(a, b);
    expect(apply(edits)).toEqual({ a, b });
    expect(edits.filter((e) => e.kind !== 'equal')).toHaveLength(changes);
  });

  it('rebuilds both sides for random inputs', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: random(30) }, () => String(random(5)));
      const b = Array.from({ length: random(30) }, () => String(random(5)));
      expect(apply(diffLines(a, b))).toEqual({ a, b });
    }
  });

  it('stays correct (if not minimal) past the edit-distance cap', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}\n`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}\n`);
    expect(apply(diffLines(a, b))).toEqual({ a, b });
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('f.ts', 'a\nb\n', 'a\nb\n')).toBe('');
  });

  // Expected text is what GNU `diff -u` prints for the same files.
  it('writes hunks with 3 lines of context and diff(1) line numbers', () => {
    const before = lines(20);
    const after = before.replace('line 10\n', 'line ten\n').replace('line 19\n', '');
    expect(unifiedDiff('src/f.ts', before, after)).toBe(
      [
        '--- a/src/f.ts',
        '+++ b/src/f.ts',
        '@@ -7,7 +7,7 @@',
        ' line 7',
        ' line 8',
        ' line 9',
        '-line 10',
        '+line ten',
        ' line 11',
        ' line 12',
        ' line 13',
        '@@ -16,5 +16,4 @@',
        ' line 16',
        ' line 17',
        ' line 18',
        '-line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
  });

  it('keeps distant changes in separate hunks', () => {
    const before = lines(30);
    const after = before.replace('line 2\n', 'line two\n').replace('line 28\n', 'line 28\nline 28.5\n');
    const diff = unifiedDiff('f', before, after);
    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,5 +1,5 @@', '@@ -26,5 +26,6 @@']);
  });

  it('numbers an insertion into an empty file like diff(1)', () => {
    expect(unifiedDiff('f', '', 'x\n')).toBe('--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n');
  });

  it('reports a missing final newline', () => {
    expect(unifiedDiff('f', 'a\n', 'a')).toBe('--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-a\n+a\n\\ No newline at end of file\n');
  });

  it('caps the output and says how much was left out', () => {
    const diff = unifiedDiff('f', lines(500), lines(500, 1000), { maxLines: 10 });
    const out = diff.trimEnd().split('\n');
    expect(out).toHaveLength(2 + 10 + 1);
    expect(out.at(-1)).toBe('… 991 more diff lines');
  });

  it('cuts very long lines', () => {
    const diff = unifiedDiff('f', 'x\n', `${'y'.repeat(500)}\n`, { maxLineLength: 20 });
    expect(diff).toContain(`+${'y'.repeat(20)}…\n`);
  });
});
