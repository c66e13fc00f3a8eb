import { childPointer } from '../../json/json-pointer.js';
import { describe } from './read-overlay.js';

/** A node an overlay wrote: at `at` in the description, taken from `from` in the overlay. */
export interface Written {
  at: string[];
  from: string[];
}

export interface MergeContext {
  /** Raises the error for an incompatible update value, at its place in the overlay. */
  fail: (overlaySegments: readonly string[], message: string) => never;
  /** Hears every node the overlay inserted or replaced. */
  wrote: (written: Written) => void;
}

/**
 * Merges an `update` object into a selected object, as the Overlay specification says (1.0, with
 * the steps 1.1 spells out): a property only in the target stays; one only in the update is
 * inserted; in both, a primitive replaces a primitive, an array is appended to an array, an object
 * merges into an object, and any other pairing is an error. Values are copied, so one update
 * applied to several targets leaves no node shared between them.
 */
export function mergeObject(target: Record<string, unknown>, update: Record<string, unknown>, at: string[], from: string[], ctx: MergeContext): void {
  for (const key of Object.keys(update)) {
    const incoming = update[key];
    const keyAt = [...at, key];
    const keyFrom = [...from, key];
    if (!Object.prototype.hasOwnProperty.call(target, key)) {
      setOwn(target, key, copy(incoming));
      ctx.wrote({ at: keyAt, from: keyFrom });
      continue;
    }
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(incoming)) mergeObject(existing, incoming, keyAt, keyFrom, ctx);
    else if (Array.isArray(existing) && Array.isArray(incoming)) appendAll(existing, incoming, keyAt, keyFrom, ctx);
    else if (isPrimitive(existing) && isPrimitive(incoming)) {
      setOwn(target, key, incoming);
      ctx.wrote({ at: keyAt, from: keyFrom });
    } else {
      ctx.fail(keyFrom, `cannot merge ${describe(incoming)} into ${describe(existing)} at ${childPointer('#', ...keyAt)} (an update replaces primitives, appends to arrays and merges objects)`);
    }
  }
}

/** Appends each item (copied) to the array: the target of an update that selects an array. */
export function appendAll(target: unknown[], items: readonly unknown[], at: string[], from: string[], ctx: MergeContext): void {
  items.forEach((item, index) => appendOne(target, item, at, [...from, String(index)], ctx));
}

export function appendOne(target: unknown[], item: unknown, at: string[], from: string[], ctx: MergeContext): void {
  ctx.wrote({ at: [...at, String(target.length)], from });
  target.push(copy(item));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/** An own property even for `__proto__`, which plain assignment would treat as the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A deep copy of parsed JSON/YAML data; JSON.parse keeps `__proto__` keys as own properties. */
function copy(value: unknown): unknown {
  return value === undefined || isPrimitive(value) ? value : JSON.parse(JSON.stringify(value));
}
