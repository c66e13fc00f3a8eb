import { exec } from 'jsonpath-rfc9535';
import { KeywayError } from '../../errors.js';
import { childPointer } from '../../json/json-pointer.js';
import { appendAll, appendOne, isPlainObject, mergeObject, type Written } from './merge-update.js';
import { rawSegments } from './normalized-path.js';
import type { OverlayAction, OverlayDocument } from './read-overlay.js';
import { describe } from './read-overlay.js';

/**
 * What an overlay changed, for the line and column of later errors: nodes it wrote (found in the
 * overlay's text), and arrays whose later items moved down when one was removed.
 */
export type OverlayChange =
  | ({ kind: 'written'; overlay: OverlayDocument } & Written)
  | { kind: 'shifted'; array: string[]; from: number };

interface Match {
  path: Array<string | number>;
  value: unknown;
}

/**
 * Applies the overlay's actions to the description, in order, each to the result of the one
 * before (Overlay 1.0 §Overlay Object). The description is changed in place; `changes` hears
 * what moved. A target that matches nothing is an error: an overlay written for another version
 * of the description would otherwise be skipped without a word.
 */
export function applyOverlay(document: Record<string, unknown>, overlay: OverlayDocument, changes: OverlayChange[]): void {
  overlay.actions.forEach((action, index) => applyAction(document, action, index, overlay, changes));
}

function applyAction(document: Record<string, unknown>, action: OverlayAction, index: number, overlay: OverlayDocument, changes: OverlayChange[]): void {
  const actionAt = ['actions', String(index)];
  const fail = (segments: readonly string[], message: string): never => {
    throw new KeywayError('E_OVERLAY', message, { file: overlay.file, pointer: childPointer('#', ...segments), ...(overlay.locate(segments) ?? overlay.locate(actionAt)) });
  };
  const matches: Match[] = [];
  try {
    exec(document as Parameters<typeof exec>[0], action.target, (value, path) => matches.push({ value, path: rawSegments(path) }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail([...actionAt, 'target'], `target ${JSON.stringify(action.target)} is not a valid JSONPath (RFC 9535): ${reason}`);
  }
  if (matches.length === 0) return fail(actionAt, `target ${JSON.stringify(action.target)} matches nothing`);
  if (action.remove) return removeAll(document, matches, action, actionAt, fail, changes);

  const updateAt = [...actionAt, 'update'];
  const ctx = {
    fail,
    wrote: (written: Written) => changes.push({ kind: 'written', overlay, ...written }),
  };
  for (const match of matches) {
    const at = match.path.map(String);
    if (isPlainObject(match.value)) {
      if (!isPlainObject(action.update)) {
        fail(updateAt, `target ${JSON.stringify(action.target)} selects an object at ${childPointer('#', ...at)}, so "update" must be an object to merge, not ${describe(action.update)}`);
      }
      mergeObject(match.value, action.update as Record<string, unknown>, at, updateAt, ctx);
    } else if (Array.isArray(match.value)) {
      if (Array.isArray(action.update)) appendAll(match.value, action.update, at, updateAt, ctx);
      else appendOne(match.value, action.update, at, updateAt, ctx);
    } else {
      fail(actionAt, `target ${JSON.stringify(action.target)} selects ${describe(match.value)} at ${childPointer('#', ...at)}; an update needs objects or arrays (select the object that holds the value)`);
    }
  }
}

/**
 * Removes every match from the object or array holding it. Deepest and highest-indexed first, so
 * that each removal leaves the paths of those still to come intact.
 */
function removeAll(
  document: Record<string, unknown>,
  matches: Match[],
  action: OverlayAction,
  actionAt: string[],
  fail: (segments: readonly string[], message: string) => never,
  changes: OverlayChange[],
): void {
  const ordered = [...matches].sort((a, b) => comparePaths(b.path, a.path));
  let previous: Match['path'] | undefined;
  for (const { path } of ordered) {
    if (previous !== undefined && comparePaths(previous, path) === 0) continue; // `$['a','a']` selects a node twice
    previous = path;
    if (path.length === 0) fail(actionAt, `target ${JSON.stringify(action.target)} selects the whole document, which cannot be removed`);
    const parent = resolve(document, path.slice(0, -1));
    const last = path[path.length - 1]!;
    if (Array.isArray(parent) && typeof last === 'number') {
      parent.splice(last, 1);
      changes.push({ kind: 'shifted', array: path.slice(0, -1).map(String), from: last });
    } else if (isPlainObject(parent) && typeof last === 'string') {
      delete parent[last];
    }
  }
}

function resolve(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const segment of path) node = (node as Record<string | number, unknown> | undefined)?.[segment];
  return node;
}

/** Document order, a path before the paths under it, array indexes by number. */
function comparePaths(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
