/**
 * A line diff (Myers' O(ND) algorithm) and its unified-diff rendering, for `generate --check`.
 * No dependency: the ones in node_modules are only there transitively.
 */

export type EditKind = 'equal' | 'delete' | 'insert';

export interface Edit {
  kind: EditKind;
  /** The line, with its line terminator when it had one. */
  line: string;
}

/**
 * Past this many differing lines the middle section is reported as replaced whole: Myers keeps
 * O(D²) state, and a diff that long is only ever skimmed anyway.
 */
const MAX_EDIT_DISTANCE = 2000;

/** Splits text into lines that keep their `\n`, so a missing final newline counts as a change. */
export function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/** The shortest edit script turning `a` into `b`. */
export function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  return [
    ...a.slice(0, start).map((line) => ({ kind: 'equal' as const, line })),
    ...middle,
    ...a.slice(endA).map((line) => ({ kind: 'equal' as const, line })),
  ];
}

function myers(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return replaced(a, b);
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  // v[k + offset] is the furthest x reached on diagonal k; trace[d] holds v for k in [-d-1, d+1]
  // before step d, which is all backtracking needs.
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace);
    }
  }
  return replaced(a, b);
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[]): Edit[] {
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snapshot = trace[d]!;
    const at = (k: number): number => snapshot[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ kind: 'equal', line: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) edits.push({ kind: 'insert', line: b[--y]! });
    else edits.push({ kind: 'delete', line: a[--x]! });
  }
  return edits.reverse();
}

function replaced(a: readonly string[], b: readonly string[]): Edit[] {
  return [...a.map((line) => ({ kind: 'delete' as const, line })), ...b.map((line) => ({ kind: 'insert' as const, line }))];
}

export interface UnifiedDiffOptions {
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
  /** Diff lines printed at most, hunk headers included; the rest is summarized in one line (default 80). */
  maxLines?: number;
  /** Longer lines are cut, so one minified line cannot flood a terminal (default 200). */
  maxLineLength?: number;
}

/** A unified diff (`--- a/path`, `+++ b/path`, `@@` hunks); '' when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string, options: UnifiedDiffOptions = {}): string {
  const context = options.context ?? 3;
  const maxLines = options.maxLines ?? 80;
  const maxLineLength = options.maxLineLength ?? 200;
  const edits = diffLines(splitLines(before), splitLines(after));
  const hunks = groupHunks(edits, context);
  if (hunks.length === 0) return '';
  const body: string[] = [];
  for (const hunk of hunks) body.push(...renderHunk(edits, hunk, maxLineLength));
  const shown = body.length > maxLines ? body.slice(0, maxLines) : body;
  const lines = [`--- a/${path}`, `+++ b/${path}`, ...shown];
  if (body.length > maxLines) lines.push(`… ${body.length - maxLines} more diff lines`);
  return lines.join('\n') + '\n';
}

/** Edit index ranges [start, end) that make up each hunk, context included. */
interface HunkRange {
  start: number;
  end: number;
}

function groupHunks(edits: readonly Edit[], context: number): HunkRange[] {
  const hunks: HunkRange[] = [];
  edits.forEach((edit, i) => {
    if (edit.kind === 'equal') return;
    const start = Math.max(0, i - context);
    const end = Math.min(edits.length, i + 1 + context);
    const last = hunks[hunks.length - 1];
    // Changes whose contexts touch or overlap share one hunk.
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else hunks.push({ start, end });
  });
  return hunks;
}

function renderHunk(edits: readonly Edit[], hunk: HunkRange, maxLineLength: number): string[] {
  // Line numbers: count what precedes the hunk in each file.
  let oldLine = 0;
  let newLine = 0;
  for (let i = 0; i < hunk.start; i++) {
    if (edits[i]!.kind !== 'insert') oldLine++;
    if (edits[i]!.kind !== 'delete') newLine++;
  }
  const lines: string[] = [];
  let oldCount = 0;
  let newCount = 0;
  for (let i = hunk.start; i < hunk.end; i++) {
    const edit = edits[i]!;
    const marker = edit.kind === 'equal' ? ' ' : edit.kind === 'delete' ? '-' : '+';
    if (edit.kind !== 'insert') oldCount++;
    if (edit.kind !== 'delete') newCount++;
    lines.push(marker + shorten(edit.line.replace(/\r?\n$/, ''), maxLineLength));
    if (!edit.line.endsWith('\n')) lines.push('\\ No newline at end of file');
  }
  // A range of length 0 names the line before it, as diff(1) does.
  const range = (from: number, count: number): string => `${count === 0 ? from : from + 1},${count}`;
  return [`@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@`, ...lines];
}

function shorten(line: string, max: number): string {
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
