import { parseLocalRef, pointer } from '../json/json-pointer.js';

/**
 * Upgrading 2.0 to 3.0 moves things (`#/definitions/Pet` → `#/components/schemas/Pet`, a body
 * parameter's schema → `requestBody/content/…/schema`). Each move is recorded while converting,
 * then every local `$ref` is rewritten once, by the longest recorded prefix of its target —
 * which also covers the `#/paths/…` targets json-schema-ref-parser's bundle() can produce.
 */
export class Relocations {
  private readonly moves = new Map<string, readonly string[]>();

  add(from: readonly string[], to: readonly string[]): void {
    this.moves.set(pointer(...from), to);
  }

  /** Rewrites `$ref`s in place; a subtree shared by several parents is rewritten once. */
  apply(document: unknown): void {
    const seen = new Set<object>();
    const stack: unknown[] = [document];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === null || typeof node !== 'object' || seen.has(node)) continue;
      seen.add(node);
      if (Array.isArray(node)) {
        stack.push(...node);
        continue;
      }
      const object = node as Record<string, unknown>;
      if (typeof object['$ref'] === 'string') object['$ref'] = this.rewrite(object['$ref']);
      stack.push(...Object.values(object));
    }
  }

  rewrite(ref: string): string {
    const segments = parseLocalRef(ref);
    if (segments === undefined) return ref;
    for (let length = segments.length; length > 0; length--) {
      const target = this.moves.get(pointer(...segments.slice(0, length)));
      if (target) return pointer(...target, ...segments.slice(length));
    }
    return ref;
  }
}
