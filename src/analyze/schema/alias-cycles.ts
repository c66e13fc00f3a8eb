import type { NamedType, TypeNode } from '../../model/index.js';
import { intersection, NEVER, union, UNKNOWN } from './simplify.js';

/**
 * Drops references to `name` that sit in alias position (top level, through unions and
 * intersections): `A = A | B` means no more than `B`, `A = A & B` no more than `B`.
 */
export function withoutAliasRef(type: TypeNode, name: string, replacement: TypeNode = UNKNOWN): TypeNode {
  if (type.kind === 'ref') return type.target === name ? replacement : type;
  if (type.kind === 'union') return union(type.members.map((m) => withoutAliasRef(m, name, NEVER)));
  if (type.kind === 'intersection') return intersection(type.members.map((m) => withoutAliasRef(m, name, UNKNOWN)));
  return type;
}

/** Named types a type refers to in alias position; objects, arrays and tuples defer and are skipped. */
function aliasRefs(type: TypeNode, into = new Set<string>()): Set<string> {
  if (type.kind === 'ref') into.add(type.target);
  if (type.kind === 'union' || type.kind === 'intersection') for (const member of type.members) aliasRefs(member, into);
  return into;
}

/**
 * TypeScript rejects type aliases that reach themselves through aliases, unions and intersections
 * only (`A = B | x; B = A`: "circularly references itself"). schemaToType already removes direct
 * self-references; this breaks the longer cycles, in spec order: the reference that closes a
 * cycle is dropped from the type that makes it, exactly as a direct self-reference would be.
 */
export function breakAliasCycles(types: readonly NamedType[]): NamedType[] {
  const typeOf = new Map(types.map((t) => [t.key, t.type] as const));
  const done = new Set<string>();
  const onPath = new Set<string>();
  // Depth-first, with an explicit stack: an untrusted document can chain aliases deeper than the call stack.
  for (const root of types) {
    if (done.has(root.key)) continue;
    const stack = [{ key: root.key, targets: [...aliasRefs(root.type)] }];
    onPath.add(root.key);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const target = frame.targets.shift();
      if (target === undefined) {
        stack.pop();
        onPath.delete(frame.key);
        done.add(frame.key);
        continue;
      }
      const next = typeOf.get(target);
      if (onPath.has(target)) typeOf.set(frame.key, withoutAliasRef(typeOf.get(frame.key)!, target));
      else if (next !== undefined && !done.has(target)) {
        onPath.add(target);
        stack.push({ key: target, targets: [...aliasRefs(next)] });
      }
    }
  }
  return types.map((t) => (typeOf.get(t.key) === t.type ? t : { ...t, type: typeOf.get(t.key)! }));
}
